// npm run bench — measures the API over real HTTP on a scaled-up synthetic data set.
// BENCH_DATABASE_URL → a scratch PostgreSQL database (it is filled with synthetic rows);
// unset → in-memory PGlite. BENCH_MUNICIPALITIES sets the scale (default 100).
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { readRoadmapSeeds } from '../../seeds/roadmaps.seeder';
import { createServer } from '../app';
import { openDatabase } from '../db/database';
import { countStatements } from '../db/query-counter';
import { Municipality, MunicipalityType, Region } from '../modules/geography/geography.entity';
import { persistImportedRoadmap } from '../modules/roadmaps/roadmap-import.service';

const SCALE = Number(process.env.BENCH_MUNICIPALITIES ?? 100);

async function addSyntheticMunicipalities(
  orm: Awaited<ReturnType<typeof openDatabase>>['orm'],
): Promise<void> {
  const seeds = readRoadmapSeeds();
  const em = orm.em.fork();
  const region = em.create(Region, { code: 'S99', name: 'Синтетический регион (бенчмарк)' });
  for (let i = 1; i <= SCALE; i += 1) {
    const municipality = em.create(Municipality, {
      region,
      code: `S99-${String(i).padStart(4, '0')}`,
      name: `Синтетический МО ${String(i).padStart(4, '0')}`,
      shortName: `Синт. ${i}`,
      type: MunicipalityType.MUNICIPAL_DISTRICT,
    });
    await persistImportedRoadmap(em, municipality, seeds[i % seeds.length].seed);
    if (i % 20 === 0) {
      await em.flush();
      em.clear();
    }
  }
  await em.flush();
}

const session = { token: '' };

async function signInAsAdmin(url: string, password: string): Promise<string> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation ($p: String!) { signIn(login: "admin", password: $p) { token } }',
      variables: { p: password },
    }),
  });
  return ((await response.json()) as any).data.signIn.token;
}

