// The low-result page's data shaping: a year's statuses per municipality and school, with each
// school's statuses across the years.
import type { LowResultStatusNode, PlaceMunicipality, PlaceOrganization } from './analysis.queries';
import type { LowResultKind } from './assessments.queries';
import { LOW_RESULT_KINDS } from './assessments.queries';
import { municipalityName, schoolName } from './objectivity.model';

/** The `LowResultFilter` of the page: every year (for the history), one municipality or all. */
export function lowResultFilter(municipalityId: string): Record<string, unknown> {
  return municipalityId ? { municipalityId: { eq: municipalityId } } : {};
}

export interface YearStatuses {
  year: number;
  kinds: LowResultKind[];
}

export interface SchoolStatuses {
  organization: PlaceOrganization;
  /** The statuses of the chosen year, in the order of LOW_RESULT_KINDS. */
  statuses: LowResultStatusNode[];
  /** One entry per year shown, oldest first; `kinds` is empty in a year without a status. */
  history: YearStatuses[];
}

export interface MunicipalityStatuses {
  municipality: PlaceMunicipality;
  schools: SchoolStatuses[];
}

const kindOrder = (a: LowResultKind, b: LowResultKind) =>
  LOW_RESULT_KINDS.indexOf(a) - LOW_RESULT_KINDS.indexOf(b);

/** Each year's kinds of one school, for `years` (oldest first). */
export function statusHistory(
  statuses: readonly LowResultStatusNode[],
  organizationId: string,
  years: readonly number[],
): YearStatuses[] {
  const own = statuses.filter((s) => s.organization.id === organizationId);
  return [...years]
    .sort((a, b) => a - b)
    .map((year) => ({
      year,
      kinds: [...new Set(own.filter((s) => s.year === year).map((s) => s.kind))].sort(kindOrder),
    }));
}

/**
 * Schools with a status of `year` (of `kind` when given), grouped by municipality (by name),
 * schools by name, each with its history over `years`.
 */
export function groupLowResults(
  statuses: readonly LowResultStatusNode[],
  year: number,
  years: readonly number[],
  kind: LowResultKind | '' = '',
): MunicipalityStatuses[] {
  const shown = statuses.filter((s) => s.year === year && (kind === '' || s.kind === kind));
  const municipalities = new Map<string, MunicipalityStatuses>();
  const schools = new Map<string, SchoolStatuses>();
  for (const status of shown) {
    let school = schools.get(status.organization.id);
    if (!school) {
      school = {
        organization: status.organization,
        statuses: [],
        history: statusHistory(statuses, status.organization.id, years),
      };
      schools.set(status.organization.id, school);
      const group = municipalities.get(status.municipality.id) ?? {
        municipality: status.municipality,
        schools: [],
      };
      group.schools.push(school);
      municipalities.set(status.municipality.id, group);
    }
    school.statuses.push(status);
  }
  const byName = (a: string, b: string) => a.localeCompare(b, 'ru');
  for (const school of schools.values()) {
    school.statuses.sort((a, b) => kindOrder(a.kind, b.kind));
  }
  const groups = [...municipalities.values()];
  for (const group of groups) {
    group.schools.sort((a, b) => byName(schoolName(a.organization), schoolName(b.organization)));
  }
  return groups.sort((a, b) =>
    byName(municipalityName(a.municipality), municipalityName(b.municipality)),
  );
}

/** Counts of schools per kind in `year` (a school with two statuses counts in both). */
export function countByKind(
  statuses: readonly LowResultStatusNode[],
  year: number,
): Record<LowResultKind, number> {
  const counts = Object.fromEntries(LOW_RESULT_KINDS.map((k) => [k, 0])) as Record<
    LowResultKind,
    number
  >;
  const seen = new Set<string>();
  for (const s of statuses) {
    const key = `${s.kind}|${s.organization.id}`;
    if (s.year === year && !seen.has(key)) {
      seen.add(key);
      counts[s.kind] += 1;
    }
  }
  return counts;
}
