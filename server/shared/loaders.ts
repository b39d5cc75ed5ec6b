import type { EntityName, FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { BadUserInputError } from '../errors';
import { readOnlyEntities } from './read-only';

/** Entities by primary key: one `where id in (…)` per entity type and tick. */
export function byIdLoader<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  pk = 'id',
): DataLoader<number, T | null> {
  return new DataLoader(async (ids) => {
    const rows = await em.find(entity, { [pk]: { $in: [...ids] } } as FilterQuery<T>);
    const byId = new Map(rows.map((row) => [(row as Record<string, unknown>)[pk] as number, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** Children grouped by their foreign key: one query for all parents of a tick. */
export function childrenLoader<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  foreignKey: string,
  orderBy: QueryOrderMap<T>,
): DataLoader<number, T[]> {
  return new DataLoader(async (parentIds) => {
    const rows = await em.find(
      entity,
      { [foreignKey]: { $in: [...parentIds] } } as FilterQuery<T>,
      {
        orderBy: [orderBy],
      },
    );
    const groups = new Map<number, T[]>(parentIds.map((id) => [id, []]));
    for (const row of rows) {
      const parent = (row as Record<string, unknown>)[foreignKey] as { id: number } | null;
      if (parent) {
        groups.get(parent.id)?.push(row);
      }
    }
    return parentIds.map((id) => groups.get(id) ?? []);
  });
}

/** Ids on the other side of a pivot table, grouped by the owner id. */
export function pivotLoader(
  em: EntityManager,
  table: string,
  ownerColumn: string,
  otherColumn: string,
): DataLoader<number, number[]> {
  return new DataLoader(async (ownerIds) => {
    const rows: Record<string, number>[] = await em
      .getConnection()
      .execute(
        `select "${ownerColumn}" as owner, "${otherColumn}" as other from "${table}" where "${ownerColumn}" in (${ownerIds.map(() => '?').join(', ')}) order by 1, 2`,
        [...ownerIds],
      );
    const groups = new Map<number, number[]>(ownerIds.map((id) => [id, []]));
    for (const row of rows) {
      groups.get(row.owner)?.push(row.other);
    }
    return ownerIds.map((id) => groups.get(id) ?? []);
  });
}

// Nested list fields take `first` up to this many rows per parent.
export const MAX_NESTED_FIRST = 1000;

/** A nested list's page size, refused with BAD_USER_INPUT outside 0…MAX_NESTED_FIRST. */
export function nestedFirst(first: number, field = 'first'): number {
  if (!Number.isInteger(first) || first < 0 || first > MAX_NESTED_FIRST) {
    throw new BadUserInputError(`"${field}" must be between 0 and ${MAX_NESTED_FIRST}`, {
      field,
      max: MAX_NESTED_FIRST,
    });
  }
  return first;
}

/** A parent id with the call's parameters (page size, filter, the viewer's row scope). */
export interface ParamsKey<P> {
  id: number;
  params: P;
}

/**
 * Values per parent id under per-call parameters: keys that share their parameters make one
 * batch, so a tick costs one statement per distinct parameter set (usually one), whatever the
 * number of parents. `fetch` answers a batch as a map by parent id; absent parents get `empty()`.
 */
export function paramsLoader<P, V>(
  fetch: (parentIds: number[], params: P) => Promise<Map<number, V>>,
  empty: () => V,
): DataLoader<ParamsKey<P>, V, string> {
  return new DataLoader(
    async (keys) => {
      const batches = new Map<string, { params: P; ids: Set<number> }>();
      for (const { id, params } of keys) {
        const tag = JSON.stringify(params);
        const batch = batches.get(tag) ?? { params, ids: new Set<number>() };
        batch.ids.add(id);
        batches.set(tag, batch);
      }
      const answers = new Map<string, Map<number, V>>();
      // One after the other: a request's fork has one connection on PGlite anyway.
      for (const [tag, { params, ids }] of batches) {
        answers.set(tag, await fetch([...ids], params));
      }
      return keys.map(({ id, params }) => answers.get(JSON.stringify(params))?.get(id) ?? empty());
    },
    { cacheKeyFn: ({ id, params }) => JSON.stringify([id, params]) },
  );
}

/**
 * Raw rows (with the window's `rn`) as read-only entities grouped by a parent column, in row
 * order (see readOnlyEntities: a nested page of thousands of teachers is read, never changed).
 */
export function groupRows<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  rows: readonly Record<string, unknown>[],
  parentColumn: string,
): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  const entities = readOnlyEntities(em, entity, rows, { raw: true });
  rows.forEach((row, index) => {
    const parent = Number(row[parentColumn]);
    const group = groups.get(parent) ?? [];
    group.push(entities[index]);
    groups.set(parent, group);
  });
  return groups;
}
