import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInputError, ForbiddenError } from '../../errors';
import { parseId } from '../../shared/filters';
import { pgArray } from '../../shared/pg-array';
import { readSql } from '../../shared/read-sql';
import { type Access, inScope, reachesRegion } from '../access/viewer';
import { Municipality } from '../geography/geography.entity';
import {
  indicatorsByCode,
  parsePeriods,
  requireOrganizationLevel,
  withPrevious,
} from './indicators.lookup';
import type { CompareIndicatorsInput } from './indicators.inputs';
import {
  ComparedUnitKind,
  type ComparisonRow,
  type ComparisonSummary,
  type IndicatorComparison,
} from './indicators.types';
import {
  figuresOf,
  numberOrNull,
  PARENT_VALUES_SQL,
  type RollupLevel,
  sourceRowsSql,
  UNIT_VALUES_SQL,
} from './rollup.sql';

// The compared units: municipalities of a region, or organizations of a municipality ($parent).
const UNITS_SQL: Record<ComparedUnitKind, string> = {
  [ComparedUnitKind.MUNICIPALITY]: `select id, short_name as name, demo from municipality where region_id = ?`,
  [ComparedUnitKind.ORGANIZATION]: `select id, coalesce(short_name, name) as name, demo
    from organization where municipality_id = ?`,
};

/**
 * Every figure of the comparison in one statement: the rolled-up value of each unit, the
 * previous period's, the parent's own value, and the statistics over the units (mean, median,
 * population standard deviation, best), then rank, z-score, motivating score and target per row.
 * Parameters: parent id, indicator ids, periods (with previous ones), then the grid's periods,
 * previous periods and kinds.
 */
function comparisonSql(level: RollupLevel, unitKind: ComparedUnitKind): string {
  return `with units as (${UNITS_SQL[unitKind]}),
src as (${sourceRowsSql(level, 'in (select id from units)')}),
unit_values as (${UNIT_VALUES_SQL}),
-- materialized: computed once (inlined, the planner re-ran it for every output row)
parent as materialized (${PARENT_VALUES_SQL}),
periods as (select * from unnest(?::text[], ?::text[], ?::period_kind[]) as p(period, previous, kind)),
grid as (
  select i.id as indicator_id, i.code, i.polarity, i.target, p.period, p.previous,
         u.id as unit_id, u.name as unit_name, u.demo
  from indicator i
  join periods p on p.kind = i.period_kind
  cross join units u
  where i.id = any(?::int[])
),
cur as (
  select g.*, uv.value, uv.numerator, uv.denominator, pv.value as previous_value
  from grid g
  left join unit_values uv
    on uv.indicator_id = g.indicator_id and uv.period = g.period and uv.unit_id = g.unit_id
  left join unit_values pv
    on pv.indicator_id = g.indicator_id and pv.period = g.previous and pv.unit_id = g.unit_id
),
stats as (
  select indicator_id, period, count(value)::int as n, avg(value) as mean,
         percentile_cont(0.5) within group (order by value) as median,
         stddev_pop(value) as sd, max(value) as max_value, min(value) as min_value
  from cur group by indicator_id, period
)
select c.code, c.period, c.unit_id, c.unit_name, c.demo,
       c.value, c.numerator, c.denominator, c.previous_value,
       c.value - c.previous_value as change,
       case when c.value is not null then rank() over (
         partition by c.indicator_id, c.period
         order by case when c.polarity = 'higher_better' then -c.value else c.value end
       ) end as rank,
       case when st.sd > 0 then (c.value - st.mean) / st.sd end as z_score,
       case
         when c.value is null then null
         when c.polarity = 'higher_better' then
           case when c.value = st.max_value then 100
                when st.max_value > 0 then greatest(0, 100 * c.value / st.max_value) end
         else
           case when c.value = st.min_value then 100
                when c.value > 0 and st.min_value >= 0 then 100 * st.min_value / c.value end
       end as score,
       case when c.target is null or c.value is null then null
            when c.polarity = 'higher_better' then c.value >= c.target
            else c.value <= c.target end as target_met,
       st.n, st.mean, st.median, st.sd,
       pa.value as parent_value, pa.numerator as parent_numerator, pa.denominator as parent_denominator
from cur c
join stats st on st.indicator_id = c.indicator_id and st.period = c.period
left join parent pa on pa.indicator_id = c.indicator_id and pa.period = c.period
order by c.code, c.period, rank nulls last, c.unit_name`;
}

