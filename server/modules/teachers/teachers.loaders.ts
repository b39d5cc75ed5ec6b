// Teachers of an organization and each teacher's latest diagnosis, batched per request and
// restricted in SQL to the viewer's row scope (rows outside it never leave the database).
import type { EntityManager } from '@mikro-orm/postgresql';
import { groupRows, paramsLoader } from '../../shared/loaders';
import { pgArray } from '../../shared/pg-array';
import type { RowScope } from '../access/viewer';
import { DiagnosticResult, Teacher } from './teachers.entity';

/** Joins and a condition (appended to a `where`) that keep the rows of a scope only. */
interface ScopeSql {
  joins: string;
  where: string;
  params: number[];
}

// Same rule as the teachers list: the teacher's current municipality is in scope.
function teacherScope(scope: RowScope): ScopeSql {
  if ('all' in scope) {
    return { joins: '', where: '', params: [] };
  }
  return 'regionId' in scope
    ? {
        joins: 'join municipality m on m.id = t.municipality_id',
        where: 'and m.region_id = ?',
        params: [scope.regionId],
      }
    : { joins: '', where: 'and t.municipality_id = ?', params: [scope.municipalityId] };
}

// Same rule as the results list: where the teacher was when diagnosed, or works now, is in scope.
function resultScope(scope: RowScope): ScopeSql {
  if ('all' in scope) {
    return { joins: '', where: '', params: [] };
  }
  return 'regionId' in scope
    ? {
        joins: `join teacher t on t.id = r.teacher_id
                join municipality rm on rm.id = r.municipality_id
                join municipality tm on tm.id = t.municipality_id`,
        where: 'and (rm.region_id = ? or tm.region_id = ?)',
        params: [scope.regionId, scope.regionId],
      }
    : {
        joins: 'join teacher t on t.id = r.teacher_id',
        where: 'and (r.municipality_id = ? or t.municipality_id = ?)',
        params: [scope.municipalityId, scope.municipalityId],
      };
}

// The first N teachers of each organization by personnel code; the window keeps each one's N.
const TEACHERS_SQL = ({ joins, where }: ScopeSql) => `
  select t.*
    from (select t.*,
                 row_number() over (partition by t.organization_id
                                    order by t.personnel_code, t.id) as rn
            from teacher t ${joins}
           where t.organization_id = any(?::int[]) ${where}) t
   where t.rn <= ?
   order by t.organization_id, t.personnel_code, t.id`;

// The latest result of each teacher: by the campaign's date, the later result on the same date.
const LATEST_SQL = ({ joins, where }: ScopeSql) => `
  select distinct on (r.teacher_id) r.*
    from diagnostic_result r
    join diagnostic_campaign c on c.id = r.campaign_id ${joins}
   where r.teacher_id = any(?::int[]) ${where}
   order by r.teacher_id, c.held_on desc, r.id desc`;

export interface TeachersParams {
  first: number;
  scope: RowScope;
}

/** The first N teachers working at each organization now, by personnel code, within the scope. */
export function teachersByOrganizationLoader(em: EntityManager) {
  return paramsLoader<TeachersParams, Teacher[]>(
    async (ids, { first, scope }) => {
      const scoped = teacherScope(scope);
      const rows = await em.execute<Record<string, unknown>[]>(TEACHERS_SQL(scoped), [
        pgArray(ids),
        ...scoped.params,
        first,
      ]);
      return groupRows(em, Teacher, rows, 'organization_id');
    },
    () => [],
  );
}

/** Each teacher's most recent diagnostic result visible in the scope, or null. */
export function latestDiagnosticByTeacherLoader(em: EntityManager) {
  return paramsLoader<RowScope, DiagnosticResult | null>(
    async (ids, scope) => {
      const scoped = resultScope(scope);
      const rows = await em.execute<Record<string, unknown>[]>(LATEST_SQL(scoped), [
        pgArray(ids),
        ...scoped.params,
      ]);
      const latest = groupRows(em, DiagnosticResult, rows, 'teacher_id');
      return new Map([...latest].map(([teacherId, [result]]) => [teacherId, result]));
    },
    () => null,
  );
}
