// The scope of a user or an API token: region ⊃ municipality ⊃ organization, kept consistent.
import type { EntityManager } from '@mikro-orm/postgresql';
import { Municipality, Organization, Region } from '../geography/geography.entity';
import { Role } from './access.enums';

export const SCOPE_FIELDS = ['regionId', 'municipalityId', 'organizationId'] as const;
export type ScopeField = (typeof SCOPE_FIELDS)[number];

export interface ScopeIds {
  regionId: number | null;
  municipalityId: number | null;
  organizationId: number | null;
}

export interface ScopeProblem {
  field: ScopeField;
  code: 'NOT_FOUND' | 'BAD_USER_INPUT' | 'REQUIRED';
  message: string;
}

// The scope each role needs: a methodologist without a municipality would see nothing.
export const REQUIRED_SCOPE: Partial<Record<Role, ScopeField>> = {
  [Role.REGIONAL_ANALYST]: 'regionId',
  [Role.MUNICIPAL_METHODOLOGIST]: 'municipalityId',
  [Role.SCHOOL_COORDINATOR]: 'organizationId',
};

/** The regions, municipalities and organizations named by a request, with their parents. */
export interface ScopeDirectory {
  regions: ReadonlySet<number>;
  /** Municipality id → its region id. */
  municipalities: ReadonlyMap<number, number>;
  /** Organization id → its municipality id. */
  organizations: ReadonlyMap<number, number>;
}

/** Three queries at most, whatever the number of scopes: the organizations' municipalities too. */
export async function loadScopeDirectory(
  em: EntityManager,
  scopes: readonly ScopeIds[],
): Promise<ScopeDirectory> {
  const ids = (field: ScopeField) =>
    [...new Set(scopes.map((scope) => scope[field]))].filter((id): id is number => id !== null);
  const orgIds = ids('organizationId');
  const orgs = orgIds.length ? await em.find(Organization, { id: { $in: orgIds } }) : [];
  const organizations = new Map(orgs.map((org) => [org.id, org.municipality.id]));
  const munIds = [...new Set([...ids('municipalityId'), ...organizations.values()])];
  const muns = munIds.length ? await em.find(Municipality, { id: { $in: munIds } }) : [];
  const regionIds = ids('regionId');
  const regions = regionIds.length ? await em.find(Region, { id: { $in: regionIds } }) : [];
  return {
    regions: new Set(regions.map((region) => region.id)),
    municipalities: new Map(muns.map((mun) => [mun.id, mun.region.id])),
    organizations,
  };
}

const NOT_FOUND_MESSAGE: Record<ScopeField, (id: number) => string> = {
  regionId: (id) => `Регион ${id} не найден`,
  municipalityId: (id) => `Муниципалитет ${id} не найден`,
  organizationId: (id) => `Организация ${id} не найдена`,
};

function unknownIds(dir: ScopeDirectory, scope: ScopeIds): ScopeProblem[] {
  const known: Record<ScopeField, (id: number) => boolean> = {
    regionId: (id) => dir.regions.has(id),
    municipalityId: (id) => dir.municipalities.has(id),
    organizationId: (id) => dir.organizations.has(id),
  };
  return SCOPE_FIELDS.flatMap((field) => {
    const id = scope[field];
    return id !== null && !known[field](id)
      ? [{ field, code: 'NOT_FOUND' as const, message: NOT_FOUND_MESSAGE[field](id) }]
      : [];
  });
}

/**
 * Settles a wanted scope (the request's values over the stored ones). A level brings its parent
 * along unless the parent was given in this request (`given`); a given parent must contain it.
 * A mismatch is blamed on the level the request changed, the lower one when it changed both.
 */
export function settleScope(
  dir: ScopeDirectory,
  wanted: ScopeIds,
  given: ReadonlySet<ScopeField>,
): { scope: ScopeIds; problems: ScopeProblem[] } {
  const notFound = unknownIds(dir, wanted);
  if (notFound.length) {
    return { scope: wanted, problems: notFound };
  }
  const scope = { ...wanted };
  const problems: ScopeProblem[] = [];
  const blame = (lower: ScopeField, upper: ScopeField) =>
    given.has(lower) || !given.has(upper) ? lower : upper;
  if (scope.organizationId !== null) {
    const parent = dir.organizations.get(scope.organizationId)!;
    if (!given.has('municipalityId') || scope.municipalityId === null) {
      scope.municipalityId = parent;
    } else if (parent !== scope.municipalityId) {
      problems.push({
        field: blame('organizationId', 'municipalityId'),
        code: 'BAD_USER_INPUT',
        message: `Организация ${scope.organizationId} не входит в муниципалитет ${scope.municipalityId}`,
      });
    }
  }
  if (scope.municipalityId !== null && !problems.length) {
    const parent = dir.municipalities.get(scope.municipalityId)!;
    if (!given.has('regionId') || scope.regionId === null) {
      scope.regionId = parent;
    } else if (parent !== scope.regionId) {
      problems.push({
        field: blame('municipalityId', 'regionId'),
        code: 'BAD_USER_INPUT',
        message: `Муниципалитет ${scope.municipalityId} не входит в регион ${scope.regionId}`,
      });
    }
  }
  return { scope, problems };
}

/** The scope field a role needs and the settled scope lacks, if any. */
export function missingScope(role: Role, scope: ScopeIds): ScopeProblem | null {
  const field = REQUIRED_SCOPE[role];
  return field && scope[field] === null
    ? { field, code: 'REQUIRED', message: `Роль ${role} требует ${field}` }
    : null;
}
