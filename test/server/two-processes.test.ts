// Two API processes on one database, sharing nothing but it (issue #9, the scale-out path): a
// session signed by one is accepted by the other, a write through one is read through the other,
// and a user switched off through one is refused by the other. Real OS processes of the built
// server.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const withPostgres = Boolean(process.env.TEST_DATABASE_URL);
if (!withPostgres) {
  if (process.env.CI) {
    throw new Error('TEST_DATABASE_URL must be set in CI for the two-process test');
  }
  console.warn('SKIPPED: the two-process test needs TEST_DATABASE_URL (a real PostgreSQL server)');
}

const ROOT = path.join(__dirname, '../..');
const PASSWORD = 'two-processes-admin-password';

interface Hub {
  url: string;
  child: ChildProcess;
}

/** Starts `node <dist>/server/index.js` and waits for the line that gives its address. */
function startProcess(dist: string, databaseUrl: string): Promise<Hub> {
  const child = spawn(process.execPath, [path.join(dist, 'server/index.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      SEED_DEMO: 'false',
      ADMIN_PASSWORD: PASSWORD,
      AUTH_SECRET: '',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`no address in 60 s:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /admin (http:\/\/[^/\s]+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1], child });
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code}:\n${output}`));
    });
  });
}

async function gql(hub: Hub, query: string, variables: object = {}, token?: string) {
  const response = await fetch(`${hub.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: any; errors?: { extensions?: any }[] };
}

describe.skipIf(!withPostgres)('two API processes on one database', () => {
  const name = `msoko_two_${process.pid}`;
  let adminUrl: URL;
  let dist: string;
  let a: Hub;
  let b: Hub;

  beforeAll(async () => {
    adminUrl = new URL(process.env.TEST_DATABASE_URL!);
    const admin = new pg.Client({ connectionString: adminUrl.toString() });
    await admin.connect();
    await admin.query(`drop database if exists "${name}"`);
    await admin.query(`create database "${name}"`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    // The server as it is now, compiled apart from dist/ (which may be stale or absent).
    // (Inside the checkout, so the compiled files find node_modules.)
    const cache = path.join(ROOT, 'node_modules/.cache');
    fs.mkdirSync(cache, { recursive: true });
    dist = fs.mkdtempSync(path.join(cache, 'msoko-two-'));
    execFileSync(
      process.execPath,
      [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json', '--outDir', dist],
      {
        cwd: ROOT,
        stdio: 'inherit',
      },
    );
    // One after the other: the first migrates and seeds, the second finds it done.
    a = await startProcess(dist, url.toString());
    b = await startProcess(dist, url.toString());
  }, 180_000);

  afterAll(async () => {
    for (const hub of [a, b]) {
      hub?.child.kill('SIGTERM');
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    const admin = new pg.Client({ connectionString: adminUrl.toString() });
    await admin.connect();
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.end();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  it('accepts a session of one process in the other; writes and switch-offs show in both', async () => {
    expect(a.url).not.toBe(b.url);
    const signIn = await gql(
      a,
      'mutation ($l: String!, $p: String!) { signIn(login: $l, password: $p) { token } }',
      { l: 'admin', p: PASSWORD },
    );
    const token = signIn.data.signIn.token as string;
    const me = '{ me { login role } }';
    expect((await gql(b, me, {}, token)).data.me).toEqual({ login: 'admin', role: 'ADMIN' });
    expect((await gql(a, me, {}, token)).data.me).toEqual({ login: 'admin', role: 'ADMIN' });

    // A write through A is read through B.
    const write = await gql(
      a,
      'mutation ($rows: [UserInput!]!) { upsertUsers(rows: $rows) { ok errors { message } rows { id version } } }',
      {
        rows: [
          {
            login: 'second.process',
            displayName: 'Читатель второго процесса',
            role: 'ADMIN',
            password: 'second-process-pass',
          },
        ],
      },
      token,
    );
    expect(write.data.upsertUsers).toMatchObject({ ok: true, errors: [] });
    const [created] = write.data.upsertUsers.rows;
    const users = await gql(b, '{ users(first: 100) { nodes { login displayName } } }', {}, token);
    expect(users.data.users.nodes).toContainEqual({
      login: 'second.process',
      displayName: 'Читатель второго процесса',
    });

    // The new user signs in on B and is known on A; switched off through B, A refuses them.
    const second = await gql(
      b,
      'mutation ($l: String!, $p: String!) { signIn(login: $l, password: $p) { token } }',
      { l: 'second.process', p: 'second-process-pass' },
    );
    const token2 = second.data.signIn.token as string;
    expect((await gql(a, me, {}, token2)).data.me).toEqual({
      login: 'second.process',
      role: 'ADMIN',
    });
    const off = await gql(
      b,
      'mutation ($rows: [UserInput!]!) { upsertUsers(rows: $rows) { ok errors { message } } }',
      { rows: [{ id: created.id, version: created.version, active: false }] },
      token,
    );
    expect(off.data.upsertUsers).toEqual({ ok: true, errors: [] });
    const refused = await gql(a, me, {}, token2);
    expect(refused.data?.me ?? null).toBeNull();
  });
});
