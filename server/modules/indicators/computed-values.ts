// Values the hub computes itself (the assessment analysis, the teacher and olympiad analytics),
// written per organization for one academic year of a region: upserted touching only the rows
// that change (a re-run leaves the audit trail alone), and the computed values of the same codes
// that are no longer produced removed (a school without data any more). Two statements.
import type { EntityManager } from '@mikro-orm/postgresql';
import { pgArray } from '../../shared/pg-array';

export interface ComputedValue {
  code: string;
  municipalityId: number;
  organizationId: number;
  value: number;
  numerator: number;
  /** Null for counts. */
  denominator: number | null;
}

const UPSERT_SQL = `insert into indicator_value (indicator_id, municipality_id, organization_id,
    period, period_kind, period_start, value, numerator, denominator, source)
  select i.id, x.municipality_id, x.organization_id, ?, 'academic_year', ?::date,
         x.value, x.numerator, x.denominator, 'computed'
    from unnest(?::text[], ?::int[], ?::int[], ?::float8[], ?::float8[], ?::float8[])
         as x(code, municipality_id, organization_id, value, numerator, denominator)
    join indicator i on i.code = x.code
  on conflict (indicator_id, organization_id, period) where organization_id is not null
  do update set value = excluded.value, numerator = excluded.numerator,
                denominator = excluded.denominator, source = excluded.source,
                version = indicator_value.version + 1, updated_at = now()
   where (indicator_value.value, indicator_value.numerator, indicator_value.denominator,
          indicator_value.source)
         is distinct from (excluded.value, excluded.numerator, excluded.denominator, excluded.source)
  returning indicator_value.id`;

const DELETE_STALE_SQL = `delete from indicator_value v
  using indicator i, municipality m
  where i.id = v.indicator_id and m.id = v.municipality_id and m.region_id = ?
    and v.period = ? and v.organization_id is not null and v.source = 'computed'
    and i.code = any(?::text[])
    and (i.code, v.organization_id) not in (select * from unnest(?::text[], ?::int[]))`;

/**
 * Makes the region's computed values of `codes` for the period exactly `values`; returns the
 * values written (inserted or changed).
 */
export async function replaceComputedValues(
  em: EntityManager,
  target: { regionId: number; period: string; periodStart: string; codes: readonly string[] },
  values: readonly ComputedValue[],
): Promise<number> {
  const written = values.length
    ? await em.execute<{ id: number }[]>(UPSERT_SQL, [
        target.period,
        target.periodStart,
        pgArray(values.map((v) => v.code)),
        pgArray(values.map((v) => v.municipalityId)),
        pgArray(values.map((v) => v.organizationId)),
        pgArray(values.map((v) => v.value)),
        pgArray(values.map((v) => v.numerator)),
        pgArray(values.map((v) => v.denominator)),
      ])
    : [];
  await em.execute(DELETE_STALE_SQL, [
    target.regionId,
    target.period,
    pgArray(target.codes),
    pgArray(values.map((v) => v.code)),
    pgArray(values.map((v) => v.organizationId)),
  ]);
  return written.length;
}
