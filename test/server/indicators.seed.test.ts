import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseSeeder, seedIfEmpty } from '../../seeds/database.seeder';
import { generateDemoData } from '../../seeds/demo/demo.generator';
import { IndicatorsSeeder } from '../../seeds/indicators.seeder';
import { migrate } from '../../server/db/database';
import { DIRECTIONS } from '../../server/modules/directions/directions.catalog';
import { INDICATOR_CATALOG } from '../../server/modules/indicators/indicators.catalog';
import {
  AggregationRule,
  IndicatorLevel,
  IndicatorUnit,
  unitScale,
} from '../../server/modules/indicators/indicators.enums';
import { parsePeriod } from '../../server/modules/indicators/period';
import { pgArray } from '../../server/shared/pg-array';
import {
  DATABASE_TARGETS,
  openTestDatabase,
  startTestServer,
  type TestServer,
} from '../helpers/server';

const MAIN_DIRECTIONS = ['1.1', '1.2', '1.3', '1.4', '2.1', '2.2', '2.3', '2.4'];
const RATIO_UNITS = [IndicatorUnit.PERCENT, IndicatorUnit.PER_1000, IndicatorUnit.INDEX_0_100];

describe('indicator catalogue', () => {
  it('has at least 30 indicators with unique codes, at least 3 in every direction 1.1–2.4', () => {
    expect(INDICATOR_CATALOG.length).toBeGreaterThanOrEqual(30);
    const codes = INDICATOR_CATALOG.map((indicator) => indicator.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const direction of MAIN_DIRECTIONS) {
      const own = INDICATOR_CATALOG.filter((indicator) => indicator.directionCode === direction);
      expect(own.length, direction).toBeGreaterThanOrEqual(3);
    }
    const known = new Set(DIRECTIONS.map((direction) => direction.code));
    for (const indicator of INDICATOR_CATALOG) {
      expect(known.has(indicator.directionCode), indicator.code).toBe(true);
      expect(indicator.code.startsWith(`${indicator.directionCode}.`), indicator.code).toBe(true);
      expect(indicator.code.length, indicator.code).toBeLessThanOrEqual(40);
      expect(indicator.name).toMatch(/[а-яё]/i);
      expect(indicator.nameEn).toMatch(/^[A-Z]/);
      expect(indicator.numeratorDefinition).not.toBe('');
      expect(indicator.source).not.toBe('');
    }
  });

  it('defines every ratio by numerator and denominator in a ratio unit, and nothing else as one', () => {
    for (const indicator of INDICATOR_CATALOG) {
      if (indicator.aggregation === AggregationRule.RATIO_OF_SUMS) {
        expect(indicator.denominatorDefinition, indicator.code).toBeTruthy();
        expect(RATIO_UNITS, indicator.code).toContain(indicator.unit);
      } else {
        expect(indicator.denominatorDefinition, indicator.code).toBeNull();
      }
      // Shares and rates are always ratios of sums, never means of percentages.
      if (indicator.unit === IndicatorUnit.PERCENT || indicator.unit === IndicatorUnit.PER_1000) {
        expect(indicator.aggregation, indicator.code).toBe(AggregationRule.RATIO_OF_SUMS);
      }
    }
    const rules = new Set(INDICATOR_CATALOG.map((indicator) => indicator.aggregation));
    expect([...rules].sort()).toEqual(Object.values(AggregationRule).sort());
    expect(new Set(INDICATOR_CATALOG.map((indicator) => indicator.level))).toEqual(
      new Set(Object.values(IndicatorLevel)),
    );
  });
});

