import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAllowList, PersistedQueryStore } from '../../server/http/persisted-queries';
import {
  buildManifest,
  manifestProblems,
  readManifest,
  readOperationSources,
  sha256Hex,
} from '../../server/persisted/manifest';
import type { Viewer } from '../../server/modules/access/viewer';
import { buildHubSchema } from '../../server/schema';
import { DATABASE_TARGETS, startTestServer, type TestServer } from '../helpers/server';

interface Answer {
  status: number;
  headers: Headers;
  data?: Record<string, any>;
  errors?: { message: string; extensions?: Record<string, any> }[];
}

type Request = {
  query?: string;
  variables?: Record<string, unknown>;
  hash?: string;
};

function extensionsOf(hash: string | undefined) {
  return hash ? { persistedQuery: { version: 1, sha256Hash: hash } } : undefined;
}

async function answer(response: Response): Promise<Answer> {
  return { status: response.status, headers: response.headers, ...(await response.json()) };
}

function post(url: string, token: string | null, { query, variables, hash }: Request) {
  return fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables, extensions: extensionsOf(hash) }),
  }).then(answer);
}

// GET needs a header a browser form cannot send (Apollo's CSRF prevention).
function get(url: string, token: string | null, { query, variables, hash }: Request) {
  const search = new URLSearchParams();
  if (query !== undefined) {
    search.set('query', query);
  }
  if (variables) {
    search.set('variables', JSON.stringify(variables));
  }
  if (hash) {
    search.set('extensions', JSON.stringify(extensionsOf(hash)));
  }
  return fetch(`${url}/graphql?${search}`, {
    headers: {
      'apollo-require-preflight': 'true',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
  }).then(answer);
}

const SEND = { POST: post, GET: get };

const manifest = readManifest();
const listed = (name: string) => manifest.operations.find((operation) => operation.name === name)!;
const COMPARE = listed('DashboardCompareIndicators');

async function compareVariables(hub: TestServer) {
  const regions = await hub.gql('{ regions { id } }');
  const regionId: string = regions.data!.regions[0].id;
  return { input: { indicatorCodes: ['2.1.RESERVE'], periods: ['2024'], regionId } };
}

async function createDashboardToken(hub: TestServer): Promise<string> {
  const created = await hub.gql(
    `mutation { createApiToken(input: { name: "dashboard-${randomBytes(3).toString('hex')}", role: DASHBOARD }) { token } }`,
  );
  return created.data!.createApiToken.token;
}

describe('schema/persisted-operations.json', () => {
  it('is in sync with server/persisted/operations (regenerate with server/scripts/persisted-operations.ts)', () => {
    expect(manifest).toEqual(buildManifest(readOperationSources()));
  });

  it('lists only queries that validate against the current schema', async () => {
    expect(manifestProblems(manifest, await buildHubSchema())).toEqual([]);
    expect(manifest.operations.length).toBeGreaterThanOrEqual(8);
    expect(new Set(manifest.operations.map((operation) => operation.type))).toEqual(
      new Set(['query']),
    );
  });
});

describe('the persisted-query store', () => {
  const store = new PersistedQueryStore(manifest, 300);

  it('answers listed operations under any key prefix and never stores them twice', async () => {
    expect(await store.get(`apq:${COMPARE.id}`)).toBe(COMPARE.body);
    await store.set(`apq:${COMPARE.id}`, COMPARE.body);
    expect(store.size).toBe(0);
  });

  it('keeps registered documents within its byte bound, least recently used out first', async () => {
    const doc = (n: number) => `{ a${n}: __typename ${'x'.repeat(40)} }`;
    for (let n = 0; n < 3; n += 1) {
      await store.set(`apq:k${n}`, doc(n));
    }
    expect(await store.get('apq:k0')).toBe(doc(0));
    for (let n = 3; n < 6; n += 1) {
      await store.set(`apq:k${n}`, doc(n));
    }
    expect(await store.get('apq:k0')).toBe(doc(0));
    expect(await store.get('apq:k1')).toBeUndefined();
    expect(store.size).toBeLessThanOrEqual(5);
  });

  it('in allow-list mode refuses everyone an unlisted operation, and lets listed ones through', () => {
    const user: Viewer = {
      kind: 'user',
      id: 1,
      label: 'admin',
      role: 'ADMIN' as Viewer['role'],
      regionId: null,
      municipalityId: null,
      organizationId: null,
    };
    expect(() => checkAllowList('allow-list', store, user, sha256Hex('{ me { id } }'))).toThrow(
      expect.objectContaining({
        extensions: expect.objectContaining({ reason: 'PERSISTED_QUERY_NOT_ALLOWED' }),
      }),
    );
    expect(() => checkAllowList('allow-list', store, null, null)).toThrow();
    expect(() => checkAllowList('allow-list', store, user, COMPARE.id)).not.toThrow();
    expect(() =>
      checkAllowList('allow-list-for-tokens', store, user, sha256Hex('{ me { id } }')),
    ).not.toThrow();
  });
});

describe.each(DATABASE_TARGETS)('automatic persisted queries on %s', (target) => {
  let hub: TestServer;

  beforeAll(async () => {
    hub = await startTestServer(target, { maxQueryDepth: 8 });
  });

  afterAll(async () => {
    await hub?.stop();
  });

  it.each(['POST', 'GET'] as const)(
    'over %s: hash only → PersistedQueryNotFound, hash + query → answer, then hash only → the same answer',
    async (method) => {
      const send = SEND[method];
      // A document no other test registered: this process has never seen it.
      const query = `{ directions { code } ${method.toLowerCase()}${randomBytes(4).toString('hex')}: __typename }`;
      const hash = sha256Hex(query);
      const miss = await send(hub.url, hub.adminToken, { hash });
      expect(miss.errors![0]).toMatchObject({
        message: 'PersistedQueryNotFound',
        extensions: { code: 'BAD_USER_INPUT', reason: 'PERSISTED_QUERY_NOT_FOUND' },
      });
      expect(miss.headers.get('cache-control')).toBe('no-store');
      const registered = await send(hub.url, hub.adminToken, { hash, query });
      expect(registered.errors).toBeUndefined();
      expect(registered.data!.directions).toHaveLength(11);
      const hit = await send(hub.url, hub.adminToken, { hash });
      expect(hit.status).toBe(200);
      expect(hit.data).toEqual(registered.data);
    },
  );

  it.each(['POST', 'GET'] as const)(
    'over %s: a listed operation answers by hash on the first request',
    async (method) => {
      const response = await SEND[method](hub.url, hub.adminToken, {
        hash: COMPARE.id,
        variables: await compareVariables(hub),
      });
      expect(response.errors).toBeUndefined();
      expect(response.data!.compareIndicators.periods).toEqual(['2024']);
    },
  );

  it('refuses a hash that is not the hash of the query, and an unknown protocol version', async () => {
    const wrong = await post(hub.url, hub.adminToken, {
      query: '{ directions { code } }',
      hash: sha256Hex('{ regions { id } }'),
    });
    expect(wrong.status).toBe(400);
    expect(wrong.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'PERSISTED_QUERY_HASH_MISMATCH',
    });
    const response = await fetch(`${hub.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${hub.adminToken}` },
      body: JSON.stringify({ extensions: { persistedQuery: { version: 2, sha256Hash: 'x' } } }),
    });
    expect(response.status).toBe(400);
    expect((await answer(response)).errors![0].extensions).toMatchObject({
      reason: 'PERSISTED_QUERY_VERSION',
    });
  });

  it('puts a persisted document through the depth and cost limits, and does not keep it', async () => {
    const deep =
      '{ regions { municipalities { roadmaps { sections { activities { section { roadmap { municipality { region { name } } } } } } } } } }';
    const refused = await get(hub.url, hub.adminToken, { query: deep, hash: sha256Hex(deep) });
    expect(refused.status).toBe(400);
    expect(refused.errors![0].message).toMatch(/nested \d+ levels deep; the limit is 8/);
    const page =
      'activities(first: 500) { nodes { section { activities { executors { name } } } } }';
    const costly = `{ ${Array.from({ length: 80 }, (_, i) => `a${i}: ${page}`).join(' ')} }`;
    const tooCostly = await post(hub.url, hub.adminToken, {
      query: costly,
      hash: sha256Hex(costly),
    });
    expect(tooCostly.errors![0].extensions).toMatchObject({ reason: 'QUERY_TOO_COSTLY' });
    for (const query of [deep, costly]) {
      const again = await post(hub.url, hub.adminToken, { hash: sha256Hex(query) });
      expect(again.errors![0].message).toBe('PersistedQueryNotFound');
    }
  });

  it('runs an ad-hoc query from an API token in the default (open) mode', async () => {
    const token = await createDashboardToken(hub);
    const response = await post(hub.url, token, { query: '{ directions { code } }' });
    expect(response.errors).toBeUndefined();
  });
});

