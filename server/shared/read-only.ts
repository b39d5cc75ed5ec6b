import type { EntityName } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Entities for rows a request only reads (list pages, loader batches): built without
 * registering them in the unit of work, so no change-tracking snapshot and no per-property
 * validation is done — for a page of 100 activities half the cost of `getResult()` or
 * `em.map` (measured for issue #9). They must not be changed and flushed.
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
  return rows.map((row) =>
    factory.create(entity, (options.raw ? driver.mapResult(row as never, meta) : row) as never, {
      merge: false,
      newEntity: false,
      convertCustomTypes: true,
    }),
  );
}
