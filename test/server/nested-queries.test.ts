import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countStatements } from '../../server/db/query-counter';
import { DATABASE_TARGETS, startTestServer, type TestServer } from '../helpers/server';

const NESTED = `{
  municipalities(first: 100) {
    nodes { name region { name }
      roadmaps { title
        sections { number direction { code }
          activities { number cycleComponent { code } executors { name fullName } } } } }
  }
}`;

describe.each(DATABASE_TARGETS)('nested queries on %s', (target) => {
  let hub: TestServer;

  beforeAll(async () => {
    hub = await startTestServer(target);
  });

  afterAll(async () => {
    await hub?.stop();
  });

  async function countQuery(query: string): Promise<{ statements: number; data: any }> {
    const { statements, result } = await countStatements(() => hub.gql(query));
    expect(result.errors).toBeUndefined();
    return { statements, data: result.data };
  }

  function countActivities(data: any): number {
    return data.municipalities.nodes
      .flatMap((m: any) => m.roadmaps)
      .flatMap((r: any) => r.sections)
      .reduce((sum: number, s: any) => sum + s.activities.length, 0);
  }

  it('municipalities → roadmaps → sections → activities → executors runs a fixed number of statements', async () => {
    const before = await countQuery(NESTED);
    const activitiesBefore = countActivities(before.data);
    expect(activitiesBefore).toBeGreaterThan(100);

    // Add 40 activities with new executors spread over the sections of every roadmap.
    const { data } = await hub.gql('{ roadmaps(first: 10) { nodes { sections { id } } } }');
    const sectionIds: string[] = data!.roadmaps.nodes.flatMap((r: any) =>
      r.sections.map((s: any) => s.id),
    );
    const rows = Array.from({ length: 40 }, (_, i) => ({
      sectionId: sectionIds[i % sectionIds.length],
      number: `80.${i + 1}`,
      text: `Дополнительное мероприятие ${i + 1}`,
      deadlineText: 'ежегодно',
      responsibleText: `Исполнитель ${i % 7}, Руководители ОУ`,
    }));
    const upsert = await hub.gql(
      'mutation ($rows: [ActivityInput!]!) { upsertActivities(rows: $rows) { ok } }',
      { rows },
    );
    expect(upsert.data!.upsertActivities.ok).toBe(true);

    const after = await countQuery(NESTED);
    expect(countActivities(after.data)).toBe(activitiesBefore + 40);
    expect(after.statements).toBe(before.statements);
    // the session's user (role and scope are read per request), municipalities (no count:
    // totalCount is not asked for), regions, roadmaps, sections, directions, activities, cycle
    // components, pivot, executors, and the executors' municipalities (scope of their
    // personal-data field)
    expect(after.statements).toBe(11);
  });

  it('a flat activities page with its relations is one listing query plus one per relation', async () => {
    const query =
      '{ activities(first: 200) { totalCount nodes { number section { number roadmap { municipality { name } } } executors { name } } } }';
    const { statements, data } = await countQuery(query);
    expect(data.activities.nodes.length).toBe(200);
    // the session's user, listing + count, sections, roadmaps, municipalities, pivot, executors
    expect(statements).toBe(8);
  });
});
