// The objectivity page's data shaping: query filters, signs grouped by school, year choices,
// the analysis settings as a flat list.
import type { ObjectivitySignNode, PlaceMunicipality, PlaceOrganization } from './analysis.queries';
import type { ObjectivitySignKind } from './assessments.queries';
import { SIGN_KINDS } from './assessments.queries';

export interface SignSelection {
  year: number | null;
  municipalityId: string;
  sign: ObjectivitySignKind | '';
}

/** The `ObjectivitySignFilter` of a selection; empty choices are left out (all of them). */
export function signFilter(selection: SignSelection): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  if (selection.year !== null) {
    filter.year = [selection.year];
  }
  if (selection.municipalityId) {
    filter.municipalityId = { eq: selection.municipalityId };
  }
  if (selection.sign) {
    filter.sign = [selection.sign];
  }
  return filter;
}

export interface SchoolSigns {
  organization: PlaceOrganization;
  municipality: PlaceMunicipality;
  signs: ObjectivitySignNode[];
}

export const schoolName = (o: Pick<PlaceOrganization, 'name' | 'shortName'>) =>
  o.shortName ?? o.name;
export const municipalityName = (m: Pick<PlaceMunicipality, 'name' | 'shortName'>) =>
  m.shortName ?? m.name;

const byName = (a: string, b: string) => a.localeCompare(b, 'ru');

/**
 * One entry per school, by municipality then school name; a school's signs by procedure (kind,
 * subject, grade) and then in the order of the method's list of signs.
 */
export function groupSignsBySchool(signs: readonly ObjectivitySignNode[]): SchoolSigns[] {
  const bySchool = new Map<string, SchoolSigns>();
  for (const sign of signs) {
    const entry = bySchool.get(sign.organization.id) ?? {
      organization: sign.organization,
      municipality: sign.municipality,
      signs: [],
    };
    entry.signs.push(sign);
    bySchool.set(sign.organization.id, entry);
  }
  const schools = [...bySchool.values()];
  for (const school of schools) {
    school.signs.sort(
      (a, b) =>
        a.procedure.kind.localeCompare(b.procedure.kind) ||
        byName(a.procedure.subject, b.procedure.subject) ||
        (a.procedure.grade ?? 0) - (b.procedure.grade ?? 0) ||
        SIGN_KINDS.indexOf(a.sign) - SIGN_KINDS.indexOf(b.sign),
    );
  }
  return schools.sort(
    (a, b) =>
      byName(municipalityName(a.municipality), municipalityName(b.municipality)) ||
      byName(schoolName(a.organization), schoolName(b.organization)),
  );
}

/** Distinct years, newest first, from any number of sources (nulls skipped). */
export function yearChoices(...sources: readonly (number | null | undefined)[][]): number[] {
  const years = new Set<number>();
  for (const source of sources) {
    for (const year of source) {
      if (typeof year === 'number' && Number.isInteger(year)) {
        years.add(year);
      }
    }
  }
  return [...years].sort((a, b) => b - a);
}

export interface SettingEntry {
  key: string;
  value: string;
}

/** A JSON settings object as `a.b.c = value` lines (arrays of scalars on one line). */
export function flattenSettings(value: unknown, prefix = ''): SettingEntry[] {
  if (value === null || typeof value !== 'object') {
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    return prefix ? [{ key: prefix, value: text }] : [];
  }
  if (Array.isArray(value)) {
    const scalars = value.every((v) => v === null || typeof v !== 'object');
    if (scalars) {
      return [{ key: prefix, value: value.map((v) => String(v)).join(', ') }];
    }
    return value.flatMap((item, i) => flattenSettings(item, `${prefix}[${i}]`));
  }
  return Object.entries(value as Record<string, unknown>).flatMap(([key, item]) =>
    flattenSettings(item, prefix ? `${prefix}.${key}` : key),
  );
}
