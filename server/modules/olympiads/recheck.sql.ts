// The SQL of the re-check candidates (issue #7 item 3). Distributions are the region's: tasks of
// a stage are common to the region's schools (the regional subject commissions set them).
import { pgArray } from '../../shared/pg-array';
import { Bindings } from '../../shared/sql-bindings';
import type { OlympiadStage, OutlierDirection } from './olympiads.enums';

export interface RecheckQuery {
  olympiadId: number;
  year: number;
  regionId: number;
  /** Only candidates of this municipality (the distribution stays the region's). */
  municipalityId: number | null;
  stages: readonly OlympiadStage[];
}

export interface OutlierWorkRow {
  record_id: number;
  stage: OlympiadStage;
  subject_id: number;
  grade_performed: number;
  student_id: number;
  organization_id: number;
  municipality_id: number;
  score: number;
  max_score: number;
  percent: number;
  group_size: number;
  group_median: number;
  group_mad: number;
  robust_z: number;
  direction: OutlierDirection;
  next_stage_percent: number | null;
}

/**
 * Papers far from their group (stage, subject, grade performed) by the Iglewicz–Hoaglin modified
 * z-score 0.6745·(x − median)/MAD on the share of the maximum; where half the group share a
 * score (MAD = 0), the mean absolute deviation stands in (z = (x − median)/(1.2533·MeanAD)).
 * Groups below the minimum size are not judged. With the same pupil's share at the next stage.
 * The group statistics are materialized: the planner took `dev` for one row and recomputed the
 * medians once per paper (seconds to minutes on a region's ~20k papers instead of 0.1 s).
 */
export function outlierWorksSql(
  query: RecheckQuery,
  minGroup: number,
  minZ: number,
): { sql: string; params: unknown[] } {
  const b = new Bindings();
  const sql = `with base as (
  select r.id, r.stage, r.subject_id, r.grade_performed, r.student_id, r.organization_id,
         r.municipality_id, r.score, r.max_score, r.score / r.max_score as pct
    from olympiad_record r
    join municipality m on m.id = r.municipality_id
   where r.olympiad_id = ${b.add(query.olympiadId)} and r.year = ${b.add(query.year)}
     and m.region_id = ${b.add(query.regionId)}
     and r.stage = any(${b.add(pgArray(query.stages), 'olympiad_stage[]')})
), grp as materialized (
  select stage, subject_id, grade_performed, count(*)::int as n,
         percentile_cont(0.5) within group (order by pct) as median
    from base group by stage, subject_id, grade_performed
  having count(*) >= ${b.add(minGroup)}
), dev as (
  select b.*, g.n, g.median, abs(b.pct - g.median) as ad
    from base b join grp g using (stage, subject_id, grade_performed)
), spread as materialized (
  select stage, subject_id, grade_performed,
         percentile_cont(0.5) within group (order by ad) as mad, avg(ad) as mean_ad
    from dev group by stage, subject_id, grade_performed
), scored as (
  select d.*, s.mad,
         case when s.mad > 0 then 0.6745 * (d.pct - d.median) / s.mad
              when s.mean_ad > 0 then (d.pct - d.median) / (1.253314 * s.mean_ad)
         end as z
    from dev d join spread s using (stage, subject_id, grade_performed)
)
select s.id as record_id, s.stage, s.subject_id, s.grade_performed, s.student_id,
       s.organization_id, s.municipality_id, s.score, s.max_score, 100 * s.pct as percent,
       s.n as group_size, 100 * s.median as group_median, 100 * s.mad as group_mad,
       s.z as robust_z, case when s.z > 0 then 'high' else 'low' end as direction,
       100 * nx.score / nx.max_score as next_stage_percent
  from scored s
  left join olympiad_record nx
    on nx.student_id = s.student_id and nx.subject_id = s.subject_id
   and nx.olympiad_id = ${b.add(query.olympiadId)} and nx.year = ${b.add(query.year)}
   and nx.stage = (enum_range(s.stage, null))[2]
 where abs(s.z) >= ${b.add(minZ)}
   ${query.municipalityId === null ? '' : `and s.municipality_id = ${b.add(query.municipalityId)}`}
 order by abs(s.z) desc, s.id
 limit 1000`;
  return { sql, params: b.values };
}

