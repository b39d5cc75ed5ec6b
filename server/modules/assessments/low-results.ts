// Low-result schools (DOMAIN.md §3.2) as pure functions over per-school, per-year rows of one
// region or municipality: ШНОР (bottom quartile for consecutive years), the risk zone (a
// declining trend). ШНСУ (social-wellbeing index) is in social-wellbeing.ts. No database access.
import { countRu, formatNumber, formatSigned } from './assessments.format';
import { linearSlope, quantile } from './statistics';

/** One school's result in one year. */
export interface SchoolYearResult {
  schoolId: string;
  /** Calendar year, or the first year of an academic year: consecutive years differ by 1. */
  year: number;
  /** Higher is better: mean % correct, or 100 − the share of «2», … */
  score: number;
  cohort: number;
  /** The school has a sign of non-objective results on this result. */
  objectivityFlag: boolean;
}

/** Every threshold of §3.2; configurable data. [I] = DOMAIN.md's suggestion, «ours» otherwise. */
export interface LowResultThresholds {
  /** Results of smaller cohorts are left out of the quartile and the trend. [I] 10. */
  minCohort: number;
  /** Fewest eligible schools in a year for a quartile to be computed. Ours: 4. */
  minSchools: number;
  /** The bottom group: score ≤ percentile_cont(bottomQuantile). [I] 0.25 (0.1 = decile). */
  bottomQuantile: number;
  /** ШНОР: in the bottom group this many consecutive years ending in the evaluated one. [I] 2. */
  consecutiveYears: number;
  /** Risk zone: the score fell in each of this many consecutive years… Ours: 2. */
  riskDeclineYears: number;
  /** …by at least this much (score units) each time. Ours: 3. */
  riskMinDecline: number;
  /** Or: least-squares slope over this many years… Ours: 3. */
  riskSlopeYears: number;
  /** …at or below this (score units per year); null turns the slope rule off. Ours: null. */
  riskMaxSlope: number | null;
  /** ШНСУ: social-wellbeing index ≤ percentile_cont(this). [I] 0.25. */
  shnsuBottomQuantile: number;
}

export const DEFAULT_LOW_RESULT_THRESHOLDS: LowResultThresholds = Object.freeze({
  minCohort: 10,
  minSchools: 4,
  bottomQuantile: 0.25,
  consecutiveYears: 2,
  riskDeclineYears: 2,
  riskMinDecline: 3,
  riskSlopeYears: 3,
  riskMaxSlope: null,
  shnsuBottomQuantile: 0.25,
});

export type LowResultScope = 'region' | 'municipality';

/** A status of a school in the evaluated year, with the rule that produced it. */
export interface LowResultFinding {
  schoolId: string;
  kind: 'shnor' | 'shnsu' | 'risk_zone';
  year: number;
  /** Rule and version, e.g. 'shnor/bottom-quartile-2y/1'. */
  rule: string;
  metric: number;
  threshold: number;
  /** Russian sentence with the numbers. */
  evidence: string;
}

/** The bottom group of one year among the eligible schools. */
export interface YearCutoff {
  year: number;
  /** percentile_cont(bottomQuantile) of eligible scores; null with fewer than minSchools. */
  cutoff: number | null;
  eligible: number;
  bottom: ReadonlySet<string>;
}

/** A school left out of the quartile for an objectivity sign, reported on its own. */
export interface ObjectivityExcluded {
  schoolId: string;
  year: number;
  score: number;
  cutoff: number | null;
  /** Score at or below the cutoff computed without it; null when there is no cutoff. */
  atOrBelowCutoff: boolean | null;
  evidence: string;
}

/** «в нижнем квартиле» and the rule code part for a bottom quantile. */
export function bottomGroup(q: number): { code: string; phrase: string } {
  if (q === 0.25) {
    return { code: 'quartile', phrase: 'в нижнем квартиле' };
  }
  if (q === 0.1) {
    return { code: 'decile', phrase: 'в нижнем дециле' };
  }
  const percent = formatNumber(q * 100, 0);
  return { code: `p${percent}`, phrase: `в нижних ${percent} %` };
}

export function scopeGenitive(scope: LowResultScope): string {
  return scope === 'region' ? 'региона' : 'муниципалитета';
}

