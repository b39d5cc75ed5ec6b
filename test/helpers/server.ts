import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createServer, type HubServer } from '../../server/app';
import { type Database, openDatabase } from '../../server/db/database';

export type DatabaseTarget = 'pglite' | 'postgres';

/** PGlite always; the real PostgreSQL too when TEST_DATABASE_URL is set (CI sets it). */
export const DATABASE_TARGETS: DatabaseTarget[] = [
  'pglite',
  ...(process.env.TEST_DATABASE_URL ? (['postgres'] as const) : []),
];

export interface TestServer extends HubServer {
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GqlResponse<T>>;
}

export interface GqlResponse<T> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: Record<string, any>; path?: (string | number)[] }[];
}

// Each suite gets its own database on the real server, dropped at the end.
async function createScratchDatabase(
  adminUrl: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `msoko_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists "${name}" with (force)`);
      await client.end();
    },
  };
}

export async function openTestDatabase(target: DatabaseTarget): Promise<Database> {
  if (target === 'pglite') {
    return openDatabase({ databaseUrl: null, dataDir: null });
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    throw new Error('TEST_DATABASE_URL is not set');
  }
  const scratch = await createScratchDatabase(adminUrl);
  const database = await openDatabase({ databaseUrl: scratch.url, dataDir: null });
  return {
    ...database,
    async close() {
      await database.close();
      await scratch.drop();
    },
  };
}

/** Real server on port 0 over a fresh, migrated and seeded database. */
export async function startTestServer(
  target: DatabaseTarget,
  config: NonNullable<Parameters<typeof createServer>[0]>['config'] = {},
): Promise<TestServer> {
  const database = await openTestDatabase(target);
  const hub = await createServer({
    port: 0,
    database,
    log: () => undefined,
    config: { host: '127.0.0.1', seedOnStart: true, today: '2022-06-15', ...config },
  });
  return {
    ...hub,
    async stop() {
      await hub.stop();
      await database.close();
    },
    async gql(query, variables) {
      const response = await fetch(`${hub.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json',
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as Omit<GqlResponse<any>, 'status'>;
      return { status: response.status, ...body };
    },
  };
}
