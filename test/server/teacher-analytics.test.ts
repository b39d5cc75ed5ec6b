// Teacher analytics (issue #6 item 5) against a real database: the deficit heatmap, the figures
// per municipality and per organization, the indicator values they write and compareIndicators'
// roll-up of them, and a constant number of SQL statements. Every figure is worked by hand below.
import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countStatements } from '../../server/db/query-counter';
import {
  Municipality,
  MunicipalityType,
  Organization,
  OrganizationKind,
  Region,
} from '../../server/modules/geography/geography.entity';
import { Indicator, IndicatorValue } from '../../server/modules/indicators/indicators.entity';
import { PeriodKind, ValueSource } from '../../server/modules/indicators/indicators.enums';
import {
  deficitHeatmap,
  teacherAnalytics,
  writeTeacherIndicators,
} from '../../server/modules/teachers/analytics.service';
import type { TeacherAnalyticsRow } from '../../server/modules/teachers/analytics.types';
import { detectDeficits } from '../../server/modules/teachers/deficits';
import {
  DiagnosticCampaign,
  DiagnosticResult,
  IndividualRoute,
  Mentorship,
  Teacher,
  TeacherAssignment,
} from '../../server/modules/teachers/teachers.entity';
import {
  CompetencyArea,
  MentorshipForm,
  MentorshipStatus,
  RouteStatus,
} from '../../server/modules/teachers/teachers.enums';
import { DATABASE_TARGETS, startTestServer, type TestServer } from '../helpers/server';

const { SUBJECT, METHODICAL } = CompetencyArea;
const AREAS = [
  { area: SUBJECT, maxScore: 100, deficitBelow: 50 },
  { area: METHODICAL, maxScore: 100, deficitBelow: 50 },
];

/**
 * The scenario, in municipalities K and S (academic year 2024/2025; age taken in 2024).
 *
 * Teachers (current school):  born  years  subjects
 *   T1 K1  1970 25 Математика           T4 K2  1965 30 Русский язык
 *   T2 K1  1980 15 Математика, Физика   T8 K2  2001 0.5 Математика  (young)
 *   T9 K1  1998 3  Математика (young)   T5 S1  1985 10 Математика  (moved K2 → S1 in January)
 *   T3 K2  2000 1  Русский язык (young) T6 S1  1999 2  История  (young)
 *                                       T7 S1  1975 20 История
 * Results [subject, methodical] (below 50 is a deficit), school of the time:
 *   AUT 2024-10-15: T1@K1 40,70 [S]  T2@K1 80,30 [M]  T3@K2 90,90 []  T5@K2 20,35 [S,M]
 *   SPR 2025-04-10: T1@K1 75,80 []   T2@K1 60,45 [M]  T5@S1 45,60 [S] T6@S1 70,40 [M]  T7@S1 30,55 [S]
 *   OLD 2023-10-02 (previous year): T1@K1 10,10 [S,M]  T4@K2 20,90 [S]
 * Routes: R1 T1 K (from T1's AUT) 2024-10-20, closed 2025-04-10; R2 T2 K (from T2's AUT)
 *   2024-11-01, cancelled; R3 T5 K (from T5's AUT at K2) 2024-10-25, open; R4 T7 S 2023-11-01,
 *   still open; R5 T2 K 2023-10-10, closed 2024-06-01 (before the year).
 * Mentorships: M1 T4→T3 K active from 2024-09-01; M2 T4→T8 K completed 2024-09-01…2025-01-31;
 *   M3 T2→T9 K active from 2025-02-01; M4 T7→T6 S planned; M5 T4→T5 K active from 2024-09-10
 *   (T5 then at K2); M6 T1→T8 K terminated 2024-10-01…2024-11-01.
 * School S2 of S has no teachers.
 */
