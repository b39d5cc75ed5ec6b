// School social-wellbeing index (ИСБШ) and ШНСУ (DOMAIN.md §3.2): ИСБШ = mean of the
// components' z-scores, each oriented so that higher is better; ШНСУ = its bottom quartile.
import { countRu, formatNumber } from './assessments.format';
import {
  bottomGroup,
  DEFAULT_LOW_RESULT_THRESHOLDS,
  type LowResultFinding,
  type LowResultScope,
  type LowResultThresholds,
  scopeGenitive,
} from './low-results';
import { quantile, standardize } from './statistics';

/** A component of the index, e.g. the share of single-parent families (lower_better). */
export interface SocialComponent {
  key: string;
  /** Russian name for the evidence, e.g. «доля неполных семей». */
  label: string;
  polarity: 'higher_better' | 'lower_better';
}

export interface SchoolSocialData {
  schoolId: string;
  /** Component key → value; a missing or null value leaves the school out of the index. */
  values: Readonly<Record<string, number | null | undefined>>;
}

export interface SocialIndexEntry {
  schoolId: string;
  index: number;
  /** Oriented z-score of each component (higher is better). */
  z: Record<string, number>;
}

/**
 * ИСБШ of every school with all components. z-scores use the mean and sample sd over those
 * schools; a constant component gives every school z = 0 (it does not tell them apart).
 */
export function socialWellbeingIndex(
  schools: readonly SchoolSocialData[],
  components: readonly SocialComponent[],
): { entries: SocialIndexEntry[]; incomplete: string[] } {
  const value = (s: SchoolSocialData, key: string) => s.values[key];
  const complete = schools.filter((s) =>
    components.every((c) => typeof value(s, c.key) === 'number'),
  );
  const incomplete = schools.filter((s) => !complete.includes(s)).map((s) => s.schoolId);
  const oriented = components.map((c) => {
    const z = standardize(complete.map((s) => value(s, c.key) as number));
    return c.polarity === 'higher_better' ? z : z.map((x) => -x);
  });
  const entries = complete.map((s, i) => {
    const z = Object.fromEntries(components.map((c, k) => [c.key, oriented[k][i]]));
    const sum = components.reduce((total, c) => total + z[c.key], 0);
    return { schoolId: s.schoolId, index: components.length ? sum / components.length : 0, z };
  });
  return { entries, incomplete };
}

/**
 * ШНСУ in `year`: ИСБШ ≤ percentile_cont(shnsuBottomQuantile) over the schools with all
 * components (at the cutoff is in), given at least minSchools of them. The evidence names the
 * components that pull the index down most (up to three, negative oriented z only).
 */
export function identifyShnsu(
  schools: readonly SchoolSocialData[],
  components: readonly SocialComponent[],
  year: number,
  thresholds: LowResultThresholds = DEFAULT_LOW_RESULT_THRESHOLDS,
  scope: LowResultScope = 'region',
): LowResultFinding[] {
  const { entries } = socialWellbeingIndex(schools, components);
  if (entries.length < thresholds.minSchools || components.length === 0) {
    return [];
  }
  const indices = entries.map((e) => e.index);
  const cutoff = quantile(indices, thresholds.shnsuBottomQuantile);
  const group = bottomGroup(thresholds.shnsuBottomQuantile);
  return entries
    .filter((e) => e.index <= cutoff)
    .map((e) => {
      const weakest = components
        .filter((c) => e.z[c.key] < 0)
        .sort((a, b) => e.z[a.key] - e.z[b.key])
        .slice(0, 3)
        .map((c) => `${c.label} (z = ${formatNumber(e.z[c.key], 2)})`);
      const why = weakest.length ? ` Ниже среднего: ${weakest.join(', ')}.` : '';
      return {
        schoolId: e.schoolId,
        kind: 'shnsu' as const,
        year,
        rule: `shnsu/bottom-${group.code}/1`,
        metric: e.index,
        threshold: cutoff,
        evidence:
          `Индекс социального благополучия ${formatNumber(e.index, 2)} — ${group.phrase} ` +
          `${scopeGenitive(scope)} (граница ${formatNumber(cutoff, 2)}; ` +
          `${countRu(entries.length, 'школа', 'школы', 'школ')}).${why}`,
      };
    });
}
