import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type HubServer } from '../../server/app';
import { type Database, openDatabase } from '../../server/db/database';
import { Municipality } from '../../server/modules/geography/geography.entity';
import { Indicator } from '../../server/modules/indicators/indicators.entity';
import {
  AggregationRule,
  IndicatorLevel,
  PeriodKind,
} from '../../server/modules/indicators/indicators.enums';
import {
  type PgCluster,
  startPgCluster,
  startReplicaOf,
  STREAMING_PRIMARY_CONFIG,
  waitForReplay,
} from '../helpers/pg-cluster';
import { type GqlResponse, post } from '../helpers/server';

// Runs a PostgreSQL primary and a streaming hot standby of its own, so it runs where the real
// server binaries are (CI sets TEST_DATABASE_URL); the shared server on :5432 is not used.
const withPostgres = Boolean(process.env.TEST_DATABASE_URL);
if (!withPostgres) {
  if (process.env.CI) {
    throw new Error('TEST_DATABASE_URL must be set in CI for the read-replica test');
  }
  console.warn('SKIPPED: the read-replica test needs TEST_DATABASE_URL (a real PostgreSQL server)');
}

const DATABASE = 'hub';
const PERIOD = '2023';

const UPSERT_VALUES = `mutation ($rows: [IndicatorValueInput!]!) {
  upsertIndicatorValues(rows: $rows) { ok errors { index field code } rows { version numerator } }
}`;
const COMPARE = `query ($input: CompareIndicatorsInput!) {
  compareIndicators(input: $input) { rows { unitId period numerator denominator } }
}`;
const SIGN_IN =
  'mutation ($login: String!, $password: String!) { signIn(login: $login, password: $password) { token } }';
const UPSERT_USERS =
  'mutation ($rows: [UserInput!]!) { upsertUsers(rows: $rows) { ok errors { field code } rows { id version active } } }';

async function sql<T extends pg.QueryResultRow>(url: string, text: string, values?: unknown[]) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

describe('read replicas with embedded PGlite', () => {
  it('are refused before anything starts', async () => {
    await expect(
      openDatabase({ databaseUrl: null, dataDir: null, replicaUrls: ['postgres://u@replica/hub'] }),
    ).rejects.toThrow(/Read replicas need a PostgreSQL DATABASE_URL/);
  });
});

