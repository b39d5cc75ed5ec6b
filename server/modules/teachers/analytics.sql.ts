// The SQL of the teacher analytics (issue #6 item 5), one statement per figure set. Counting rule:
// a diagnosis counts where the teacher was when diagnosed (diagnostic_result's organization and
// municipality), a route where it was opened (individual_route.municipality), a mentorship in its
// municipality (the mentee's at the start); teacher populations (the denominators) are the
// teachers who worked in the unit at any time of the academic year (their assignments).
import { pgArray } from '../../shared/pg-array';
import { Bindings } from '../../shared/sql-bindings';
import { YOUNG_SPECIALIST_AGE, YOUNG_SPECIALIST_YEARS } from './deficits';
import type { CompetencyArea } from './teachers.enums';

/** An academic year 1 September – 31 August, and the year whose age makes a young specialist. */
export interface YearBounds {
  code: string;
  start: string;
  end: string;
  /** 1 January: campaigns held before it are the year's start, from it the year's end. */
  january: string;
  /** Calendar year of 1 September: a teacher's age is taken in it (isYoungSpecialist). */
  ageYear: number;
}

// The units of the figures: a region's municipalities, one municipality and its organizations,
// or a region's organizations (the indicator values).
export type UnitSet =
  | { kind: 'municipalities'; regionId: number }
  | { kind: 'municipality'; municipalityId: number }
  | { kind: 'organizations'; regionId: number };

function unitsSql(units: UnitSet, b: Bindings): string {
  const municipality = `select 'municipality'::text as kind, m.id, m.short_name as name,
      m.id as municipality_id from municipality m`;
  const organization = `select 'organization'::text as kind, o.id,
      coalesce(o.short_name, o.name) as name, o.municipality_id from organization o`;
  switch (units.kind) {
    case 'municipalities':
      return `${municipality} where m.region_id = ${b.add(units.regionId)}`;
    case 'municipality':
      return `${municipality} where m.id = ${b.add(units.municipalityId)}
        union all ${organization} where o.municipality_id = ${b.add(units.municipalityId)}`;
    case 'organizations':
      return `${organization} join municipality m on m.id = o.municipality_id
        where m.region_id = ${b.add(units.regionId)}`;
  }
}

// A fact counts in its municipality and in its organization (none when null), for the unit kinds
// the set has: region-wide figures skip the organizations' rows.
function unitKeys(units: UnitSet, municipality: string, organization: string): string {
  const keys = [
    units.kind !== 'organizations' ? `('municipality'::text, ${municipality})` : null,
    units.kind !== 'municipalities' ? `('organization'::text, ${organization})` : null,
  ].filter((key) => key !== null);
  return `cross join lateral (values ${keys.join(', ')}) k(kind, unit_id)`;
}

/** One row of figures per unit (see teacherAnalytics for their meaning). */
export interface FigureRow {
  kind: 'municipality' | 'organization';
  unit_id: number;
  unit_name: string;
  municipality_id: number;
  teachers: number;
  young: number;
  young_mentored: number;
  diagnosed: number;
  with_deficits: number;
  with_route: number;
  diagnosed_start: number;
  deficit_start: number;
  diagnosed_end: number;
  deficit_end: number;
  routes_opened: number;
  routes_closed: number;
  mentors: number;
  max_mentees: number | null;
  mean_mentees: number | null;
}

/**
 * Every figure of every unit for one academic year, in one statement. A teacher's result "in the
 * unit" is the latest one the unit took in the year (by date, then campaign): it decides
 * «with deficits»; per half-year likewise for the start-vs-end shares. Organizations appear only
 * with something to count; municipalities always.
 */
