import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';

const UPSERT =
  'mutation ($rows: [UserInput!]!, $dryRun: Boolean! = false) { upsertUsers(rows: $rows, dryRun: $dryRun) { ok rows { id version login } errors { index field code } } }';

describe('upsertUsers: logins', () => {
  let hub: TestServer;

  beforeAll(async () => {
    hub = await startTestServer('pglite');
  });

  afterAll(async () => {
    await hub?.stop();
  });

  const newUser = (login: string) => ({
    login,
    displayName: `Пользователь ${login}`,
    role: 'ADMIN',
    password: 'long-enough-password',
  });

  it('creates a user with a free login', async () => {
    const { data } = await hub.gql(UPSERT, { rows: [newUser('free.login')] });
    expect(data!.upsertUsers).toMatchObject({ ok: true, rows: [{ login: 'free.login' }] });
  });

  it('refuses a login another user has, as a row error on login', async () => {
    const { data, errors } = await hub.gql(UPSERT, {
      rows: [newUser('fresh.one'), newUser('admin')],
    });
    expect(errors).toBeUndefined();
    expect(data!.upsertUsers).toMatchObject({
      ok: false,
      errors: [{ index: 1, field: 'login', code: 'DUPLICATE' }],
    });
  });

  it('refuses renaming a user to a taken login and the same new login twice', async () => {
    const created = await hub.gql(UPSERT, { rows: [newUser('rename.me')] });
    const [user] = created.data!.upsertUsers.rows;
    const renamed = await hub.gql(UPSERT, {
      rows: [{ id: user.id, version: user.version, login: 'admin' }],
    });
    expect(renamed.data!.upsertUsers.errors).toEqual([
      { index: 0, field: 'login', code: 'DUPLICATE' },
    ]);
    const twice = await hub.gql(UPSERT, {
      rows: [newUser('twin'), newUser('twin')],
      dryRun: true,
    });
    expect(twice.data!.upsertUsers.errors).toEqual([
      { index: 1, field: 'login', code: 'DUPLICATE' },
    ]);
    // Sending a user's own login back is not a change.
    const same = await hub.gql(UPSERT, {
      rows: [{ id: user.id, version: user.version, login: 'rename.me', displayName: 'Другое' }],
    });
    expect(same.data!.upsertUsers.ok).toBe(true);
  });

  it('refuses a display name longer than the column', async () => {
    const { data } = await hub.gql(UPSERT, {
      rows: [{ ...newUser('long.name'), displayName: 'я'.repeat(201) }],
    });
    expect(data!.upsertUsers.errors).toEqual([
      { index: 0, field: 'displayName', code: 'TOO_LONG' },
    ]);
  });
});
