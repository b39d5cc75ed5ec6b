import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type PgCluster, startPgCluster } from '../helpers/pg-cluster';
import { startTestServer, type TestServer } from '../helpers/server';

// Stops and starts a real PostgreSQL server, so it runs where the real one does (CI sets
// TEST_DATABASE_URL), on a throwaway server of its own: the shared one on :5432 stays up.
const withPostgres = Boolean(process.env.TEST_DATABASE_URL);
if (!withPostgres) {
  if (process.env.CI) {
    throw new Error('TEST_DATABASE_URL must be set in CI for the database-restart test');
  }
  console.warn(
    'SKIPPED: the database-restart test needs TEST_DATABASE_URL (a real PostgreSQL server)',
  );
}

const BATCH_ROWS = 300;
const UPSERT =
  'mutation ($rows: [ActivityInput!]!) { upsertActivities(rows: $rows) { ok created errors { index code } } }';
const UNAVAILABLE = {
  message: 'The database is unavailable; try again shortly. Nothing was changed.',
  extensions: { code: 'INTERNAL_SERVER_ERROR', reason: 'DATABASE_UNAVAILABLE' },
};

async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    if (await check()) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Gave up waiting: ${what}`);
}

describe.skipIf(!withPostgres)('PostgreSQL stops and starts again during a bulk save', () => {
  let cluster: PgCluster;
  let hub: TestServer;
  let databaseUrl: string;
  let sectionId: string;
  const lockers: pg.Client[] = [];

  beforeAll(async () => {
    cluster = await startPgCluster();
    hub = await startTestServer('postgres', {}, { adminUrl: cluster.url() });
    const em = hub.orm.em.fork();
    const [{ db }] = await em.getConnection().execute('select current_database() as db');
    databaseUrl = cluster.url(db);
    const { data } = await hub.gql('{ roadmaps(first: 1) { nodes { sections { id } } } }');
    sectionId = data!.roadmaps.nodes[0].sections[0].id;
  });

  afterEach(async () => {
    // A failed test may leave the lock held (a save waiting on it) or the server down.
    await Promise.all(lockers.splice(0).map((locker) => locker.end().catch(() => undefined)));
    await cluster?.start();
  });

  afterAll(async () => {
    await hub?.stop();
    await cluster?.destroy();
  });

  async function sql<T extends pg.QueryResultRow>(text: string, values?: unknown[]) {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      return (await client.query<T>(text, values)).rows;
    } finally {
      await client.end();
    }
  }

  async function counts(marker: string) {
    const [row] = await sql<Record<'activities' | 'occurrences' | 'changes' | 'marked', string>>(
      `select (select count(*) from activity) as activities,
              (select count(*) from activity_occurrence) as occurrences,
              (select count(*) from change_log) as changes,
              (select count(*) from activity where text like $1) as marked`,
      [`${marker}%`],
    );
    return row;
  }

  // Holds change_log locked in an open transaction: the audit trigger of the save's rows
  // waits on it, so the save is stopped inside its transaction with its rows already written.
  async function lockChangeLog(): Promise<number> {
    const locker = new pg.Client({ connectionString: databaseUrl });
    // The server stop ends this session too; that error is expected.
    locker.on('error', () => undefined);
    lockers.push(locker);
    await locker.connect();
    await locker.query('begin');
    await locker.query('lock table change_log in exclusive mode');
    return (await locker.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0].pid;
  }

  /** Starts the bulk save and returns once its statement waits on the lock. */
  async function blockedSave(rows: unknown[]) {
    const lockerPid = await lockChangeLog();
    let answered = false;
    const save = hub.gql(UPSERT, { rows }).finally(() => (answered = true));
    let waiting: { query: string }[] = [];
    await until('the save waits on the change_log lock', async () => {
      if (answered) {
        throw new Error(`The save finished before it blocked: ${JSON.stringify(await save)}`);
      }
      waiting = await sql<{ query: string }>(
        `select query from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock'
            and pid not in (pg_backend_pid(), $1)`,
        [lockerPid],
      );
      return waiting.length > 0;
    });
    return { save, waiting };
  }

  it.each([
    ['fast', 77],
    ['immediate', 78],
  ] as const)(
    'pg_ctl stop -m %s: a clear error, nothing kept, the next requests served without restarting the hub',
    async (mode, numberPrefix) => {
      const marker = `Сохранение при остановке сервера (${mode})`;
      const rows = Array.from({ length: BATCH_ROWS }, (_, i) => ({
        sectionId,
        number: `${numberPrefix}.${i + 1}`,
        text: `${marker} ${i + 1}`,
        deadlineText: 'ежегодно',
      }));
      const before = await counts(marker);
      const { save, waiting } = await blockedSave(rows);
      // The save's rows are written in its transaction; their audit trigger is what waits.
      expect(waiting).toEqual([{ query: expect.stringMatching(/^insert into "activity"/) }]);

      await cluster.stop(mode);
      const failed = await save;
      expect(failed.data?.upsertActivities ?? null).toBeNull();
      expect(failed.errors).toEqual([expect.objectContaining(UNAVAILABLE)]);

      // While the server is down the hub stays up and says so: /health is degraded, and each
      // request (its session is checked against app_user first) gets the same clear 503.
      const healthWhileDown = await fetch(`${hub.url}/health`);
      expect(healthWhileDown.status).toBe(503);
      expect(await healthWhileDown.json()).toEqual({
        status: 'degraded',
        database: 'unavailable',
      });
      const readWhileDown = await hub.gql('{ activities(first: 1) { totalCount } }');
      expect(readWhileDown).toMatchObject({ status: 503, errors: [UNAVAILABLE] });
      const saveWhileDown = await hub.gql(UPSERT, { rows });
      expect(saveWhileDown).toMatchObject({ status: 503, errors: [UNAVAILABLE] });

      await cluster.start();
      const health = await fetch(`${hub.url}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok', database: 'postgres' });
      expect(await counts(marker)).toEqual(before);
      const read = await hub.gql('{ activities(first: 0) { totalCount } }');
      expect(read).toMatchObject({
        data: { activities: { totalCount: Number(before.activities) } },
      });
      expect(read.errors).toBeUndefined();
      const retried = await hub.gql(UPSERT, { rows });
      expect(retried.errors).toBeUndefined();
      expect(retried.data!.upsertActivities).toEqual({ ok: true, created: BATCH_ROWS, errors: [] });
      const after = await counts(marker);
      expect(Number(after.activities)).toBe(Number(before.activities) + BATCH_ROWS);
      expect(Number(after.marked)).toBe(BATCH_ROWS);
      expect(Number(after.changes)).toBeGreaterThan(Number(before.changes) + BATCH_ROWS);
    },
  );
});