export function figuresSql(units: UnitSet, year: YearBounds): { sql: string; params: unknown[] } {
  const b = new Bindings();
  const start = () => b.add(year.start, 'date');
  const end = () => b.add(year.end, 'date');
  const sql = `with units as (${unitsSql(units, b)}),
scope as (select distinct municipality_id as id from units),
-- teachers with an active or completed mentorship (as mentee) overlapping the year
mentored as (
  select distinct ms.mentee_id from mentorship ms
   where ms.status in ('active', 'completed') and ms.started_on <= ${end()}
     and (ms.ended_on is null or ms.ended_on >= ${start()})
),
pop as (
  select k.kind, k.unit_id, count(distinct t.id)::int as teachers,
         count(distinct t.id) filter (where t.young)::int as young,
         count(distinct t.id) filter (where t.young and mt.mentee_id is not null)::int as young_mentored
    from (select distinct t.id, o.municipality_id, a.organization_id,
                 -- isYoungSpecialist, the age taken in the year's first calendar year
                 coalesce(${b.add(year.ageYear, 'int')} - t.birth_year < ${b.add(YOUNG_SPECIALIST_AGE, 'int')}
                          and t.teaching_experience_years <= ${b.add(YOUNG_SPECIALIST_YEARS, 'float8')},
                          false) as young
            -- who worked in the unit at any time of the year (a move counts in both schools),
            -- so diagnoses counted where they were taken never exceed the staff
            from teacher_assignment a
            join teacher t on t.id = a.teacher_id
            join organization o on o.id = a.organization_id
           where o.municipality_id in (select id from scope)
             and a.started_on <= ${end()} and (a.ended_on is null or a.ended_on >= ${start()})) t
    left join mentored mt on mt.mentee_id = t.id
    ${unitKeys(units, 't.municipality_id', 't.organization_id')}
   group by k.kind, k.unit_id
),
res as (
  -- spring results sort before autumn ones, so one sort serves both numberings: the first of
  -- the year is the latest
  select x.*,
         row_number() over (partition by x.kind, x.unit_id, x.teacher_id
                            order by x.autumn, x.held_on desc, x.campaign_id desc) as nth,
         row_number() over (partition by x.kind, x.unit_id, x.teacher_id, x.autumn
                            order by x.held_on desc, x.campaign_id desc) as nth_in_half
    from (select k.kind, k.unit_id, r.teacher_id, c.held_on, c.id as campaign_id,
                 cardinality(r.deficits) > 0 as has_deficit,
                 c.held_on < ${b.add(year.january, 'date')} as autumn
            from diagnostic_result r
            join diagnostic_campaign c on c.id = r.campaign_id
            ${unitKeys(units, 'r.municipality_id', 'r.organization_id')}
           where c.held_on between ${start()} and ${end()}
             and r.municipality_id in (select id from scope)) x
),
-- teachers following a route in the year: opened by its end and not closed before its start
routed as (
  select distinct ir.teacher_id from individual_route ir
   where ir.status <> 'cancelled' and ir.opened_on <= ${end()}
     and (ir.closed_on is null or ir.closed_on >= ${start()})
),
res_agg as (
  select s.kind, s.unit_id,
         count(*) filter (where s.nth = 1)::int as diagnosed,
         count(*) filter (where s.nth = 1 and s.has_deficit)::int as with_deficits,
         count(*) filter (where s.nth = 1 and s.has_deficit and rd.teacher_id is not null)::int
           as with_route,
         count(*) filter (where s.autumn and s.nth_in_half = 1)::int as diagnosed_start,
         count(*) filter (where s.autumn and s.nth_in_half = 1 and s.has_deficit)::int as deficit_start,
         count(*) filter (where not s.autumn and s.nth_in_half = 1)::int as diagnosed_end,
         count(*) filter (where not s.autumn and s.nth_in_half = 1 and s.has_deficit)::int as deficit_end
    from res s left join routed rd on rd.teacher_id = s.teacher_id
   group by s.kind, s.unit_id
),
-- routes opened in the year; in an organization through the source diagnosis when it was taken
-- in the route's municipality, else through the teacher's current organization when that is
routes as (
  select k.kind, k.unit_id, count(*)::int as opened,
         count(*) filter (where r.status = 'closed' and r.closed_on <= ${end()})::int as closed
    from individual_route r
    join teacher t on t.id = r.teacher_id
    left join diagnostic_result d on d.id = r.diagnostic_id
    ${unitKeys(
      units,
      'r.municipality_id',
      `case when d.municipality_id = r.municipality_id then d.organization_id
            when t.municipality_id = r.municipality_id then t.organization_id end`,
    )}
   where r.opened_on between ${start()} and ${end()} and r.municipality_id in (select id from scope)
   group by k.kind, k.unit_id
),
-- active mentorships overlapping the year, mentees per mentor; in an organization through the
-- mentee's current organization when it lies in the mentorship's municipality
mentor_load as (
  select k.kind, k.unit_id, ms.mentor_id, count(distinct ms.mentee_id)::int as mentees
    from mentorship ms
    join teacher t on t.id = ms.mentee_id
    ${unitKeys(
      units,
      'ms.municipality_id',
      'case when t.municipality_id = ms.municipality_id then t.organization_id end',
    )}
   where ms.status = 'active' and ms.started_on <= ${end()}
     and (ms.ended_on is null or ms.ended_on >= ${start()})
     and ms.municipality_id in (select id from scope)
   group by k.kind, k.unit_id, ms.mentor_id
),
load_agg as (
  select kind, unit_id, count(*)::int as mentors, max(mentees)::int as max_mentees,
         avg(mentees)::float8 as mean_mentees
    from mentor_load group by kind, unit_id
)
select u.kind, u.id as unit_id, u.name as unit_name, u.municipality_id,
       coalesce(p.teachers, 0) as teachers, coalesce(p.young, 0) as young,
       coalesce(p.young_mentored, 0) as young_mentored,
       coalesce(s.diagnosed, 0) as diagnosed, coalesce(s.with_deficits, 0) as with_deficits,
       coalesce(s.with_route, 0) as with_route,
       coalesce(s.diagnosed_start, 0) as diagnosed_start, coalesce(s.deficit_start, 0) as deficit_start,
       coalesce(s.diagnosed_end, 0) as diagnosed_end, coalesce(s.deficit_end, 0) as deficit_end,
       coalesce(rt.opened, 0) as routes_opened, coalesce(rt.closed, 0) as routes_closed,
       coalesce(l.mentors, 0) as mentors, l.max_mentees, l.mean_mentees
  from units u
  left join pop p on p.kind = u.kind and p.unit_id = u.id
  left join res_agg s on s.kind = u.kind and s.unit_id = u.id
  left join routes rt on rt.kind = u.kind and rt.unit_id = u.id
  left join load_agg l on l.kind = u.kind and l.unit_id = u.id
 where u.kind = 'municipality' or p.teachers > 0 or s.diagnosed > 0 or rt.opened > 0 or l.mentors > 0
 order by u.kind <> 'municipality', u.name, u.id`;
  return { sql, params: b.values };
}

