import type { EntityManager } from '@mikro-orm/postgresql';
import { Direction } from '../directions/directions.entity';
import { idCondition } from '../../shared/filters';
import { pgArray } from '../../shared/pg-array';
import { readSql } from '../../shared/read-sql';
import { Municipality } from '../geography/geography.entity';
import { type Access, municipalityScopeFilter, type RowScope } from '../access/viewer';
import type { CoverageArgs } from './roadmaps.inputs';
import type { RoadmapCoverage } from './roadmaps.types';

export interface CoverageRow {
  municipalityId: number;
  directionCode: string | null;
  activityCount: number;
  dueCount: number;
  doneCount: number;
  executionRate: number | null;
}

// Full municipalities × directions matrix (zeros included), then one total row per
// municipality (directionCode null) that also counts sections without a direction.
// Bindings: the municipality ids as one array, then asOf twice.
const COVERAGE_SQL = `
with scope as (select id from municipality where id = any(?::int[])),
acts as (
  select r.municipality_id, s.direction_id, a.id as activity_id
  from activity a
  join roadmap_section s on s.id = a.section_id
  join roadmap r on r.id = s.roadmap_id
  where r.municipality_id in (select id from scope)
),
per_activity as (
  select acts.municipality_id, acts.direction_id, acts.activity_id,
         count(o.id) filter (where o.due_date <= ?::date and o.status <> 'cancelled') as due,
         count(o.id) filter (where o.due_date <= ?::date and o.status = 'done') as done
  from acts left join activity_occurrence o on o.activity_id = acts.activity_id
  group by acts.municipality_id, acts.direction_id, acts.activity_id
)
select m.id as municipality_id, d.code as direction_code,
       count(pa.activity_id)::int as activity_count,
       coalesce(sum(pa.due), 0)::int as due_count,
       coalesce(sum(pa.done), 0)::int as done_count
from scope m
cross join direction d
left join per_activity pa on pa.municipality_id = m.id and pa.direction_id = d.id
group by m.id, d.code
union all
select m.id, null, count(pa.activity_id)::int, coalesce(sum(pa.due), 0)::int, coalesce(sum(pa.done), 0)::int
from scope m
left join per_activity pa on pa.municipality_id = m.id
group by m.id
order by 1, 2 nulls last`;

/** The municipalities × directions comparison as of a date (default: today). */
export async function roadmapCoverage(
  em: EntityManager,
  args: CoverageArgs,
  today: string,
  access: Access,
): Promise<RoadmapCoverage> {
  const asOf = args.asOf ?? today;
  const allowed = access.aggregateScope();
  const scope = {
    municipalityIds: idCondition(args.municipalityId, 'municipalityId')?.$in,
    regionIds: idCondition(args.regionId, 'regionId')?.$in,
    allowed,
  };
  const { municipalities, directions, rows } = await coverageRows(em, scope, asOf);
  return {
    asOf,
    municipalities,
    directions,
    cells: rows.flatMap((row) =>
      row.directionCode != null ? [{ ...row, directionCode: row.directionCode }] : [],
    ),
    totals: rows.filter((row) => row.directionCode == null),
  };
}

async function coverageRows(
  em: EntityManager,
  scope: { municipalityIds?: number[]; regionIds?: number[]; allowed: RowScope },
  asOf: string,
): Promise<{ municipalities: Municipality[]; directions: Direction[]; rows: CoverageRow[] }> {
  const where: Record<string, unknown> = {};
  if (scope.municipalityIds) {
    where.id = { $in: scope.municipalityIds };
  }
  if (scope.regionIds) {
    where.region = { $in: scope.regionIds };
  }
  // Only the municipalities the viewer may compare, whatever the filter asks for.
  const allowed = municipalityScopeFilter(scope.allowed);
  const [municipalities, directions] = await Promise.all([
    em.find(Municipality, { $and: [where, allowed] }, { orderBy: [{ name: 'asc' }] }),
    em.find(Direction, {}, { orderBy: [{ sortOrder: 'asc' }] }),
  ]);
  if (!municipalities.length) {
    return { municipalities, directions, rows: [] };
  }
  const ids = pgArray(municipalities.map((m) => m.id));
  const raw = await readSql<Record<string, number | string | null>[]>(em, COVERAGE_SQL, [
    ids,
    asOf,
    asOf,
  ]);
  const rows = raw.map((row) => {
    const dueCount = Number(row.due_count);
    const doneCount = Number(row.done_count);
    return {
      municipalityId: Number(row.municipality_id),
      directionCode: (row.direction_code as string | null) ?? null,
      activityCount: Number(row.activity_count),
      dueCount,
      doneCount,
      executionRate: dueCount > 0 ? doneCount / dueCount : null,
    };
  });
  return { municipalities, directions, rows };
}
