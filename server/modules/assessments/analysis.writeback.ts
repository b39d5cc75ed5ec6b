// Writes what a run found back where the rest of the hub reads it: one indicator value per
// school (0/1 of 1, so municipality shares roll up as ratios of sums and compareIndicators can
// use them) and the organization flags. Set-based, and only rows that change are touched, so
// a re-run with the same data leaves the audit trail alone.
import type { EntityManager } from '@mikro-orm/postgresql';
import { pgArray } from '../../shared/pg-array';
import { replaceComputedValues } from '../indicators/computed-values';

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
  // A school that no longer takes part (its results were removed) loses its computed value.
  return replaceComputedValues(
    em,
    {
      regionId,
      period: period.code,
      periodStart: period.start,
      codes: Object.values(ANALYSIS_INDICATORS),
    },
    members.map((m) => ({
      code: m.indicatorCode,
      municipalityId: m.municipalityId,
      organizationId: m.organizationId,
      value: m.member ? 100 : 0,
      numerator: m.member ? 1 : 0,
      denominator: 1,
    })),
  );
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
