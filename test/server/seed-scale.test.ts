// The federal-scale generator (npm run seed:scale) at a small size: the same regions give the
// same rows in two fresh databases whether added at once or one run at a time (and a repeated
// run adds nothing); a region has the requested shape; the hub's own comparison and olympiad
// funnel answer on it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database';
import { regionCodeOf, type ScaleResult, seedScale } from '../../seeds/scale';
import { scaleDigest } from '../../seeds/scale/scale.digest';
import {
  DATABASE_TARGETS,
  openTestDatabase,
  startTestServer,
  type TestServer,
} from '../helpers/server';

const SMALL = { municipalitiesPerRegion: 4, schoolsPerRegion: 40 } as const;
const INDICATORS = [
  '1.1.VPR_BASIC',
  '1.1.EGE_MEAN_RUS',
  '1.2.SHNOR_SHARE',
  '1.3.VSOSH_SCHOOL_COVER',
  '2.2.MENTORED',
];
const PERIODS = ['2022/2023', '2023/2024', '2024/2025'];

const COMPARE = `query ($input: CompareIndicatorsInput!) {
  compareIndicators(input: $input) { rows { indicatorCode period unitId value } }
}`;
const FUNNEL = `query ($input: OlympiadFunnelInput!) {
  olympiadFunnel(input: $input) { isTotal unitId stages { stage participants entries } }
}`;

