// Loads the demo teachers with their assignments, diagnostic campaigns and results, routes with
// steps and mentorships (generated in demo.teachers*.ts), in bulk.
import type { EntityManager } from '@mikro-orm/postgresql';
import { DiagnosticCampaign } from '../../server/modules/teachers/teachers.entity';
import { CompetencyArea } from '../../server/modules/teachers/teachers.enums';
import { pgArray } from '../../server/shared/pg-array';
import {
  type Column,
  idsByCode,
  insertUnnest,
  json,
  need,
  type Row,
  withoutForeignKeys,
} from './demo.bulk';
import type { DemoData } from './demo.generator';
import { TEACHER_COLUMNS, ASSIGNMENT_COLUMNS, CAMPAIGN_COLUMNS } from '../table-columns';

// Scores travel as one integer column per area (the demo's scores are whole points) and are
// built into JSON by the database: parsing tens of thousands of JSON texts was a good part of
// the load time on PGlite.
const AREAS = Object.values(CompetencyArea);

const DIAGNOSTIC_COLUMNS: readonly Column[] = [
  ['campaign_id', 'int'],
  ['teacher_id', 'int'],
  ['organization_id', 'int'],
  ['municipality_id', 'int'],
  ...AREAS.map((area): Column => [`score_${area}`, 'int']),
  ['deficits', 'competency_area[]'],
];

// A campaign measures the four base areas, some also digital or communicative: one
// jsonb_build_object per shape (cheaper than building all and stripping the nulls).
const BASE_AREAS = [
  CompetencyArea.NORMATIVE_LEGAL,
  CompetencyArea.SUBJECT,
  CompetencyArea.METHODICAL,
  CompetencyArea.PSYCHOLOGICAL_PEDAGOGICAL,
];
const EXTRA_AREAS = AREAS.filter((area) => !BASE_AREAS.includes(area));
const scoresOf = (areas: readonly CompetencyArea[]) =>
  `jsonb_build_object(${areas.map((area) => `'${area}', "score_${area}"`).join(', ')})`;

const DIAGNOSTIC_TARGETS: readonly (readonly [string, string])[] = [
  ...(['campaign_id', 'teacher_id', 'organization_id', 'municipality_id'] as const).map(
    (name) => [name, `"${name}"`] as const,
  ),
  [
    'scores',
    `case when ${EXTRA_AREAS.map((area) => `"score_${area}" is null`).join(' and ')} ` +
      `then ${scoresOf(BASE_AREAS)} ` +
      `else jsonb_strip_nulls(${scoresOf(AREAS)}) end`,
  ],
  ['deficits', '"deficits"::competency_area[]'],
];

const ROUTE_COLUMNS: readonly Column[] = [
  ['teacher_id', 'int'],
  ['diagnostic_id', 'int'],
  ['municipality_id', 'int'],
  ['targeted_deficits', 'competency_area[]'],
  ['status', 'route_status'],
  ['opened_on', 'date'],
  ['closed_on', 'date'],
  ['closed_by_id', 'int'],
  ['tutor', 'text'],
];

const STEP_COLUMNS: readonly Column[] = [
  ['route_id', 'int'],
  ['kind', 'route_step_kind'],
  ['title', 'text'],
  ['provider', 'text'],
  ['hours', 'float8'],
  ['due_date', 'date'],
  ['status', 'step_status'],
];

const MENTORSHIP_COLUMNS: readonly Column[] = [
  ['mentor_id', 'int'],
  ['mentee_id', 'int'],
  ['municipality_id', 'int'],
  ['form', 'mentorship_form'],
  ['delivery_type', 'mentorship_delivery'],
  ['programme', 'text'],
  ['started_on', 'date'],
  ['ended_on', 'date'],
  ['status', 'mentorship_status'],
  ['outcome', 'text'],
];

const TEACHER_TABLES = [
  'teacher',
  'teacher_assignment',
  'diagnostic_campaign',
  'diagnostic_result',
  'individual_route',
  'route_step',
  'mentorship',
];

/**
 * The demo teachers and everything about them: synthetic rows without a change_log row each
 * (like the values and the assessment results), their foreign keys checked once at the end.
 */
export async function insertTeachers(
  em: EntityManager,
  data: DemoData,
  municipalities: Map<string, number>,
  organizations: Map<string, number>,
): Promise<void> {
  for (const table of TEACHER_TABLES) {
    await em.execute(`alter table "${table}" disable trigger "audit_row"`);
  }
  await withoutForeignKeys(em, TEACHER_TABLES, () =>
    loadTeachers(em, data, municipalities, organizations),
  );
  for (const table of TEACHER_TABLES) {
    await em.execute(`alter table "${table}" enable trigger "audit_row"`);
  }
}

/** id by key from rows { id, key } of a query. */
async function idsByQuery(
  em: EntityManager,
  sql: string,
  params: unknown[] = [],
): Promise<Map<string, number>> {
  const rows = await em.execute<{ id: number; key: string }[]>(sql, params);
  return new Map(rows.map((row) => [String(row.key), row.id]));
}

