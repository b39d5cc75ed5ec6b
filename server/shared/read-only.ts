import type { EntityName } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Entities for rows a request only reads (list pages, loader batches): built without
 * registering them in the unit of work, so no change-tracking snapshot and no per-property
 * validation is done — for a page of 100 activities half the cost of `getResult()` or
 * `em.map` (measured for issue #9). They are never flushed: nothing tracks them.
 *
 * A row whose entity the request already tracks (loaded, or referenced from a loaded entity)
 * is merged into that instance instead: hydrating a tracked reference without its snapshot
 * would make the next flush in the same request rewrite every column.
 *
 * `rows` are keyed by property (a query builder's mapped results) or, with `raw`, by column.
 */
export function readOnlyEntities<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  rows: readonly Record<string, unknown>[],
  options: { raw?: boolean } = {},
): T[] {
  const factory = em.getEntityFactory();
  const meta = em.getMetadata().get(entity as never);
  const driver = em.getDriver();
  const unitOfWork = em.getUnitOfWork();
  const [primaryKey] = meta.primaryKeys;
  return rows.map((row) => {
    const data = (options.raw ? driver.mapResult(row as never, meta) : row) as Record<
      string,
      unknown
    >;
    if (unitOfWork.getById(meta.className, data[primaryKey] as never)) {
      return em.merge(entity, data as never, { convertCustomTypes: true, refresh: true });
    }
    return factory.create(entity, data as never, {
      merge: false,
      newEntity: false,
      convertCustomTypes: true,
    });
  });
}
