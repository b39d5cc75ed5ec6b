// The benchmark's database: a scratch database per scale on the given PostgreSQL server,
// filled by the federal-scale generator (kept between runs: the generator only adds what is
// missing), and the parameters of the questions read from it.
import pg from 'pg';
import { regionCodeOf, seedScale } from '../../../seeds/scale';
import { openDatabase } from '../../db/database';
import { pgArray } from '../../shared/pg-array';
import { numbered } from './floor';
import type { BenchParams } from './scenarios';

export const COMPARED_INDICATORS = [
  '1.1.VPR_BASIC',
  '1.1.EGE_MEAN_RUS',
  '1.2.SHNOR_SHARE',
  '1.3.VSOSH_SCHOOL_COVER',
  '2.2.MENTORED',
];

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function ensureDatabase(serverUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [
      database,
    ]);
    if (!rowCount) {
      await client.query(`create database "${database}"`);
    }
  } finally {
    await client.end();
  }
}

export interface BenchDatabase {
  databaseUrl: string;
  params: BenchParams;
  /** Schools of the scale regions by code: the keys of the bulk upsert. */
  organizationCodes: string[];
  /** One line of row counts for the report. */
  sizes: string;
}

export async function seedBenchDatabase(
  serverUrl: string,
  regions: number,
): Promise<BenchDatabase> {
  const name = `msoko_bench_r${regions}`;
  await ensureDatabase(serverUrl, name);
  const databaseUrl = withDatabase(serverUrl, name);
  const database = await openDatabase({ databaseUrl, dataDir: null });
  try {
    const started = performance.now();
    await seedScale(database.orm, {
      regions,
      onProgress: (event) => {
        if (event.phase === 'done') {
          console.error(`  ${event.regionCode}: ${event.step}/${event.steps}, ${event.rows} rows`);
        }
      },
    });
    console.error(
      `${name}: ${regions} region(s) ready in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  } finally {
    await database.close();
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // Fresh statistics: earlier runs' bulk upserts change the planner's picture of the tables.
    await client.query('analyze');
    return {
      databaseUrl,
      params: await readParams(
        async (sql, values) => (await client.query(numbered(sql, values).text, values)).rows,
        regionCodeOf(1),
      ),
      organizationCodes: (
        await client.query(
          `select o.code from organization o join municipality m on m.id = o.municipality_id
             join region r on r.id = m.region_id
            where r.code = $1 and o.kind = 'school' order by o.code`,
          [regionCodeOf(1)],
        )
      ).rows.map((row) => row.code),
      sizes: await readSizes(client, regions),
    };
  } finally {
    await client.end();
  }
}

/** Runs one read with `?` placeholders: a pg client here, the ORM's connection in tests. */
export type Query = (sql: string, values: unknown[]) => Promise<any[]>;

/** The questions' parameters for one region: the funnel's newest year, the last 3 periods. */
export async function readParams(query: Query, regionCode: string): Promise<BenchParams> {
  const one = async (sql: string, values: unknown[]) => (await query(sql, values))[0];
  const region = await one('select id from region where code = ?', [regionCode]);
  const olympiad = await one(
    `select r.olympiad_id, max(r.year)::int as year from olympiad_record r
       join municipality m on m.id = r.municipality_id
      where m.region_id = ? group by r.olympiad_id order by count(*) desc limit 1`,
    [region.id],
  );
  const indicators = await query('select id, code from indicator where code = any(?::text[])', [
    pgArray(COMPARED_INDICATORS),
  ]);
  const periods = (
    await query(
      `select distinct v.period from indicator_value v join municipality m on m.id = v.municipality_id
        where m.region_id = ? and v.indicator_id = any(?::int[]) and v.period_kind = 'academic_year'
        order by v.period desc limit 3`,
      [region.id, pgArray(indicators.map((i) => i.id))],
    )
  )
    .map((row) => row.period as string)
    .reverse();
  return {
    regionId: region.id,
    regionCode,
    indicatorCodes: COMPARED_INDICATORS,
    indicatorIds: COMPARED_INDICATORS.map((code) => indicators.find((i) => i.code === code).id),
    periods,
    academicYear: `${olympiad.year}/${olympiad.year + 1}`,
    year: olympiad.year,
    olympiadId: olympiad.olympiad_id,
  };
}

async function readSizes(client: pg.Client, regions: number): Promise<string> {
  const { rows } = await client.query(
    `select (select count(*) from region)::int regions, (select count(*) from municipality)::int municipalities,
            (select count(*) from organization)::int organizations, (select count(*) from activity)::int activities,
            (select count(*) from teacher)::int teachers, (select count(*) from diagnostic_result)::int diagnostics,
            (select count(*) from indicator_value)::int indicator_values,
            (select count(*) from olympiad_record)::int olympiad_records,
            pg_size_pretty(pg_database_size(current_database())) as size`,
  );
  const n = rows[0];
  const f = (value: number) => value.toLocaleString('en-US');
  return (
    `${regions} scale region(s) (\`npm run seed:scale -- --regions ${regions}\`): ${f(n.municipalities)} municipalities, ` +
    `${f(n.organizations)} organizations, ${f(n.activities)} activities, ${f(n.teachers)} teachers, ` +
    `${f(n.diagnostics)} diagnostic results, ${f(n.indicator_values)} indicator values, ` +
    `${f(n.olympiad_records)} olympiad entries; database ${n.size}`
  );
}