async function seedScenario(
  em: EntityManager,
  prefix: string,
  k: Municipality,
  s: Municipality,
): Promise<Record<string, Organization>> {
  const schools: Record<string, Organization> = {};
  for (const [key, municipality] of [
    ['K1', k],
    ['K2', k],
    ['S1', s],
    ['S2', s],
  ] as const) {
    schools[key] = em.create(Organization, {
      municipality,
      code: `${prefix}-${key}`,
      name: `Школа ${prefix}-${key}`,
      kind: OrganizationKind.SCHOOL,
    });
  }
  const teacherRows: [string, string, number, number, string[]][] = [
    ['T1', 'K1', 1970, 25, ['Математика']],
    ['T2', 'K1', 1980, 15, ['Математика', 'Физика']],
    ['T9', 'K1', 1998, 3, ['Математика']],
    ['T3', 'K2', 2000, 1, ['Русский язык']],
    ['T4', 'K2', 1965, 30, ['Русский язык']],
    ['T8', 'K2', 2001, 0.5, ['Математика']],
    ['T5', 'S1', 1985, 10, ['Математика']],
    ['T6', 'S1', 1999, 2, ['История']],
    ['T7', 'S1', 1975, 20, ['История']],
  ];
  const t: Record<string, Teacher> = {};
  for (const [key, school, birthYear, years, subjects] of teacherRows) {
    t[key] = em.create(Teacher, {
      personnelCode: `${prefix}-${key}`,
      organization: schools[school],
      municipality: schools[school].municipality,
      birthYear,
      teachingExperienceYears: years,
      totalExperienceYears: years,
      subjects,
    });
  }
  // Every teacher has worked at its school since 2015 (as upsertTeachers records it); T5 moved.
  for (const [key, school] of teacherRows) {
    if (key !== 'T5') {
      em.create(TeacherAssignment, {
        teacher: t[key],
        organization: schools[school],
        startedOn: '2015-09-01',
      });
    }
  }
  em.create(TeacherAssignment, {
    teacher: t.T5,
    organization: schools.K2,
    startedOn: '2015-09-01',
    endedOn: '2025-01-09',
  });
  em.create(TeacherAssignment, {
    teacher: t.T5,
    organization: schools.S1,
    startedOn: '2025-01-10',
  });

  const campaign = (key: string, heldOn: string) =>
    em.create(DiagnosticCampaign, {
      code: `${prefix}-${key}`,
      name: `Диагностика ${prefix}-${key}`,
      heldOn,
      areas: AREAS,
    });
  const campaigns = {
    AUT: campaign('AUT', '2024-10-15'),
    SPR: campaign('SPR', '2025-04-10'),
    OLD: campaign('OLD', '2023-10-02'),
  };
  const result = (
    c: keyof typeof campaigns,
    who: string,
    at: string,
    subj: number,
    meth: number,
  ) => {
    const scores = { [SUBJECT]: subj, [METHODICAL]: meth };
    return em.create(DiagnosticResult, {
      campaign: campaigns[c],
      teacher: t[who],
      organization: schools[at],
      municipality: schools[at].municipality,
      scores,
      deficits: detectDeficits(scores, AREAS),
    });
  };
  const r = {
    T1aut: result('AUT', 'T1', 'K1', 40, 70),
    T2aut: result('AUT', 'T2', 'K1', 80, 30),
    T3aut: result('AUT', 'T3', 'K2', 90, 90),
    T5aut: result('AUT', 'T5', 'K2', 20, 35),
    T1spr: result('SPR', 'T1', 'K1', 75, 80),
    T2spr: result('SPR', 'T2', 'K1', 60, 45),
    T5spr: result('SPR', 'T5', 'S1', 45, 60),
    T6spr: result('SPR', 'T6', 'S1', 70, 40),
    T7spr: result('SPR', 'T7', 'S1', 30, 55),
  };
  result('OLD', 'T1', 'K1', 10, 10);
  result('OLD', 'T4', 'K2', 20, 90);

  const route = (
    who: string,
    municipality: Municipality,
    openedOn: string,
    status: RouteStatus,
    extra: Partial<Pick<IndividualRoute, 'closedOn'>> & {
      diagnostic?: DiagnosticResult;
      closedBy?: DiagnosticResult;
    } = {},
  ) =>
    em.create(IndividualRoute, {
      teacher: t[who],
      municipality,
      targetedDeficits: [SUBJECT],
      openedOn,
      status,
      ...extra,
    });
  route('T1', k, '2024-10-20', RouteStatus.CLOSED, {
    diagnostic: r.T1aut,
    closedOn: '2025-04-10',
    closedBy: r.T1spr,
  });
  route('T2', k, '2024-11-01', RouteStatus.CANCELLED, { diagnostic: r.T2aut });
  route('T5', k, '2024-10-25', RouteStatus.OPEN, { diagnostic: r.T5aut });
  route('T7', s, '2023-11-01', RouteStatus.OPEN);
  route('T2', k, '2023-10-10', RouteStatus.CLOSED, { closedOn: '2024-06-01' });

  const mentorship = (
    mentor: string,
    mentee: string,
    municipality: Municipality,
    status: MentorshipStatus,
    startedOn: string,
    endedOn: string | null = null,
  ) =>
    em.create(Mentorship, {
      mentor: t[mentor],
      mentee: t[mentee],
      municipality,
      form: MentorshipForm.TEACHER_TEACHER,
      status,
      startedOn,
      endedOn,
    });
  mentorship('T4', 'T3', k, MentorshipStatus.ACTIVE, '2024-09-01');
  mentorship('T4', 'T8', k, MentorshipStatus.COMPLETED, '2024-09-01', '2025-01-31');
  mentorship('T2', 'T9', k, MentorshipStatus.ACTIVE, '2025-02-01');
  mentorship('T7', 'T6', s, MentorshipStatus.PLANNED, '2025-03-01');
  mentorship('T4', 'T5', k, MentorshipStatus.ACTIVE, '2024-09-10');
  mentorship('T1', 'T8', k, MentorshipStatus.TERMINATED, '2024-10-01', '2024-11-01');
  await em.flush();
  return schools;
}

