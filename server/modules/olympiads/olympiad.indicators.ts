// The olympiad figures of every school of a region as computed indicator values (issue #7 item 2:
// «written as indicator values for the comparison queries»): 1.3.VSOSH_SCHOOL_COVER,
// 1.3.VSOSH_MUN_CONVERSION, 1.3.VSOSH_MUN_WP and 1.3.VSOSH_REG_WP_1000 of ВсОШ, with numerators
// and denominators so compareIndicators rolls them up. Three statements (figures, upsert, clean-up).
import type { EntityManager } from '@mikro-orm/postgresql';
import { type ComputedValue, replaceComputedValues } from '../indicators/computed-values';
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

/** The values of one school; a rate without a denominator is not written. */
export function schoolValues(f: SchoolFigures): ComputedValue[] {
  const unit = { municipalityId: f.municipality_id, organizationId: f.organization_id };
  const values: ComputedValue[] = [];
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
  return replaceComputedValues(
    em,
    {
      regionId,
      period: academicYearCode(year),
      periodStart: `${year}-09-01`,
      codes: Object.values(OLYMPIAD_INDICATORS),
    },
    figures.flatMap(schoolValues),
  );
}
