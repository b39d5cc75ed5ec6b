import type { EntityManager } from '@mikro-orm/postgresql';
import { ForbiddenError } from '../../errors';
import { Role } from '../access/access.enums';
import { type Access, inScope } from '../access/viewer';
import type { AuditedTable } from './audit.enums';

// The municipality a live row belongs to, per audited table (? = the row id as text).
const owner = (from: string, where: string) =>
  `select m.id, m.region_id from ${from} where ${where}`;
const ROADMAP_TO_MUNICIPALITY = `join roadmap r on r.id = s.roadmap_id
  join municipality m on m.id = r.municipality_id`;
const ACTIVITY_TO_MUNICIPALITY = `join roadmap_section s on s.id = a.section_id ${ROADMAP_TO_MUNICIPALITY}`;
// Tables whose rows name their municipality themselves.
const withMunicipality = (table: string) =>
  owner(`${table} t join municipality m on m.id = t.municipality_id`, 't.id = ?::int');

const OWNER_SQL: Partial<Record<AuditedTable, string>> = {
  municipality: owner('municipality m', 'm.id = ?::int'),
  organization: withMunicipality('organization'),
  executor: withMunicipality('executor'),
  roadmap: withMunicipality('roadmap'),
  indicator_value: withMunicipality('indicator_value'),
  assessment_result: withMunicipality('assessment_result'),
  teacher: withMunicipality('teacher'),
  diagnostic_result: withMunicipality('diagnostic_result'),
  individual_route: withMunicipality('individual_route'),
  mentorship: withMunicipality('mentorship'),
  student: withMunicipality('student'),
  olympiad_record: withMunicipality('olympiad_record'),
  grade_enrolment: withMunicipality('grade_enrolment'),
  route_step: owner(
    'route_step s join individual_route r on r.id = s.route_id join municipality m on m.id = r.municipality_id',
    's.id = ?::int',
  ),
  teacher_assignment: owner(
    'teacher_assignment a join organization o on o.id = a.organization_id join municipality m on m.id = o.municipality_id',
    'a.id = ?::int',
  ),
  roadmap_section: owner(`roadmap_section s ${ROADMAP_TO_MUNICIPALITY}`, 's.id = ?::int'),
  activity: owner(`activity a ${ACTIVITY_TO_MUNICIPALITY}`, 'a.id = ?::int'),
  activity_executor: owner(
    `activity a ${ACTIVITY_TO_MUNICIPALITY}`,
    "a.id = split_part(?, ':', 1)::int",
  ),
  activity_occurrence: owner(
    `activity_occurrence o join activity a on a.id = o.activity_id ${ACTIVITY_TO_MUNICIPALITY}`,
    'o.id = ?::int',
  ),
  pupil_result: owner(
    'pupil_result p join organization o on o.id = p.organization_id join municipality m on m.id = o.municipality_id',
    'p.id = ?::int',
  ),
};

// Shared catalogues every signed-in reader sees; their history is as public as the rows.
const CATALOGUES: readonly AuditedTable[] = [
  'region',
  'direction',
  'indicator',
  'assessment_procedure',
  'diagnostic_campaign',
  'olympiad',
];

/**
 * Refuses the history of a row the viewer may not read: administrators see every row's history;
 * other readers the history of live rows in their row scope (a deleted row has no owner left to
 * check, so its history stays with administrators); users and tokens are administrators' only.
 */
export async function assertCanReadHistory(
  em: EntityManager,
  access: Access,
  entity: AuditedTable,
  id: string,
): Promise<void> {
  const viewer = access.requireViewer();
  if (viewer.role === Role.ADMIN) {
    return;
  }
  const rowScope = access.rowScope(); // dashboards are refused here: they read aggregates only
  if (CATALOGUES.includes(entity)) {
    return;
  }
  const sql = OWNER_SQL[entity];
  if (!sql || !/^\d{1,9}(:\d{1,9})?$/.test(id)) {
    throw new ForbiddenError('Only an administrator may read this history');
  }
  const [owner] = await em.getConnection().execute<{ id: number; region_id: number }[]>(sql, [id]);
  if (!owner || !inScope(rowScope, { id: owner.id, regionId: owner.region_id })) {
    throw new ForbiddenError('This row is outside your scope (or was deleted)');
  }
}
