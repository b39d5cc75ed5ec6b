// Professional deficits from a diagnostic (DOMAIN.md §2 DeficitDiagnostic, §3.3): pure rules,
// no database access. Scores are on the instrument's scale per area (e.g. 0–100 points).
import { CompetencyArea } from './teachers.enums';

/** One area an instrument measures: its maximum and the score below which it is a deficit. */
export interface CampaignArea {
  area: CompetencyArea;
  maxScore: number;
  /** A score strictly below this is a deficit (at the threshold is not). */
  deficitBelow: number;
}

/** The areas whose score is below the campaign's threshold, in the campaign's area order. */
export function detectDeficits(
  scores: Readonly<Partial<Record<CompetencyArea, number>>>,
  areas: readonly CampaignArea[],
): CompetencyArea[] {
  return areas
    .filter(({ area, deficitBelow }) => {
      const score = scores[area];
      return score !== undefined && score !== null && score < deficitBelow;
    })
    .map(({ area }) => area);
}

/** Age under which, with little teaching experience, a teacher is a young specialist. */
export const YOUNG_SPECIALIST_AGE = 35;
/** Teaching years up to which a teacher is in the «first three years» [K]. */
export const YOUNG_SPECIALIST_YEARS = 3;

/**
 * Young specialist: under 35 in the given year and at most three years of teaching (DOMAIN.md
 * §3.3; issue #6: «under 35, first three years»). Unknown birth year or experience: not one.
 */
export function isYoungSpecialist(
  teacher: { birthYear: number | null; teachingExperienceYears: number | null },
  year: number,
): boolean {
  const { birthYear, teachingExperienceYears } = teacher;
  if (birthYear === null || teachingExperienceYears === null) {
    return false;
  }
  return (
    year - birthYear < YOUNG_SPECIALIST_AGE && teachingExperienceYears <= YOUNG_SPECIALIST_YEARS
  );
}

/**
 * A route closes when a later diagnosis measured every targeted area and shows none of them
 * as a deficit (issue #6: «the route closes when a later diagnosis no longer shows the
 * deficit»). An area the later instrument did not measure keeps the route open.
 */
export function routeCloses(
  targeted: readonly CompetencyArea[],
  later: { deficits: readonly CompetencyArea[]; measured: readonly CompetencyArea[] },
): boolean {
  return (
    targeted.length > 0 &&
    targeted.every((area) => later.measured.includes(area) && !later.deficits.includes(area))
  );
}
