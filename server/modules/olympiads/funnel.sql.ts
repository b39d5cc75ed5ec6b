// The SQL of the olympiad funnel (issue #7 item 2): figures per unit, stage and year from the
// protocol entries, and the pupils per unit and year from the grade enrolments — one statement
// each. A unit is the scope itself (region or municipality) plus its parts: municipalities,
// schools, or subjects.
import { Bindings } from '../../shared/sql-bindings';
import type { OlympiadStage } from './olympiads.enums';

export type FunnelScope = { regionId: number } | { municipalityId: number };

/** How detail rows split the scope. */
export type FunnelParts = 'municipality' | 'organization' | 'subject';

export interface FunnelQuery {
  olympiadId: number;
  /** First year of the academic year; the year before is read too (year-on-year change). */
  year: number;
  scope: FunnelScope;
  parts: FunnelParts;
  subjectId: number | null;
}

export interface StageFigureRow {
  kind: string;
  unit_id: number;
  year: number;
  stage: OlympiadStage;
  participants: number;
  entries: number;
  winners: number;
  prize_winners: number;
  participants_4_11: number;
  participants_7_11: number;
  diplomas_7_11: number;
  diplomas_9_11: number;
}

export interface EnrolmentRow {
  kind: string;
  unit_id: number;
  year: number;
  pupils_4_11: number;
  pupils_7_11: number;
  pupils_9_11: number;
}

const scopeKind = (scope: FunnelScope) => ('regionId' in scope ? 'region' : 'municipality');
const scopeId = (scope: FunnelScope) =>
  'regionId' in scope ? scope.regionId : scope.municipalityId;

function scopeFilter(scope: FunnelScope, alias: string, b: Bindings): string {
  return 'regionId' in scope
    ? `m.region_id = ${b.add(scope.regionId)}`
    : `${alias}.municipality_id = ${b.add(scope.municipalityId)}`;
}

/**
 * Per unit (the scope and each part), year and stage: unique participants, entries, winners,
 * prize-winners, and the grade bands the rates need (4–11 coverage, 7–11 conversion, 9–11
 * regional rate). A pupil counts once per unit and stage however many subjects they wrote.
 */
export function stageFiguresSql(query: FunnelQuery): { sql: string; params: unknown[] } {
  const b = new Bindings();
  const kind = scopeKind(query.scope);
  // Placeholders are bound in the order they appear in the text.
  const olympiad = b.add(query.olympiadId);
  const from = b.add(query.year - 1);
  const to = b.add(query.year);
  const scope = scopeFilter(query.scope, 'r', b);
  const subject = query.subjectId === null ? '' : `and r.subject_id = ${b.add(query.subjectId)}`;
  const id = b.add(scopeId(query.scope), 'int');
  const partColumn = {
    municipality: 'municipality_id',
    organization: 'organization_id',
    subject: 'subject_id',
  }[query.parts];
  const sql = `with rec as (
  select r.municipality_id, r.organization_id, r.subject_id, r.student_id, r.year, r.stage,
         r.status, r.grade_actual
    from olympiad_record r
    join municipality m on m.id = r.municipality_id
   where r.olympiad_id = ${olympiad} and r.year between ${from} and ${to} and ${scope} ${subject}
), unit_rec as (
  select '${kind}' as kind, ${id} as unit_id, rec.* from rec
  union all
  select '${query.parts}', rec.${partColumn}, rec.* from rec
)
select kind, unit_id, year, stage,
       count(distinct student_id)::int as participants,
       count(*)::int as entries,
       count(*) filter (where status = 'winner')::int as winners,
       count(*) filter (where status = 'prize_winner')::int as prize_winners,
       count(distinct student_id) filter (where grade_actual between 4 and 11)::int as participants_4_11,
       count(distinct student_id) filter (where grade_actual between 7 and 11)::int as participants_7_11,
       count(*) filter (where status <> 'participant' and grade_actual between 7 and 11)::int as diplomas_7_11,
       count(*) filter (where status <> 'participant' and grade_actual between 9 and 11)::int as diplomas_9_11
  from unit_rec
 group by kind, unit_id, year, stage
 order by kind, unit_id, year, stage`;
  return { sql, params: b.values };
}

/**
 * Pupils of grades 4–11, 7–11 and 9–11 per unit and year. Subjects share the scope's pupils, so
 * for subject parts only the scope's row is returned.
 */
export function enrolmentSql(query: FunnelQuery): { sql: string; params: unknown[] } {
  const b = new Bindings();
  const kind = scopeKind(query.scope);
  // Placeholders are bound in the order they appear in the text.
  const from = b.add(query.year - 1);
  const to = b.add(query.year);
  const scope = scopeFilter(query.scope, 'e', b);
  const id = b.add(scopeId(query.scope), 'int');
  const parts =
    query.parts === 'subject'
      ? ''
      : `union all
select '${query.parts}', ${query.parts === 'municipality' ? 'municipality_id' : 'organization_id'}, year,
       coalesce(sum(p4), 0)::int, coalesce(sum(p7), 0)::int, coalesce(sum(p9), 0)::int
  from enrol group by 2, year`;
  const sql = `with enrol as (
  select e.municipality_id, e.organization_id, e.year,
         sum(e.pupils) filter (where e.grade between 4 and 11) as p4,
         sum(e.pupils) filter (where e.grade between 7 and 11) as p7,
         sum(e.pupils) filter (where e.grade between 9 and 11) as p9
    from grade_enrolment e
    join municipality m on m.id = e.municipality_id
   where e.year between ${from} and ${to} and ${scope}
   group by e.municipality_id, e.organization_id, e.year
)
select '${kind}' as kind, ${id} as unit_id, year,
       coalesce(sum(p4), 0)::int as pupils_4_11, coalesce(sum(p7), 0)::int as pupils_7_11,
       coalesce(sum(p9), 0)::int as pupils_9_11
  from enrol group by year
${parts}`;
  return { sql, params: b.values };
}