describe('demo generator', () => {
  const data = generateDemoData(INDICATOR_CATALOG);

  it('is deterministic', () => {
    const digest = (rows: unknown) =>
      createHash('sha256').update(JSON.stringify(rows)).digest('hex');
    const again = generateDemoData(INDICATOR_CATALOG);
    expect(digest(again)).toBe(digest(data));
    expect(again.counts).toEqual(data.counts);
  });

  it('produces consistent values: value = scale · numerator / denominator, shares in 0–100', () => {
    const byCode = new Map(INDICATOR_CATALOG.map((indicator) => [indicator.code, indicator]));
    // Collected rather than asserted row by row: tens of thousands of rows.
    const problems: string[] = [];
    for (const row of data.values) {
      const indicator = byCode.get(row.indicatorCode)!;
      const where = `${row.indicatorCode} ${row.organizationCode ?? row.municipalityCode} ${row.period}`;
      const period = parsePeriod(row.period);
      if (period?.kind !== indicator.periodKind || period.start !== row.periodStart) {
        problems.push(`${where}: period`);
      }
      if ((row.organizationCode === null) !== (indicator.level === IndicatorLevel.MUNICIPALITY)) {
        problems.push(`${where}: level`);
      }
      if (indicator.aggregation === AggregationRule.RATIO_OF_SUMS) {
        const { numerator, denominator } = row;
        const exact =
          numerator !== null &&
          denominator !== null &&
          denominator > 0 &&
          numerator >= 0 &&
          numerator <= denominator &&
          Math.abs(row.value - (unitScale(indicator.unit) * numerator) / denominator) < 1e-9;
        if (!exact) {
          problems.push(`${where}: ${row.value} ≠ scale · ${numerator} / ${denominator}`);
        }
      } else if (row.numerator !== null || row.denominator !== null) {
        problems.push(`${where}: numerator or denominator on a non-ratio`);
      }
      const unbounded =
        indicator.unit !== IndicatorUnit.PERCENT && indicator.unit !== IndicatorUnit.INDEX_0_100;
      if (!Number.isFinite(row.value) || (!unbounded && (row.value < 0 || row.value > 100))) {
        problems.push(`${where}: ${row.value} out of range`);
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it('gives every indicator three periods and realistic proportions', () => {
    // Indicators the analysis computes from assessment results have no demo values of their own.
    for (const indicator of INDICATOR_CATALOG.filter((entry) => !entry.computedBy)) {
      const periods = new Set(
        data.values.filter((row) => row.indicatorCode === indicator.code).map((row) => row.period),
      );
      expect(periods.size, indicator.code).toBe(3);
    }
    const schools = data.organizations.filter((org) => org.kind === 'school');
    const rural = schools.filter((org) => org.settlement === 'rural');
    const mean = schools.reduce((sum, org) => sum + org.enrolment, 0) / schools.length;
    expect(rural.length / schools.length).toBeGreaterThan(0.5);
    expect(rural.length / schools.length).toBeLessThan(0.7);
    expect(mean).toBeGreaterThan(380);
    expect(mean).toBeLessThan(550);
    expect(rural.filter((org) => org.enrolment < 100).length).toBeGreaterThan(rural.length / 5);
    const lowResults = schools.filter((org) => org.lowResults).length / schools.length;
    expect(lowResults).toBeGreaterThan(0.05);
    expect(lowResults).toBeLessThan(0.13);
    const codes = data.organizations.map((org) => org.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toContain('66-malyshevsky-s03');
  });
});

// Rows by natural keys (codes), so two databases with different ids compare equal.
async function valuesDigest(em: EntityManager): Promise<string> {
  const [row] = await em.execute(`
    select md5(string_agg(line, E'\\n' order by line)) as digest, count(*)::int as count
    from (
      select concat_ws('|', i.code, m.code, o.code, v.period, v.period_kind, v.period_start,
        v.value, v.numerator, v.denominator, v.source) as line
      from indicator_value v
      join indicator i on i.id = v.indicator_id
      join municipality m on m.id = v.municipality_id
      left join organization o on o.id = v.organization_id
    ) rows`);
  return `${row.digest}/${row.count}`;
}

async function tableCounts(em: EntityManager): Promise<Record<string, number>> {
  const [row] = await em.execute(`
    select (select count(*) from indicator)::int as indicators,
      (select count(*) from indicator_value)::int as "values",
      (select count(*) from organization)::int as organizations,
      (select count(*) from municipality)::int as municipalities,
      (select count(*) from assessment_procedure)::int as procedures,
      (select count(*) from assessment_result)::int as results,
      (select count(*) from teacher)::int as teachers,
      (select count(*) from teacher_assignment)::int as "teacherAssignments",
      (select count(*) from diagnostic_campaign)::int as "diagnosticCampaigns",
      (select count(*) from diagnostic_result)::int as "diagnosticResults",
      (select count(*) from individual_route)::int as routes,
      (select count(*) from route_step)::int as "routeSteps",
      (select count(*) from mentorship)::int as mentorships,
      (select count(*) from change_log)::int as changes`);
  return row;
}

describe.each(DATABASE_TARGETS)('indicator and demo seeds on %s', (target) => {
  const demo = generateDemoData(INDICATOR_CATALOG);
  const expected = demo.counts;
  // The analysis writes, per year: 1.1.OBJ_SIGNS and 1.2.SHNOR_SHARE for every school that wrote
  // a ВПР (the ШНОР score is its ВПР Russian and mathematics), 1.2.SHNSU_SHARE for every school
  // with the five social-passport values of that academic year.
  const procedureYear = new Map(demo.assessments.procedures.map((p) => [p.code, p.year]));
  const vprSchoolYears = new Set(
    demo.assessments.results
      .filter((r) => r.procedureCode.startsWith('VPR-'))
      .map((r) => `${r.organizationCode}|${procedureYear.get(r.procedureCode)}`),
  ).size;
  const socialSchoolYears = [
    ...demo.values
      .filter((v) => v.indicatorCode.startsWith('1.2.SOC_'))
      .reduce(
        (perSchool, v) =>
          perSchool.set(
            `${v.organizationCode}|${v.period}`,
            (perSchool.get(`${v.organizationCode}|${v.period}`) ?? 0) + 1,
          ),
        new Map<string, number>(),
      )
      .values(),
  ].filter((n) => n === 5).length;
  const computedValues = 2 * vprSchoolYears + socialSchoolYears;
  let hub: TestServer;

  beforeAll(async () => {
    hub = await startTestServer(target, { seedDemo: true });
  });

  afterAll(async () => {
    await hub?.stop();
  });

  it('loads the catalogue and the demo set, all of it marked demo', async () => {
    const em = hub.orm.em.fork();
    const counts = await tableCounts(em);
    // The teachers' shares are written per school with teachers and year (checked below).
    const [{ teacherValues }] = await em.execute(
      `select count(*)::int as "teacherValues" from indicator_value v
         join indicator i on i.id = v.indicator_id
        where v.source = 'computed' and i.code like '2.2.%'`,
    );
    expect(counts).toMatchObject({
      indicators: INDICATOR_CATALOG.length,
      values: expected.values + computedValues + teacherValues,
      organizations: expected.organizations,
      municipalities: 5 + expected.municipalities,
      procedures: expected.procedures,
      results: expected.results,
      teachers: expected.teachers,
      teacherAssignments: expected.teacherAssignments,
      diagnosticCampaigns: expected.diagnosticCampaigns,
      diagnosticResults: expected.diagnosticResults,
      routes: expected.routes,
      routeSteps: expected.routeSteps,
      mentorships: expected.mentorships,
    });
    const [flags] = await em.execute(`
      select
        (select count(*) from organization where not demo)::int as real_organizations,
        (select count(*) from municipality where demo)::int as demo_municipalities,
        (select count(*) from municipality where not demo and code like '%-demo-%')::int as unmarked,
        (select count(*) from indicator_value
          where source not in ('demo', 'computed'))::int as not_demo_values`);
    expect(flags).toEqual({
      real_organizations: 0,
      demo_municipalities: expected.municipalities,
      unmarked: 0,
      not_demo_values: 0,
    });
  });

  it('runs the analysis on the demo results: the signs found are exactly the planted ones', async () => {
    const em = hub.orm.em.fork();
    const found = await em.execute<{ key: string }[]>(`
      select concat_ws('|', o.code, p.code, s.year, s.sign) as key
        from objectivity_sign s
        join organization o on o.id = s.organization_id
        join assessment_procedure p on p.id = s.procedure_id`);
    const planted = demo.assessments.planted.map((p) =>
      [p.organizationCode, p.procedureCode, p.year, p.sign].join('|'),
    );
    expect(found.map((row) => row.key).sort()).toEqual([...new Set(planted)].sort());
    // Every sign carries its evidence; the organization flag follows the latest year.
    const latest = Math.max(...demo.assessments.procedures.map((p) => p.year));
    const [flags] = await em.execute(
      `select count(*) filter (where s.evidence = '')::int as without_evidence,
              (select count(*) from organization where objectivity_risk)::int as flagged,
              (select count(distinct organization_id) from objectivity_sign where year = ?)::int
                as flagged_latest
         from objectivity_sign s`,
      [latest],
    );
    expect(flags.without_evidence).toBe(0);
    expect(flags.flagged).toBe(flags.flagged_latest);
    expect(flags.flagged).toBe(
      new Set(
        demo.assessments.planted.filter((p) => p.year === latest).map((p) => p.organizationCode),
      ).size,
    );
  });

  it('writes the computed shares for every school that took part, as computed values', async () => {
    const em = hub.orm.em.fork();
    const rows = await em.execute<{ code: string; values: number; members: number }[]>(`
      select i.code, count(*)::int as values, sum(v.numerator)::int as members
        from indicator_value v join indicator i on i.id = v.indicator_id
       where v.source = 'computed' group by i.code order by i.code`);
    // Exactly the catalogue's computed indicators, and nothing the demo generated itself.
    expect(rows.map((r) => r.code)).toEqual(
      INDICATOR_CATALOG.filter((i) => i.computedBy)
        .map((i) => i.code)
        .sort(),
    );
    const assessment = rows.filter((r) => !r.code.startsWith('2.2.'));
    expect(assessment.reduce((sum, r) => sum + r.values, 0)).toBe(computedValues);
    // 2.2.DIAGNOSED: one value per school with teachers and year (480 schools × 3 years).
    const schoolsWithTeachers = new Set(demo.teachers.teachers.map((t) => t.organizationCode)).size;
    expect(rows.find((r) => r.code === '2.2.DIAGNOSED')!.values).toBe(3 * schoolsWithTeachers);
    const objectivity = rows.find((r) => r.code === '1.1.OBJ_SIGNS')!;
    // Members: schools with a planted sign on a ВПР, per year.
    expect(objectivity.members).toBe(
      new Set(
        demo.assessments.planted
          .filter((p) => p.procedureCode.startsWith('VPR'))
          .map((p) => `${p.organizationCode}|${p.year}`),
      ).size,
    );
  });

  it('stores consistent values: ratios exact, shares in range, three periods each', async () => {
    const em = hub.orm.em.fork();
    const [problems] = await em.execute(`
      select
        count(*) filter (where i.aggregation = 'ratio_of_sums' and (v.denominator is null
          or v.denominator <= 0 or abs(v.value - case i.unit when 'per_1000' then 1000 else 100 end
            * v.numerator / v.denominator) > 1e-9))::int as inexact,
        count(*) filter (where i.unit = 'percent' and (v.value < 0 or v.value > 100))::int as out_of_range,
        count(*) filter (where (i.level = 'organization') <> (v.organization_id is not null))::int as wrong_level,
        count(*) filter (where v.period_kind <> i.period_kind)::int as wrong_kind,
        count(*) filter (where o.id is not null and o.municipality_id <> v.municipality_id)::int as wrong_municipality
      from indicator_value v
      join indicator i on i.id = v.indicator_id
      left join organization o on o.id = v.organization_id`);
    expect(problems).toEqual({
      inexact: 0,
      out_of_range: 0,
      wrong_level: 0,
      wrong_kind: 0,
      wrong_municipality: 0,
    });
    // Indicators computed by the analysis get values only when it runs.
    const computed = INDICATOR_CATALOG.filter((entry) => entry.computedBy).map(
      (entry) => entry.code,
    );
    const periods = await em.execute(
      `
      select i.code, count(distinct v.period)::int as periods
      from indicator i left join indicator_value v on v.indicator_id = i.id
      where i.code <> all(?::text[])
      group by i.code having count(distinct v.period) <> 3`,
      [pgArray(computed)],
    );
    expect(periods).toEqual([]);
  });

  it('seeds idempotently: a second run changes nothing', async () => {
    const em = hub.orm.em.fork();
    const before = await tableCounts(em);
    const digest = await valuesDigest(em);
    await em.fork().transactional((tem) => new DatabaseSeeder({ demo: true }).run(tem));
    await em.fork().transactional((tem) => new IndicatorsSeeder().run(tem));
    expect(await tableCounts(em)).toEqual(before);
    expect(await valuesDigest(em)).toBe(digest);
    const [versions] = await em.execute('select max(version)::int as max from indicator');
    expect(versions.max).toBe(1);
  });

  it('loads the same values into a second fresh database', async () => {
    const database = await openTestDatabase(target);
    try {
      await migrate(database.orm);
      const started = performance.now();
      expect(await seedIfEmpty(database.orm.em.fork(), { demo: true })).toBe(true);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(`${target}: seeds with ${expected.values} demo values loaded in ${seconds} s`);
      expect(await valuesDigest(database.orm.em.fork())).toBe(
        await valuesDigest(hub.orm.em.fork()),
      );
    } finally {
      await database.close();
    }
    // The whole demo seed (≈ 100k rows and the analyses) on a busy CI machine: a harness
    // limit, not a speed claim (the seed time is printed above).
  }, 180_000);
});
