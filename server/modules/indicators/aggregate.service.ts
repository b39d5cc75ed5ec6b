import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInputError, ForbiddenError } from '../../errors';
import { parseId } from '../../shared/filters';
import { pgArray } from '../../shared/pg-array';
import { readSql } from '../../shared/read-sql';
import type { Access } from '../access/viewer';
import { IndicatorLevel } from './indicators.enums';
import { AggregateGroup, type IndicatorAggregateInput } from './indicators.inputs';
import { indicatorsByCode, parsePeriods } from './indicators.lookup';
import type { AggregateRow } from './indicators.types';
import { AGGREGATE_SQL, figuresOf, sourceRowsSql } from './rollup.sql';

// Grouping columns of the source rows; only these names ever reach the SQL text.
const GROUP_COLUMNS: Record<AggregateGroup, string[]> = {
  [AggregateGroup.MUNICIPALITY]: ['s.municipality_id'],
  [AggregateGroup.PERIOD]: ['s.period'],
  [AggregateGroup.ORGANIZATION_KIND]: ['s.organization_kind'],
  [AggregateGroup.SETTLEMENT]: ['s.settlement'],
};

/** The municipalities the aggregate covers: the filter, within the viewer's aggregate scope. */
function unitFilter(
  input: IndicatorAggregateInput,
  access: Access,
): { sql: string; params: unknown[] } {
  const scope = access.aggregateScope();
  const regionId = input.regionId != null ? parseId(input.regionId, 'regionId') : null;
  const municipalityId =
    input.municipalityId != null ? parseId(input.municipalityId, 'municipalityId') : null;
  if ('regionId' in scope && regionId != null && regionId !== scope.regionId) {
    throw new ForbiddenError('This region is outside your scope');
  }
  if (
    'municipalityId' in scope &&
    (regionId != null || (municipalityId ?? scope.municipalityId) !== scope.municipalityId)
  ) {
    throw new ForbiddenError('This municipality is outside your scope');
  }
  const conditions = ['true'];
  const params: unknown[] = [];
  for (const [column, id] of [
    ['region_id', regionId ?? ('regionId' in scope ? scope.regionId : null)],
    ['id', municipalityId ?? ('municipalityId' in scope ? scope.municipalityId : null)],
  ] as const) {
    if (id != null) {
      conditions.push(`${column} = ?`);
      params.push(id);
    }
  }
  return {
    sql: `in (select id from municipality where ${conditions.join(' and ')})`,
    params,
  };
}

interface AggregateSqlRow {
  code: string;
  period: string | null;
  municipality_id: number | null;
  municipality_name: string | null;
  organization_kind: string | null;
  settlement: string | null;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  value_count: number;
}

/**
 * A grouped aggregate for dashboards (issue #4): values rolled up by each indicator's rule,
 * grouped by any of municipality, period, organization kind and urban/rural. Two statements.
 */
export async function indicatorAggregate(
  em: EntityManager,
  input: IndicatorAggregateInput,
  access: Access,
): Promise<AggregateRow[]> {
  const groups = [...new Set(input.groupBy)];
  const filter = unitFilter(input, access);
  const periods = parsePeriods(input.periods);
  const indicators = await indicatorsByCode(em, input.indicatorCodes);
  const byOrganization = groups.some(
    (g) => g === AggregateGroup.ORGANIZATION_KIND || g === AggregateGroup.SETTLEMENT,
  );
  const municipal = indicators.filter((i) => i.level !== IndicatorLevel.ORGANIZATION);
  if (byOrganization && municipal.length > 0) {
    throw new BadUserInputError(
      `Grouping by organization kind or settlement needs organization values; not: ${municipal.map((i) => i.code).join(', ')}`,
      { field: 'groupBy' },
    );
  }
  const columns = groups.flatMap((group) => GROUP_COLUMNS[group]);
  const groupSql = ['i.id', 'i.code', ...columns].join(', ');
  const select = (group: AggregateGroup, expression: string) =>
    groups.includes(group) ? expression : 'null';
  const sql = `with src as (${sourceRowsSql('municipality', filter.sql)})
    select i.code,
      ${select(AggregateGroup.PERIOD, 's.period')} as period,
      ${select(AggregateGroup.MUNICIPALITY, 's.municipality_id')} as municipality_id,
      ${select(AggregateGroup.MUNICIPALITY, '(select short_name from municipality where id = s.municipality_id)')} as municipality_name,
      ${select(AggregateGroup.ORGANIZATION_KIND, 's.organization_kind')} as organization_kind,
      ${select(AggregateGroup.SETTLEMENT, 's.settlement')} as settlement,
      ${AGGREGATE_SQL} as value, sum(s.numerator) as numerator, sum(s.denominator) as denominator,
      count(*)::int as value_count
    from src s join indicator i on i.id = s.indicator_id
    group by ${groupSql}
    order by ${groupSql}`;
  const raw = await readSql<AggregateSqlRow[]>(em, sql, [
    pgArray(indicators.map((i) => i.id)),
    pgArray(periods.map((p) => p.code)),
    ...filter.params,
  ]);
  return raw.map((row) => ({
    indicatorCode: row.code,
    period: row.period,
    municipalityId: row.municipality_id == null ? null : String(row.municipality_id),
    municipalityName: row.municipality_name,
    organizationKind: row.organization_kind?.toUpperCase() ?? null,
    settlement: row.settlement?.toUpperCase() ?? null,
    ...figuresOf(row),
    valueCount: row.value_count,
  }));
}
