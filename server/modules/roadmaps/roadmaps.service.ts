import type { EntityManager } from '@mikro-orm/postgresql';
import type { FilterQuery } from '@mikro-orm/core';
import { idCondition } from '../../shared/filters';
import { type ConnectionShape, toConnection, toPage } from '../../shared/pagination';
import { Roadmap } from './roadmaps.entity';
import type { RoadmapListArgs } from './roadmaps.inputs';

export async function listRoadmaps(
  em: EntityManager,
  args: RoadmapListArgs,
): Promise<ConnectionShape<Roadmap>> {
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
  const [items, total] = await em.findAndCount(Roadmap, where, {
    orderBy: [{ id: 'asc' }],
    limit: page.limit,
    offset: page.offset,
  });
  return toConnection(items, total, page);
}
