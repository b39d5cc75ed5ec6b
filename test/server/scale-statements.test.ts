// Issue #9: the benchmark's questions (a)–(d), exactly as `npm run bench` asks them, cost the
// same number of SQL statements on a small region and on one four times its size — statements
// per request do not grow with the data. And a page whose client does not ask for totalCount
// costs no count.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { regionCodeOf, seedScale } from '../../seeds/scale';
import { countStatements } from '../../server/db/query-counter';
import { readParams } from '../../server/scripts/bench/database';
import { type BenchParams, QUESTIONS } from '../../server/scripts/bench/scenarios';
import { DATABASE_TARGETS, startTestServer, type TestServer } from '../helpers/server';

// Region 1 small, region 2 four times larger (the generator shapes each region it adds).
const SMALL = { municipalitiesPerRegion: 2, schoolsPerRegion: 6 };
const LARGE = { municipalitiesPerRegion: 8, schoolsPerRegion: 24 };

describe.each(DATABASE_TARGETS)('statements per request at two data sizes on %s', (target) => {
  let hub: TestServer;
  const params: Record<'small' | 'large', BenchParams> = {} as never;

  beforeAll(async () => {
    hub = await startTestServer(target, { seedDemo: false });
    await seedScale(hub.orm, { regions: 1, ...SMALL });
    await seedScale(hub.orm, { regions: 2, ...LARGE });
    const query = (sql: string, values: unknown[]) =>
      hub.orm.em.fork().getConnection().execute(sql, values);
    params.small = await readParams(query, regionCodeOf(1));
    params.large = await readParams(query, regionCodeOf(2));
  }, 240_000);

  afterAll(async () => {
    await hub?.stop();
  });

  const ask = async (question: (typeof QUESTIONS)[number], size: 'small' | 'large') => {
    const { query, variables } = question.hub(params[size]);
    const { statements, result } = await countStatements(() => hub.gql(query, variables));
    expect(result.errors).toBeUndefined();
    return { statements, digest: question.digest.hub(result) };
  };

  it.each(QUESTIONS.map((q) => [q.title, q] as const))(
    '%s: the same statements for a region four times larger',
    async (_title, question) => {
      const small = await ask(question, 'small');
      const large = await ask(question, 'large');
      expect(large.statements).toBe(small.statements);
      expect(small.statements).toBeGreaterThan(0);
      // (a) pages the whole table by id: the same page at both sizes; the others grow.
      if (question.key !== 'a') {
        expect(large.digest).not.toBe(small.digest);
      }
    },
  );

  it('counts the rows of a page only when totalCount is asked for', async () => {
    const page = (fields: string) =>
      countStatements(() =>
        hub.gql(
          `{ activities(first: 10, orderBy: [{ field: ID, direction: ASC }]) { ${fields} } }`,
        ),
      );
    const without = await page('nodes { id } pageInfo { hasNextPage }');
    const withCount = await page('totalCount nodes { id } pageInfo { hasNextPage }');
    expect(withCount.statements).toBe(without.statements + 1);
    const total = (withCount.result.data as any).activities.totalCount;
    expect(total).toBeGreaterThan(10);
    expect((without.result.data as any).activities.pageInfo.hasNextPage).toBe(true);
  });
});
