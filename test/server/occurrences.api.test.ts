import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_TARGETS, startTestServer, type TestServer } from '../helpers/server';

// The test server pins "today" to 2022-06-15 (HUB_TODAY), so overdue is deterministic.
describe.each(DATABASE_TARGETS)('activity occurrences on %s', (target) => {
  let hub: TestServer;
  let municipalityId: string;

  beforeAll(async () => {
    hub = await startTestServer(target);
    const { data } = await hub.gql(
      '{ municipalities(filter: { name: { contains: "Малышевский" } }) { nodes { id } } }',
    );
    municipalityId = data!.municipalities.nodes[0].id;
  });

  afterAll(async () => {
    await hub?.stop();
  });

  const LIST = `query ($filter: ActivityOccurrenceFilter, $first: Int) {
    activityOccurrences(filter: $filter, first: $first) { totalCount nodes { id version dueDate status overdue reportText activity { number roadmap { municipality { id } } } } }
  }`;

  it('derives overdue from the due date and status, and filters by it', async () => {
    const { data } = await hub.gql(LIST, {
      filter: { municipalityId: { eq: municipalityId }, overdue: true },
      first: 500,
    });
    const nodes = data!.activityOccurrences.nodes;
    expect(nodes.length).toBeGreaterThan(0);
    for (const node of nodes) {
      expect(node.overdue).toBe(true);
      expect(node.dueDate < '2022-06-15').toBe(true);
      expect(node.activity.roadmap.municipality.id).toBe(municipalityId);
    }
    const notOverdue = await hub.gql(LIST, {
      filter: { municipalityId: { eq: municipalityId }, overdue: false },
      first: 0,
    });
    const all = await hub.gql(LIST, {
      filter: { municipalityId: { eq: municipalityId } },
      first: 0,
    });
    expect(
      data!.activityOccurrences.totalCount + notOverdue.data!.activityOccurrences.totalCount,
    ).toBe(all.data!.activityOccurrences.totalCount);
  });

  it('records execution: done is no longer overdue; a stale version is a CONFLICT', async () => {
    const { data } = await hub.gql(LIST, {
      filter: { municipalityId: { eq: municipalityId }, overdue: true },
      first: 1,
    });
    const occurrence = data!.activityOccurrences.nodes[0];
    const save = `mutation ($rows: [ActivityOccurrenceInput!]!) { upsertActivityOccurrences(rows: $rows) { ok updated errors { index field code } rows { id version status overdue reportText evidenceUrl } } }`;
    const done = await hub.gql(save, {
      rows: [
        {
          id: occurrence.id,
          version: occurrence.version,
          status: 'DONE',
          reportText: 'Приказ издан',
          evidenceUrl: 'https://example.org/order.pdf',
        },
      ],
    });
    expect(done.data!.upsertActivityOccurrences).toMatchObject({
      ok: true,
      updated: 1,
      rows: [
        {
          id: occurrence.id,
          version: occurrence.version + 1,
          status: 'DONE',
          overdue: false,
          reportText: 'Приказ издан',
        },
      ],
    });
    const stale = await hub.gql(save, {
      rows: [{ id: occurrence.id, version: occurrence.version, status: 'CANCELLED' }],
    });
    expect(stale.data!.upsertActivityOccurrences).toMatchObject({
      ok: false,
      errors: [{ index: 0, field: 'version', code: 'CONFLICT' }],
    });
    const byStatus = await hub.gql(LIST, {
      filter: { status: { in: ['DONE'] }, text: { contains: 'Приказ издан' } },
    });
    expect(byStatus.data!.activityOccurrences.nodes.map((n: any) => n.id)).toContain(occurrence.id);
  });

  it('validates every row and writes none when one is bad', async () => {
    const { data } = await hub.gql(LIST, {
      filter: { municipalityId: { eq: municipalityId } },
      first: 2,
    });
    const [a, b] = data!.activityOccurrences.nodes;
    const save = `mutation ($rows: [ActivityOccurrenceInput!]!) { upsertActivityOccurrences(rows: $rows) { ok errors { index field code } } }`;
    const result = await hub.gql(save, {
      rows: [
        { id: a.id, version: a.version, reportText: 'Хорошо' },
        { id: b.id, version: b.version, evidenceUrl: 'javascript:alert(1)' },
        { activityId: '999999', dueDate: '2022-01-31' },
        { id: '999999', version: 1, status: 'DONE' },
      ],
    });
    expect(result.data!.upsertActivityOccurrences).toEqual({
      ok: false,
      errors: [
        { index: 1, field: 'evidenceUrl', code: 'INVALID_FORMAT' },
        { index: 2, field: 'activityId', code: 'NOT_FOUND' },
        { index: 3, field: 'id', code: 'NOT_FOUND' },
      ],
    });
    const reread = await hub.gql(LIST, {
      filter: { municipalityId: { eq: municipalityId } },
      first: 1,
    });
    expect(reread.data!.activityOccurrences.nodes[0].reportText).toBe(a.reportText);
  });

  it('refuses to move an occurrence to another date or activity, or to touch it twice', async () => {
    const { data } = await hub.gql(LIST, {
      filter: { municipalityId: { eq: municipalityId } },
      first: 1,
    });
    const [occurrence] = data!.activityOccurrences.nodes;
    const save = `mutation ($rows: [ActivityOccurrenceInput!]!) { upsertActivityOccurrences(rows: $rows) { ok errors { index field code } } }`;
    const result = await hub.gql(save, {
      rows: [
        { id: occurrence.id, version: occurrence.version, dueDate: '2030-01-31' },
        { id: occurrence.id, version: occurrence.version, status: 'DONE' },
      ],
    });
    expect(result.data!.upsertActivityOccurrences).toEqual({
      ok: false,
      errors: [
        { index: 0, field: 'dueDate', code: 'BAD_USER_INPUT' },
        { index: 1, field: 'id', code: 'DUPLICATE' },
      ],
    });
  });

  it('pages by offset and by cursor consistently', async () => {
    const filter = { municipalityId: { eq: municipalityId } };
    const q = `query ($filter: ActivityOccurrenceFilter, $first: Int, $after: String, $offset: Int) {
      activityOccurrences(filter: $filter, first: $first, after: $after, offset: $offset) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }`;
    const first = await hub.gql(q, { filter, first: 5 });
    const byCursor = await hub.gql(q, {
      filter,
      first: 5,
      after: first.data!.activityOccurrences.pageInfo.endCursor,
    });
    const byOffset = await hub.gql(q, { filter, first: 5, offset: 5 });
    expect(byCursor.data!.activityOccurrences.nodes).toEqual(
      byOffset.data!.activityOccurrences.nodes,
    );
    expect(first.data!.activityOccurrences.pageInfo.hasNextPage).toBe(true);
    const both = await hub.gql(q, {
      filter,
      first: 5,
      offset: 5,
      after: first.data!.activityOccurrences.pageInfo.endCursor,
    });
    expect(both.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });
});
