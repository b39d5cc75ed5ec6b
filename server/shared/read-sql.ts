import type { AnyEntity, EntityData, EntityManager } from '@mikro-orm/postgresql';

/**
 * Runs a read-only statement on a read replica (MikroORM picks one of `replicas` at random; the
 * primary when there are none). Inside a transaction it runs on the transaction's connection
 * instead, so it sees the transaction's own writes. A replica may lag the primary by a moment:
 * use it for analytics, not for reads that decide a write or check a session.
 */
export async function readSql<T extends EntityData<AnyEntity>[] = EntityData<AnyEntity>[]>(
  em: EntityManager,
  sql: string,
  params: readonly unknown[] = [],
): Promise<T> {
  if (em.isInTransaction()) {
    return em.execute<T>(sql, [...params]);
  }
  const driver = em.getDriver();
  try {
    return await driver.getConnection('read').execute<T>(sql, [...params]);
  } catch (error) {
    // em.execute converts driver errors (e.g. to ConnectionException); so must this path.
    throw driver.convertException(error as Error);
  }
}
