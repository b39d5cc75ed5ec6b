import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';

// Needs the real PostgreSQL server (CI sets TEST_DATABASE_URL); PGlite runs in-process.
const adminUrl = process.env.TEST_DATABASE_URL;
if (!adminUrl) {
  if (process.env.CI) {
    throw new Error('TEST_DATABASE_URL must be set in CI for the database-fault test');
  }
  console.warn(
    'SKIPPED: the database-fault test needs TEST_DATABASE_URL (a real PostgreSQL server)',
  );
}

describe.skipIf(!adminUrl)('PostgreSQL goes away in the middle of a bulk save', () => {
  let hub: TestServer;
  let database: string;

  beforeAll(async () => {
    hub = await startTestServer('postgres');
    const em = hub.orm.em.fork();
    database = (await em.getConnection().execute('select current_database() as db'))[0].db;
    // A slow row makes the save last long enough to cut the connection in the middle of it.
    await em.getConnection().execute(`
      create function slow_save() returns trigger language plpgsql as $$
      begin perform pg_sleep(1.5); return new; end $$;
      create trigger slow_save before update on activity for each row
        when (new.text like '%медленно%') execute function slow_save();`);
  });

  afterAll(async () => {
    await hub?.stop();
  });

  async function terminateServerConnections(): Promise<number> {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    const { rowCount } = await admin.query(
      'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
      [database],
    );
    await admin.end();
    return rowCount ?? 0;
  }

  it('returns a clear error, writes nothing, and serves the next request', async () => {
    const { data } = await hub.gql('{ activities(first: 3) { nodes { id version text } } }');
    const rows = data!.activities.nodes as { id: string; version: number; text: string }[];
    const save = hub.gql(
      'mutation ($rows: [ActivityInput!]!) { upsertActivities(rows: $rows) { ok } }',
      {
        rows: rows.map((row) => ({
          id: row.id,
          version: row.version,
          text: `${row.text} медленно`,
        })),
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await terminateServerConnections()).toBeGreaterThan(0);
    const failed = await save;
    expect(failed.errors![0]).toMatchObject({
      message: 'The database is unavailable; try again shortly. Nothing was changed.',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });

    const { data: after } = await hub.gql('{ activities(first: 3) { nodes { id version text } } }');
    expect(after!.activities.nodes).toEqual(rows);
    const next = await hub.gql(
      'mutation ($rows: [ActivityInput!]!) { upsertActivities(rows: $rows) { ok updated } }',
      {
        rows: [{ id: rows[0].id, version: rows[0].version, text: `${rows[0].text} (после сбоя)` }],
      },
    );
    expect(next.data!.upsertActivities).toEqual({ ok: true, updated: 1 });
  });
});
