import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInputError, ForbiddenError } from '../../errors';
import { parseId } from '../../shared/filters';
import { pgArray } from '../../shared/pg-array';
import { readSql } from '../../shared/read-sql';
import { type Access, inScope, reachesRegion, type RowScope } from '../access/viewer';
import { indicatorsByCode, parsePeriods, requireOrganizationLevel } from './indicators.lookup';
import type { IndicatorSeriesInput } from './indicators.inputs';
import type { SeriesPoint } from './indicators.types';
import {
  figuresOf,
  PERIOD_RANGE,
  type RollupLevel,
  sourceRowsSql,
  UNIT_VALUES_SQL,
} from './rollup.sql';

// Units of each level with their name and place, for the scope check.
const UNITS_SQL: Record<RollupLevel, string> = {
  organization: `select o.id, coalesce(o.short_name, o.name) as name, m.id as municipality_id, m.region_id
    from organization o join municipality m on m.id = o.municipality_id where o.id = any(?::int[])`,
  municipality: `select m.id, m.short_name as name, m.id as municipality_id, m.region_id
    from municipality m where m.id = any(?::int[])`,
  region: `select r.id, r.name, null::int as municipality_id, r.id as region_id
    from region r where r.id = any(?::int[])`,
};

interface SeriesRow {
  code: string;
  unit_id: number;
  period: string;
  period_start: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

interface UnitRow {
  id: number;
  name: string;
  municipality_id: number | null;
  region_id: number;
}

function requestedUnits(input: IndicatorSeriesInput): { level: RollupLevel; ids: number[] } {
  const given = (
    [
      ['organization', input.organizationIds, 'organizationIds'],
      ['municipality', input.municipalityIds, 'municipalityIds'],
      ['region', input.regionIds, 'regionIds'],
    ] as const
  ).filter(([, ids]) => ids && ids.length > 0);
  if (given.length !== 1) {
    throw new BadUserInputError('Give exactly one of organizationIds, municipalityIds, regionIds', {
      field: 'municipalityIds',
    });
  }
  const [level, ids, field] = given[0];
  return { level, ids: [...new Set(ids!.map((id) => parseId(id, field)))] };
}

function allowed(scope: RowScope, level: RollupLevel, unit: UnitRow): boolean {
  if (level === 'region') {
    return reachesRegion(scope, unit.region_id);
  }
  return inScope(scope, { id: unit.municipality_id!, regionId: unit.region_id });
}

/**
 * Values of units across periods, oldest first (issue #4 time series): the given periods, or
 * every period of each indicator's kind between `from` and `to`. Three statements.
 */
export async function indicatorSeries(
  em: EntityManager,
  input: IndicatorSeriesInput,
  access: Access,
): Promise<SeriesPoint[]> {
  const scope = access.aggregateScope();
  const { level, ids } = requestedUnits(input);
  const indicators = await indicatorsByCode(em, input.indicatorCodes);
  if (level === 'organization') {
    requireOrganizationLevel(indicators);
  }
  const [from, to] = [input.from, input.to].map((p, i) =>
    p ? parsePeriods([p], i === 0 ? 'from' : 'to')[0].start : null,
  );
  // The scope check reads the primary: a unit created a moment ago must not be refused.
  const units = await em.execute<UnitRow[]>(UNITS_SQL[level], [pgArray(ids)]);
  if (units.length !== ids.length || units.some((unit) => !allowed(scope, level, unit))) {
    throw new ForbiddenError('Some of these units are unknown or outside your scope');
  }
  // The axis: periods present in the data for these indicators, units and dates.
  const sql = `with src as (${sourceRowsSql(level, '= any(?::int[])', PERIOD_RANGE)}),
  unit_values as (${UNIT_VALUES_SQL})
  select i.code, uv.unit_id, uv.period, to_char(uv.period_start, 'YYYY-MM-DD') as period_start,
         uv.value, uv.numerator, uv.denominator
  from unit_values uv join indicator i on i.id = uv.indicator_id
  order by i.code, uv.unit_id, uv.period_start`;
  const raw = await readSql<SeriesRow[]>(em, sql, [
    pgArray(indicators.map((i) => i.id)),
    from,
    from,
    to,
    to,
    pgArray(ids),
  ]);
  const names = new Map(units.map((unit) => [unit.id, unit.name]));
  return raw.map((row) => ({
    indicatorCode: row.code,
    unitId: String(row.unit_id),
    unitName: names.get(Number(row.unit_id)) ?? '',
    period: row.period,
    periodStart: row.period_start,
    ...figuresOf(row),
  }));
}