export interface AnomalousSchoolRow {
  organization_id: number;
  municipality_id: number;
  stage: OlympiadStage;
  entries: number;
  diplomas: number;
  reference_entries: number;
  reference_diplomas: number;
  z: number;
  diploma_holders: number;
  next_stage_participants: number;
  next_stage_diplomas: number;
  reference_next_stage_participants: number;
  reference_next_stage_diplomas: number;
}

/**
 * Schools whose share of winners and prize-winners at a stage is far above the rest of the
 * region's (binomial z = (k − n·p)/√(n·p·(1 − p)), p from the other schools), with how the
 * school's diploma holders fared at the next stage against the other schools' holders.
 */
export function anomalousSchoolsSql(
  query: RecheckQuery,
  minEntries: number,
  minZ: number,
): { sql: string; params: unknown[] } {
  const b = new Bindings();
  const sql = `with base as (
  select r.id, r.stage, r.subject_id, r.student_id, r.organization_id, r.municipality_id,
         r.status <> 'participant' as diploma
    from olympiad_record r
    join municipality m on m.id = r.municipality_id
   where r.olympiad_id = ${b.add(query.olympiadId)} and r.year = ${b.add(query.year)}
     and m.region_id = ${b.add(query.regionId)}
), followed as (
  -- each diploma at a stage, with the same pupil's entry in the subject at the next stage
  select d.stage, d.organization_id, d.student_id, nx.id is not null as went_on,
         coalesce(nx.diploma, false) as next_diploma
    from base d
    left join base nx on nx.student_id = d.student_id and nx.subject_id = d.subject_id
                     and nx.stage = (enum_range(d.stage, null))[2]
   where d.diploma
), school as (
  select b.stage, b.organization_id, min(b.municipality_id) as municipality_id,
         count(*)::int as entries, count(*) filter (where b.diploma)::int as diplomas
    from base b
   where b.stage = any(${b.add(pgArray(query.stages), 'olympiad_stage[]')})
   group by b.stage, b.organization_id
), follow_school as (
  select stage, organization_id, count(distinct student_id)::int as holders,
         count(*) filter (where went_on)::int as went_on,
         count(*) filter (where next_diploma)::int as next_diplomas
    from followed group by stage, organization_id
), region as (
  select stage, sum(entries)::int as entries, sum(diplomas)::int as diplomas
    from school group by stage
), follow_region as (
  select stage, count(*) filter (where went_on)::int as went_on,
         count(*) filter (where next_diploma)::int as next_diplomas
    from followed group by stage
), judged as (
  select s.*, r.entries - s.entries as reference_entries, r.diplomas - s.diplomas as reference_diplomas,
         coalesce(f.holders, 0) as diploma_holders, coalesce(f.went_on, 0) as next_stage_participants,
         coalesce(f.next_diplomas, 0) as next_stage_diplomas,
         coalesce(fr.went_on, 0) - coalesce(f.went_on, 0) as reference_next_stage_participants,
         coalesce(fr.next_diplomas, 0) - coalesce(f.next_diplomas, 0) as reference_next_stage_diplomas
    from school s
    join region r using (stage)
    left join follow_school f using (stage, organization_id)
    left join follow_region fr using (stage)
   where s.entries >= ${b.add(minEntries)}
), scored as (
  select j.*, (j.reference_diplomas::float8 / nullif(j.reference_entries, 0)) as p
    from judged j
)
select organization_id, municipality_id, stage, entries, diplomas, reference_entries,
       reference_diplomas, (diplomas - entries * p) / sqrt(entries * p * (1 - p)) as z,
       diploma_holders, next_stage_participants, next_stage_diplomas,
       reference_next_stage_participants, reference_next_stage_diplomas
  from scored
 where p > 0 and p < 1
   and (diplomas - entries * p) / sqrt(entries * p * (1 - p)) >= ${b.add(minZ)}
   ${query.municipalityId === null ? '' : `and municipality_id = ${b.add(query.municipalityId)}`}
 order by z desc, organization_id`;
  return { sql, params: b.values };
}
