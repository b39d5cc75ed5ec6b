import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';

// The body of a `me` query; fetch types JSON bodies as unknown.
type MeBody = { data: { me: { login: string; displayName: string; role: string } | null } };

const SIGN_IN =
  'mutation ($login: String!, $password: String!) { signIn(login: $login, password: $password) { user { login role } expiresAt } }';

describe('sign-in and sessions', () => {
  let hub: TestServer;

  beforeAll(async () => {
    hub = await startTestServer('pglite');
    await hub.gql('mutation ($rows: [UserInput!]!) { upsertUsers(rows: $rows) { ok } }', {
      rows: [
        {
          login: 'ivanova',
          displayName: 'Иванова И.И.',
          role: 'ADMIN',
          password: 'correct-horse-battery',
        },
      ],
    });
  });

  afterAll(async () => {
    await hub?.stop();
  });

  async function post(body: object, cookie?: string) {
    return fetch(`${hub.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    });
  }

  it('sets an httpOnly session cookie that authenticates the client, and clears it on sign-out', async () => {
    const response = await post({
      query: SIGN_IN,
      variables: { login: 'ivanova', password: 'correct-horse-battery' },
    });
    const cookie = response.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^msoko_session=[^;]+; Path=\/; HttpOnly; SameSite=Strict; Expires=/);
    const session = cookie.split(';')[0];
    const me = (await (
      await post({ query: '{ me { login displayName role } }' }, session)
    ).json()) as MeBody;
    expect(me.data.me).toEqual({ login: 'ivanova', displayName: 'Иванова И.И.', role: 'ADMIN' });
    const out = await post({ query: 'mutation { signOut }' }, session);
    expect(out.headers.get('set-cookie')).toMatch(/^msoko_session=; .*Max-Age=0/);
    const anonymous = (await (await post({ query: '{ me { login } }' })).json()) as MeBody;
    expect(anonymous.data.me).toBeNull();
  });

  it('answers a wrong password without telling whether the login exists', async () => {
    const wrong = await hub.gql(
      SIGN_IN,
      { login: 'ivanova', password: 'wrong-password-1' },
      { token: null },
    );
    const unknown = await hub.gql(
      SIGN_IN,
      { login: 'nobody-here', password: 'wrong-password-1' },
      { token: null },
    );
    expect(wrong.errors![0]).toMatchObject({
      message: 'Wrong login or password',
      extensions: { code: 'UNAUTHENTICATED' },
    });
    expect(unknown.errors![0]).toMatchObject({
      message: 'Wrong login or password',
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it('limits failed sign-ins per login and keeps serving others', async () => {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await hub.gql(
        SIGN_IN,
        { login: 'target', password: 'guess-number-' + attempt },
        { token: null },
      );
    }
    const blocked = await hub.gql(
      SIGN_IN,
      { login: 'target', password: 'another-guess' },
      { token: null },
    );
    expect(blocked.errors![0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'RATE_LIMITED',
    });
    const other = await hub.gql(
      SIGN_IN,
      { login: 'ivanova', password: 'correct-horse-battery' },
      { token: null },
    );
    expect(other.data!.signIn.user.login).toBe('ivanova');
  });

  it('stores no password in the clear and refuses weak passwords', async () => {
    const rows = await hub.orm.em
      .fork()
      .getConnection()
      .execute("select password_hash from app_user where login = 'ivanova'");
    expect(rows[0].password_hash).toMatch(/^\$2[aby]\$10\$/);
    const weak = await hub.gql(
      'mutation ($rows: [UserInput!]!) { upsertUsers(rows: $rows) { ok errors { field code } } }',
      {
        rows: [{ login: 'petrov', displayName: 'Петров', role: 'ADMIN', password: 'short' }],
      },
    );
    expect(weak.data!.upsertUsers).toEqual({
      ok: false,
      errors: [{ field: 'password', code: 'INVALID_FORMAT' }],
    });
  });

  it('ends a session at once when its user is deactivated or loses a role, on the next request', async () => {
    const { data } = await hub.gql('{ municipalities { nodes { id region { id } } } }');
    const { id: municipalityId, region } = data!.municipalities.nodes[0];
    const token = await hub.tokenFor({
      login: 'sidorova',
      role: 'MUNICIPAL_METHODOLOGIST',
      municipalityId,
      regionId: region.id,
    });
    const asUser = (query: string) => hub.gql(query, {}, { token });
    expect((await asUser('{ activities(first: 1) { totalCount } }')).data).toBeDefined();

    const find = async () =>
      (
        await hub.gql('{ users(first: 100) { nodes { id version login } } }')
      ).data!.users.nodes.find((u: any) => u.login === 'sidorova');
    const upsert = (row: object) =>
      hub.gql('mutation ($rows: [UserInput!]!) { upsertUsers(rows: $rows) { ok } }', {
        rows: [row],
      });

    // The same signed token now carries a dashboard's rights: the role is read per request.
    let user = await find();
    expect((await upsert({ id: user.id, version: user.version, role: 'DASHBOARD' })).data).toEqual({
      upsertUsers: { ok: true },
    });
    const demoted = await asUser('{ activities(first: 1) { totalCount } }');
    expect(demoted.errors![0].extensions!.code).toBe('FORBIDDEN');

    user = await find();
    await upsert({ id: user.id, version: user.version, active: false });
    const deactivated = await asUser('{ directions { code } }');
    expect(deactivated.errors![0]).toMatchObject({
      message: expect.stringContaining('deactivated'),
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });
});
