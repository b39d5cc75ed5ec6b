import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Municipality,
  Organization,
  OrganizationKind,
} from '../../server/modules/geography/geography.entity';
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

const UPSERT_SCOPED =
  'mutation ($rows: [UserInput!]!, $dryRun: Boolean! = false) { upsertUsers(rows: $rows, dryRun: $dryRun) { ok rows { id version login region { id } municipality { id } organizationId } errors { index id field code } } }';

describe('upsertUsers: scopes', () => {
  let hub: TestServer;
  // Two municipalities in different regions, and a school in the first.
  const ids = { region: '', otherRegion: '', municipality: '', otherMunicipality: '', school: '' };

  beforeAll(async () => {
    hub = await startTestServer('pglite');
    const { data } = await hub.gql('{ municipalities { nodes { id name region { id } } } }');
    const byName = (name: string) => data!.municipalities.nodes.find((m: any) => m.name === name);
    ids.municipality = byName('Малышевский городской округ').id;
    ids.region = byName('Малышевский городской округ').region.id;
    ids.otherMunicipality = byName('Кингисеппский муниципальный район').id;
    ids.otherRegion = byName('Кингисеппский муниципальный район').region.id;
    const em = hub.orm.em.fork();
    const school = em.create(Organization, {
      municipality: em.getReference(Municipality, Number(ids.municipality)),
      code: 'users-test-school',
      name: 'МАОУ СОШ № 7',
      kind: OrganizationKind.SCHOOL,
    });
    await em.flush();
    ids.school = String(school.id);
  });

  afterAll(async () => {
    await hub?.stop();
  });

  const scoped = (login: string, role: string, scope: Record<string, string | null>) => ({
    login,
    displayName: login,
    role,
    password: 'long-enough-password',
    ...scope,
  });

  it('derives the region from the municipality, and both from an organization', async () => {
    const { data, errors } = await hub.gql(UPSERT_SCOPED, {
      rows: [
        scoped('derive.methodist', 'MUNICIPAL_METHODOLOGIST', { municipalityId: ids.municipality }),
        scoped('derive.analyst', 'REGIONAL_ANALYST', { municipalityId: ids.municipality }),
        scoped('derive.coordinator', 'SCHOOL_COORDINATOR', { organizationId: ids.school }),
      ],
    });
    expect(errors).toBeUndefined();
    const scope = { region: { id: ids.region }, municipality: { id: ids.municipality } };
    expect(data!.upsertUsers).toMatchObject({
      ok: true,
      errors: [],
      rows: [
        { ...scope, organizationId: null },
        { ...scope, organizationId: null },
        { ...scope, organizationId: ids.school },
      ],
    });
    // Moving a user to another municipality takes its region along.
    const [methodist] = data!.upsertUsers.rows;
    const moved = await hub.gql(UPSERT_SCOPED, {
      rows: [
        { id: methodist.id, version: methodist.version, municipalityId: ids.otherMunicipality },
      ],
    });
    expect(moved.data!.upsertUsers.rows[0]).toMatchObject({
      region: { id: ids.otherRegion },
      municipality: { id: ids.otherMunicipality },
    });
  });

  it('refuses a municipality outside the given region and an organization outside the given municipality', async () => {
    const { data, errors } = await hub.gql(UPSERT_SCOPED, {
      rows: [
        scoped('mismatch.methodist', 'MUNICIPAL_METHODOLOGIST', {
          regionId: ids.otherRegion,
          municipalityId: ids.municipality,
        }),
        scoped('mismatch.coordinator', 'SCHOOL_COORDINATOR', {
          municipalityId: ids.otherMunicipality,
          organizationId: ids.school,
        }),
        scoped('mismatch.fine', 'SCHOOL_COORDINATOR', {
          regionId: ids.region,
          municipalityId: ids.municipality,
          organizationId: ids.school,
        }),
      ],
    });
    expect(errors).toBeUndefined();
    expect(data!.upsertUsers).toMatchObject({
      ok: false,
      errors: [
        { index: 0, field: 'municipalityId', code: 'BAD_USER_INPUT' },
        { index: 1, field: 'organizationId', code: 'BAD_USER_INPUT' },
      ],
    });
    expect(data!.upsertUsers.errors).toHaveLength(2);
  });

  it('blames the region when only the region of a user is changed to one without its municipality', async () => {
    const created = await hub.gql(UPSERT_SCOPED, {
      rows: [
        scoped('region.change', 'MUNICIPAL_METHODOLOGIST', { municipalityId: ids.municipality }),
      ],
    });
    const [user] = created.data!.upsertUsers.rows;
    const { data } = await hub.gql(UPSERT_SCOPED, {
      rows: [{ id: user.id, version: user.version, regionId: ids.otherRegion }],
    });
    expect(data!.upsertUsers.errors).toEqual([
      { index: 0, id: user.id, field: 'regionId', code: 'BAD_USER_INPUT' },
    ]);
  });

  it('reports unknown region, municipality and organization ids as NOT_FOUND on the row and field', async () => {
    const created = await hub.gql(UPSERT_SCOPED, {
      rows: [scoped('unknown.scope', 'ADMIN', {})],
    });
    const [user] = created.data!.upsertUsers.rows;
    const { data, errors } = await hub.gql(UPSERT_SCOPED, {
      rows: [
        scoped('unknown.region', 'REGIONAL_ANALYST', { regionId: '999001' }),
        scoped('unknown.municipality', 'MUNICIPAL_METHODOLOGIST', { municipalityId: '999002' }),
        { id: user.id, version: user.version, organizationId: '999003' },
      ],
      dryRun: true,
    });
    expect(errors).toBeUndefined();
    expect(data!.upsertUsers).toMatchObject({ ok: false, rows: [] });
    expect(data!.upsertUsers.errors).toEqual([
      { index: 0, id: null, field: 'regionId', code: 'NOT_FOUND' },
      { index: 1, id: null, field: 'municipalityId', code: 'NOT_FOUND' },
      { index: 2, id: user.id, field: 'organizationId', code: 'NOT_FOUND' },
    ]);
  });

  it('still requires the scope a role needs', async () => {
    const { data } = await hub.gql(UPSERT_SCOPED, {
      rows: [scoped('no.school', 'SCHOOL_COORDINATOR', { municipalityId: ids.municipality })],
      dryRun: true,
    });
    expect(data!.upsertUsers.errors).toEqual([
      { index: 0, id: null, field: 'organizationId', code: 'REQUIRED' },
    ]);
  });
});

