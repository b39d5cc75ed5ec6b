import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInputError } from '../../errors';
import { parseId } from '../../shared/filters';
import { pgArray } from '../../shared/pg-array';
import { readSql } from '../../shared/read-sql';
import { type Access, municipalityScopeFilter } from '../access/viewer';
import { CycleComponent, Direction } from '../directions/directions.entity';
import { Municipality } from '../geography/geography.entity';
import type { MumCell, MumDirectionSummary, MumMatrix } from './mum.types';

// The МУМ directions: 1.1–2.4 (groups I and II); sub-directions such as 1.1.OBJ count for
// their parent. Components where indicator values are evidence of their own (DOMAIN.md §1):
// 2 «Показатели», 3 «Методы сбора и обработки информации», 4 «Мониторинг показателей».
const MUM_GROUPS = ['I', 'II'];
const COMPONENTS_EVIDENCED_BY_VALUES = [2, 3, 4];

const MATRIX_SQL = `
with munis as (select id from municipality where id = any(?::int[])),
main_direction as (
  select d.id, coalesce(p.id, d.id) as main_id
  from direction d left join direction p on p.id = d.parent_id
),
acts as (
  select r.municipality_id, md.main_id as direction_id, a.cycle_component_code as component,
         count(*)::int as n
  from activity a
  join roadmap_section s on s.id = a.section_id
  join roadmap r on r.id = s.roadmap_id
  join main_direction md on md.id = s.direction_id
  where r.municipality_id in (select id from munis) and a.cycle_component_code is not null
  group by 1, 2, 3
),
vals as (
  select v.municipality_id, md.main_id as direction_id,
         count(distinct v.indicator_id)::int as indicators_with_values
  from indicator_value v
  join indicator i on i.id = v.indicator_id
  join main_direction md on md.id = i.direction_id
  where v.municipality_id in (select id from munis)
  group by 1, 2
)
select m.id as municipality_id, d.code as direction_code, c.code as component,
       coalesce(a.n, 0) as activity_count,
       coalesce(v.indicators_with_values, 0) as indicators_with_values
from munis m
cross join direction d
cross join cycle_component c
left join acts a on a.municipality_id = m.id and a.direction_id = d.id and a.component = c.code
left join vals v on v.municipality_id = m.id and v.direction_id = d.id
where d.parent_id is null and d."group" = any(?::text[])
order by m.id, d.sort_order, c.code`;

/**
 * The МУМ self-assessment matrix (issue #4): per municipality, direction × management-cycle
 * component, filled from what the hub holds — activities tagged with the component, and for
 * components 2–4 indicator values present — so a region sees where each cycle is broken.
 */
export async function mumMatrix(
  em: EntityManager,
  args: { regionId?: string | null; municipalityId?: string | null },
  access: Access,
): Promise<MumMatrix> {
  const where: Record<string, unknown> = {};
  if (args.regionId != null) {
    where.region = parseId(args.regionId, 'regionId');
  }
  if (args.municipalityId != null) {
    where.id = parseId(args.municipalityId, 'municipalityId');
  }
  if (Object.keys(where).length === 0) {
    throw new BadUserInputError('Give regionId or municipalityId', { field: 'regionId' });
  }
  const scope = municipalityScopeFilter(access.aggregateScope());
  const [municipalities, directions, components] = await Promise.all([
    em.find(Municipality, { $and: [where, scope] }, { orderBy: { shortName: 'asc' } }),
    em.find(
      Direction,
      { parent: null, group: { $in: MUM_GROUPS } },
      { orderBy: { sortOrder: 'asc' } },
    ),
    em.find(CycleComponent, {}, { orderBy: { code: 'asc' } }),
  ]);
  if (municipalities.length === 0) {
    return { municipalities, directions, components, cells: [], summaries: [] };
  }
  const raw = await readSql<MatrixRow[]>(em, MATRIX_SQL, [
    pgArray(municipalities.map((m) => m.id)),
    pgArray(MUM_GROUPS),
  ]);
  const cells: MumCell[] = raw.map((row) => ({
    municipalityId: String(row.municipality_id),
    directionCode: row.direction_code,
    component: row.component,
    activityCount: row.activity_count,
    indicatorsWithValues: row.indicators_with_values,
    present:
      row.activity_count > 0 ||
      (COMPONENTS_EVIDENCED_BY_VALUES.includes(row.component) && row.indicators_with_values > 0),
  }));
  return { municipalities, directions, components, cells, summaries: summarise(cells) };
}

interface MatrixRow {
  municipality_id: number;
  direction_code: string;
  component: number;
  activity_count: number;
  indicators_with_values: number;
}

function summarise(cells: MumCell[]): MumDirectionSummary[] {
  const byPair = new Map<string, MumCell[]>();
  for (const cell of cells) {
    const key = `${cell.municipalityId}|${cell.directionCode}`;
    byPair.set(key, [...(byPair.get(key) ?? []), cell]);
  }
  return [...byPair.values()].map((pair) => {
    const missing = pair.filter((cell) => !cell.present).map((cell) => cell.component);
    return {
      municipalityId: pair[0].municipalityId,
      directionCode: pair[0].directionCode,
      presentCount: pair.length - missing.length,
      complete: missing.length === 0,
      missingComponents: missing,
    };
  });
}
