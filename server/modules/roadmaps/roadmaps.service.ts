import type { EntityManager } from '@mikro-orm/postgresql';
import type { FilterQuery } from '@mikro-orm/core';
import { idCondition } from '../../shared/filters';
import { type ConnectionShape, toConnection, toPage } from '../../shared/pagination';
import { type Access, municipalityScopeFilter } from '../access/viewer';
import { Roadmap } from './roadmaps.entity';
import type { RoadmapListArgs } from './roadmaps.inputs';

export async function listRoadmaps(
  em: EntityManager,
  args: RoadmapListArgs,
  access: Access,
): Promise<ConnectionShape<Roadmap>> {
  const scope = access.rowScope();
  const page = toPage(args);
  const municipalityIds = idCondition(args.filter?.municipalityId, 'filter.municipalityId');
  const regionIds = idCondition(args.filter?.regionId, 'filter.regionId');
  const where: FilterQuery<Roadmap> = {};
  if (municipalityIds || regionIds) {
    where.municipality = {
      ...(municipalityIds ? { id: municipalityIds } : {}),
      ...(regionIds ? { region: regionIds } : {}),
    };
  }
  const scoped: FilterQuery<Roadmap> = {
    $and: [where, { municipality: municipalityScopeFilter(scope) }],
  };
  const [items, total] = await em.findAndCount(Roadmap, scoped, {
    orderBy: [{ id: 'asc' }],
    limit: page.limit,
    offset: page.offset,
  });
  return toConnection(items, total, page);
}