describe('upsertUsers: the hub keeps an active administrator', () => {
  let hub: TestServer;
  let self: { id: string; version: number };

  beforeAll(async () => {
    hub = await startTestServer('pglite');
    const { data } = await hub.gql('{ users(first: 500) { nodes { id version login } } }');
    self = data!.users.nodes.find((user: any) => user.login === 'admin');
  });

  afterAll(async () => {
    await hub?.stop();
  });

  const ME = '{ me { role active } }';

  it('refuses demoting or deactivating the last active admin, oneself included', async () => {
    // An inactive administrator does not count.
    const sleeping = await hub.gql(UPSERT, {
      rows: [{ ...newAdmin('sleeping.admin'), active: false }],
    });
    expect(sleeping.data!.upsertUsers.ok).toBe(true);
    const demoted = await hub.gql(UPSERT, {
      rows: [{ ...self, role: 'REGIONAL_ANALYST', regionId: await anyRegionId(hub) }],
    });
    expect(demoted.data!.upsertUsers).toMatchObject({
      ok: false,
      errors: [{ index: 0, field: 'role', code: 'BAD_USER_INPUT' }],
    });
    const deactivated = await hub.gql(UPSERT, { rows: [{ ...self, active: false }] });
    expect(deactivated.data!.upsertUsers).toMatchObject({
      ok: false,
      errors: [{ index: 0, field: 'active', code: 'BAD_USER_INPUT' }],
    });
    expect((await hub.gql(ME)).data!.me).toEqual({ role: 'ADMIN', active: true });
  });

  it('refuses a batch that removes every active admin, each on its own row', async () => {
    const created = await hub.gql(UPSERT, { rows: [newAdmin('second.admin')] });
    const [second] = created.data!.upsertUsers.rows;
    const { data } = await hub.gql(UPSERT, {
      rows: [
        { ...self, active: false },
        {
          id: second.id,
          version: second.version,
          role: 'REGIONAL_ANALYST',
          regionId: await anyRegionId(hub),
        },
      ],
      dryRun: true,
    });
    expect(data!.upsertUsers).toMatchObject({
      ok: false,
      errors: [
        { index: 0, field: 'active', code: 'BAD_USER_INPUT' },
        { index: 1, field: 'role', code: 'BAD_USER_INPUT' },
      ],
    });
  });

  it('lets an admin step down when another active admin remains or comes in the same batch', async () => {
    const { data } = await hub.gql(UPSERT, {
      rows: [{ ...self, active: false }, newAdmin('successor.admin')],
      dryRun: true,
    });
    expect(data!.upsertUsers).toMatchObject({ ok: true, errors: [] });
    expect((await hub.gql(ME)).data!.me).toEqual({ role: 'ADMIN', active: true });
  });
});

function newAdmin(login: string) {
  return { login, displayName: login, role: 'ADMIN', password: 'long-enough-password' };
}

async function anyRegionId(hub: TestServer): Promise<string> {
  const { data } = await hub.gql('{ regions { id } }');
  return data!.regions[0].id;
}