function isEligible(row: SchoolYearResult, t: LowResultThresholds): boolean {
  return row.cohort >= t.minCohort && !row.objectivityFlag;
}

/** Rows by school, then year; one row per school and year. */
function indexRows(rows: readonly SchoolYearResult[]): Map<string, Map<number, SchoolYearResult>> {
  const bySchool = new Map<string, Map<number, SchoolYearResult>>();
  for (const row of rows) {
    const years = bySchool.get(row.schoolId) ?? new Map<number, SchoolYearResult>();
    if (years.has(row.year)) {
      throw new RangeError(`two results for school ${row.schoolId} in ${row.year}`);
    }
    bySchool.set(row.schoolId, years.set(row.year, row));
  }
  return bySchool;
}

/**
 * The bottom group per year: among schools with cohort ≥ minCohort and no objectivity flag,
 * those with score ≤ percentile_cont(bottomQuantile) — a score exactly at the cutoff is in it.
 */
export function bottomQuartileByYear(
  rows: readonly SchoolYearResult[],
  thresholds: LowResultThresholds = DEFAULT_LOW_RESULT_THRESHOLDS,
): Map<number, YearCutoff> {
  indexRows(rows); // refuses two rows for one school and year
  const result = new Map<number, YearCutoff>();
  for (const year of new Set(rows.map((r) => r.year))) {
    const eligible = rows.filter((r) => r.year === year && isEligible(r, thresholds));
    const scores = eligible.map((r) => r.score);
    const cutoff =
      scores.length >= thresholds.minSchools ? quantile(scores, thresholds.bottomQuantile) : null;
    const bottom = new Set(
      cutoff === null ? [] : eligible.filter((r) => r.score <= cutoff).map((r) => r.schoolId),
    );
    result.set(year, { year, cutoff, eligible: eligible.length, bottom });
  }
  return result;
}

/**
 * ШНОР in `year`: in the bottom group in each of the consecutiveYears years ending in `year`.
 * A year out of it — above the cutoff, no result, small cohort, objectivity flag or too few
 * schools — breaks the run. Flagged schools of `year` are reported apart, with their position.
 */
export function identifyShnor(
  rows: readonly SchoolYearResult[],
  year: number,
  thresholds: LowResultThresholds = DEFAULT_LOW_RESULT_THRESHOLDS,
  scope: LowResultScope = 'region',
): { shnor: LowResultFinding[]; objectivityExcluded: ObjectivityExcluded[] } {
  const groups = bottomQuartileByYear(rows, thresholds);
  const bySchool = indexRows(rows);
  const k = thresholds.consecutiveYears;
  const years = Array.from({ length: k }, (_, i) => year - k + 1 + i);
  const group = bottomGroup(thresholds.bottomQuantile);
  const shnor: LowResultFinding[] = [];
  const objectivityExcluded: ObjectivityExcluded[] = [];
  for (const [schoolId, results] of bySchool) {
    const current = results.get(year);
    if (current?.objectivityFlag && current.cohort >= thresholds.minCohort) {
      objectivityExcluded.push(excluded(current, groups.get(year)!, group.phrase));
    }
    if (!years.every((y) => groups.get(y)?.bottom.has(schoolId))) {
      continue;
    }
    const history = years
      .map((y) => {
        const g = groups.get(y)!;
        return (
          `${y} г. — ${formatNumber(results.get(y)!.score)} (граница ${formatNumber(g.cutoff!)}; ` +
          `${countRu(g.eligible, 'школа', 'школы', 'школ')})`
        );
      })
      .join(', ');
    shnor.push({
      schoolId,
      kind: 'shnor',
      year,
      rule: `shnor/bottom-${group.code}-${k}y/1`,
      metric: current!.score,
      threshold: groups.get(year)!.cutoff!,
      evidence:
        `Результат ${group.phrase} ${scopeGenitive(scope)} ` +
        `${countRu(k, 'год', 'года', 'лет')} подряд: ${history}.`,
    });
  }
  return { shnor, objectivityExcluded };
}

