import type { EntityManager } from '@mikro-orm/postgresql';
import type { EntityName, FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import DataLoader from 'dataloader';

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
