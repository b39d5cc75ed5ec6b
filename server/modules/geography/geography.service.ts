import type { EntityManager } from '@mikro-orm/postgresql';
import type { FilterQuery } from '@mikro-orm/core';
import { containsPattern, escapeLike, idCondition } from '../../shared/filters';
import { type ConnectionShape, findConnection } from '../../shared/pagination';
import { Municipality, Organization, Region } from './geography.entity';
import type { MunicipalityListArgs, OrganizationListArgs } from './geography.inputs';

export async function listRegions(em: EntityManager): Promise<Region[]> {
  return em.find(Region, {}, { orderBy: { name: 'asc' } });
}

export async function listMunicipalities(
  em: EntityManager,
  args: MunicipalityListArgs,
): Promise<ConnectionShape<Municipality>> {
  const where: FilterQuery<Municipality> = {};
  const ids = idCondition(args.filter?.id, 'filter.id');
  const regionIds = idCondition(args.filter?.regionId, 'filter.regionId');
  const name = containsPattern(args.filter?.name);
  if (ids) {
    where.id = ids;
  }
  if (regionIds) {
    where.region = regionIds;
  }
  if (name) {
    where.name = { $ilike: name };
  }
  return findConnection(em, Municipality, where, [{ name: 'asc' }, { id: 'asc' }], args);
}

export async function listOrganizations(
  em: EntityManager,
  args: OrganizationListArgs,
): Promise<ConnectionShape<Organization>> {
  const filter = args.filter ?? {};
  const where: FilterQuery<Organization> = {};
  const municipalityIds = idCondition(filter.municipalityId, 'filter.municipalityId');
  const name = containsPattern(filter.name);
  if (municipalityIds) {
    where.municipality = municipalityIds;
  }
  if (filter.kind?.length) {
    where.kind = { $in: filter.kind };
  }
  if (filter.lowResults != null) {
    where.lowResults = filter.lowResults;
  }
  if (filter.unfavourableConditions != null) {
    where.unfavourableConditions = filter.unfavourableConditions;
  }
  if (name) {
    where.name = { $ilike: name };
  }
  return findConnection(em, Organization, where, [{ name: 'asc' }, { id: 'asc' }], args);
}

/** Finds a municipality by numeric id or by (case-insensitive) name or short name. */
export async function findMunicipality(
  em: EntityManager,
  idOrName: string,
): Promise<Municipality | null> {
  if (/^\d+$/.test(idOrName)) {
    return em.findOne(Municipality, { id: Number(idOrName) });
  }
  // Exact, case-insensitive: wildcards in the given name match only themselves.
  const exact = escapeLike(idOrName.trim());
  const matches = await em.find(Municipality, {
    $or: [{ name: { $ilike: exact } }, { shortName: { $ilike: exact } }],
  });
  return matches.length === 1 ? matches[0] : null;
}