const round = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);

/** The row's figures in a compact, comparable form. */
function figures(row: TeacherAnalyticsRow) {
  return {
    teachers: row.teachers,
    diagnosed: [row.diagnosed, round(row.diagnosedShare)],
    deficitsRoute: [row.withDeficits, row.withRoute, round(row.routeShare)],
    routes: [row.routesOpened, row.routesClosed, round(row.routeCompletion)],
    young: [row.youngSpecialists, row.youngWithMentor, round(row.mentoredShare)],
    mentors: [row.mentors, row.maxMenteesPerMentor, row.meanMenteesPerMentor],
    startEnd: [
      row.diagnosedAtStart,
      round(row.deficitShareAtStart),
      row.diagnosedAtEnd,
      round(row.deficitShareAtEnd),
      round(row.deficitShareChange),
    ],
  };
}

describe.each(DATABASE_TARGETS)('teacher analytics on %s', (target) => {
  let hub: TestServer;
  let regionId: number;
  let kizlyar: Municipality;
  let sergokala: Municipality;
  let schools: Record<string, Organization>;
  const em = () => hub.orm.em.fork();

  beforeAll(async () => {
    hub = await startTestServer(target, { today: '2025-05-20' });
    const fork = em();
    kizlyar = await fork.findOneOrFail(Municipality, { code: '05-kizlyar' });
    sergokala = await fork.findOneOrFail(Municipality, { code: '05-sergokala' });
    regionId = kizlyar.region.id;
    schools = await seedScenario(fork, 'A', kizlyar, sergokala);
  });

  afterAll(async () => {
    await hub?.stop();
  });

  it('counts diagnoses where they were taken: the moved teacher’s autumn in Кизляр', async () => {
    const rows = await teacherAnalytics(em(), { academicYear: '2024/2025', regionId });
    expect(Object.fromEntries(rows.map((row) => [row.unitName, figures(row)]))).toEqual({
      // Кизляр: teachers of the year T1 T2 T9 T3 T4 T8, and T5 at K2 until 9 January = 7;
      // diagnosed T1 T2 T3 T5 = 4 (T5 in autumn at K2; T4 only last year) → 57.14. Latest result here: T1 SPR none, T2 SPR [M], T3 AUT
      // none, T5 AUT [S,M] → 2 with deficits; T5 follows R3, T2 has only a cancelled route and
      // one closed before the year → 1, 50%. Routes opened here in the year R1 R2 R3 = 3, R1
      // closed → 33.33. Young T9 T3 T8, mentored by M3, M1, M2 (completed, overlapping) → 3/3.
      // Active mentorships: T4 → T3, T5; T2 → T9 → 2 mentors, max 2, mean 1.5 (M6 terminated).
      // Autumn: T1 T2 T5 of T1 T2 T3 T5 with a deficit → 75; spring: T2 of T1 T2 → 50; −25 pp.
      'г. Кизляр': {
        teachers: 7,
        diagnosed: [4, 57.14],
        deficitsRoute: [2, 1, 50],
        routes: [3, 1, 33.33],
        young: [3, 3, 100],
        mentors: [2, 2, 1.5],
        startEnd: [4, 75, 2, 50, -25],
      },
      // Сергокалинский: teachers now T5 T6 T7 = 3, all diagnosed in spring, all with a deficit;
      // T5 follows R3 (opened in Кизляр), T7 the still-open R4 of last year → 2 of 3. No route
      // opened here this year. Young T6 without a mentor (M4 only planned). No autumn results →
      // no change.
      'Сергокалинский р-н': {
        teachers: 3,
        diagnosed: [3, 100],
        deficitsRoute: [3, 2, 66.67],
        routes: [0, 0, null],
        young: [1, 0, 0],
        mentors: [0, null, null],
        startEnd: [0, null, 3, 100, null],
      },
    });
    expect(rows.every((row) => row.unitKind === 'municipality')).toBe(true);
  });

  it('gives a municipality and each of its schools', async () => {
    const rows = await teacherAnalytics(em(), {
      academicYear: '2024/2025',
      municipalityId: kizlyar.id,
    });
    expect(rows.map((row) => [row.unitKind, row.unitId])).toEqual([
      ['municipality', String(kizlyar.id)],
      ['organization', String(schools.K1.id)],
      ['organization', String(schools.K2.id)],
    ]);
    expect(rows.slice(1).map(figures)).toEqual([
      // K1: T1 T2 T9; diagnosed T1 T2 → 66.67; T2 with a deficit, no live route → 0%. Routes
      // from K1 diagnoses R1 R2, R1 closed → 50. Young T9 mentored (M3, mentor T2). Autumn 2/2
      // with a deficit → 100, spring T2 of 2 → 50, −50 pp.
      {
        teachers: 3,
        diagnosed: [2, 66.67],
        deficitsRoute: [1, 0, 0],
        routes: [2, 1, 50],
        young: [1, 1, 100],
        mentors: [1, 1, 1],
        startEnd: [2, 100, 2, 50, -50],
      },
      // K2: T3 T4 T8 and T5 until the move; diagnosed T3 and T5 (before the move) → 50; T5 with a deficit and R3 →
      // 100. R3 came from T5's K2 diagnosis. Young T3 T8 both mentored; T4 mentors T3 here (T5 is
      // no longer at a Кизляр school). Autumn T5 of T3 T5 → 50; no spring here.
      {
        teachers: 4,
        diagnosed: [2, 50],
        deficitsRoute: [1, 1, 100],
        routes: [1, 0, 0],
        young: [2, 2, 100],
        mentors: [1, 1, 1],
        startEnd: [2, 50, 0, null, null],
      },
    ]);
    // The schools add up to the municipality where a figure has one place (diagnoses, routes).
    const [total, k1, k2] = rows;
    expect(total.diagnosed).toBe(k1.diagnosed + k2.diagnosed);
    expect(total.routesOpened).toBe(k1.routesOpened + k2.routesOpened);
    expect(total.teachers).toBe(k1.teachers + k2.teachers);
  });

  it('draws the heatmap of area × subject × municipality', async () => {
    const key = (c: { municipalityName: string; subject: string | null; area: string }) =>
      `${c.municipalityName} | ${c.subject} | ${c.area}`;
    const cells = await deficitHeatmap(em(), { academicYear: '2024/2025', regionId });
    const byKey = Object.fromEntries(
      cells.map((c) => [key(c), [c.diagnosed, c.withDeficit, round(c.share)]]),
    );
    // Latest result of the year per teacher, municipality and area. Кизляр: T1 SPR none, T2 SPR
    // [M], T3 AUT none, T5 AUT [S,M]; Сергокалинский: T5 SPR [S], T6 [M], T7 [S]. T2 counts
    // under Математика and Физика.
    expect(byKey).toEqual({
      'г. Кизляр | Математика | subject': [3, 1, 33.33],
      'г. Кизляр | Математика | methodical': [3, 2, 66.67],
      'г. Кизляр | Физика | subject': [1, 0, 0],
      'г. Кизляр | Физика | methodical': [1, 1, 100],
      'г. Кизляр | Русский язык | subject': [1, 0, 0],
      'г. Кизляр | Русский язык | methodical': [1, 0, 0],
      'Сергокалинский р-н | Математика | subject': [1, 1, 100],
      'Сергокалинский р-н | Математика | methodical': [1, 0, 0],
      'Сергокалинский р-н | История | subject': [2, 1, 50],
      'Сергокалинский р-н | История | methodical': [2, 1, 50],
    });
    // One campaign, one municipality: the autumn in Кизляр (T1 [S], T2 [M], T3 none, T5 [S,M]).
    const autumn = await deficitHeatmap(em(), {
      campaignCodes: ['A-AUT'],
      municipalityId: kizlyar.id,
    });
    expect(autumn.map((c) => [key(c), c.diagnosed, c.withDeficit])).toEqual([
      ['г. Кизляр | Математика | subject', 3, 2],
      ['г. Кизляр | Математика | methodical', 3, 2],
      ['г. Кизляр | Русский язык | subject', 1, 0],
      ['г. Кизляр | Русский язык | methodical', 1, 0],
      ['г. Кизляр | Физика | subject', 1, 0],
      ['г. Кизляр | Физика | methodical', 1, 1],
    ]);
  });

  it('refuses a malformed academic year and an ambiguous scope', async () => {
    await expect(
      teacherAnalytics(em(), { academicYear: '2024/2026', regionId }),
    ).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'academicYear' } });
    await expect(teacherAnalytics(em(), { academicYear: '2024/2025' })).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'regionId' },
    });
    await expect(deficitHeatmap(em(), { regionId })).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'campaignCodes' },
    });
  });

  async function comparedValues(period: string) {
    const { data, errors } = await hub.gql(
      `query ($input: CompareIndicatorsInput!) {
        compareIndicators(input: $input) { rows { indicatorCode unitName numerator denominator value } }
      }`,
      {
        input: {
          regionId: String(regionId),
          periods: [period],
          indicatorCodes: ['2.2.DIAGNOSED', '2.2.IOM', '2.2.MENTORED'],
        },
      },
    );
    expect(errors).toBeUndefined();
    return Object.fromEntries(
      data!.compareIndicators.rows.map((r: any) => [
        `${r.indicatorCode} ${r.unitName}`,
        [r.numerator, r.denominator, round(r.value)],
      ]),
    );
  }

  it('writes the indicator values per school, which compareIndicators rolls up', async () => {
    // A computed value of a school without teachers is stale; a value of another indicator stays.
    const fork = em();
    const [iom, category] = await Promise.all(
      ['2.2.IOM', '2.2.CATEGORY'].map((code) => fork.findOneOrFail(Indicator, { code })),
    );
    for (const [indicator, source] of [
      [iom, ValueSource.COMPUTED],
      [category, ValueSource.MANUAL],
    ] as const) {
      fork.create(IndicatorValue, {
        indicator,
        municipality: sergokala,
        organization: schools.S2,
        period: '2024/2025',
        periodKind: PeriodKind.ACADEMIC_YEAR,
        periodStart: '2024-09-01',
        value: 50,
        numerator: 1,
        denominator: 2,
        source,
      });
    }
    await fork.flush();

    // K1: 2/3 diagnosed, 0/1 with a route, 1/1 young mentored; K2: 2/4 (T5 until the move),
    // 1/1, 2/2;
    // S1: 3/3, 2/3, 0/1; S2 has no teachers → 9 values.
    expect(await writeTeacherIndicators(em(), { academicYear: '2024/2025', regionId })).toBe(9);
    const stored = await em().find(
      IndicatorValue,
      { period: '2024/2025', organization: { code: { $like: 'A-%' } } },
      { populate: ['indicator', 'organization'] },
    );
    expect(
      stored
        .map(
          (v) =>
            `${v.indicator.getEntity().code} ${v.organization!.getEntity().code} ${v.numerator}/${v.denominator} ${round(v.value)} ${v.source}`,
        )
        .sort(),
    ).toEqual([
      '2.2.CATEGORY A-S2 1/2 50 manual',
      '2.2.DIAGNOSED A-K1 2/3 66.67 computed',
      '2.2.DIAGNOSED A-K2 2/4 50 computed',
      '2.2.DIAGNOSED A-S1 3/3 100 computed',
      '2.2.IOM A-K1 0/1 0 computed',
      '2.2.IOM A-K2 1/1 100 computed',
      '2.2.IOM A-S1 2/3 66.67 computed',
      '2.2.MENTORED A-K1 1/1 100 computed',
      '2.2.MENTORED A-K2 2/2 100 computed',
      '2.2.MENTORED A-S1 0/1 0 computed',
    ]);
    // The roll-up per municipality equals the municipality figures of teacherAnalytics.
    expect(await comparedValues('2024/2025')).toEqual({
      '2.2.DIAGNOSED г. Кизляр': [4, 7, 57.14],
      '2.2.IOM г. Кизляр': [1, 2, 50],
      '2.2.MENTORED г. Кизляр': [3, 3, 100],
      '2.2.DIAGNOSED Сергокалинский р-н': [3, 3, 100],
      '2.2.IOM Сергокалинский р-н': [2, 3, 66.67],
      '2.2.MENTORED Сергокалинский р-н': [0, 1, 0],
    });
    // Nothing changed: a re-run writes nothing.
    expect(await writeTeacherIndicators(em(), { academicYear: '2024/2025', regionId })).toBe(0);
  });

  it('sends a constant number of SQL statements, whatever the amount of data', async () => {
    // A region of its own, so the data doubles without touching the other tests' figures.
    const fork = em();
    const region = fork.create(Region, { code: 'ZZ', name: 'Тестовый регион' });
    const [k, s] = ['zz-k', 'zz-s'].map((code) =>
      fork.create(Municipality, {
        region,
        code,
        name: `Округ ${code}`,
        shortName: code,
        type: MunicipalityType.URBAN_OKRUG,
      }),
    );
    await fork.flush();
    const measure = async () => {
      const counts = [
        (
          await countStatements(() =>
            deficitHeatmap(em(), { academicYear: '2024/2025', regionId: region.id }),
          )
        ).statements,
        (
          await countStatements(() =>
            teacherAnalytics(em(), { academicYear: '2024/2025', regionId: region.id }),
          )
        ).statements,
        (
          await countStatements(() =>
            teacherAnalytics(em(), { academicYear: '2024/2025', municipalityId: k.id }),
          )
        ).statements,
        (
          await countStatements(() =>
            writeTeacherIndicators(em(), { academicYear: '2024/2025', regionId: region.id }),
          )
        ).statements,
      ];
      const [total] = await teacherAnalytics(em(), {
        academicYear: '2024/2025',
        municipalityId: k.id,
      });
      return { counts, teachers: total.teachers };
    };
    await seedScenario(em(), 'B', k, s);
    const once = await measure();
    await seedScenario(em(), 'C', k, s);
    const twice = await measure();
    expect(once).toEqual({ counts: [1, 1, 1, 3], teachers: 7 });
    expect(twice).toEqual({ counts: [1, 1, 1, 3], teachers: 14 });
  });

  describe('through GraphQL', () => {
    const ANALYTICS = `query ($input: TeacherAnalyticsInput!) {
      teacherAnalytics(input: $input) { unitId unitKind teachers diagnosed withDeficits withRoute }
    }`;
    const HEATMAP = `query ($input: DeficitHeatmapInput!) {
      deficitHeatmap(input: $input) { municipalityName subject area diagnosed withDeficit share }
    }`;
    const WRITE = `mutation ($region: String!, $year: String!, $dryRun: Boolean) {
      writeTeacherIndicators(regionCode: $region, academicYear: $year, dryRun: $dryRun)
    }`;

    it('answers the queries within the aggregate scope', async () => {
      const { data, errors } = await hub.gql(ANALYTICS, {
        input: { academicYear: '2024/2025', municipalityId: String(kizlyar.id) },
      });
      expect(errors).toBeUndefined();
      expect(data!.teacherAnalytics[0]).toEqual({
        unitId: String(kizlyar.id),
        unitKind: 'MUNICIPALITY',
        teachers: 7,
        diagnosed: 4,
        withDeficits: 2,
        withRoute: 1,
      });
      const heatmap = await hub.gql(HEATMAP, {
        input: { campaignCodes: ['A-AUT'], municipalityId: String(kizlyar.id) },
      });
      expect(heatmap.data!.deficitHeatmap[1]).toEqual({
        municipalityName: 'г. Кизляр',
        subject: 'Математика',
        area: 'METHODICAL',
        diagnosed: 3,
        withDeficit: 2,
        share: (100 * 2) / 3,
      });
      // A methodologist reads the aggregates of the whole region, not of another region.
      const methodologist = await hub.tokenFor({
        login: 'ta-methodist',
        role: 'MUNICIPAL_METHODOLOGIST',
        municipalityId: String(sergokala.id),
      });
      const own = await hub.gql(
        ANALYTICS,
        { input: { academicYear: '2024/2025', regionId: String(regionId) } },
        { token: methodologist },
      );
      expect(own.data!.teacherAnalytics).toHaveLength(2);
      const chernogorsk = await em().findOneOrFail(Municipality, { code: '19-chernogorsk' });
      const other = await hub.gql(
        HEATMAP,
        { input: { academicYear: '2024/2025', municipalityId: String(chernogorsk.id) } },
        { token: methodologist },
      );
      expect(other.errors![0].extensions!.code).toBe('FORBIDDEN');
    });

    it('writes the values for administrators and the region’s analysts only', async () => {
      // 2023/2024 (age taken in 2023): K1 T1 of 3 diagnosed, T1 with deficits and no route, T9
      // young without a mentor yet; K2 T4 of 3, T4 with a deficit and no route, T3 T8 young,
      // mentored only from September 2024; S1 0 of 3 diagnosed, no deficits, T6 young → 8.
      const count = async () =>
        (await em().count(IndicatorValue, { period: '2023/2024' })) as number;
      const before = await count();
      const dry = await hub.gql(WRITE, { region: '05', year: '2023/2024', dryRun: true });
      expect(dry.data).toEqual({ writeTeacherIndicators: 8 });
      expect(await count()).toBe(before);

      const bad = await hub.gql(WRITE, { region: '05', year: '2023-24', dryRun: true });
      expect(bad.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'academicYear',
      });
      const regions = (await hub.gql('{ regions { id code } }')).data!.regions;
      const idOf = (code: string) => regions.find((r: any) => r.code === code).id;
      const analyst = await hub.tokenFor({
        login: 'ta-analyst-05',
        role: 'REGIONAL_ANALYST',
        regionId: idOf('05'),
      });
      const stranger = await hub.tokenFor({
        login: 'ta-analyst-19',
        role: 'REGIONAL_ANALYST',
        regionId: idOf('19'),
      });
      const allowed = await hub.gql(
        WRITE,
        { region: '05', year: '2023/2024', dryRun: true },
        { token: analyst },
      );
      expect(allowed.data).toEqual({ writeTeacherIndicators: 8 });
      const refused = await hub.gql(
        WRITE,
        { region: '05', year: '2023/2024', dryRun: true },
        { token: stranger },
      );
      expect(refused.errors![0].extensions!.code).toBe('FORBIDDEN');
    });
  });
});
