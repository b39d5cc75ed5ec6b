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

export interface GqlOptions {
  /** Bearer token to send; null for an anonymous request. Default: the administrator's. */
  token?: string | null;
}

export interface TestServer extends HubServer {
  /** The administrator's session token (created at start with a per-run random password). */
  adminToken: string;
  adminPassword: string;
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: GqlOptions,
  ): Promise<GqlResponse<T>>;
  /** Signs in (creating the user first) as a user of the given role and scope; returns the token. */
  tokenFor(user: TestUser): Promise<string>;
}

export interface TestUser {
  login: string;
  role: 'ADMIN' | 'REGIONAL_ANALYST' | 'MUNICIPAL_METHODOLOGIST' | 'SCHOOL_COORDINATOR';
  regionId?: string;
  municipalityId?: string;
  organizationId?: string;
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

/** For target 'postgres': the server to make the scratch database on (default TEST_DATABASE_URL). */
export interface TestDatabaseOptions {
  adminUrl?: string;
}

export async function openTestDatabase(
  target: DatabaseTarget,
  { adminUrl = process.env.TEST_DATABASE_URL }: TestDatabaseOptions = {},
): Promise<Database> {
  if (target === 'pglite') {
    return openDatabase({ databaseUrl: null, dataDir: null });
  }
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

/** One GraphQL request over HTTP, as a client sends it (a token or none). */
export async function post(
  url: string,
  query: string,
  variables: Record<string, unknown> | undefined,
  token: string | null,
) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GqlResponse<any>, 'status'>;
  return { status: response.status, ...body };
}

const SIGN_IN =
  'mutation ($login: String!, $password: String!) { signIn(login: $login, password: $password) { token } }';

/** Real server on port 0 over a fresh, migrated and seeded database, signed in as admin. */
export async function startTestServer(
  target: DatabaseTarget,
  config: NonNullable<Parameters<typeof createServer>[0]>['config'] = {},
  databaseOptions: TestDatabaseOptions = {},
): Promise<TestServer> {
  const database = await openTestDatabase(target, databaseOptions);
  const adminPassword = `adm-${randomBytes(9).toString('base64url')}`;
  const hub = await createServer({
    port: 0,
    database,
    log: process.env.TEST_LOG ? (message: string) => console.error(message) : () => undefined,
    // No demo data unless a suite asks for it (`seedDemo: true`): suites count seeded rows.
    config: {
      host: '127.0.0.1',
      seedOnStart: true,
      seedDemo: false,
      today: '2022-06-15',
      adminPassword,
      ...config,
    },
  });
  const signedIn = await post(hub.url, SIGN_IN, { login: 'admin', password: adminPassword }, null);
  if (!signedIn.data) {
    throw new Error(`Admin sign-in failed: ${JSON.stringify(signedIn.errors)}`);
  }
  const adminToken: string = signedIn.data.signIn.token;
  const server: TestServer = {
    ...hub,
    adminToken,
    adminPassword,
    async stop() {
      await hub.stop();
      await database.close();
    },
    gql: (query, variables, options = {}) =>
      post(hub.url, query, variables, options.token === undefined ? adminToken : options.token),
    async tokenFor(user) {
      const password = `pw-${randomBytes(9).toString('base64url')}`;
      const created = await server.gql(
        'mutation ($rows: [UserInput!]!) { upsertUsers(rows: $rows) { ok errors { field code message } } }',
        { rows: [{ ...user, displayName: user.login, password }] },
      );
      if (!created.data?.upsertUsers.ok) {
        throw new Error(
          `Could not create ${user.login}: ${JSON.stringify(created.errors ?? created.data)}`,
        );
      }
      const session = await post(hub.url, SIGN_IN, { login: user.login, password }, null);
      return session.data!.signIn.token as string;
    },
  };
  return server;
}