interface RawRow {
  code: string;
  period: string;
  unit_id: number;
  unit_name: string;
  demo: boolean;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  previous_value: number | null;
  change: number | null;
  rank: string | number | null;
  z_score: number | null;
  score: number | null;
  target_met: boolean | null;
  n: number;
  mean: number | null;
  median: number | null;
  sd: number | null;
  parent_value: number | null;
  parent_numerator: number | null;
  parent_denominator: number | null;
}

/** Where the comparison happens and at which level, checked against the viewer's scope. */
async function comparedParent(
  em: EntityManager,
  input: CompareIndicatorsInput,
  access: Access,
): Promise<{ parentId: number; level: RollupLevel; unitKind: ComparedUnitKind }> {
  const scope = access.aggregateScope();
  if ((input.regionId == null) === (input.municipalityId == null)) {
    throw new BadUserInputError('Give either regionId or municipalityId', { field: 'regionId' });
  }
  if (input.regionId != null) {
    const regionId = parseId(input.regionId, 'regionId');
    if (!reachesRegion(scope, regionId)) {
      throw new ForbiddenError('You may compare the municipalities of your own region only');
    }
    return { parentId: regionId, level: 'municipality', unitKind: ComparedUnitKind.MUNICIPALITY };
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
  return {
    parentId: municipalityId,
    level: 'organization',
    unitKind: ComparedUnitKind.ORGANIZATION,
  };
}

/**
 * The comparison's one statement and its values (the benchmark's plain-SQL floor sends the
 * same). Municipalities of a region (level "municipality") or organizations of a municipality.
 */
export function comparisonStatement(input: {
  level: RollupLevel;
  parentId: number;
  indicatorIds: number[];
  periods: string[];
}): { sql: string; values: unknown[] } {
  const periods = withPrevious(parsePeriods(input.periods));
  const indicatorIds = pgArray(input.indicatorIds);
  const unitKind =
    input.level === 'municipality' ? ComparedUnitKind.MUNICIPALITY : ComparedUnitKind.ORGANIZATION;
  return {
    sql: comparisonSql(input.level, unitKind),
    values: [
      input.parentId,
      indicatorIds,
      pgArray([...new Set(periods.flatMap((p) => [p.period.code, p.previous.code]))]),
      pgArray(periods.map((p) => p.period.code)),
      pgArray(periods.map((p) => p.previous.code)),
      pgArray(periods.map((p) => p.period.kind)),
      indicatorIds,
    ],
  };
}

/**
 * Compares units on indicators and periods (issue #4): a constant number of statements —
 * indicators by code, the parent (municipality comparisons only), and one computing statement.
 */
export async function compareIndicators(
  em: EntityManager,
  input: CompareIndicatorsInput,
  access: Access,
): Promise<IndicatorComparison> {
  const { parentId, level, unitKind } = await comparedParent(em, input, access);
  const periods = withPrevious(parsePeriods(input.periods));
  const indicators = await indicatorsByCode(em, input.indicatorCodes);
  if (unitKind === ComparedUnitKind.ORGANIZATION) {
    requireOrganizationLevel(indicators);
  }
  const statement = comparisonStatement({
    level,
    parentId,
    indicatorIds: indicators.map((i) => i.id),
    periods: input.periods,
  });
  const raw = await readSql<RawRow[]>(em, statement.sql, statement.values);
  return {
    unitKind,
    indicators,
    periods: periods.map((p) => p.period.code),
    rows: raw.map(toRow),
    summaries: summariesOf(raw),
  };
}

function toRow(row: RawRow): ComparisonRow {
  return {
    indicatorCode: row.code,
    period: row.period,
    unitId: String(row.unit_id),
    unitName: row.unit_name,
    demo: row.demo,
    ...figuresOf(row),
    rank: numberOrNull(row.rank),
    zScore: numberOrNull(row.z_score),
    score: numberOrNull(row.score),
    previousValue: numberOrNull(row.previous_value),
    change: numberOrNull(row.change),
    targetMet: row.target_met,
  };
}

// The statistics repeat on every row of an indicator and period: one summary per pair.
function summariesOf(raw: RawRow[]): ComparisonSummary[] {
  const seen = new Map<string, ComparisonSummary>();
  for (const row of raw) {
    const key = `${row.code}\u0000${row.period}`;
    if (!seen.has(key)) {
      seen.set(key, {
        indicatorCode: row.code,
        period: row.period,
        count: row.n,
        mean: numberOrNull(row.mean),
        median: numberOrNull(row.median),
        standardDeviation: numberOrNull(row.sd),
        parentValue: numberOrNull(row.parent_value),
        parentNumerator: numberOrNull(row.parent_numerator),
        parentDenominator: numberOrNull(row.parent_denominator),
      });
    }
  }
  return [...seen.values()];
}
