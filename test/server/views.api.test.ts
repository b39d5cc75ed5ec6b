// Saved grid views through the API (issue #8 item 8): a person's named views per grid page with
// versions, unique names and one default per page, links that open shared views only, a bounded
// state, and no views for API tokens or anonymous callers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_TARGETS, startTestServer, type TestServer } from '../helpers/server';

const FIELDS = 'id version page name state shared slug isDefault mine ownerName';
const SAVE = `mutation ($input: SaveViewInput!) { saveView(input: $input) { ${FIELDS} } }`;
const LIST = `query ($page: String!) { savedViews(page: $page) { ${FIELDS} } }`;
const BY_SLUG = `query ($slug: String!) { savedView(slug: $slug) { ${FIELDS} } }`;
const DELETE = 'mutation ($id: ID!, $version: Int!) { deleteView(id: $id, version: $version) }';

type View = {
  id: string;
  version: number;
  page: string;
  name: string;
  state: Record<string, unknown>;
  shared: boolean;
  slug: string;
  isDefault: boolean;
  mine: boolean;
  ownerName: string;
};

const COLUMNS = {
  filters: { municipalityId: '7', period: '2024' },
  columns: [
    { colId: 'value', sort: 'desc', width: 120, hide: false },
    { colId: 'comment', hide: true },
  ],
  filterModel: { period: { filterType: 'text', type: 'equals', filter: '2024' } },
};

