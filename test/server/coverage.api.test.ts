import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RoadmapSection } from '../../server/modules/roadmaps/roadmaps.entity';
import { DATABASE_TARGETS, startTestServer, type TestServer } from '../helpers/server';

// Activity counts per municipality and direction, counted by hand from the numbered rows of
// shared/seed-documents (section → direction as the section headings read).
const EXPECTED_ACTIVITIES: Record<string, Record<string, number>> = {
  'Малышевский городской округ': {
    NORM: 8,
    '1.1': 20,
    '1.1.OBJ': 16,
    '2.1': 6,
    '2.2': 11,
    '2.2.MET': 6,
    '1.2': 24,
    '1.3': 10,
    '1.4': 11,
  },
  'город Черногорск': {
    NORM: 8,
    '1.1': 9,
    '1.1.OBJ': 14,
    '1.2': 7,
    '1.3': 7,
    '1.4': 7,
    '2.1': 3,
    '2.2': 8,
    '2.3': 8,
    '2.4': 12,
  },
  'Сергокалинский район': { NORM: 3, '1.1': 14, '1.2': 18, '1.1.OBJ': 19, '2.2': 6 },
  'Кингисеппский муниципальный район': {},
  'городской округ «город Кизляр»': {},
};

const COVERAGE = `query ($asOf: Date) {
  roadmapCoverage(asOf: $asOf) {
    asOf directions { code } municipalities { id name }
    cells { municipalityId directionCode activityCount dueCount doneCount executionRate }
    totals { municipalityId activityCount dueCount doneCount executionRate }
  }
}`;

describe.each(DATABASE_TARGETS)('roadmapCoverage on %s', (target) => {
  let hub: TestServer;

  beforeAll(async () => {
    hub = await startTestServer(target);
  });

  afterAll(async () => {
    await hub?.stop();
  });

  it('counts the seeded activities of every municipality × direction, zeros included', async () => {
    const { data, errors } = await hub.gql(COVERAGE, { asOf: '2021-12-31' });
    expect(errors).toBeUndefined();
    const coverage = data!.roadmapCoverage;
    expect(coverage.municipalities).toHaveLength(5);
    expect(coverage.directions).toHaveLength(11);
    expect(coverage.cells).toHaveLength(5 * 11);
    const nameById = new Map(coverage.municipalities.map((m: any) => [m.id, m.name]));
    for (const cell of coverage.cells) {
      const expected =
        EXPECTED_ACTIVITIES[nameById.get(cell.municipalityId) as string][cell.directionCode] ?? 0;
      expect({
        municipality: nameById.get(cell.municipalityId),
        direction: cell.directionCode,
        count: cell.activityCount,
      }).toEqual({
        municipality: nameById.get(cell.municipalityId),
        direction: cell.directionCode,
        count: expected,
      });
    }
    const totals = Object.fromEntries(
      coverage.totals.map((t: any) => [nameById.get(t.municipalityId), t.activityCount]),
    );
    expect(totals).toEqual({
      'Малышевский городской округ': 112,
      'город Черногорск': 83,
      'Сергокалинский район': 60,
      'Кингисеппский муниципальный район': 0,
      'городской округ «город Кизляр»': 0,
    });
  });

  it('computes the execution rate of occurrences due by asOf', async () => {
    // Малышевский, section 1 (NORM), period Dec 2020 – 2022. Due by 2021-12-31, by hand:
    // 1 and 2 «декабрь 2020» → 1 each; 3 «февраль 2021» → 1; 5 «декабрь 2021» → 1;
    // 4, 4.1, 4.2, 4.3 «ежегодно» → Dec 2020 and Dec 2021 → 2 each. Total 12.
    const { data: before } = await hub.gql(COVERAGE, { asOf: '2021-12-31' });
    const malyshevsky = before!.roadmapCoverage.municipalities.find(
      (m: any) => m.name === 'Малышевский городской округ',
    );
    const cell = (coverage: any) =>
      coverage.cells.find(
        (c: any) => c.municipalityId === malyshevsky.id && c.directionCode === 'NORM',
      );
    expect(cell(before!.roadmapCoverage)).toMatchObject({
      activityCount: 8,
      dueCount: 12,
      doneCount: 0,
      executionRate: 0,
    });

    const { data: due } = await hub.gql(
      `query ($m: ID!) { activityOccurrences(filter: { municipalityId: { eq: $m }, directionCode: { eq: "NORM" }, dueDate: { lte: "2021-12-31" } }, first: 100) { nodes { id version } } }`,
      { m: malyshevsky.id },
    );
    expect(due!.activityOccurrences.nodes).toHaveLength(12);
    const [a, b, c, d] = due!.activityOccurrences.nodes;
    const save = await hub.gql(
      'mutation ($rows: [ActivityOccurrenceInput!]!) { upsertActivityOccurrences(rows: $rows) { ok } }',
      {
        rows: [
          { id: a.id, version: a.version, status: 'DONE' },
          { id: b.id, version: b.version, status: 'DONE' },
          { id: c.id, version: c.version, status: 'DONE' },
          { id: d.id, version: d.version, status: 'CANCELLED' },
        ],
      },
    );
    expect(save.data!.upsertActivityOccurrences.ok).toBe(true);

    const { data: after } = await hub.gql(COVERAGE, { asOf: '2021-12-31' });
    // A cancelled occurrence is no longer due: 3 done of 11.
    expect(cell(after!.roadmapCoverage)).toMatchObject({ dueCount: 11, doneCount: 3 });
    expect(cell(after!.roadmapCoverage).executionRate).toBeCloseTo(3 / 11, 10);
    const { data: early } = await hub.gql(COVERAGE, { asOf: '2020-06-30' });
    expect(cell(early!.roadmapCoverage)).toMatchObject({ dueCount: 0, executionRate: null });
  });

  it('counts activities of a section without a direction in the municipality total', async () => {
    const em = hub.orm.em.fork();
    const section = await em.findOneOrFail(
      RoadmapSection,
      { number: '1.7', roadmap: { municipality: { name: 'Сергокалинский район' } } },
      { populate: ['activities'] },
    );
    expect(section.activities).toHaveLength(2);
    section.direction = null;
    await em.flush();
    const { data } = await hub.gql(COVERAGE, { asOf: '2025-12-31' });
    const coverage = data!.roadmapCoverage;
    const id = coverage.municipalities.find((m: any) => m.name === 'Сергокалинский район').id;
    const cells = coverage.cells.filter((c: any) => c.municipalityId === id);
    expect(cells.reduce((n: number, c: any) => n + c.activityCount, 0)).toBe(58);
    expect(coverage.totals.find((t: any) => t.municipalityId === id).activityCount).toBe(60);
  });
});
