import { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../config';
import { ormOptions } from '../mikro-orm.config';
import { startEmbeddedDatabase } from './embedded';

export interface Database {
  orm: MikroORM;
  /** 'postgres' for a DATABASE_URL server, 'pglite' for the embedded one. */
  kind: 'postgres' | 'pglite';
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  databaseUrl: string | null;
  /** Where embedded PGlite keeps its files; null = in memory. */
  dataDir: string | null;
  printQueries?: boolean;
  /** Streaming replicas of databaseUrl for read-only SQL (see shared/read-sql.ts). */
  replicaUrls?: readonly string[];
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const replicaUrls = options.replicaUrls ?? [];
  if (options.databaseUrl) {
    const orm = await MikroORM.init(
      ormOptions({
        target: { clientUrl: options.databaseUrl },
        printQueries: options.printQueries,
        replicaUrls,
      }),
    );
    return { orm, kind: 'postgres', close: () => orm.close(true) };
  }
  if (replicaUrls.length) {
    throw new Error('Read replicas need a PostgreSQL DATABASE_URL: embedded PGlite has none');
  }
  const embedded = await startEmbeddedDatabase(options.dataDir);
  const orm = await MikroORM.init(
    ormOptions({
      target: { host: embedded.host, port: embedded.port },
      poolMax: 1,
      printQueries: options.printQueries,
    }),
  );
  return {
    orm,
    kind: 'pglite',
    async close() {
      await orm.close(true);
      await embedded.stop();
    },
  };
}

export function databaseOptionsFromConfig(config: Config): OpenDatabaseOptions {
  return {
    databaseUrl: config.databaseUrl,
    replicaUrls: config.databaseReplicaUrls,
    dataDir: config.dataDir,
    printQueries: config.logLevel === 'debug',
  };
}

export async function migrate(orm: MikroORM): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((migration) => migration.name);
}
