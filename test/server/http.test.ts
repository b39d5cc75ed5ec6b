import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverAudits } from 'graphql-http';
import { startTestServer, type TestServer } from '../helpers/server';

describe('HTTP endpoint', () => {
  let hub: TestServer;

  beforeAll(async () => {
    hub = await startTestServer('pglite', { maxBodyBytes: 64 * 1024, maxQueryDepth: 8 });
  });

  afterAll(async () => {
    await hub?.stop();
  });

  it('passes every MUST of the GraphQL-over-HTTP audit suite (graphql-http)', async () => {
    // The hub wants a signed-in caller: the audits run as the administrator.
    const fetchFn: typeof fetch = (input, init = {}) =>
      fetch(input, {
        ...init,
        headers: {
          ...(init.headers as Record<string, string>),
          authorization: `Bearer ${hub.adminToken}`,
        },
      });
    const results = await Promise.all(
      serverAudits({ url: `${hub.url}/graphql`, fetchFn }).map((audit) => audit.fn()),
    );
    const mustFailures = results.filter(
      (result) => result.name.startsWith('MUST') && result.status !== 'ok',
    );
    expect(
      mustFailures.map(
        (failure) => `${failure.name}: ${'reason' in failure ? failure.reason : ''}`,
      ),
    ).toEqual([]);
    expect(results.length).toBeGreaterThan(30);
  });

  it('refuses an oversized body with 413 and keeps serving', async () => {
    const huge = JSON.stringify({
      query: `{ directions { code } }`,
      variables: { pad: 'x'.repeat(100 * 1024) },
    });
    const refused = await fetch(`${hub.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: huge,
    });
    expect(refused.status).toBe(413);
    const after = await hub.gql('{ directions { code } }');
    expect(after.status).toBe(200);
    expect(after.data!.directions.length).toBe(11);
  });

  it('refuses malformed JSON with 400 and a GraphQL error body', async () => {
    const response = await fetch(`${hub.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('refuses queries nested deeper than the limit', async () => {
    const deep =
      '{ regions { municipalities { roadmaps { sections { activities { section { roadmap { municipality { region { name } } } } } } } } } }';
    const { status, errors } = await hub.gql(deep);
    expect(status).toBe(400);
    expect(errors![0].message).toMatch(/nested \d+ levels deep; the limit is 8/);
    expect(errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a query whose estimated cost is over the limit, and keeps serving', async () => {
    const page =
      'activities(first: 500) { nodes { section { activities { executors { name } occurrences { dueDate } } } } }';
    const aliased = `{ ${Array.from({ length: 80 }, (_, i) => `a${i}: ${page}`).join(' ')} }`;
    const { status, errors } = await hub.gql(aliased);
    expect(status).toBe(400);
    expect(errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'QUERY_TOO_COSTLY',
    });
    const viaVariables = await hub.gql(
      `query ($n: Int) { ${Array.from({ length: 80 }, (_, i) => `a${i}: activities(first: $n) { nodes { section { activities { executors { name } } } } }`).join(' ')} }`,
      { n: 500 },
    );
    expect(viaVariables.errors![0].extensions).toMatchObject({ reason: 'QUERY_TOO_COSTLY' });
    const modest = await hub.gql(
      '{ activities(first: 500) { nodes { number executors { name } } } }',
    );
    expect(modest.data!.activities.nodes).toHaveLength(255);
    // A connection's nodes are the page its `first` counted: 20 × 100 × 100 teachers is about
    // 200,000, not five times that (counted as another list it was refused).
    const paged = await hub.gql(
      '{ municipalities(first: 20) { nodes { organizations(first: 100) { teachers(first: 100) { personnelCode } } } } }',
    );
    expect(paged.errors).toBeUndefined();
    // …and a connection asked without `first` counts its default page (50), not one row.
    const unpaged = await hub.gql(
      '{ municipalities { nodes { organizations(first: 900) { teachers(first: 900) { personnelCode } } } } }',
    );
    expect(unpaged.errors![0].extensions).toMatchObject({ reason: 'QUERY_TOO_COSTLY' });
  });

  it('treats SQL fragments in filters as data', async () => {
    const injected = await hub.gql(
      `{ activities(filter: { text: { contains: "%' or 1=1; drop table activity; --" }, directionCode: { in: ["1.1' or '1'='1"] } }) { totalCount } }`,
    );
    expect(injected.data!.activities.totalCount).toBe(0);
    const wildcard = await hub.gql(
      '{ activities(filter: { text: { contains: "%" } }) { totalCount } }',
    );
    expect(wildcard.data!.activities.totalCount).toBe(0);
    const intact = await hub.gql('{ activities(first: 0) { totalCount } }');
    expect(intact.data!.activities.totalCount).toBe(255);
  });

  it('sends security headers with every response', async () => {
    for (const path of ['/', '/graphql', '/health']) {
      const response = await fetch(`${hub.url}${path}`);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    }
  });

  it('answers invalid arguments with BAD_USER_INPUT', async () => {
    const { errors } = await hub.gql('{ activities(first: 100000) { totalCount } }');
    expect(errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const badId = await hub.gql('{ roadmap(id: "abc") { id } }');
    expect(badId.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const badDate = await hub.gql('{ roadmapCoverage(asOf: "2022-02-30") { asOf } }');
    expect(badDate.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('answers variables the schema refuses with 400 BAD_USER_INPUT, not a server error', async () => {
    const query = `query ($order: [OlympiadRecordOrder!], $first: Int) {
      olympiadRecords(orderBy: $order, first: $first) { totalCount }
    }`;
    const badEnum = await hub.gql(query, { order: [{ field: 'FULL_NAME' }] });
    expect([badEnum.status, badEnum.errors![0].extensions!.code]).toEqual([400, 'BAD_USER_INPUT']);
    expect(badEnum.errors![0].message).toContain('FULL_NAME');
    const badInt = await hub.gql(query, { first: 'many' });
    expect([badInt.status, badInt.errors![0].extensions!.code]).toEqual([400, 'BAD_USER_INPUT']);
    // And the same request with good variables is served.
    const good = await hub.gql(query, { order: [{ field: 'SCORE' }], first: 1 });
    expect(good.errors).toBeUndefined();
  });

  it('answers a malformed path with 400 and a missing asset with 404, and keeps serving', async () => {
    const malformed = await fetch(`${hub.url}/%E0%A4%A`);
    expect(malformed.status).toBe(400);
    const asset = await fetch(`${hub.url}/assets/missing-1234.js`);
    expect(asset.status).toBe(404);
    const after = await hub.gql('{ directions { code } }');
    expect(after.status).toBe(200);
  });

  it('never sends stack traces with errors', async () => {
    const { errors } = await hub.gql('{ roadmap(id: "abc") { id } }');
    expect(errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(errors)).not.toMatch(/stacktrace|\.ts:\d+/);
  });

  it('serves the health check and the admin client shell on the same port', async () => {
    const health = await fetch(`${hub.url}/health`);
    expect(health.status).toBe(200);
    expect(health.headers.get('cache-control')).toBe('no-store');
    expect(await health.json()).toEqual({ status: 'ok', database: 'pglite' });
    const page = await fetch(`${hub.url}/roadmaps`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const traversal = await fetch(`${hub.url}/..%2f..%2fpackage.json`);
    expect(await traversal.text()).not.toContain('"name": "msoko-hub"');
  });
});
