import { IndicatorUnit, unitScale } from './indicators.enums';

/**
 * The roll-up of indicator values in SQL (issue #4): values entered for organizations (or, for
 * municipality-level indicators, for municipalities) combine into a higher unit's value by the
 * indicator's aggregation rule. A share is re-computed from summed numerators and denominators,
 * never averaged. Aliases: `i` = indicator, `s` = source rows (value, numerator, denominator,
 * weight).
 */
export type RollupLevel = 'organization' | 'municipality' | 'region';

// The scale of a ratio, from the one TypeScript definition (unitScale).
const SCALE_SQL = `(case i.unit ${Object.values(IndicatorUnit)
  .map((unit) => `when '${unit}' then ${unitScale(unit)}`)
  .join(' ')} end)`;

/** The aggregate of source rows `s` by the rule of indicator `i` (use inside GROUP BY i.id). */
export const AGGREGATE_SQL = `(case i.aggregation
  when 'sum' then sum(s.value)
  when 'ratio_of_sums' then ${SCALE_SQL} * sum(s.numerator) / nullif(sum(s.denominator), 0)
  when 'enrolment_weighted_mean' then coalesce(
    sum(s.value * s.weight) / nullif(sum(s.weight), 0),
    avg(s.value))
  when 'min' then min(s.value)
  when 'max' then max(s.value)
end)`;

const UNIT_COLUMN: Record<RollupLevel, string> = {
  organization: 'v.organization_id',
  municipality: 'v.municipality_id',
  region: 'm.region_id',
};

/** Period condition of the source rows: a list of periods (one text[] parameter) by default. */
export const PERIOD_LIST = 'v.period = any(?::text[])';
/** Or a range of first days (parameters: from, from, to, to; null = open). */
export const PERIOD_RANGE =
  '(?::date is null or v.period_start >= ?::date) and (?::date is null or v.period_start <= ?::date)';

/**
 * Source rows of the chosen indicators whose period passes `periodFilter` and whose unit at
 * `level` passes `unitFilter` (e.g. "in (select id from units)"). Parameters, in order:
 * indicator ids (int[]), then the period filter's.
 * Organization-level indicators read organizations' values, the others municipalities' own;
 * the weight of a mean is the organization's enrolment, or the municipality's total.
 */
export function sourceRowsSql(
  level: RollupLevel,
  unitFilter: string,
  periodFilter: string = PERIOD_LIST,
): string {
  return `select v.indicator_id, v.period, v.period_start, ${UNIT_COLUMN[level]} as unit_id,
      v.municipality_id, o.kind::text as organization_kind, o.settlement::text as settlement,
      v.value, v.numerator, v.denominator,
      -- a municipality's own value weighs its organizations' total enrolment (looked up only then)
      case when v.organization_id is null
        then (select sum(e.enrolment) from organization e where e.municipality_id = v.municipality_id)
        else o.enrolment end as weight
    from indicator_value v
    join indicator i on i.id = v.indicator_id
    join municipality m on m.id = v.municipality_id
    left join organization o on o.id = v.organization_id
    where v.indicator_id = any(?::int[]) and ${periodFilter}
      and (v.organization_id is not null) = (i.level = 'organization')
      and ${UNIT_COLUMN[level]} ${unitFilter}`;
}

/** One rolled-up value per indicator × period × unit, from a `src` CTE of source rows. */
export const UNIT_VALUES_SQL = `select s.indicator_id, s.period, min(s.period_start) as period_start, s.unit_id,
    ${AGGREGATE_SQL} as value,
    sum(s.numerator) as numerator, sum(s.denominator) as denominator,
    count(*)::int as source_count
  from src s join indicator i on i.id = s.indicator_id
  group by i.id, s.indicator_id, s.period, s.unit_id`;

/** One rolled-up value per indicator × period over every source row (the parent unit's value). */
export const PARENT_VALUES_SQL = `select s.indicator_id, s.period,
    ${AGGREGATE_SQL} as value,
    sum(s.numerator) as numerator, sum(s.denominator) as denominator
  from src s join indicator i on i.id = s.indicator_id
  group by i.id, s.indicator_id, s.period`;

/** A number column of a raw row (drivers may hand doubles and counts back as strings), or null. */
export function numberOrNull(value: unknown): number | null {
  return value == null ? null : Number(value);
}

/** The rolled-up figures of a raw row with `value`, `numerator` and `denominator` columns. */
export function figuresOf(row: { value: unknown; numerator: unknown; denominator: unknown }): {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
} {
  return {
    value: numberOrNull(row.value),
    numerator: numberOrNull(row.numerator),
    denominator: numberOrNull(row.denominator),
  };
}