describe('PERSISTED_QUERIES=allow-list-for-tokens', () => {
  let hub: TestServer;
  let dashboard: string;

  beforeAll(async () => {
    hub = await startTestServer('pglite', { persistedQueries: 'allow-list-for-tokens' });
    dashboard = await createDashboardToken(hub);
  });

  afterAll(async () => {
    await hub?.stop();
  });

  it.each(['POST', 'GET'] as const)(
    'over %s: runs a listed operation by hash with an API token',
    async (method) => {
      const response = await SEND[method](hub.url, dashboard, {
        hash: COMPARE.id,
        variables: await compareVariables(hub),
      });
      expect(response.errors).toBeUndefined();
      expect(response.data!.compareIndicators.periods).toEqual(['2024']);
    },
  );

  it('runs a listed operation sent as its document text with an API token', async () => {
    const response = await post(hub.url, dashboard, {
      query: COMPARE.body,
      variables: await compareVariables(hub),
    });
    expect(response.errors).toBeUndefined();
  });

  it('refuses an ad-hoc query, or an unlisted hash, from an API token with 400 and the reason', async () => {
    const query =
      '{ compareIndicators(input: { indicatorCodes: ["2.1.RESERVE"], periods: ["2024"] }) { periods } }';
    for (const request of [
      { query },
      { query, hash: sha256Hex(query) },
      { hash: sha256Hex(query) },
    ]) {
      for (const send of [post, get]) {
        const refused = await send(hub.url, dashboard, request);
        expect(refused.status).toBe(400);
        expect(refused.errors![0].extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          reason: 'PERSISTED_QUERY_NOT_ALLOWED',
        });
        expect(refused.errors![0].message).toMatch(/API tokens may run only the listed/);
      }
    }
  });

  it('refuses a document a signed-in user registered when an API token asks for its hash', async () => {
    const query = `{ directions { code } r${randomBytes(4).toString('hex')}: __typename }`;
    const byUser = await post(hub.url, hub.adminToken, { query, hash: sha256Hex(query) });
    expect(byUser.errors).toBeUndefined();
    const byToken = await post(hub.url, dashboard, { hash: sha256Hex(query) });
    expect(byToken.errors![0].extensions).toMatchObject({ reason: 'PERSISTED_QUERY_NOT_ALLOWED' });
  });

  it('leaves signed-in users free to send ad-hoc queries and mutations (the admin UI)', async () => {
    const query = await hub.gql('{ directions { code } me { login } }');
    expect(query.errors).toBeUndefined();
    expect(query.data!.me.login).toBe('admin');
    const mutation = await hub.gql(
      'mutation { upsertIndicatorValues(rows: [], dryRun: true) { ok } }',
    );
    expect(mutation.errors).toBeUndefined();
  });
});
