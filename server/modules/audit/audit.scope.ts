import type { EntityManager } from '@mikro-orm/postgresql';
import { ForbiddenError } from '../../errors';
import { Role } from '../access/access.enums';
import { type Access, inScope } from '../access/viewer';
import type { AuditedTable } from './audit.enums';

// The municipality a live row belongs to, per audited table (? = the row id as text).
const OWNER_SQL: Partial<Record<AuditedTable, string>> = {
  municipality: `select m.id, m.region_id from municipality m where m.id = ?::int`,
  organization: `select m.id, m.region_id from organization o
    join municipality m on m.id = o.municipality_id where o.id = ?::int`,
  executor: `select m.id, m.region_id from executor e
    join municipality m on m.id = e.municipality_id where e.id = ?::int`,
  roadmap: `select m.id, m.region_id from roadmap r
    join municipality m on m.id = r.municipality_id where r.id = ?::int`,
  roadmap_section: `select m.id, m.region_id from roadmap_section s
    join roadmap r on r.id = s.roadmap_id
    join municipality m on m.id = r.municipality_id where s.id = ?::int`,
  activity: `select m.id, m.region_id from activity a
    join roadmap_section s on s.id = a.section_id
    join roadmap r on r.id = s.roadmap_id
    join municipality m on m.id = r.municipality_id where a.id = ?::int`,
  activity_executor: `select m.id, m.region_id from activity a
    join roadmap_section s on s.id = a.section_id
    join roadmap r on r.id = s.roadmap_id
    join municipality m on m.id = r.municipality_id where a.id = split_part(?, ':', 1)::int`,
  indicator_value: `select m.id, m.region_id from indicator_value v
    join municipality m on m.id = v.municipality_id where v.id = ?::int`,
  assessment_result: `select m.id, m.region_id from assessment_result r
    join municipality m on m.id = r.municipality_id where r.id = ?::int`,
  pupil_result: `select m.id, m.region_id from pupil_result p
    join organization o on o.id = p.organization_id
    join municipality m on m.id = o.municipality_id where p.id = ?::int`,
  activity_occurrence: `select m.id, m.region_id from activity_occurrence o
    join activity a on a.id = o.activity_id
    join roadmap_section s on s.id = a.section_id
    join roadmap r on r.id = s.roadmap_id
    join municipality m on m.id = r.municipality_id where o.id = ?::int`,
};

// Shared catalogues every signed-in reader sees; their history is as public as the rows.
const CATALOGUES: readonly AuditedTable[] = [
  'region',
  'direction',
  'indicator',
  'assessment_procedure',
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
