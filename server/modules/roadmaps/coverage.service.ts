import type { EntityManager } from '@mikro-orm/postgresql';
import { Direction } from '../directions/directions.entity';
import { Municipality } from '../geography/geography.entity';

export interface CoverageRow {
  municipalityId: number;
  directionCode: string | null;
  activityCount: number;
  dueCount: number;
  doneCount: number;
  executionRate: number | null;
}

// Full municipalities × directions matrix (zeros included), plus one total row per
// municipality (directionCode null) from the same GROUPING SETS pass.
const COVERAGE_SQL = `
with acts as (
  select r.municipality_id, s.direction_id, a.id as activity_id
  from activity a
  join roadmap_section s on s.id = a.section_id
  join roadmap r on r.id = s.roadmap_id
  where r.municipality_id in (select id from scope)
),
occ as (
  select a.activity_id,
         count(*) filter (where o.due_date <= ?::date and o.status <> 'cancelled') as due,
         count(*) filter (where o.due_date <= ?::date and o.status = 'done') as done
  from acts a join activity_occurrence o on o.activity_id = a.activity_id
  group by a.activity_id
)
select m.id as municipality_id, d.code as direction_code,
       count(acts.activity_id)::int as activity_count,
       coalesce(sum(occ.due), 0)::int as due_count,
       coalesce(sum(occ.done), 0)::int as done_count
from scope m
cross join direction d
left join acts on acts.municipality_id = m.id and acts.direction_id = d.id
left join occ on occ.activity_id = acts.activity_id
group by grouping sets ((m.id, d.code), (m.id))
order by m.id, d.code nulls last`;

export async function roadmapCoverage(
  em: EntityManager,
  scope: { municipalityIds?: number[]; regionIds?: number[] },
  asOf: string,
): Promise<{ municipalities: Municipality[]; directions: Direction[]; rows: CoverageRow[] }> {
  const where: Record<string, unknown> = {};
  if (scope.municipalityIds) {
    where.id = { $in: scope.municipalityIds };
  }
  if (scope.regionIds) {
    where.region = { $in: scope.regionIds };
  }
  const [municipalities, directions] = await Promise.all([
    em.find(Municipality, where, { orderBy: [{ name: 'asc' }] }),
    em.find(Direction, {}, { orderBy: [{ sortOrder: 'asc' }] }),
  ]);
  if (!municipalities.length) {
    return { municipalities, directions, rows: [] };
  }
  const ids = municipalities.map((m) => m.id);
  const scopeCte = `with scope as (select id from municipality where id in (${ids.map(() => '?').join(', ')})), `;
  const sql = scopeCte + COVERAGE_SQL.trim().replace(/^with /, '');
  const raw: Record<string, number | string | null>[] = await em
    .getConnection()
    .execute(sql, [...ids, asOf, asOf]);
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