/**
 * Loads the demo schools' teachers, their moves, the diagnostic campaigns (kept if one of the
 * same code exists) with the results, routes (ИОМ) with their steps, and mentorships.
 */
async function loadTeachers(
  em: EntityManager,
  data: DemoData,
  municipalities: Map<string, number>,
  organizations: Map<string, number>,
): Promise<void> {
  const { teachers, assignments, campaigns, results, routes, mentorships } = data.teachers;
  const organization = (code: string) => need(organizations, code, 'organization');
  const municipality = (code: string) => need(municipalities, code, 'municipality');
  await insertUnnest(
    em,
    'teacher',
    TEACHER_COLUMNS,
    teachers.map((t) => ({
      personnel_code: t.personnelCode,
      organization_id: organization(t.organizationCode),
      municipality_id: municipality(t.municipalityCode),
      full_name: t.fullName,
      birth_year: t.birthYear,
      subjects: json(t.subjects),
      position: t.position,
      category: t.category,
      total_experience_years: t.totalExperienceYears,
      teaching_experience_years: t.teachingExperienceYears,
      hire_date: t.hireDate,
    })),
  );
  // The demo schools are new: every teacher of theirs is a demo teacher.
  const teacherIds = await idsByQuery(
    em,
    `select t.id, t.personnel_code as key from teacher t
       join organization o on o.id = t.organization_id where o.demo`,
  );
  const teacher = (code: string) => need(teacherIds, code, 'teacher');
  await insertUnnest(
    em,
    'teacher_assignment',
    ASSIGNMENT_COLUMNS,
    assignments.map((a) => ({
      teacher_id: teacher(a.personnelCode),
      organization_id: organization(a.organizationCode),
      started_on: a.startedOn,
      ended_on: a.endedOn,
    })),
  );
  await insertUnnest(
    em,
    'diagnostic_campaign',
    CAMPAIGN_COLUMNS,
    campaigns.map((c) => ({
      code: c.code,
      name: c.name,
      operator: c.operator,
      instrument: c.instrument,
      held_on: c.heldOn,
      areas: json(c.areas),
    })),
    'on conflict ("code") do nothing',
  );
  const campaignIds = await idsByCode(
    em,
    DiagnosticCampaign,
    campaigns.map((c) => c.code),
  );
  const campaign = (code: string) => need(campaignIds, code, 'campaign');
  await insertUnnest(
    em,
    'diagnostic_result',
    DIAGNOSTIC_COLUMNS,
    results.map((r) => ({
      campaign_id: campaign(r.campaignCode),
      teacher_id: teacher(r.personnelCode),
      organization_id: organization(r.organizationCode),
      municipality_id: municipality(r.municipalityCode),
      ...Object.fromEntries(AREAS.map((area) => [`score_${area}`, r.scores[area] ?? null])),
      deficits: pgArray(r.deficits),
    })),
    '',
    DIAGNOSTIC_TARGETS,
  );
  const resultIds = await idsByQuery(
    em,
    `select id, campaign_id || '|' || teacher_id as key from diagnostic_result
      where campaign_id = any(?::int[])`,
    [pgArray([...campaignIds.values()])],
  );
  const result = (campaignCode: string, personnelCode: string) =>
    need(resultIds, `${campaign(campaignCode)}|${teacher(personnelCode)}`, 'diagnostic result');
  await insertUnnest(
    em,
    'individual_route',
    ROUTE_COLUMNS,
    routes.map((r) => ({
      teacher_id: teacher(r.personnelCode),
      diagnostic_id: result(r.campaignCode, r.personnelCode),
      municipality_id: municipality(r.municipalityCode),
      targeted_deficits: pgArray(r.targetedDeficits),
      status: r.status,
      opened_on: r.openedOn,
      closed_on: r.closedOn,
      closed_by_id: r.closedByCampaignCode ? result(r.closedByCampaignCode, r.personnelCode) : null,
      tutor: r.tutor,
    })),
  );
  // One route per autumn result: the result identifies the route.
  const routeIds = await idsByQuery(
    em,
    'select id, diagnostic_id as key from individual_route where diagnostic_id = any(?::int[])',
    [pgArray(routes.map((r) => result(r.campaignCode, r.personnelCode)))],
  );
  await insertUnnest(
    em,
    'route_step',
    STEP_COLUMNS,
    routes.flatMap((r) => {
      const routeId = need(routeIds, String(result(r.campaignCode, r.personnelCode)), 'route');
      return r.steps.map((step) => ({
        route_id: routeId,
        kind: step.kind,
        title: step.title,
        provider: step.provider,
        hours: step.hours,
        due_date: step.dueDate,
        status: step.status,
      }));
    }),
  );
  await insertUnnest(
    em,
    'mentorship',
    MENTORSHIP_COLUMNS,
    mentorships.map((m) => ({
      mentor_id: teacher(m.mentorCode),
      mentee_id: teacher(m.menteeCode),
      municipality_id: municipality(m.municipalityCode),
      form: m.form,
      delivery_type: m.deliveryType,
      programme: m.programme,
      started_on: m.startedOn,
      ended_on: m.endedOn,
      status: m.status,
      outcome: m.outcome,
    })),
  );
}
