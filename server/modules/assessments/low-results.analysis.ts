// ШНОР, the risk zone and ШНСУ of one region and year (DOMAIN.md §3.2) from the loaded school
// scores and social-passport values: groups them by the configured scope and runs the pure
// rules. Schools left out of ШНОР for objectivity signs come back as their own status.
import type { AnalysisSettings } from './analysis.settings';
import type { SchoolSocialRow, SchoolYearScore } from './analysis.data';
import { LowResultKind } from './assessments.enums';
import { identifyRiskZone, identifyShnor, type SchoolYearResult } from './low-results';
import { identifyShnsu } from './social-wellbeing';

/** A status found for one school. */
export interface LocatedStatus {
  organizationId: number;
  municipalityId: number;
  kind: LowResultKind;
  rule: string;
  metric: number | null;
  threshold: number | null;
  evidence: string;
}

/** Years of scores the rules look back over, ending in `year`. */
export function lowResultWindow(
  year: number,
  settings: AnalysisSettings,
): { from: number; to: number } {
  const t = settings.lowResults;
  const span = Math.max(
    t.consecutiveYears,
    t.riskDeclineYears + 1,
    t.riskMaxSlope === null ? 1 : t.riskSlopeYears,
  );
  return { from: year - span + 1, to: year };
}

function groupBy<T>(items: readonly T[], key: (item: T) => number | string): T[][] {
  const groups = new Map<number | string, T[]>();
  for (const item of items) {
    const k = key(item);
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return [...groups.values()];
}

export function findLowResults(
  scores: readonly SchoolYearScore[],
  social: readonly SchoolSocialRow[],
  year: number,
  settings: AnalysisSettings,
): LocatedStatus[] {
  const t = settings.lowResults;
  const scope = settings.lowResultScope;
  const municipalityOf = new Map<number, number>();
  for (const s of [...scores, ...social]) {
    municipalityOf.set(s.organizationId, s.municipalityId);
  }
  const located = (schoolId: string) => ({
    organizationId: Number(schoolId),
    municipalityId: municipalityOf.get(Number(schoolId))!,
  });
  const toResult = (s: SchoolYearScore): SchoolYearResult => ({
    schoolId: String(s.organizationId),
    year: s.year,
    score: s.score,
    cohort: s.cohort,
    objectivityFlag: s.objectivityFlag,
  });
  const statuses: LocatedStatus[] = [];
  const scopeKey = (s: { municipalityId: number }) => (scope === 'region' ? 0 : s.municipalityId);
  for (const group of groupBy(scores, scopeKey)) {
    const { shnor, objectivityExcluded } = identifyShnor(group.map(toResult), year, t, scope);
    for (const f of shnor) {
      statuses.push({
        ...located(f.schoolId),
        kind: LowResultKind.SHNOR,
        rule: f.rule,
        metric: f.metric,
        threshold: f.threshold,
        evidence: f.evidence,
      });
    }
    for (const e of objectivityExcluded) {
      statuses.push({
        ...located(e.schoolId),
        kind: LowResultKind.OBJECTIVITY_EXCLUDED,
        rule: 'shnor/objectivity-excluded/1',
        metric: e.score,
        threshold: e.cutoff,
        evidence: e.evidence,
      });
    }
  }
  // A declining trend is a school's own history: no grouping needed.
  for (const f of identifyRiskZone(scores.map(toResult), year, t)) {
    statuses.push({
      ...located(f.schoolId),
      kind: LowResultKind.RISK_ZONE,
      rule: f.rule,
      metric: f.metric,
      threshold: f.threshold,
      evidence: f.evidence,
    });
  }
  for (const group of groupBy(social, scopeKey)) {
    const schools = group.map((s) => ({ schoolId: String(s.organizationId), values: s.values }));
    for (const f of identifyShnsu(schools, settings.socialComponents, year, t, scope)) {
      statuses.push({
        ...located(f.schoolId),
        kind: LowResultKind.SHNSU,
        rule: f.rule,
        metric: f.metric,
        threshold: f.threshold,
        evidence: f.evidence,
      });
    }
  }
  return statuses;
}
