import { type Options, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { ReflectMetadataProvider } from '@mikro-orm/core';
import path from 'node:path';
import { ENTITIES } from './db/entities';
import { HubLogger } from './db/query-counter';
import { MIGRATIONS } from './migrations';

export type DatabaseTarget = { clientUrl: string } | { host: string; port: number };

export interface OrmOptionsInput {
  target: DatabaseTarget;
  /** Embedded PGlite serves one connection at a time: keep the pool at 1. */
  poolMax?: number;
  printQueries?: boolean;
  /** Streaming replicas of a clientUrl target; only readSql() statements go there. */
  replicaUrls?: readonly string[];
}

export function ormOptions({
  target,
  poolMax = 10,
  printQueries = false,
  replicaUrls = [],
}: OrmOptionsInput): Options {
  const connection =
    'clientUrl' in target
      ? { clientUrl: target.clientUrl }
      : {
          host: target.host,
          port: target.port,
          user: 'postgres',
          password: 'postgres',
          dbName: 'postgres',
        };
  return {
    driver: PostgreSqlDriver,
    ...connection,
    // Replicas lag: ORM reads (boot checks, sign-in, grids that edit what they read, mutation
    // payloads) stay on the primary; read-only analytics opt in through readSql().
    replicas: replicaUrls.map((clientUrl) => ({ clientUrl })),
    preferReadReplicas: false,
    entities: [...ENTITIES],
    metadataProvider: ReflectMetadataProvider,
    extensions: [Migrator],
    allowGlobalContext: false,
    forceUtcTimezone: true,
    pool: { min: 0, max: poolMax },
    discovery: { warnWhenNoEntities: true },
    loggerFactory: (options) => new HubLogger(options, printQueries),
    migrations: {
      migrationsList: [...MIGRATIONS],
      path: path.join(__dirname, 'migrations'),
      pathTs: path.join(__dirname, 'migrations'),
      emit: 'ts',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      // createServer and the scripts report applied migrations themselves.
      silent: true,
    },
  };
}

// Default export for the MikroORM CLI only (migration:create against DATABASE_URL).
export default ormOptions({
  target: { clientUrl: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test' },
});
