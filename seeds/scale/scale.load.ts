// Writes one generated region: ids reserved from each table's sequence in one step (so rows go
// in with their final ids and no look-ups), then one column-array insert per chunk of rows.
import type { EntityManager } from '@mikro-orm/postgresql';
import { insertUnnest, type Row, storedAsGiven, type Target } from '../demo/demo.bulk';
import type { TableData } from './scale.types';

/** created_at / updated_at of every scale row: fixed, so a region is byte-identical on each run. */
export const SCALE_TIMESTAMP = '2025-09-01 00:00:00+00';

/** Tables a region writes, parents first. */
export const SCALE_TABLES = [
  'region',
  'municipality',
  'organization',
  'teacher',
  'teacher_assignment',
  'diagnostic_campaign',
  'diagnostic_result',
  'roadmap',
  'roadmap_section',
  'executor',
  'activity',
  'activity_executor',
  'activity_occurrence',
  'indicator_value',
  'grade_enrolment',
  'student',
  'olympiad_record',
] as const;

/** First of `count` ids taken from the table's sequence at once. */
async function reserveIds(em: EntityManager, table: string, count: number): Promise<number> {
  const [row] = await em.execute<{ last: string }[]>(
    `select setval(pg_get_serial_sequence(?, 'id'), nextval(pg_get_serial_sequence(?, 'id')) + ? - 1) as last`,
    [table, table, count],
  );
  return Number(row.last) - count + 1;
}

/**
 * Inserts the tables in order, turning local indices into ids: `bases` holds each written
 * table's first id. Calls `written` after each chunk of a table.
 */
export async function loadTables(
  em: EntityManager,
  tables: readonly TableData[],
  written: (table: string, rows: number) => void,
): Promise<void> {
  const bases = new Map<string, number>();
  for (const data of tables) {
    if (data.rows.length === 0) {
      continue;
    }
    if (data.hasId) {
      bases.set(data.table, await reserveIds(em, data.table, data.rows.length));
    }
    const offsets = Object.entries(data.refs).map(([column, table]) => {
      const base = bases.get(table);
      if (base === undefined) {
        throw new Error(`Scale data: ${data.table}.${column} points at ${table}, not written yet`);
      }
      return [column, base] as const;
    });
    const own = data.hasId ? bases.get(data.table)! : 0;
    const rows: Row[] = data.rows.map((row) => {
      const out: Row = { ...row };
      if (data.hasId) {
        out.id = (row.id as number) + own;
      }
      for (const [column, base] of offsets) {
        if (row[column] !== null) {
          out[column] = (row[column] as number) + base;
        }
      }
      return out;
    });
    const targets: Target[] = storedAsGiven(data.columns);
    if (data.hasId) {
      targets.push(['created_at', `'${SCALE_TIMESTAMP}'`], ['updated_at', `'${SCALE_TIMESTAMP}'`]);
    }
    const CHUNK = 20_000;
    for (let start = 0; start < rows.length; start += CHUNK) {
      const chunk = rows.slice(start, start + CHUNK);
      await insertUnnest(em, data.table, data.columns, chunk, '', targets);
      written(data.table, chunk.length);
    }
  }
}