describe.each(DATABASE_TARGETS)('saved views on %s', (target) => {
  let hub: TestServer;
  const tokens: Record<'alice' | 'bob' | 'dashboard' | 'script', string> = {
    alice: '',
    bob: '',
    dashboard: '',
    script: '',
  };

  beforeAll(async () => {
    hub = await startTestServer(target);
    const { data } = await hub.gql('{ municipalities { nodes { id name region { id } } } }');
    const malyshevsky = data!.municipalities.nodes.find(
      (m: any) => m.name === 'Малышевский городской округ',
    );
    tokens.alice = await hub.tokenFor({
      login: 'alice',
      role: 'MUNICIPAL_METHODOLOGIST',
      municipalityId: malyshevsky.id,
      regionId: malyshevsky.region.id,
    });
    tokens.bob = await hub.tokenFor({
      login: 'bob',
      role: 'REGIONAL_ANALYST',
      regionId: malyshevsky.region.id,
    });
    const dashboard = await hub.gql(
      'mutation { createApiToken(input: { name: "Дашборд", role: DASHBOARD }) { token } }',
    );
    tokens.dashboard = dashboard.data!.createApiToken.token;
    const script = await hub.gql(
      'mutation ($r: ID!) { createApiToken(input: { name: "Скрипт", role: REGIONAL_ANALYST, regionId: $r }) { token } }',
      { r: malyshevsky.region.id },
    );
    tokens.script = script.data!.createApiToken.token;
  });

  afterAll(async () => {
    await hub?.stop();
  });

  const save = (input: Record<string, unknown>, token: string | null = tokens.alice) =>
    hub.gql<{ saveView: View }>(SAVE, { input }, { token });
  const saved = async (input: Record<string, unknown>, token = tokens.alice) => {
    const response = await save(input, token);
    expect(response.errors).toBeUndefined();
    return response.data!.saveView;
  };
  const list = async (page: string, token = tokens.alice) => {
    const response = await hub.gql<{ savedViews: View[] }>(LIST, { page }, { token });
    expect(response.errors).toBeUndefined();
    return response.data!.savedViews;
  };
  const error = (response: { errors?: { extensions?: Record<string, any> }[] }) =>
    response.errors?.[0]?.extensions;

  it('creates, lists, updates and deletes a view of one’s own', async () => {
    const created = await saved({ page: 'indicators', name: 'Мои показатели', state: COLUMNS });
    expect(created).toMatchObject({
      version: 1,
      page: 'indicators',
      name: 'Мои показатели',
      state: COLUMNS,
      shared: false,
      isDefault: false,
      mine: true,
      ownerName: 'alice',
    });
    expect(created.slug).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect((await list('indicators')).map((view) => view.id)).toEqual([created.id]);
    expect(await list('indicators', tokens.bob)).toEqual([]);

    const updated = await saved({
      id: created.id,
      version: created.version,
      page: 'indicators',
      name: '  Показатели 2024  ',
      state: { ...COLUMNS, filters: { period: '2023' } },
    });
    expect(updated).toMatchObject({
      id: created.id,
      version: 2,
      name: 'Показатели 2024',
      slug: created.slug,
      state: { filters: { period: '2023' } },
    });
    // Omitted fields keep their values.
    const renamed = await saved({
      id: created.id,
      version: 2,
      page: 'indicators',
      name: 'Показатели',
    });
    expect(renamed).toMatchObject({ version: 3, state: updated.state, shared: false });

    const moved = await save({ id: created.id, version: 3, page: 'teachers', name: 'x' });
    expect(error(moved)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'page' });

    const deleted = await hub.gql(DELETE, { id: created.id, version: 3 }, { token: tokens.alice });
    expect(deleted.data).toEqual({ deleteView: created.id });
    expect(await list('indicators')).toEqual([]);
    const again = await hub.gql(DELETE, { id: created.id, version: 3 }, { token: tokens.alice });
    expect(error(again)).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
  });

  it('keeps names unique per person and page, naming the field', async () => {
    const first = await saved({ page: 'olympiads/records', name: 'Победители' });
    const taken = await save({ page: 'olympiads/records', name: 'Победители ' });
    expect(error(taken)).toMatchObject({ code: 'CONFLICT', field: 'name' });
    // The same name on another page, or another person's, is fine.
    await saved({ page: 'olympiads/talent', name: 'Победители' });
    await saved({ page: 'olympiads/records', name: 'Победители' }, tokens.bob);
    const second = await saved({ page: 'olympiads/records', name: 'Призёры' });
    const renamed = await save({
      id: second.id,
      version: second.version,
      page: 'olympiads/records',
      name: 'Победители',
    });
    expect(error(renamed)).toMatchObject({ code: 'CONFLICT', field: 'name' });
    expect((await list('olympiads/records')).map((view) => view.name)).toEqual([
      'Победители',
      'Призёры',
    ]);
    // Saving a view under its own name again is no conflict.
    await saved({
      id: first.id,
      version: first.version,
      page: 'olympiads/records',
      name: 'Победители',
    });
  });

  it('refuses a stale version and leaves the stored view as it was', async () => {
    const view = await saved({ page: 'stale', name: 'Старая', state: { a: 1 } });
    const fresh = await saved({
      id: view.id,
      version: 1,
      page: 'stale',
      name: 'Новая',
      state: { a: 2 },
    });
    expect(fresh.version).toBe(2);

    const stale = await save({
      id: view.id,
      version: 1,
      page: 'stale',
      name: 'Чужая',
      state: { a: 3 },
    });
    expect(error(stale)).toMatchObject({ code: 'CONFLICT', field: 'version', version: 2 });
    const noVersion = await save({ id: view.id, page: 'stale', name: 'Без версии' });
    expect(error(noVersion)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'version' });
    const staleDelete = await hub.gql(DELETE, { id: view.id, version: 1 }, { token: tokens.alice });
    expect(error(staleDelete)).toMatchObject({ code: 'CONFLICT', field: 'version' });

    expect(await list('stale')).toEqual([
      expect.objectContaining({ id: view.id, version: 2, name: 'Новая', state: { a: 2 } }),
    ]);
  });

  it('refuses a state over 32 KB, a state that is no object, bad page keys and names', async () => {
    const big = { blob: 'x'.repeat(33 * 1024) };
    const tooBig = await save({ page: 'bounded', name: 'Большой', state: big });
    // The refusal names the limit and does not echo the state back.
    expect(tooBig.errors![0].message).toMatch(/^The view state is 33\d{3} bytes as JSON.*32 KB/);
    expect(error(tooBig)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'state' });
    // Just under the limit is kept (32 KB of JSON, quotes and key included).
    const fits = { blob: 'x'.repeat(32 * 1024 - '{"blob":""}'.length) };
    expect((await saved({ page: 'bounded', name: 'Впритык', state: fits })).state).toEqual(fits);

    for (const state of [[1, 2], 'text', 3]) {
      const refused = await save({ page: 'bounded', name: 'Не объект', state });
      expect(refused.status).toBe(400);
      expect(error(refused), JSON.stringify(state)).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'state',
      });
    }
    // Written inline in the query, too.
    const inline = await hub.gql(
      `mutation { saveView(input: { page: "bounded", name: "Строкой", state: [1] }) { id } }`,
      {},
      { token: tokens.alice },
    );
    expect(error(inline)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'state' });
    const inlineObject = await hub.gql(
      `mutation { saveView(input: { page: "bounded", name: "Объект", state: { sort: [{ colId: "name", sort: "asc" }], n: 1.5, on: true, none: null } }) { state } }`,
      {},
      { token: tokens.alice },
    );
    expect(inlineObject.data!.saveView.state).toEqual({
      sort: [{ colId: 'name', sort: 'asc' }],
      n: 1.5,
      on: true,
      none: null,
    });
    for (const page of ['', 'Indicators', 'a'.repeat(65), 'olympiads records', 'отчёты']) {
      expect(error(await save({ page, name: 'Вид' })), page).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'page',
      });
    }
    const badList = await hub.gql(LIST, { page: 'Bad Page' }, { token: tokens.alice });
    expect(error(badList)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'page' });
    for (const name of ['', '   ', 'я'.repeat(121)]) {
      expect(error(await save({ page: 'bounded', name }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'name',
      });
    }
    expect((await saved({ page: 'bounded', name: 'я'.repeat(120) })).name).toHaveLength(120);
    expect((await list('bounded')).map((view) => view.name)).toEqual([
      'Впритык',
      'Объект',
      'я'.repeat(120),
    ]);
  });

  it('opens another person’s view by link only while it is shared, and never lets them write it', async () => {
    const view = await saved({ page: 'teachers', name: 'Дефициты', state: COLUMNS });
    const bySlug = (slug: string, token = tokens.bob) =>
      hub.gql<{ savedView: View }>(BY_SLUG, { slug }, { token });

    const hidden = await bySlug(view.slug);
    const unknown = await bySlug('A'.repeat(22));
    const malformed = await bySlug('nope');
    for (const response of [hidden, unknown, malformed]) {
      expect(error(response)!.code).toBe('NOT_FOUND');
    }
    // Not shared and missing read alike.
    expect(hidden.errors![0].message).toBe(unknown.errors![0].message);
    // The owner opens an unshared view by its link.
    expect((await bySlug(view.slug, tokens.alice)).data!.savedView.mine).toBe(true);

    const shared = await saved({
      id: view.id,
      version: view.version,
      page: 'teachers',
      name: 'Дефициты',
      shared: true,
    });
    const opened = await bySlug(view.slug);
    expect(opened.data!.savedView).toMatchObject({
      id: view.id,
      state: COLUMNS,
      shared: true,
      mine: false,
      ownerName: 'alice',
    });
    // Shared views are opened by link, never listed for others.
    expect(await list('teachers', tokens.bob)).toEqual([]);

    const overwrite = await save(
      { id: view.id, version: shared.version, page: 'teachers', name: 'Взлом', state: {} },
      tokens.bob,
    );
    expect(error(overwrite)!.code).toBe('NOT_FOUND');
    const removal = await hub.gql(
      DELETE,
      { id: view.id, version: shared.version },
      { token: tokens.bob },
    );
    expect(error(removal)!.code).toBe('NOT_FOUND');
    expect(await list('teachers')).toEqual([
      expect.objectContaining({ name: 'Дефициты', version: shared.version, state: COLUMNS }),
    ]);

    // A new link: the old one stops working.
    const renewed = await saved({
      id: view.id,
      version: shared.version,
      page: 'teachers',
      name: 'Дефициты',
      renewSlug: true,
    });
    expect(renewed.slug).not.toBe(view.slug);
    expect(error(await bySlug(view.slug))!.code).toBe('NOT_FOUND');
    expect((await bySlug(renewed.slug)).data!.savedView.id).toBe(view.id);

    await saved({
      id: view.id,
      version: renewed.version,
      page: 'teachers',
      name: 'Дефициты',
      shared: false,
    });
    expect(error(await bySlug(renewed.slug))!.code).toBe('NOT_FOUND');
  });

  it('keeps one default per person and page, moving it in one save', async () => {
    const first = await saved({ page: 'defaults', name: 'Первый', isDefault: true });
    const other = await saved({ page: 'defaults/other', name: 'Другая страница', isDefault: true });
    const bobs = await saved({ page: 'defaults', name: 'Боба', isDefault: true }, tokens.bob);
    const second = await saved({ page: 'defaults', name: 'Второй', isDefault: true });
    expect(second.isDefault).toBe(true);
    const views = await list('defaults');
    expect(views.map((view) => [view.name, view.isDefault, view.version])).toEqual([
      ['Второй', true, 1],
      // The old default changed: its version moved on.
      ['Первый', false, first.version + 1],
    ]);
    expect((await list('defaults/other'))[0]).toMatchObject({ id: other.id, isDefault: true });
    expect((await list('defaults', tokens.bob))[0]).toMatchObject({ id: bobs.id, isDefault: true });

    // Back to the first, by update.
    const back = await saved({
      id: first.id,
      version: first.version + 1,
      page: 'defaults',
      name: 'Первый',
      isDefault: true,
    });
    expect(back.isDefault).toBe(true);
    expect(
      (await list('defaults')).filter((view) => view.isDefault).map((view) => view.id),
    ).toEqual([first.id]);
    // Setting the default again on the default view changes nothing.
    const same = await saved({
      id: first.id,
      version: back.version,
      page: 'defaults',
      name: 'Первый',
      isDefault: true,
    });
    expect(same.version).toBe(back.version);
  });

  it('refuses dashboards and other API tokens, and anonymous callers', async () => {
    const view = await saved({ page: 'tokens', name: 'Для ссылки', shared: true });
    const calls = [
      [LIST, { page: 'tokens' }],
      [BY_SLUG, { slug: view.slug }],
      [SAVE, { input: { page: 'tokens', name: 'Токен' } }],
      [DELETE, { id: view.id, version: view.version }],
    ] as const;
    for (const [query, variables] of calls) {
      for (const token of [tokens.dashboard, tokens.script]) {
        const response = await hub.gql(query, variables, { token });
        expect(error(response)!.code, query).toBe('FORBIDDEN');
      }
      const anonymous = await hub.gql(query, variables, { token: null });
      expect(error(anonymous)!.code, query).toBe('UNAUTHENTICATED');
    }
    expect(await list('tokens')).toHaveLength(1);
  });
});