async function measure(name: string, url: string, body: object, iterations: number): Promise<void> {
  const times: number[] = [];
  const { statements } = await countStatements(async () => {
    for (let i = 0; i < iterations; i += 1) {
      const start = performance.now();
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${session.token}` },
        body: JSON.stringify(body),
      });
      const json = (await response.json()) as { errors?: unknown };
      if (json.errors) {
        throw new Error(`${name}: ${JSON.stringify(json.errors)}`);
      }
      times.push(performance.now() - start);
    }
  });
  times.sort((a, b) => a - b);
  const pct = (p: number) =>
    times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))].toFixed(1);
  console.log(
    `| ${name} | ${iterations} | ${pct(50)} | ${pct(95)} | ${(statements / iterations).toFixed(1)} |`,
  );
}

async function main(): Promise<void> {
  // Requests run as the administrator of this throw-away database.
  const adminPassword = randomBytes(12).toString('base64url');
  const database = await openDatabase({
    databaseUrl: process.env.BENCH_DATABASE_URL || null,
    dataDir: null,
  });
  // createServer migrates and seeds (the demo data too: the indicator rows run on it).
  const hub = await createServer({
    port: 0,
    database,
    log: () => undefined,
    config: {
      host: '127.0.0.1',
      seedOnStart: true,
      seedDemo: true,
      today: '2022-06-15',
      adminPassword,
    },
  });
  session.token = await signInAsAdmin(hub.url, adminPassword);
  const seededAt = performance.now();
  await addSyntheticMunicipalities(database.orm);
  const counts = await database.orm.em
    .fork()
    .getConnection()
    .execute(
      'select (select count(*) from municipality)::int m, (select count(*) from activity)::int a, (select count(*) from activity_occurrence)::int o',
    );
  console.log(
    `Machine: ${os.cpus()[0].model}, ${os.cpus().length} cores, Node ${process.version}; database: ${database.kind}`,
  );
  console.log(
    `Data: ${counts[0].m} municipalities, ${counts[0].a} activities, ${counts[0].o} occurrences (synthetic set built in ${((performance.now() - seededAt) / 1000).toFixed(1)} s)`,
  );
  console.log('| request | runs | p50 ms | p95 ms | SQL statements / request |');
  console.log('|---|---|---|---|---|');
  await measure(
    'activities page (50, no filter)',
    hub.url,
    {
      query: '{ activities(first: 50) { totalCount nodes { id number text section { number } } } }',
    },
    50,
  );
  await measure(
    'activities page (500) + executors',
    hub.url,
    {
      query:
        '{ activities(first: 500) { nodes { id number text deadlineText executors { name } cycleComponent { code } } } }',
    },
    20,
  );
  await measure(
    'activities text search + direction',
    hub.url,
    {
      query:
        '{ activities(first: 50, filter: { text: { contains: "мониторинг" }, directionCode: { in: ["1.1", "1.2"] } }) { totalCount nodes { id } } }',
    },
    50,
  );
  await measure(
    'overdue occurrences (50)',
    hub.url,
    {
      query:
        '{ activityOccurrences(first: 50, filter: { overdue: true }) { totalCount nodes { id dueDate activity { number } } } }',
    },
    50,
  );
  await measure(
    'nested municipalities→…→executors (20 MO)',
    hub.url,
    {
      query:
        '{ municipalities(first: 20, filter: { name: { contains: \"Синтетический МО\" } }) { nodes { name roadmaps { sections { number activities { number executors { name } } } } } } }',
    },
    10,
  );
  await measure(
    `roadmapCoverage (${counts[0].m} MO × 11)`,
    hub.url,
    {
      query:
        '{ roadmapCoverage(asOf: "2022-06-15") { cells { activityCount dueCount doneCount executionRate } } }',
    },
    20,
  );
  const { nodes } = (
    (await (
      await fetch(`${hub.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${session.token}` },
        body: JSON.stringify({ query: '{ activities(first: 200) { nodes { id version text } } }' }),
      })
    ).json()) as any
  ).data.activities;
  const rows = nodes.map((n: any) => ({
    id: n.id,
    version: n.version,
    text: `${n.text} (правка)`,
  }));
  await measure(
    'upsertActivities 200 rows, dryRun',
    hub.url,
    {
      query:
        'mutation ($rows: [ActivityInput!]!) { upsertActivities(rows: $rows, dryRun: true) { ok } }',
      variables: { rows },
    },
    10,
  );
  await measureIndicators(hub.url, database.orm);
  await measureAssessments(hub.url, database.orm);
  await measureOlympiads(hub.url, database.orm);
  await hub.stop();
  await database.close();
}

// Issue #4 on the demo data: comparisons, aggregates and the МУМ matrix of the region with the
// most municipalities, and a bulk upsert of 1,000 values.
const COMPARED = [
  '1.1.VPR_BASIC',
  '1.1.EGE_MEAN_RUS',
  '1.2.SHNOR_SHARE',
  '1.3.VSOSH_SCHOOL_COVER',
  '2.2.MENTORED',
];
const PERIODS = ['2022/2023', '2023/2024', '2024/2025'];

async function measureIndicators(
  url: string,
  orm: Awaited<ReturnType<typeof openDatabase>>['orm'],
): Promise<void> {
  const em = orm.em.fork();
  const [region] = await em.getConnection().execute(
    `select r.id, r.name, count(m.id)::int as n from region r join municipality m on m.region_id = r.id
     where exists (select 1 from organization o where o.municipality_id = m.id)
     group by r.id order by n desc, r.id limit 1`,
  );
  const [municipality] = await em.getConnection().execute(
    `select m.id, count(o.id)::int as n from municipality m join organization o on o.municipality_id = m.id
     where m.region_id = ? group by m.id order by n desc limit 1`,
    [region.id],
  );
  const [values] = await em
    .getConnection()
    .execute('select count(*)::int as n from indicator_value');
  console.log(
    `Indicators: ${values.n} values; region «${region.name}» with ${region.n} municipalities; largest municipality ${municipality.n} organizations`,
  );
  const compare = `query ($input: CompareIndicatorsInput!) { compareIndicators(input: $input) {
    rows { unitName value rank zScore score change targetMet } summaries { mean median parentValue } } }`;
  await measure(
    `compareIndicators: 5 indicators × 3 years × ${region.n} MO`,
    url,
    {
      query: compare,
      variables: {
        input: { indicatorCodes: COMPARED, periods: PERIODS, regionId: String(region.id) },
      },
    },
    50,
  );
  await measure(
    `compareIndicators: organizations of one MO (${municipality.n})`,
    url,
    {
      query: compare,
      variables: {
        input: {
          indicatorCodes: COMPARED.slice(0, 3),
          periods: PERIODS,
          municipalityId: String(municipality.id),
        },
      },
    },
    50,
  );
  await measure(
    'indicatorAggregate: by municipality × period × settlement',
    url,
    {
      query: `query ($input: IndicatorAggregateInput!) { indicatorAggregate(input: $input) { municipalityName period settlement value } }`,
      variables: {
        input: {
          indicatorCodes: ['1.1.VPR_BASIC'],
          periods: PERIODS,
          groupBy: ['MUNICIPALITY', 'PERIOD', 'SETTLEMENT'],
        },
      },
    },
    50,
  );
  await measure(
    `mumMatrix: region (${region.n} MO × 8 × 9)`,
    url,
    {
      query: `query ($r: ID) { mumMatrix(regionId: $r) { cells { present activityCount } summaries { presentCount } } }`,
      variables: { r: String(region.id) },
    },
    50,
  );
  const organizations = await em
    .getConnection()
    .execute('select code from organization where municipality_id = ? and kind = ? order by code', [
      municipality.id,
      'school',
    ]);
  const rows = Array.from({ length: 1000 }, (_, i) => {
    const year = 1990 + Math.floor(i / organizations.length);
    return {
      indicatorCode: '1.1.VPR_BASIC',
      organizationCode: organizations[i % organizations.length].code,
      period: `${year}/${year + 1}`,
      numerator: i % 40,
      denominator: 40,
    };
  });
  await measure(
    'upsertIndicatorValues 1,000 rows, dryRun',
    url,
    {
      query:
        'mutation ($rows: [IndicatorValueInput!]!) { upsertIndicatorValues(rows: $rows, dryRun: true) { ok created } }',
      variables: { rows },
    },
    10,
  );
}

// Issue #5 on the demo data: one analysis run (dry run: everything computed and written, then
// rolled back) for the region with the most results, and the lists the objectivity pages read.
async function measureAssessments(
  url: string,
  orm: Awaited<ReturnType<typeof openDatabase>>['orm'],
): Promise<void> {
  const [region] = await orm.em
    .fork()
    .getConnection()
    .execute(
      `select r.code, max(p.year)::int as year, count(*)::int as results,
            (select count(*) from objectivity_sign)::int as signs
       from assessment_result ar
       join assessment_procedure p on p.id = ar.procedure_id
       join municipality m on m.id = ar.municipality_id
       join region r on r.id = m.region_id
      group by r.code order by results desc limit 1`,
    );
  console.log(
    `Assessments: region ${region.code}, ${region.results} results over the years; ${region.signs} stored signs in all`,
  );
  await measure(
    `runAssessmentAnalysis (dry run, region ${region.code}, ${region.year})`,
    url,
    {
      query: `mutation { runAssessmentAnalysis(regionCode: "${region.code}", year: ${region.year}, dryRun: true) { signs shnor } }`,
    },
    10,
  );
  await measure(
    'objectivitySigns (50) + school, procedure',
    url,
    {
      query:
        '{ objectivitySigns(first: 50) { totalCount nodes { sign metric threshold evidence organization { name } municipality { shortName } procedure { code subject } } } }',
    },
    50,
  );
  await measure(
    'lowResultSchools (500) + school',
    url,
    {
      query:
        '{ lowResultSchools(first: 500) { totalCount nodes { year kind rule evidence organization { name } } } }',
    },
    20,
  );
}

// Issue #7 on the demo data: the funnel and the re-check of the region with the most entries,
// a talent-bank page with each pupil's history, and a 5,000-row protocol (dry run: validated,
// written and rolled back).
async function measureOlympiads(
  url: string,
  orm: Awaited<ReturnType<typeof openDatabase>>['orm'],
): Promise<void> {
  const connection = orm.em.fork().getConnection();
  const [region] = await connection.execute(
    `select g.id, g.code, max(r.year)::int as year, count(*)::int as entries,
            (select count(*) from olympiad_record)::int as all_entries
       from olympiad_record r
       join municipality m on m.id = r.municipality_id
       join region g on g.id = m.region_id
      group by g.id, g.code order by entries desc limit 1`,
  );
  const academicYear = `${region.year}/${region.year + 1}`;
  console.log(
    `Olympiads: region ${region.code}, ${region.entries} entries over the years; ${region.all_entries} in all`,
  );
  await measure(
    `olympiadFunnel (region ${region.code}, ${academicYear}, per municipality)`,
    url,
    {
      query: `{ olympiadFunnel(input: { academicYear: "${academicYear}", regionId: "${region.id}" }) { unitName coverage stages { participants passThrough diplomasPer1000 } } }`,
    },
    20,
  );
  await measure(
    `olympiadRecheck (region ${region.code}, ${academicYear})`,
    url,
    {
      query: `{ olympiadRecheck(input: { academicYear: "${academicYear}", regionId: "${region.id}" }) { works { robustZ record { id } } schools { z organization { name } } } }`,
    },
    10,
  );
  await measure(
    'talentBank (50) + history',
    url,
    {
      query: `{ talentBank(first: 50, filter: { academicYear: "${academicYear}" }) { totalCount nodes { code diplomas olympiadRecords { stage status subject { name } } } } }`,
    },
    20,
  );
  // The server-paged grid («Все записи»): a block of 100 at the top, one in the middle of every
  // entry (what a scroll fetches), and the same block sorted by score (a header click).
  const records = (offset: number, order: string) => ({
    query: `{ olympiadRecords(first: 100, offset: ${offset}${order}) { totalCount nodes { id score stage subject { name } organization { shortName } } } }`,
  });
  const middle = Math.floor(region.all_entries / 2);
  await measure('olympiadRecords block of 100, offset 0 (grid opens)', url, records(0, ''), 20);
  await measure(`olympiadRecords block of 100, offset ${middle}`, url, records(middle, ''), 20);
  await measure(
    `olympiadRecords block of 100, offset ${middle}, by score`,
    url,
    records(middle, ', orderBy: [{ field: SCORE, direction: DESC }]'),
    20,
  );
  const [school] = await connection.execute(
    `select o.code from organization o join municipality m on m.id = o.municipality_id
      join region g on g.id = m.region_id where g.id = ? and o.kind = 'school' order by o.code limit 1`,
    [region.id],
  );
  const subjects = ['MATH', 'RUS', 'PHYS', 'CHEM', 'BIO'];
  const rows = Array.from({ length: 5000 }, (_, i) => ({
    academicYear,
    subject: subjects[i % subjects.length],
    stage: 'SCHOOL',
    studentCode: `BENCH-${Math.floor(i / subjects.length)}`,
    fullName: `Участник ${Math.floor(i / subjects.length)}`,
    organizationCode: school.code,
    gradeActual: 5 + (Math.floor(i / subjects.length) % 7),
    score: (i * 37) % 100,
    maxScore: 100,
  }));
  await measure(
    'upsertOlympiadRecords (5,000-row protocol, dry run)',
    url,
    {
      query:
        'mutation ($rows: [OlympiadRecordInput!]!) { upsertOlympiadRecords(rows: $rows, dryRun: true) { ok created } }',
      variables: { rows },
    },
    5,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
