// The olympiad figures of every school of a region as computed indicator values (issue #7 item 2:
// «written as indicator values for the comparison queries»): 1.3.VSOSH_SCHOOL_COVER,
// 1.3.VSOSH_MUN_CONVERSION, 1.3.VSOSH_MUN_WP and 1.3.VSOSH_REG_WP_1000 of ВсОШ, with numerators
// and denominators so compareIndicators rolls them up. Three statements.
import type { EntityManager } from '@mikro-orm/postgresql';
import { pgArray } from '../../shared/pg-array';
import { DELETE_STALE_VALUES_SQL } from '../teachers/analytics.sql';
import { academicYearCode } from './olympiads.rules';

export const OLYMPIAD_INDICATORS = {
  coverage: '1.3.VSOSH_SCHOOL_COVER',
  conversion: '1.3.VSOSH_MUN_CONVERSION',
  municipalDiplomas: '1.3.VSOSH_MUN_WP',
  regionalPer1000: '1.3.VSOSH_REG_WP_1000',
} as const;

interface SchoolFigures {
  organization_id: number;
  municipality_id: number;
  has_entries: boolean;
  school_4_11: number;
  school_7_11: number;
  municipal_7_11: number;
  municipal_diplomas: number;
  regional_diplomas_9_11: number;
  pupils_4_11: number;
  pupils_9_11: number;
}

const FIGURES_SQL = `with rec as (
  select r.organization_id, r.municipality_id, r.student_id, r.stage, r.status, r.grade_actual
    from olympiad_record r
    join olympiad o on o.id = r.olympiad_id and o.kind = 'vsosh'
    join municipality m on m.id = r.municipality_id
   where r.year = ? and m.region_id = ?
), fig as (
  select organization_id, min(municipality_id) as municipality_id,
    count(distinct student_id) filter (where stage = 'school' and grade_actual between 4 and 11)::int as school_4_11,
    count(distinct student_id) filter (where stage = 'school' and grade_actual between 7 and 11)::int as school_7_11,
    count(distinct student_id) filter (where stage = 'municipal' and grade_actual between 7 and 11)::int as municipal_7_11,
    count(*) filter (where stage = 'municipal' and status <> 'participant')::int as municipal_diplomas,
    count(*) filter (where stage = 'regional' and status <> 'participant' and grade_actual between 9 and 11)::int as regional_diplomas_9_11
    from rec group by organization_id
), pupils as (
  select e.organization_id, min(e.municipality_id) as municipality_id,
    coalesce(sum(e.pupils) filter (where e.grade between 4 and 11), 0)::int as pupils_4_11,
    coalesce(sum(e.pupils) filter (where e.grade between 9 and 11), 0)::int as pupils_9_11
    from grade_enrolment e
    join municipality m on m.id = e.municipality_id
   where e.year = ? and m.region_id = ?
   group by e.organization_id
)
select organization_id, coalesce(f.municipality_id, p.municipality_id) as municipality_id,
       f.organization_id is not null as has_entries,
       coalesce(f.school_4_11, 0) as school_4_11, coalesce(f.school_7_11, 0) as school_7_11,
       coalesce(f.municipal_7_11, 0) as municipal_7_11,
       coalesce(f.municipal_diplomas, 0) as municipal_diplomas,
       coalesce(f.regional_diplomas_9_11, 0) as regional_diplomas_9_11,
       coalesce(p.pupils_4_11, 0) as pupils_4_11, coalesce(p.pupils_9_11, 0) as pupils_9_11
  from fig f full join pupils p using (organization_id)`;

// Only rows that change are touched (a re-run leaves the audit trail alone).
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

interface ValueRow {
  code: string;
  municipalityId: number;
  organizationId: number;
  value: number;
  numerator: number;
  denominator: number | null;
}

/** The values of one school; a rate without a denominator is not written. */
export function schoolValues(f: SchoolFigures): ValueRow[] {
  const unit = { municipalityId: f.municipality_id, organizationId: f.organization_id };
  const values: ValueRow[] = [];
  const ratio = (code: string, numerator: number, denominator: number, scale: number) => {
    if (denominator > 0) {
      values.push({
        code,
        ...unit,
        value: (scale * numerator) / denominator,
        numerator,
        denominator,
      });
    }
  };
  ratio(OLYMPIAD_INDICATORS.coverage, f.school_4_11, f.pupils_4_11, 100);
  ratio(OLYMPIAD_INDICATORS.conversion, f.municipal_7_11, f.school_7_11, 100);
  ratio(OLYMPIAD_INDICATORS.regionalPer1000, f.regional_diplomas_9_11, f.pupils_9_11, 1000);
  if (f.has_entries || f.pupils_4_11 > 0) {
    values.push({
      code: OLYMPIAD_INDICATORS.municipalDiplomas,
      ...unit,
      value: f.municipal_diplomas,
      numerator: f.municipal_diplomas,
      denominator: null,
    });
  }
  return values;
}

/** Writes the region's olympiad values of an academic year; returns the values written. */
export async function writeOlympiadIndicators(
  em: EntityManager,
  { year, regionId }: { year: number; regionId: number },
): Promise<number> {
  const figures = await em.execute<SchoolFigures[]>(FIGURES_SQL, [year, regionId, year, regionId]);
  const values = figures.flatMap(schoolValues);
  const period = academicYearCode(year);
  const written = values.length
    ? await em.execute<{ id: number }[]>(UPSERT_SQL, [
        period,
        `${year}-09-01`,
        pgArray(values.map((v) => v.code)),
        pgArray(values.map((v) => v.municipalityId)),
        pgArray(values.map((v) => v.organizationId)),
        pgArray(values.map((v) => v.value)),
        pgArray(values.map((v) => v.numerator)),
        pgArray(values.map((v) => v.denominator)),
      ])
    : [];
  await em.execute(DELETE_STALE_VALUES_SQL, [
    regionId,
    period,
    pgArray(Object.values(OLYMPIAD_INDICATORS)),
    pgArray(values.map((v) => v.code)),
    pgArray(values.map((v) => v.organizationId)),
  ]);
  return written.length;
}