describe.each(DATABASE_TARGETS)('federal-scale generator on %s', (target) => {
  let hub: TestServer;
  let other: Database;
  let atOnce: ScaleResult;
  const steps: ScaleResult[] = [];
  let firstRegionAlone: Awaited<ReturnType<typeof scaleDigest>>;
  const sql = <T>(query: string, params: unknown[] = []) =>
    hub.orm.em.fork().execute<T[]>(query, params);

  beforeAll(async () => {
    // Two regions at once in the server's database; one, then two, then two again elsewhere.
    [hub, other] = await Promise.all([startTestServer(target), openTestDatabase(target)]);
    atOnce = await seedScale(hub.orm, { regions: 2, ...SMALL });
    steps.push(await seedScale(other.orm, { regions: 1, ...SMALL }));
    firstRegionAlone = await scaleDigest(other.orm.em.fork());
    steps.push(await seedScale(other.orm, { regions: 2, ...SMALL }));
    steps.push(await seedScale(other.orm, { regions: 2, ...SMALL }));
  });

  afterAll(async () => {
    await hub?.stop();
    await other?.close();
  });

  it('adds the missing regions only, and nothing on a repeated run', () => {
    expect(atOnce.added).toEqual(['SC-01', 'SC-02']);
    expect(steps.map((s) => [s.added, s.kept])).toEqual([
      [['SC-01'], []],
      [['SC-02'], ['SC-01']],
      [[], ['SC-01', 'SC-02']],
    ]);
    expect(Object.values(steps[2].rowsByTable).every((n) => n === 0)).toBe(true);
  });

  it('gives the same rows in both databases, region 1 the same whatever the number of regions', async () => {
    const digest = await scaleDigest(hub.orm.em.fork());
    expect(await scaleDigest(other.orm.em.fork())).toEqual(digest);
    expect(digest.olympiad_record.rows).toBeGreaterThan(5000);
    // Region 1 alone holds the first region's share of every table of the two-region set.
    const [firstOfTwo] = await sql<{ organizations: number; records: number }>(
      `select (select count(*)::int from organization o join municipality m on m.id = o.municipality_id
                 join region r on r.id = m.region_id where r.code = ?) as organizations,
              (select count(*)::int from olympiad_record o join municipality m on m.id = o.municipality_id
                 join region r on r.id = m.region_id where r.code = ?) as records`,
      [regionCodeOf(1), regionCodeOf(1)],
    );
    expect(firstRegionAlone.organization.rows).toBe(firstOfTwo.organizations);
    expect(firstRegionAlone.olympiad_record.rows).toBe(firstOfTwo.records);
    expect(steps[0].rowsByTable).toEqual(
      Object.fromEntries(Object.entries(firstRegionAlone).map(([t, d]) => [t, d.rows])),
    );
  });

  it('has the shape asked for', async () => {
    const municipalities = await sql<{ code: string; n: number }>(
      `select r.code, count(*)::int as n from municipality m join region r on r.id = m.region_id
        where r.code like 'SC-%' group by r.code order by r.code`,
    );
    expect(municipalities).toEqual([
      { code: 'SC-01', n: 4 },
      { code: 'SC-02', n: 4 },
    ]);
    const [orphans] = await sql<{ n: number }>(
      `select count(*)::int as n from organization o join municipality m on m.id = o.municipality_id
        where o.code like 'SC-%' and m.code not like 'SC-%'`,
    );
    expect(orphans.n).toBe(0);
    const executors = await sql<{ least: number; most: number; activities: number }>(
      `select min(n)::int as least, max(n)::int as most, count(*)::int as activities
         from (select a.id, count(ae.executor_id) as n from activity a
                 join roadmap_section s on s.id = a.section_id join roadmap r on r.id = s.roadmap_id
                 join municipality m on m.id = r.municipality_id
                 left join activity_executor ae on ae.activity_id = a.id
                where m.code like 'SC-%' group by a.id) x`,
    );
    expect(executors[0]).toMatchObject({ least: 1, most: 3 });
    expect(executors[0].activities).toBeGreaterThanOrEqual(8 * 80);
    const stages = await sql<{ code: string; stage: string; n: number }>(
      `select r.code, o.stage, count(*)::int as n from olympiad_record o
         join municipality m on m.id = o.municipality_id join region r on r.id = m.region_id
        where r.code like 'SC-%' group by r.code, o.stage order by r.code, o.stage`,
    );
    for (const code of ['SC-01', 'SC-02']) {
      const counts = stages.filter((s) => s.code === code).map((s) => s.n);
      expect(stages.filter((s) => s.code === code).map((s) => s.stage)).toEqual([
        'school',
        'municipal',
        'regional',
        'final',
      ]);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
      expect(counts[3]).toBeGreaterThan(0);
    }
    const diagnosed = await sql<{ n: number; teachers: number }>(
      `select n::int, count(*)::int as teachers from (select t.id, least(count(d.id), 2) as n
         from teacher t left join diagnostic_result d on d.teacher_id = t.id
        where t.personnel_code like 'SC-%' group by t.id) x group by n order by n`,
    );
    expect(diagnosed.map((d) => d.n)).toEqual([0, 1, 2]);
  });

  it('answers the comparison of every municipality on the five indicators and three years', async () => {
    const [region] = await sql<{ id: number }>('select id from region where code = ?', [
      regionCodeOf(2),
    ]);
    const { data, errors } = await hub.gql(COMPARE, {
      input: { indicatorCodes: INDICATORS, periods: PERIODS, regionId: String(region.id) },
    });
    expect(errors).toBeUndefined();
    const rows = data!.compareIndicators.rows as { value: number | null; unitId: string }[];
    const withValues = rows.filter((row) => row.value !== null);
    expect(withValues).toHaveLength(INDICATORS.length * PERIODS.length * 4);
    expect(new Set(withValues.map((row) => row.unitId)).size).toBe(4);
  });

  it('answers the olympiad funnel of a region', async () => {
    const [region] = await sql<{ id: number }>('select id from region where code = ?', [
      regionCodeOf(1),
    ]);
    const { data, errors } = await hub.gql(FUNNEL, {
      input: { academicYear: '2024/2025', regionId: String(region.id) },
    });
    expect(errors).toBeUndefined();
    const rows = data!.olympiadFunnel as {
      isTotal: boolean;
      stages: { stage: string; participants: number }[];
    }[];
    const total = rows.find((row) => row.isTotal)!;
    expect(total.stages.map((s) => s.participants).every((n) => n > 0)).toBe(true);
    expect(rows.filter((row) => !row.isTotal)).toHaveLength(4);
  });
});