/** Which results a heatmap reads: some campaigns, or every campaign of an academic year. */
export type CampaignSelection = { codes: readonly string[] } | { from: string; to: string };

export interface HeatmapRow {
  municipality_id: number;
  municipality_name: string;
  subject: string | null;
  area: CompetencyArea;
  diagnosed: number;
  with_deficit: number;
}

/**
 * Cells area × subject × municipality in one statement. Per teacher, municipality and area the
 * latest selected result that measured the area decides (one row each, so counting rows counts
 * teachers); a teacher counts once under each of their subjects (under none when they have none).
 */
export function heatmapSql(
  campaigns: CampaignSelection,
  // a region, a municipality, or everywhere
  scope: { regionId?: number | null; municipalityId?: number | null },
): { sql: string; params: unknown[] } {
  const b = new Bindings();
  const campaignFilter =
    'codes' in campaigns
      ? `c.code = any(${b.add(pgArray(campaigns.codes), 'text[]')})`
      : `c.held_on between ${b.add(campaigns.from, 'date')} and ${b.add(campaigns.to, 'date')}`;
  const scopeFilter = [
    scope.regionId != null ? `and m.region_id = ${b.add(scope.regionId)}` : '',
    scope.municipalityId != null ? `and m.id = ${b.add(scope.municipalityId)}` : '',
  ].join(' ');
  const sql = `with picked as (
  select r.teacher_id, r.municipality_id, m.short_name as municipality_name, a.area,
         a.area = any(r.deficits) as deficit,
         row_number() over (partition by r.teacher_id, r.municipality_id, a.area
                            order by c.held_on desc, c.id desc) as nth
    from diagnostic_result r
    join diagnostic_campaign c on c.id = r.campaign_id
    join municipality m on m.id = r.municipality_id
    cross join lateral jsonb_to_recordset(c.areas) as a(area competency_area)
   where ${campaignFilter} ${scopeFilter}
)
select p.municipality_id, p.municipality_name, s.subject, p.area,
       count(*)::int as diagnosed, count(*) filter (where p.deficit)::int as with_deficit
  from picked p
  join teacher t on t.id = p.teacher_id
  left join lateral (select distinct x.subject
                       from jsonb_array_elements_text(t.subjects) as x(subject)) s on true
 where p.nth = 1
 group by p.municipality_id, p.municipality_name, s.subject, p.area
 order by p.municipality_name, p.municipality_id, s.subject nulls last, p.area`;
  return { sql, params: b.values };
}