function excluded(row: SchoolYearResult, g: YearCutoff, phrase: string): ObjectivityExcluded {
  const below = g.cutoff === null ? null : row.score <= g.cutoff;
  const position =
    g.cutoff === null
      ? 'граница не рассчитана: мало школ'
      : `он ${below ? 'не выше' : 'выше'} границы ${formatNumber(g.cutoff)}, ` +
        `рассчитанной без него`;
  return {
    schoolId: row.schoolId,
    year: row.year,
    score: row.score,
    cutoff: g.cutoff,
    atOrBelowCutoff: below,
    evidence:
      `Результат ${row.year} г. (${formatNumber(row.score)}) не учитывался при отборе школ ` +
      `${phrase}: у школы есть признаки необъективности; ${position}.`,
  };
}

/**
 * Risk zone in `year`: the score fell in each of the last riskDeclineYears years by at least
 * riskMinDecline (and by more than 0), or — when riskMaxSlope is set — the least-squares slope
 * over the last riskSlopeYears years is ≤ riskMaxSlope. Only eligible results count (cohort ≥
 * minCohort, no objectivity flag) and every year of the window must have one.
 */
export function identifyRiskZone(
  rows: readonly SchoolYearResult[],
  year: number,
  thresholds: LowResultThresholds = DEFAULT_LOW_RESULT_THRESHOLDS,
): LowResultFinding[] {
  const findings: LowResultFinding[] = [];
  for (const [schoolId, results] of indexRows(rows)) {
    const window = (length: number) => {
      const years = Array.from({ length }, (_, i) => year - length + 1 + i);
      const picked = years.map((y) => results.get(y));
      return picked.every((r) => r !== undefined && isEligible(r, thresholds))
        ? { years, scores: picked.map((r) => r!.score) }
        : null;
    };
    const found = [declineRule(window(thresholds.riskDeclineYears + 1), thresholds)];
    if (thresholds.riskMaxSlope !== null) {
      found.push(slopeRule(window(thresholds.riskSlopeYears), thresholds.riskMaxSlope));
    }
    const fired = found.filter((f) => f !== null);
    if (fired.length > 0) {
      findings.push({
        schoolId,
        kind: 'risk_zone',
        year,
        rule: fired[0].rule,
        metric: fired[0].metric,
        threshold: fired[0].threshold,
        evidence: fired.map((f) => f.evidence).join(' '),
      });
    }
  }
  return findings;
}

type Window = { years: number[]; scores: number[] } | null;
type Fired = Pick<LowResultFinding, 'rule' | 'metric' | 'threshold' | 'evidence'>;

function declineRule(window: Window, t: LowResultThresholds): Fired | null {
  if (!window || window.years.length < 2) {
    return null;
  }
  const { years, scores } = window;
  const falls = scores.slice(1).map((score, i) => scores[i] - score);
  const smallest = Math.min(...falls);
  // At the threshold flags; a fall of 0 never does.
  if (!(smallest > 0 && smallest >= t.riskMinDecline)) {
    return null;
  }
  const steps = years
    .map(
      (y, i) =>
        `${y} г. — ${formatNumber(scores[i])}${i > 0 ? ` (${formatSigned(-falls[i - 1])})` : ''}`,
    )
    .join(', ');
  return {
    rule: `risk_zone/decline-${falls.length}y/1`,
    metric: smallest,
    threshold: t.riskMinDecline,
    evidence:
      `Результат снижается ${countRu(falls.length, 'год', 'года', 'лет')} подряд: ${steps}; ` +
      `каждое снижение не меньше ${formatNumber(t.riskMinDecline)}.`,
  };
}

function slopeRule(window: Window, maxSlope: number): Fired | null {
  const slope = window ? linearSlope(window.years, window.scores) : null;
  if (!window || slope === null || !(slope <= maxSlope)) {
    return null;
  }
  const { years, scores } = window;
  return {
    rule: `risk_zone/slope-${years.length}y/1`,
    metric: slope,
    threshold: maxSlope,
    evidence:
      `Тренд за ${years[0]}–${years[years.length - 1]} гг. ` +
      `(${scores.map((s) => formatNumber(s)).join(' → ')}): наклон ${formatNumber(slope, 2)} ` +
      `в год ≤ ${formatNumber(maxSlope, 2)}.`,
  };
}
