import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { idCondition, stringCondition } from '../../shared/filters';
import { type ConnectionShape, findConnection } from '../../shared/pagination';
import { type Access, municipalityScopeFilter } from '../access/viewer';
import { Indicator, IndicatorValue } from './indicators.entity';
import type { IndicatorListArgs, IndicatorValueListArgs } from './indicators.inputs';

/** The catalogue, in code order; every signed-in viewer (dashboards too) may read it. */
export async function listIndicators(
  em: EntityManager,
  args: IndicatorListArgs,
  access: Access,
): Promise<ConnectionShape<Indicator>> {
  access.requireViewer();
  const where: Record<string, unknown> = {};
  const codes = stringCondition(args.filter?.code);
  const directions = stringCondition(args.filter?.directionCode);
  if (codes) {
    where.code = codes;
  }
  if (directions) {
    where.direction = { code: directions };
  }
  return findConnection(em, Indicator, where, { code: 'asc' }, args);
}

/** Stored values (rows) in the viewer's row scope: indicator, unit, then period order. */
export async function listIndicatorValues(
  em: EntityManager,
  args: IndicatorValueListArgs,
  access: Access,
): Promise<ConnectionShape<IndicatorValue>> {
  const scope = municipalityScopeFilter(access.rowScope());
  const filter = args.filter ?? {};
  const where: Record<string, unknown>[] = [{ municipality: scope }];
  const codes = stringCondition(filter.indicatorCode);
  const periods = stringCondition(filter.period);
  const municipalities = idCondition(filter.municipalityId, 'municipalityId');
  const organizations = idCondition(filter.organizationId, 'organizationId');
  if (codes) {
    where.push({ indicator: { code: codes } });
  }
  if (periods) {
    where.push({ period: periods });
  }
  if (municipalities) {
    where.push({ municipality: municipalities });
  }
  if (organizations) {
    where.push({ organization: organizations });
  }
  if (filter.municipalityLevel != null) {
    where.push({ organization: filter.municipalityLevel ? null : { $ne: null } });
  }
  return findConnection<IndicatorValue>(
    em,
    IndicatorValue,
    { $and: where } as FilterQuery<IndicatorValue>,
    [
      { indicator: { code: 'asc' } },
      { municipality: 'asc' },
      { organization: 'asc' },
      { periodStart: 'asc' },
    ],
    args,
  );
}
