// The region or the municipality an analytic query asks about, checked against a scope: the
// aggregate scope for figures, the row scope for lists that name pupils or teachers.
import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInputError, ForbiddenError } from '../../errors';
import { parseId } from '../../shared/filters';
import { Municipality } from '../geography/geography.entity';
import { inScope, reachesRegion, type RowScope } from './viewer';

export type UnitChoice = { regionId: number } | { municipalityId: number };

/** Exactly one of regionId and municipalityId, within `scope`; with the region it lies in. */
export async function scopedUnit(
  em: EntityManager,
  input: { regionId?: string | null; municipalityId?: string | null },
  scope: RowScope,
): Promise<{ unit: UnitChoice; regionId: number }> {
  if ((input.regionId == null) === (input.municipalityId == null)) {
    throw new BadUserInputError('Give either regionId or municipalityId', { field: 'regionId' });
  }
  if (input.regionId != null) {
    const regionId = parseId(input.regionId, 'regionId');
    if (!reachesRegion(scope, regionId)) {
      throw new ForbiddenError('You may read your own region only');
    }
    return { unit: { regionId }, regionId };
  }
  const municipalityId = parseId(input.municipalityId!, 'municipalityId');
  const municipality = await em.findOne(
    Municipality,
    { id: municipalityId },
    { fields: ['id', 'region'] },
  );
  if (!municipality || !inScope(scope, { id: municipality.id, regionId: municipality.region.id })) {
    throw new ForbiddenError('This municipality is outside your scope');
  }
  return { unit: { municipalityId }, regionId: municipality.region.id };
}
