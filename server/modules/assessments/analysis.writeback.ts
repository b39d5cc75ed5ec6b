// Writes what a run found back where the rest of the hub reads it: one indicator value per
// school (0/1 of 1, so municipality shares roll up as ratios of sums and compareIndicators can
// use them) and the organization flags. Set-based, and only rows that change are touched, so
// a re-run with the same data leaves the audit trail alone.
import type { EntityManager } from '@mikro-orm/postgresql';
import { pgArray } from '../../shared/pg-array';

/** Indicator codes the analysis owns (catalogue entries marked computedBy). */
export const ANALYSIS_INDICATORS = {
  objectivitySigns: '1.1.OBJ_SIGNS',
  shnorShare: '1.2.SHNOR_SHARE',
  shnsuShare: '1.2.SHNSU_SHARE',
} as const;

/** A school's membership in one computed share: numerator 0 or 1, denominator 1. */
export interface ShareMember {
  indicatorCode: string;
  organizationId: number;
  municipalityId: number;
  member: boolean;
}

/** The academic year whose spring holds procedures of `year`: 2025 → 2024/2025. */
export function academicPeriodOf(year: number): { code: string; start: string } {
  return { code: `${year - 1}/${year}`, start: `${year - 1}-09-01` };
}

/**
 * Upserts the shares' values of one period for the region's schools and removes computed values
 * of schools no longer counted. Returns the values written (inserted or changed).
 */
export async function writeShareValues(
  em: EntityManager,
  regionId: number,
  year: number,
  members: readonly ShareMember[],
): Promise<number> {
  const period = academicPeriodOf(year);
  const codes = Object.values(ANALYSIS_INDICATORS);
  const written = await em.execute<{ id: number }[]>(
    `insert into indicator_value (indicator_id, municipality_id, organization_id, period, period_kind,
                                  period_start, value, numerator, denominator, source)
     select i.id, x.municipality_id, x.organization_id, ?, 'academic_year', ?::date,
            100.0 * x.numerator, x.numerator, 1, 'computed'
       from unnest(?::text[], ?::int[], ?::int[], ?::float8[])
            as x(code, municipality_id, organization_id, numerator)
       join indicator i on i.code = x.code
     on conflict (indicator_id, organization_id, period) where organization_id is not null
     do update set value = excluded.value, numerator = excluded.numerator,
                   denominator = excluded.denominator, source = excluded.source,
                   version = indicator_value.version + 1, updated_at = now()
      where (indicator_value.value, indicator_value.numerator, indicator_value.denominator,
             indicator_value.source)
            is distinct from (excluded.value, excluded.numerator, excluded.denominator, excluded.source)
     returning indicator_value.id`,
    [
      period.code,
      period.start,
      pgArray(members.map((m) => m.indicatorCode)),
      pgArray(members.map((m) => m.municipalityId)),
      pgArray(members.map((m) => m.organizationId)),
      pgArray(members.map((m) => (m.member ? 1 : 0))),
    ],
  );
  // A school that no longer takes part (its results were removed) loses its computed value.
  await em.execute(
    `delete from indicator_value v
      using indicator i, municipality m
      where i.id = v.indicator_id and m.id = v.municipality_id and m.region_id = ?
        and v.period = ? and v.organization_id is not null and v.source = 'computed'
        and i.code = any(?::text[])
        and (i.code, v.organization_id) not in
            (select * from unnest(?::text[], ?::int[]))`,
    [
      regionId,
      period.code,
      pgArray(codes),
      pgArray(members.map((m) => m.indicatorCode)),
      pgArray(members.map((m) => m.organizationId)),
    ],
  );
  return written.length;
}

/** The schools of the region holding each flag now. */
export interface OrganizationFlags {
  objectivityRisk: readonly number[];
  lowResults: readonly number[];
  unfavourableConditions: readonly number[];
  riskZone: readonly number[];
}

/** Sets the four flags of the region's organizations; only changed rows are updated. */
export async function writeOrganizationFlags(
  em: EntityManager,
  regionId: number,
  flags: OrganizationFlags,
): Promise<void> {
  await em.execute(
    `update organization o
        set objectivity_risk = n.objectivity_risk, low_results = n.low_results,
            unfavourable_conditions = n.unfavourable_conditions, risk_zone = n.risk_zone,
            updated_at = now()
       from (select o2.id,
                    o2.id = any(?::int[]) as objectivity_risk,
                    o2.id = any(?::int[]) as low_results,
                    o2.id = any(?::int[]) as unfavourable_conditions,
                    o2.id = any(?::int[]) as risk_zone
               from organization o2
               join municipality m on m.id = o2.municipality_id
              where m.region_id = ?) n
      where o.id = n.id
        and (o.objectivity_risk, o.low_results, o.unfavourable_conditions, o.risk_zone)
            is distinct from (n.objectivity_risk, n.low_results, n.unfavourable_conditions, n.risk_zone)`,
    [
      pgArray(flags.objectivityRisk),
      pgArray(flags.lowResults),
      pgArray(flags.unfavourableConditions),
      pgArray(flags.riskZone),
      regionId,
    ],
  );
}
