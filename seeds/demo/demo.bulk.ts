// Bulk loading helpers of the demo seed: code → id lookups, column-array inserts, and loads
// with the tables' foreign keys set aside until the end.
import type { EntityManager } from '@mikro-orm/postgresql';
import { pgArray } from '../../server/shared/pg-array';

export async function idsByCode<T extends { id: number; code: string }>(
  em: EntityManager,
  entity: new () => T,
  codes: string[],
): Promise<Map<string, number>> {
  const rows = await em.find(entity, { code: { $in: codes } } as never, {
    fields: ['id', 'code'] as never,
  });
  return new Map(rows.map((row) => [row.code, row.id]));
}

export function need(ids: Map<string, number>, code: string, what: string): number {
  const id = ids.get(code);
  if (id === undefined) {
    throw new Error(`Demo data: ${what} ${code} is not seeded`);
  }
  return id;
}

// Bulk rows go in as one column array per field (insert … select from unnest): on PGlite faster
// than multi-row VALUES with a bind parameter per cell (≈ 20–30 % in a trial). JSON and array
// columns travel as text and are cast row by row (unnest would flatten an array of arrays).
export type Column = readonly [name: string, type: string];
export type Row = Record<string, string | number | null>;

const UNNEST_CHUNK = 10_000;

const viaText = (type: string) => type === 'jsonb' || type.endsWith('[]');

export type Target = readonly [name: string, expression: string];

/** Each input column stored as it is (cast back from text where it travelled as text). */
export const storedAsGiven = (columns: readonly Column[]): Target[] =>
  columns.map(([name, type]) => [name, viaText(type) ? `"${name}"::${type}` : `"${name}"`]);

export async function insertUnnest(
  em: EntityManager,
  table: string,
  columns: readonly Column[],
  rows: readonly Row[],
  conflict = '',
  // Stored columns and their values; by default each input column as it is.
  targets: readonly Target[] = storedAsGiven(columns),
): Promise<void> {
  const inputs = columns.map(([name]) => `"${name}"`).join(', ');
  const arrays = columns.map(([, type]) => `?::${viaText(type) ? 'text' : type}[]`).join(', ');
  const names = targets.map(([name]) => `"${name}"`).join(', ');
  const values = targets.map(([, expression]) => expression).join(', ');
  const sql =
    `insert into "${table}" (${names}) select ${values} ` +
    `from unnest(${arrays}) as u(${inputs}) ${conflict}`;
  for (let start = 0; start < rows.length; start += UNNEST_CHUNK) {
    const chunk = rows.slice(start, start + UNNEST_CHUNK);
    await em.execute(
      sql,
      columns.map(([name]) => pgArray(chunk.map((row) => row[name]))),
    );
  }
}

/**
 * Runs a bulk load with the tables' own foreign keys dropped and then added back as they were:
 * one validating join per key instead of a lookup and a row lock per inserted row (PostgreSQL's
 * advice for populating a database; the row checks were most of the load time on PGlite). In
 * the caller's transaction: a failure, or a row that breaks a key, rolls it all back.
 */
export async function withoutForeignKeys(
  em: EntityManager,
  tables: readonly string[],
  load: () => Promise<void>,
): Promise<void> {
  const keys = await em.execute<{ relation: string; name: string; definition: string }[]>(
    `select c.conrelid::regclass::text as relation, c.conname as name,
            pg_get_constraintdef(c.oid) as definition
       from pg_constraint c
      where c.contype = 'f' and c.conrelid = any(?::regclass[])
      order by c.conname`,
    [pgArray(tables)],
  );
  for (const key of keys) {
    await em.execute(`alter table ${key.relation} drop constraint "${key.name}"`);
  }
  await load();
  for (const key of keys) {
    await em.execute(`alter table ${key.relation} add constraint "${key.name}" ${key.definition}`);
  }
}

export const json = (value: unknown) => (value === null ? null : JSON.stringify(value));

/**
 * Runs a bulk load with the tables' secondary indexes and unique constraints dropped and then
 * built again as they were (the primary keys stay): one sort per index instead of an insert
 * into each per row, the other half of PostgreSQL's advice for populating a database. In the
 * caller's transaction: a duplicate fails the rebuild and rolls it all back.
 */
export async function withoutIndexes(
  em: EntityManager,
  tables: readonly string[],
  load: () => Promise<void>,
): Promise<void> {
  const constraints = await em.execute<{ relation: string; name: string; definition: string }[]>(
    `select c.conrelid::regclass::text as relation, c.conname as name,
            pg_get_constraintdef(c.oid) as definition
       from pg_constraint c
      where c.contype = 'u' and c.conrelid = any(?::regclass[])
      order by c.conname`,
    [pgArray(tables)],
  );
  const indexes = await em.execute<{ name: string; definition: string }[]>(
    `select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition
       from pg_index i
      where i.indrelid = any(?::regclass[]) and not i.indisprimary
        and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
      order by 1`,
    [pgArray(tables)],
  );
  for (const constraint of constraints) {
    await em.execute(`alter table ${constraint.relation} drop constraint "${constraint.name}"`);
  }
  for (const index of indexes) {
    await em.execute(`drop index ${index.name}`);
  }
  await load();
  for (const index of indexes) {
    await em.execute(index.definition);
  }
  for (const constraint of constraints) {
    await em.execute(
      `alter table ${constraint.relation} add constraint "${constraint.name}" ${constraint.definition}`,
    );
  }
}