describe.skipIf(!withPostgres)('PostgreSQL read replica', () => {
  let primary: PgCluster | undefined;
  let replica: PgCluster | undefined;
  let database: Database | undefined;
  let hub: HubServer | undefined;
  let adminToken: string;
  let indicatorCode: string;
  let municipality: { id: string; code: string; regionId: string };

  async function gql(
    query: string,
    variables?: Record<string, unknown>,
    token: string | null = adminToken,
  ): Promise<GqlResponse<Record<string, any>>> {
    return post(hub!.url, query, variables, token);
  }

  const onPrimary = <T extends pg.QueryResultRow>(text: string, values?: unknown[]) =>
    sql<T>(primary!.url(DATABASE), text, values);
  const onReplica = <T extends pg.QueryResultRow>(text: string, values?: unknown[]) =>
    sql<T>(replica!.url(DATABASE), text, values);

  async function pauseReplay() {
    await onReplica('select pg_wal_replay_pause()');
  }

  async function resumeReplay() {
    await onReplica('select pg_wal_replay_resume()');
    await waitForReplay(primary!, replica!);
  }

  /** The municipality's numerator as compareIndicators answers it (served by the replica). */
  async function comparedNumerator(): Promise<number | null> {
    const { data, errors } = await gql(COMPARE, {
      input: {
        indicatorCodes: [indicatorCode],
        periods: [PERIOD],
        regionId: municipality.regionId,
      },
    });
    expect(errors).toBeUndefined();
    const row = data!.compareIndicators.rows.find(
      (r: { unitId: string; period: string }) =>
        r.unitId === municipality.id && r.period === PERIOD,
    );
    return row?.numerator ?? null;
  }

  const storedNumerator = async () =>
    (
      await onPrimary<{ numerator: number }>(
        `select v.numerator from indicator_value v join indicator i on i.id = v.indicator_id
          where i.code = $1 and v.municipality_id = $2 and v.period = $3`,
        [indicatorCode, municipality.id, PERIOD],
      )
    )[0]?.numerator;

  const valueRow = (numerator: number, version?: number) => ({
    indicatorCode,
    municipalityCode: municipality.code,
    period: PERIOD,
    numerator,
    denominator: 100,
    ...(version !== undefined ? { version } : {}),
  });

  beforeAll(async () => {
    primary = await startPgCluster({ config: STREAMING_PRIMARY_CONFIG });
    replica = await startReplicaOf(primary);
    await sql(primary.url(), `create database ${DATABASE}`);
    database = await openDatabase({
      databaseUrl: primary.url(DATABASE),
      replicaUrls: [replica.url(DATABASE)],
      dataDir: null,
    });
    const adminPassword = `adm-${randomBytes(9).toString('base64url')}`;
    hub = await createServer({
      port: 0,
      database,
      log: () => undefined,
      config: {
        host: '127.0.0.1',
        seedOnStart: true,
        seedDemo: false,
        today: '2022-06-15',
        adminPassword,
      },
    });
    const signedIn = await gql(SIGN_IN, { login: 'admin', password: adminPassword }, null);
    adminToken = signedIn.data!.signIn.token;

    const em = hub.orm.em.fork();
    const indicator = await em.findOneOrFail(
      Indicator,
      {
        level: IndicatorLevel.MUNICIPALITY,
        periodKind: PeriodKind.YEAR,
        aggregation: AggregationRule.RATIO_OF_SUMS,
      },
      { orderBy: { code: 'asc' } },
    );
    const found = await em.findOneOrFail(
      Municipality,
      { id: { $gt: 0 } },
      { orderBy: { id: 'asc' } },
    );
    indicatorCode = indicator.code;
    municipality = { id: String(found.id), code: found.code, regionId: String(found.region.id) };
    const created = await gql(UPSERT_VALUES, { rows: [valueRow(10)] });
    expect(created.errors).toBeUndefined();
    expect(created.data!.upsertIndicatorValues.ok).toBe(true);
    await waitForReplay(primary, replica);
  }, 60_000);

  afterAll(async () => {
    // Each step on its own: one failure must not leave a server running.
    await hub?.stop().catch(() => undefined);
    await database?.close().catch(() => undefined);
    await replica?.destroy().catch(() => undefined);
    await primary?.destroy();
  });

  it('is a hot standby: in recovery, and a direct write to it fails', async () => {
    expect(await onReplica('select pg_is_in_recovery() as standby')).toEqual([{ standby: true }]);
    expect(await onPrimary('select pg_is_in_recovery() as standby')).toEqual([{ standby: false }]);
    await expect(onReplica('create table replica_write (id int)')).rejects.toMatchObject({
      code: '25006', // read_only_sql_transaction
    });
    await expect(
      onReplica('update app_user set display_name = $1', ['written on the replica']),
    ).rejects.toMatchObject({ code: '25006' });
  });

  it('answers analytics from the replica and writes to the primary', async () => {
    expect(await comparedNumerator()).toBe(10);
    await pauseReplay();
    try {
      const saved = await gql(UPSERT_VALUES, { rows: [valueRow(20)] });
      expect(saved.errors).toBeUndefined();
      expect(saved.data!.upsertIndicatorValues).toMatchObject({ ok: true, errors: [] });
      expect(await storedNumerator()).toBe(20);
      // The paused replica has not replayed the save: the API still answers the old figure.
      expect(await comparedNumerator()).toBe(10);
    } finally {
      await resumeReplay();
    }
    expect(await comparedNumerator()).toBe(20);
  });

  it('reads inside a save on the primary: version checks see the latest row while replay is paused', async () => {
    const first = await gql(UPSERT_VALUES, { rows: [valueRow(30)] });
    expect(first.errors).toBeUndefined();
    await waitForReplay(primary!, replica!);
    const { version } = first.data!.upsertIndicatorValues.rows[0];
    await pauseReplay();
    try {
      // Each edit checks the version the previous one wrote, which the replica does not have.
      const second = await gql(UPSERT_VALUES, { rows: [valueRow(40, version)] });
      expect(second.data!.upsertIndicatorValues).toMatchObject({
        ok: true,
        rows: [{ numerator: 40, version: version + 1 }],
      });
      const third = await gql(UPSERT_VALUES, { rows: [valueRow(50, version + 1)] });
      expect(third.data!.upsertIndicatorValues).toMatchObject({ ok: true });
      const stale = await gql(UPSERT_VALUES, { rows: [valueRow(60, version + 1)] });
      expect(stale.data!.upsertIndicatorValues).toMatchObject({
        ok: false,
        errors: [{ index: 0, code: 'CONFLICT' }],
      });
      expect(await storedNumerator()).toBe(50);
      expect(await comparedNumerator()).toBe(30);
    } finally {
      await resumeReplay();
    }
    expect(await comparedNumerator()).toBe(50);
  });

  it('signs in and checks sessions on the primary: a user deactivated while replay is paused is refused at once', async () => {
    const login = `replica.user.${randomBytes(3).toString('hex')}`;
    const password = `pw-${randomBytes(9).toString('base64url')}`;
    const created = await gql(UPSERT_USERS, {
      rows: [{ login, displayName: login, role: 'ADMIN', password }],
    });
    expect(created.data!.upsertUsers).toMatchObject({ ok: true });
    const [user] = created.data!.upsertUsers.rows;
    await waitForReplay(primary!, replica!);
    await pauseReplay();
    try {
      const signedIn = await gql(SIGN_IN, { login, password }, null);
      expect(signedIn.errors).toBeUndefined();
      const token: string = signedIn.data!.signIn.token;
      expect((await gql('{ me { login active } }', {}, token)).data).toEqual({
        me: { login, active: true },
      });

      const deactivated = await gql(UPSERT_USERS, {
        rows: [{ id: user.id, version: user.version, active: false }],
      });
      expect(deactivated.data!.upsertUsers).toMatchObject({ ok: true, rows: [{ active: false }] });
      // The paused replica still has the user active; sessions and sign-in read the primary.
      expect(await onReplica('select active from app_user where login = $1', [login])).toEqual([
        { active: true },
      ]);
      const refused = await gql('{ directions { code } }', {}, token);
      expect(refused.errors![0]).toMatchObject({
        message: expect.stringContaining('deactivated'),
        extensions: { code: 'UNAUTHENTICATED' },
      });
      const again = await gql(SIGN_IN, { login, password }, null);
      expect(again.errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
      // The administrator's session keeps working meanwhile.
      expect((await gql('{ me { login } }')).data).toEqual({ me: { login: 'admin' } });
    } finally {
      await resumeReplay();
    }
  });
});
