import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseSeeder, seedIfEmpty } from '../../seeds/database.seeder';
import { generateDemoData } from '../../seeds/demo/demo.generator';
import { OLYMPIAD_YEARS } from '../../seeds/demo/demo.olympiads';
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
import { stageFiguresSql, type StageFigureRow } from '../../server/modules/olympiads/funnel.sql';
import { olympiadFunnel } from '../../server/modules/olympiads/funnel.service';
import { loadOlympiadSettings } from '../../server/modules/olympiads/olympiad.settings';
import {
  OlympiadStage,
  OutlierDirection,
  STAGE_ORDER,
} from '../../server/modules/olympiads/olympiads.enums';
import { olympiadRecheck } from '../../server/modules/olympiads/recheck.service';
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
      (select count(*) from grade_enrolment)::int as "gradeEnrolments",
      (select count(*) from student)::int as students,
      (select count(*) from olympiad_record)::int as "olympiadRecords",
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
    // The teachers' shares are written per school with teachers and year, the olympiad figures
    // per school with pupils or entries and year (checked below).
    const [{ teacherValues, olympiadValues }] = await em.execute(
      `select count(*) filter (where i.code like '2.2.%')::int as "teacherValues",
              count(*) filter (where i.code like '1.3.VSOSH%')::int as "olympiadValues"
         from indicator_value v
         join indicator i on i.id = v.indicator_id
        where v.source = 'computed'`,
    );
    expect(counts).toMatchObject({
      indicators: INDICATOR_CATALOG.length,
      values: expected.values + computedValues + teacherValues + olympiadValues,
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
      gradeEnrolments: expected.gradeEnrolments,
      students: expected.students,
      olympiadRecords: expected.olympiadRecords,
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
    const assessment = rows.filter((r) => !r.code.startsWith('2.2.') && !r.code.startsWith('1.3.'));
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

  // ─── Olympiads: the demo protocols seen through the re-check, the funnel and the indicators ───
  const olympiads = demo.olympiads;
  const olympiadRegions = [...new Set(demo.municipalities.map((m) => m.regionCode))].sort();
  const regionOfMunicipality = new Map(demo.municipalities.map((m) => [m.code, m.regionCode]));
  const demoRecords = (regionCode: string, year: number, stage: OlympiadStage) =>
    olympiads.records.filter(
      (r) =>
        r.year === year &&
        r.stage === stage &&
        regionOfMunicipality.get(r.municipalityCode) === regionCode,
    );
  const uniquePupils = (rows: readonly { studentCode: string }[]) =>
    new Set(rows.map((r) => r.studentCode)).size;

  async function olympiadScope(em: EntityManager) {
    const [{ id: olympiadId }] = await em.execute<{ id: number }[]>(
      `select id from olympiad where code = 'VSOSH'`,
    );
    const regions = await em.execute<{ id: number; code: string }[]>(
      'select id, code from region where code = any(?::text[]) order by code',
      [pgArray(olympiadRegions)],
    );
    expect(regions.map((r) => r.code)).toEqual(olympiadRegions);
    return { olympiadId, regions };
  }

  it('re-checks the demo protocols: the candidates found are exactly the planted ones', async () => {
    const em = hub.orm.em.fork();
    const { olympiadId, regions } = await olympiadScope(em);
    const settings = await loadOlympiadSettings(em);
    const works: string[] = [];
    const schools: string[] = [];
    for (const region of regions) {
      for (const year of OLYMPIAD_YEARS) {
        const found = await olympiadRecheck(
          em,
          { olympiadId, year, regionId: region.id, municipalityId: null, stages: STAGE_ORDER },
          settings,
        );
        const keys = new Map(
          (
            await em.execute<{ id: number; key: string }[]>(
              `select r.id, concat_ws('|', r.year, r.stage, sub.code, s.code) as key
                 from olympiad_record r
                 join student s on s.id = r.student_id
                 join olympiad_subject sub on sub.id = r.subject_id
                where r.id = any(?::int[])`,
              [pgArray(found.works.map((w) => w.record.id))],
            )
          ).map((row) => [row.id, row.key]),
        );
        for (const work of found.works) {
          works.push(keys.get(work.record.id)!);
          // Far above a big group, and the pupil did poorly at the next stage.
          expect(work.direction).toBe(OutlierDirection.HIGH);
          expect(work.robustZ).toBeGreaterThan(4.5);
          expect(work.groupSize).toBeGreaterThanOrEqual(80);
          expect(work.nextStagePercent).not.toBeNull();
          expect(work.nextStagePercent!).toBeLessThan(20);
        }
        for (const school of found.schools) {
          schools.push(`${year}|${school.stage}|${school.organization.code}`);
          expect(school.z).toBeGreaterThan(5);
          expect(school.diplomaShare).toBeGreaterThan(60);
          expect(school.referenceShare).toBeGreaterThan(25);
          expect(school.referenceShare).toBeLessThan(35);
        }
      }
    }
    expect(works.sort()).toEqual(
      olympiads.planted.works
        .map((w) => [w.year, w.stage, w.subjectCode, w.studentCode].join('|'))
        .sort(),
    );
    expect(schools.sort()).toEqual(
      olympiads.planted.schools.map((s) => [s.year, s.stage, s.organizationCode].join('|')).sort(),
    );
  });

  it('shows each region’s olympiad funnel in the proportions of DOMAIN.md §4', async () => {
    const em = hub.orm.em.fork();
    const { olympiadId, regions } = await olympiadScope(em);
    const year = OLYMPIAD_YEARS[OLYMPIAD_YEARS.length - 1];
    for (const region of regions) {
      const query = {
        olympiadId,
        year,
        scope: { regionId: region.id },
        parts: 'municipality' as const,
        subjectId: null,
      };
      const rows = await olympiadFunnel(em, query);
      const total = rows.find((row) => row.isTotal)!;
      const stage = (s: OlympiadStage) => total.stages.find((x) => x.stage === s)!;
      // The funnel counts the demo's own pupils, stage by stage, with last year beside them.
      for (const s of STAGE_ORDER) {
        expect(stage(s).participants, `${region.code} ${s}`).toBe(
          uniquePupils(demoRecords(region.code, year, s)),
        );
        expect(stage(s).previousParticipants, `${region.code} ${s}`).toBe(
          uniquePupils(demoRecords(region.code, year - 1, s)),
        );
      }
      expect(total.coverage!).toBeGreaterThan(35);
      expect(total.coverage!).toBeLessThan(60);
      expect(stage(OlympiadStage.SCHOOL).diplomaShare!).toBeGreaterThan(25);
      expect(stage(OlympiadStage.SCHOOL).diplomaShare!).toBeLessThan(35);
      expect(stage(OlympiadStage.MUNICIPAL).diplomaShare!).toBeGreaterThan(20);
      expect(stage(OlympiadStage.MUNICIPAL).diplomaShare!).toBeLessThan(30);
      // School → municipal: ≈ 20 % of the school stage's pupils of grades 7–11 (the funnel's
      // own figures), i.e. ≈ 10–15 % of all its pupils; municipal → regional ≈ 10 % of grades
      // 9–11, a few per cent of all.
      const statement = stageFiguresSql(query);
      const figures = await em.execute<StageFigureRow[]>(statement.sql, statement.params);
      const figure = (s: OlympiadStage) =>
        figures.find((f) => f.kind === 'region' && f.year === year && f.stage === s)!;
      const conversion =
        figure(OlympiadStage.MUNICIPAL).participants_7_11 /
        figure(OlympiadStage.SCHOOL).participants_7_11;
      expect(conversion, region.code).toBeGreaterThan(0.16);
      expect(conversion, region.code).toBeLessThan(0.24);
      expect(stage(OlympiadStage.SCHOOL).passThrough!).toBeGreaterThan(8);
      expect(stage(OlympiadStage.SCHOOL).passThrough!).toBeLessThan(16);
      expect(stage(OlympiadStage.MUNICIPAL).passThrough!).toBeGreaterThan(3);
      expect(stage(OlympiadStage.MUNICIPAL).passThrough!).toBeLessThan(9);
      // Every municipality of the region has protocols.
      expect(rows.filter((row) => !row.isTotal && row.stages[0].participants > 0).length).toBe(
        rows.length - 1,
      );
    }
  });

  it('writes the olympiad figures of every demo school and year (1.3.VSOSH_*)', async () => {
    const em = hub.orm.em.fork();
    const rows = await em.execute<
      {
        code: string;
        organization: string;
        period: string;
        numerator: number;
        denominator: number;
      }[]
    >(
      `select i.code, o.code as organization, v.period, v.numerator, v.denominator
         from indicator_value v
         join indicator i on i.id = v.indicator_id
         join organization o on o.id = v.organization_id
        where i.code like '1.3.VSOSH%' and v.source = 'computed' and o.demo`,
    );
    // Coverage: school-stage pupils of grades 4–11 over the pupils of grades 4–11, per school.
    const expected = new Map<string, [number, number]>();
    for (const e of olympiads.enrolments.filter((x) => x.grade >= 4)) {
      const key = `${e.organizationCode}|${e.year}/${e.year + 1}`;
      const [n, d] = expected.get(key) ?? [0, 0];
      expected.set(key, [n, d + e.pupils]);
    }
    const writers = new Map<string, Set<string>>();
    for (const r of olympiads.records.filter((x) => x.stage === OlympiadStage.SCHOOL)) {
      const key = `${r.organizationCode}|${r.year}/${r.year + 1}`;
      writers.set(key, (writers.get(key) ?? new Set()).add(r.studentCode));
    }
    for (const [key, [, d]] of expected) {
      expected.set(key, [writers.get(key)?.size ?? 0, d]);
    }
    const cover = rows.filter((r) => r.code === '1.3.VSOSH_SCHOOL_COVER');
    expect(cover.length).toBe(expected.size);
    expect(
      new Map(cover.map((r) => [`${r.organization}|${r.period}`, [r.numerator, r.denominator]])),
    ).toEqual(expected);
    const sum = (list: typeof rows, field: 'numerator' | 'denominator') =>
      list.reduce((total, r) => total + r[field], 0);
    for (const year of OLYMPIAD_YEARS) {
      const period = `${year}/${year + 1}`;
      const coverage = cover.filter((r) => r.period === period);
      expect(sum(coverage, 'numerator') / sum(coverage, 'denominator')).toBeGreaterThan(0.35);
      expect(sum(coverage, 'numerator') / sum(coverage, 'denominator')).toBeLessThan(0.6);
      // Conversion to the municipal stage, rolled up: ≈ 20 %.
      const conversion = rows.filter(
        (r) => r.code === '1.3.VSOSH_MUN_CONVERSION' && r.period === period,
      );
      const rolled = sum(conversion, 'numerator') / sum(conversion, 'denominator');
      expect(rolled).toBeGreaterThan(0.16);
      expect(rolled).toBeLessThan(0.24);
    }
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
