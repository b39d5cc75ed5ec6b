import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readManifest, sha256Hex } from '../../server/persisted/manifest';
import { DATABASE_TARGETS, startTestServer, type TestServer } from '../helpers/server';

const MAX_AGE = 45;

const UPSERT = `mutation ($rows: [IndicatorValueInput!]!) {
  upsertIndicatorValues(rows: $rows) { ok errors { code message } rows { version } }
}`;

const COMPARE = `query ($input: CompareIndicatorsInput!) {
  compareIndicators(input: $input) { rows { unitName value } }
}`;

const row = (value: number) => ({
  indicatorCode: '2.1.RESERVE',
  municipalityCode: '66-malyshevsky',
  period: '2024',
  value,
});

describe.each(DATABASE_TARGETS)('HTTP caching of aggregate queries on %s', (target) => {
  let hub: TestServer;
  let regionId: string;

  beforeAll(async () => {
    hub = await startTestServer(target, { aggregateCacheMaxAge: MAX_AGE, maxQueryDepth: 8 });
    const regions = await hub.gql('{ regions { id municipalities { code } } }');
    regionId = regions.data!.regions.find((region: any) =>
      region.municipalities.some((m: any) => m.code === '66-malyshevsky'),
    ).id;
    const created = await hub.gql(UPSERT, { rows: [row(7)] });
    expect(created.data!.upsertIndicatorValues.ok).toBe(true);
  });

  afterAll(async () => {
    await hub?.stop();
  });

  const compareInput = () => ({
    input: { indicatorCodes: ['2.1.RESERVE'], periods: ['2024'], regionId },
  });

  // GET with the header Apollo's CSRF prevention asks of GET requests.
  function get(params: Record<string, unknown>, headers: Record<string, string> = {}) {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) {
      search.set(key, typeof value === 'string' ? value : JSON.stringify(value));
    }
    return fetch(`${hub.url}/graphql?${search}`, {
      headers: {
        'apollo-require-preflight': 'true',
        authorization: `Bearer ${hub.adminToken}`,
        ...headers,
      },
    });
  }

  const reserveOf = async (response: Response) => {
    const body = (await response.json()) as any;
    return body.data.compareIndicators.rows.find((r: any) => r.value !== null)?.value;
  };

  it('gives a GET of compareIndicators a private max-age, Vary and a strong ETag; 304 when it is current', async () => {
    const first = await get({ query: COMPARE, variables: compareInput() });
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe(`private, max-age=${MAX_AGE}`);
    expect(first.headers.get('vary')).toMatch(/Authorization/);
    expect(first.headers.get('vary')).toMatch(/Cookie/);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]{20,}"$/);
    expect(await reserveOf(first)).toBe(7);

    const again = await get({ query: COMPARE, variables: compareInput() });
    expect(again.headers.get('etag')).toBe(etag);
    const notModified = await get(
      { query: COMPARE, variables: compareInput() },
      { 'if-none-match': etag },
    );
    expect(notModified.status).toBe(304);
    expect(await notModified.text()).toBe('');
    expect(notModified.headers.get('etag')).toBe(etag);
    expect(notModified.headers.get('cache-control')).toBe(`private, max-age=${MAX_AGE}`);
    const weak = await get(
      { query: COMPARE, variables: compareInput() },
      { 'if-none-match': `"other", W/${etag}` },
    );
    expect(weak.status).toBe(304);
  });

  it('changes the ETag after a write changes the data', async () => {
    const before = await get({ query: COMPARE, variables: compareInput() });
    const etag = before.headers.get('etag')!;
    const value = ((await reserveOf(before)) as number) + 1;
    const updated = await hub.gql(UPSERT, { rows: [row(value)] });
    expect(updated.data!.upsertIndicatorValues).toMatchObject({ ok: true });
    const after = await get(
      { query: COMPARE, variables: compareInput() },
      { 'if-none-match': etag },
    );
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect(await reserveOf(after)).toBe(value);
  });

  it('caches a listed operation asked for by its hash over GET', async () => {
    const operation = readManifest().operations.find(
      (op) => op.name === 'DashboardCompareIndicators',
    )!;
    const response = await get({
      variables: compareInput(),
      extensions: { persistedQuery: { version: 1, sha256Hash: operation.id } },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe(`private, max-age=${MAX_AGE}`);
    expect(response.headers.get('etag')).toBeTruthy();
  });

  it('answers no-store to POST, mutations, other fields, introspection and errors', async () => {
    const post = await fetch(`${hub.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${hub.adminToken}` },
      body: JSON.stringify({ query: COMPARE, variables: compareInput() }),
    });
    expect(post.status).toBe(200);
    expect(post.headers.get('cache-control')).toBe('no-store');
    expect(post.headers.get('etag')).toBeNull();
    const mutation = await fetch(`${hub.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${hub.adminToken}` },
      body: JSON.stringify({ query: UPSERT, variables: { rows: [] } }),
    });
    expect(mutation.headers.get('cache-control')).toBe('no-store');
    const mixed = `query ($input: CompareIndicatorsInput!) { directions { code } compareIndicators(input: $input) { periods } }`;
    for (const params of [
      { query: '{ directions { code } }' },
      { query: mixed, variables: compareInput() },
      { query: '{ __schema { queryType { name } } }' },
      // An error: no region or municipality given.
      {
        query: COMPARE,
        variables: { input: { indicatorCodes: ['2.1.RESERVE'], periods: ['2024'] } },
      },
      // A persisted-query miss.
      { extensions: { persistedQuery: { version: 1, sha256Hash: sha256Hex('{ nothing }') } } },
    ]) {
      const response = await get(params);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('etag')).toBeNull();
    }
    const anonymous = await fetch(
      `${hub.url}/graphql?${new URLSearchParams({ query: COMPARE, variables: JSON.stringify(compareInput()) })}`,
      { headers: { 'apollo-require-preflight': 'true' } },
    );
    expect(anonymous.headers.get('cache-control')).toBe('no-store');
  });

  it('refuses a mutation over GET (405) and writes nothing', async () => {
    const before = await reserveOf(await get({ query: COMPARE, variables: compareInput() }));
    const response = await get({ query: UPSERT, variables: { rows: [row(before + 100)] } });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const after = await reserveOf(await get({ query: COMPARE, variables: compareInput() }));
    expect(after).toBe(before);
  });

  it('keeps CSRF prevention and the depth limit for GET', async () => {
    const simple = await fetch(
      `${hub.url}/graphql?${new URLSearchParams({ query: '{ directions { code } }' })}`,
      { headers: { authorization: `Bearer ${hub.adminToken}` } },
    );
    expect(simple.status).toBe(400);
    const deep =
      '{ regions { municipalities { roadmaps { sections { activities { section { roadmap { municipality { region { name } } } } } } } } } }';
    const refused = await get({ query: deep });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('cache-control')).toBe('no-store');
  });
});
