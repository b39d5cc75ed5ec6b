// The olympiad funnel, re-check candidates and indicator values (issue #7 items 2–3) against a
// small data set worked by hand (figures in the comments). Region 66: Малышевский ГО with school
// A (grades 4–11, 25 pupils a grade) and school B (grades 4–9, 10 a grade); a test okrug with
// school C whose school-stage diplomas are anomalous.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countStatements } from '../../server/db/query-counter';
import {
  Municipality,
  MunicipalityType,
  Organization,
  OrganizationKind,
  Region,
} from '../../server/modules/geography/geography.entity';
import { DATABASE_TARGETS, startTestServer, type TestServer } from '../helpers/server';

type Row = Record<string, unknown>;
const rec = (studentCode: string, organizationCode: string, overrides: Row): Row => ({
  academicYear: '2024/2025',
  subject: 'MATH',
  stage: 'SCHOOL',
  studentCode,
  organizationCode,
  gradeActual: 9,
  score: 30,
  maxScore: 100,
  ...overrides,
});

// School stage 2024/2025, mathematics grade 9 in A: median 27.5 %, MAD 2.5 pp; A2's 95 % gives
// z = 0.6745 · (95 − 27.5) / 2.5 = 18.21, A9's 22 % gives −1.48.
const A_MATH = [30, 95, 26, 25, 24, 27, 29, 31, 22, 28];
const STATUS: Record<string, string> = { A1: 'WINNER', A2: 'PRIZE_WINNER' };

function protocol(): Row[] {
  const rows: Row[] = [];
  A_MATH.forEach((score, i) => {
    const code = `A${i + 1}`;
    rows.push(rec(code, 'fa-a', { score, status: STATUS[code] ?? 'PARTICIPANT' }));
  });
  // Physics for A1–A5 (40–48 %: no outlier); A3 a prize-winner.
  for (let i = 1; i <= 5; i++) {
    rows.push(
      rec(`A${i}`, 'fa-a', {
        subject: 'PHYS',
        score: 38 + 2 * i,
        status: i === 3 ? 'PRIZE_WINNER' : 'PARTICIPANT',
      }),
    );
  }
  // B: four seventh-graders in mathematics, B1 the winner.
  for (let i = 1; i <= 4; i++) {
    rows.push(
      rec(`B${i}`, 'fa-b', {
        gradeActual: 7,
        score: 40 + i,
        status: i === 1 ? 'WINNER' : 'PARTICIPANT',
      }),
    );
  }
  // Municipal stage: A1 prize-winner, A2 (the 95 % paper) 15 %, A3 physics, B1 winner.
  rows.push(rec('A1', 'fa-a', { stage: 'MUNICIPAL', score: 50, status: 'PRIZE_WINNER' }));
  rows.push(rec('A2', 'fa-a', { stage: 'MUNICIPAL', score: 15 }));
  rows.push(rec('A3', 'fa-a', { stage: 'MUNICIPAL', subject: 'PHYS', score: 20 }));
  rows.push(rec('B1', 'fa-b', { stage: 'MUNICIPAL', gradeActual: 7, score: 60, status: 'WINNER' }));
  // Regional stage: A1 takes part.
  rows.push(rec('A1', 'fa-a', { stage: 'REGIONAL', score: 20 }));
  // C: twelve eighth-graders in chemistry, 10 diplomas (2 winners, 8 prize-winners); C1 goes on
  // and gets nothing at the municipal stage.
  for (let i = 1; i <= 12; i++) {
    rows.push(
      rec(`C${i}`, 'fa-c', {
        subject: 'CHEM',
        gradeActual: 8,
        score: 49 + i,
        status: i <= 2 ? 'WINNER' : i <= 10 ? 'PRIZE_WINNER' : 'PARTICIPANT',
      }),
    );
  }
  rows.push(rec('C1', 'fa-c', { stage: 'MUNICIPAL', subject: 'CHEM', gradeActual: 8, score: 5 }));
  // The year before: eight pupils of A at the school stage.
  for (let i = 1; i <= 8; i++) {
    rows.push(rec(`A-old-${i}`, 'fa-a', { academicYear: '2023/2024', gradeActual: 8 }));
  }
  return rows;
}

function enrolments(): Row[] {
  const rows: Row[] = [];
  for (let grade = 4; grade <= 11; grade++) {
    for (const academicYear of ['2023/2024', '2024/2025']) {
      rows.push({ organizationCode: 'fa-a', academicYear, grade, pupils: 25 });
    }
    if (grade <= 9) {
      rows.push({ organizationCode: 'fa-b', academicYear: '2024/2025', grade, pupils: 10 });
    }
  }
  return rows;
}

const FUNNEL = `query ($input: OlympiadFunnelInput!) {
  olympiadFunnel(input: $input) {
    unitKind unitName isTotal pupils4to11 pupils7to11 pupils9to11 coverage previousCoverage coverageChange
    stages { stage participants entries winners prizeWinners diplomaShare passThrough diplomasPer1000
             contributionShare previousParticipants previousDiplomas participantsChange }
  }
}`;

const round = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);

describe.each(DATABASE_TARGETS)('olympiad analytics on %s', (target) => {
  let hub: TestServer;
  let malyshevsky: string;
  let regionId: string;

  beforeAll(async () => {
    hub = await startTestServer(target, { today: '2025-03-01' });
    const em = hub.orm.em.fork();
    const home = await em.findOneOrFail(Municipality, { code: '66-malyshevsky' });
    const okrug = em.create(Municipality, {
      region: await em.findOneOrFail(Region, { code: '66' }),
      code: '66-test-okrug',
      name: 'Тестовый городской округ',
      shortName: 'Тестовый ГО',
      type: MunicipalityType.URBAN_OKRUG,
    });
    for (const [code, municipality] of [
      ['fa-a', home],
      ['fa-b', home],
      ['fa-c', okrug],
    ] as const) {
      em.create(Organization, {
        municipality,
        code,
        name: `Школа ${code}`,
        shortName: `Школа ${code.slice(3).toUpperCase()}`,
        kind: OrganizationKind.SCHOOL,
      });
    }
    await em.flush();
    malyshevsky = String(home.id);
    regionId = String(home.region.id);
    const written = await hub.gql(
      `mutation ($rows: [OlympiadRecordInput!]!, $pupils: [GradeEnrolmentInput!]!) {
        upsertOlympiadRecords(rows: $rows) { ok errors { index field message } }
        upsertGradeEnrolments(rows: $pupils) { ok errors { index field message } }
      }`,
      { rows: protocol(), pupils: enrolments() },
    );
    expect(written.data!.upsertOlympiadRecords.errors).toEqual([]);
    expect(written.data!.upsertGradeEnrolments.errors).toEqual([]);
    // Thresholds lowered to the size of the hand-worked groups.
    await hub.gql(
      'mutation { updateOlympiadSettings(settings: { outlierMinGroup: 5, schoolMinEntries: 5 }) }',
    );
  });

  afterAll(async () => {
    await hub?.stop();
  });

  it('a municipality’s funnel: the total and each school, with rates worked by hand', async () => {
    const { data, errors } = await hub.gql(FUNNEL, {
      input: { academicYear: '2024/2025', municipalityId: malyshevsky },
    });
    expect(errors).toBeUndefined();
    const [total, a, b] = data!.olympiadFunnel;
    expect(data!.olympiadFunnel.map((r: any) => [r.unitKind, r.unitName])).toEqual([
      ['municipality', 'Малышевский ГО'],
      ['organization', 'Школа A'],
      ['organization', 'Школа B'],
    ]);
    // Pupils 4–11: 8 × 25 + 6 × 10 = 260; 7–11: 125 + 30; 9–11: 75 + 10. School stage: 14 unique
    // pupils (A1–A10, B1–B4) → 5.38 %; the year before 8 / 200 = 4 % → +1.38 pp.
    expect(total).toMatchObject({ pupils4to11: 260, pupils7to11: 155, pupils9to11: 85 });
    expect([total.coverage, total.previousCoverage, total.coverageChange].map(round)).toEqual([
      5.38, 4, 1.38,
    ]);
    const [school, municipal, regional, final] = total.stages;
    // 19 entries; diplomas A1, A2, A3 (physics), B1 = 4 → 21.05 per 100 entries, 15.38 per 1,000
    // pupils 4–11; 4 of 14 reach the municipal stage (28.57 %); 14 vs 8 a year before: +75 %.
    expect(school).toMatchObject({ participants: 14, entries: 19, winners: 2, prizeWinners: 2 });
    expect(
      [
        school.diplomaShare,
        school.passThrough,
        school.diplomasPer1000,
        school.participantsChange,
      ].map(round),
    ).toEqual([21.05, 28.57, 15.38, 75]);
    expect(school.contributionShare).toBeNull();
    // Municipal: A1, A2, A3, B1; diplomas of grades 7–11: A1 and B1 → 2 / 155 pupils = 12.9 ‰;
    // one of four goes on (25 %).
    expect(municipal).toMatchObject({ participants: 4, entries: 4, winners: 1, prizeWinners: 1 });
    expect([municipal.passThrough, municipal.diplomasPer1000].map(round)).toEqual([25, 12.9]);
    expect(regional).toMatchObject({ participants: 1, passThrough: 0, diplomasPer1000: 0 });
    expect(final).toMatchObject({ participants: 0, passThrough: null });
    // A: 10 / 200 = 5 % (4 % a year before); 3 of the 4 school-stage diplomas (75 %), 1 of the 2
    // municipal ones; 3 of 10 go on. B: 4 / 60 = 6.67 %, no pupils on record the year before.
    expect([a.coverage, a.previousCoverage, a.coverageChange].map(round)).toEqual([5, 4, 1]);
    expect(
      [a.stages[0].contributionShare, a.stages[1].contributionShare, a.stages[0].passThrough].map(
        round,
      ),
    ).toEqual([75, 50, 30]);
    expect([b.coverage, b.previousCoverage, b.coverageChange].map(round)).toEqual([
      6.67,
      null,
      null,
    ]);
    // B's municipal winner among 30 pupils of grades 7–11: 33.33 ‰.
    expect(round(b.stages[1].diplomasPer1000)).toBe(33.33);
  });

  it('by subject, and for the whole region by municipality', async () => {
    const bySubject = await hub.gql(FUNNEL, {
      input: { academicYear: '2024/2025', municipalityId: malyshevsky, groupBy: 'SUBJECT' },
    });
    const rows = bySubject.data!.olympiadFunnel;
    expect(rows.map((r: any) => [r.unitName, r.stages[0].participants, round(r.coverage)])).toEqual(
      [
        ['Малышевский ГО', 14, 5.38],
        ['Математика', 14, 5.38],
        ['Физика', 5, 1.92],
      ],
    );
    const region = await hub.gql(FUNNEL, { input: { academicYear: '2024/2025', regionId } });
    expect(
      region.data!.olympiadFunnel.map((r: any) => [
        r.unitName,
        r.stages[0].participants,
        r.stages[0].winners + r.stages[0].prizeWinners,
        round(r.stages[0].contributionShare),
      ]),
    ).toEqual([
      ['Свердловская область', 26, 14, null],
      ['Малышевский ГО', 14, 4, 28.57],
      ['Тестовый ГО', 12, 10, 71.43],
    ]);
  });

  it('reads a funnel and a re-check in a fixed number of statements, whatever the data', async () => {
    const funnel = await countStatements(() =>
      hub.gql(FUNNEL, { input: { academicYear: '2024/2025', regionId } }),
    );
    // The session, olympiad, figures, enrolments, the region row, its municipalities.
    expect(funnel.result.errors).toBeUndefined();
    expect(funnel.statements).toBe(6);
    const recheck = await countStatements(() =>
      hub.gql(
        `{ olympiadRecheck(input: { academicYear: "2024/2025", regionId: "${regionId}" }) {
          works { record { id } subject { name } organization { name } } schools { organization { name } municipality { name } } } }`,
      ),
    );
    expect(recheck.result.errors).toBeUndefined();
    // Settings, olympiad, the two statements, then one lookup per kind of row named.
    expect(recheck.statements).toBe(9);
  });

  it('finds the outlier paper and the anomalous school, with their evidence', async () => {
    const { data, errors } = await hub.gql(
      `query ($input: OlympiadRecheckInput!) { olympiadRecheck(input: $input) {
        works { record { student { code } } subject { code } stage gradePerformed percent groupSize groupMedian groupMad robustZ direction nextStagePercent }
        schools { organization { code } stage entries diplomas diplomaShare referenceShare z diplomaHolders nextStageParticipants nextStageDiplomaShare referenceNextStageDiplomaShare }
        thresholds } }`,
      { input: { academicYear: '2024/2025', regionId } },
    );
    expect(errors).toBeUndefined();
    const { works, schools, thresholds } = data!.olympiadRecheck;
    expect(thresholds).toMatchObject({ outlierMinGroup: 5, outlierZ: 3.5 });
    expect(works).toHaveLength(1);
    expect(works[0]).toMatchObject({
      record: { student: { code: 'A2' } },
      subject: { code: 'MATH' },
      stage: 'SCHOOL',
      gradePerformed: 9,
      percent: 95,
      groupSize: 10,
      direction: 'HIGH',
      nextStagePercent: 15,
    });
    expect([works[0].groupMedian, works[0].groupMad].map(round)).toEqual([27.5, 2.5]);
    expect(round(works[0].robustZ)).toBe(18.21);
    // C: 10 diplomas of 12 entries against 4 of 19 elsewhere (21.05 %):
    // z = (10 − 12 · 0.2105) / √(12 · 0.2105 · 0.7895) = 5.29. Its one pupil who went on got
    // nothing; the other schools' holders went on four times with two diplomas (50 %).
    expect(schools).toHaveLength(1);
    expect(schools[0]).toMatchObject({
      organization: { code: 'fa-c' },
      stage: 'SCHOOL',
      entries: 12,
      diplomas: 10,
      diplomaHolders: 10,
      nextStageParticipants: 1,
      nextStageDiplomaShare: 0,
      referenceNextStageDiplomaShare: 50,
    });
    expect([schools[0].diplomaShare, schools[0].referenceShare, schools[0].z].map(round)).toEqual([
      83.33, 21.05, 5.29,
    ]);
    // A municipality's check keeps the region's distributions but lists its own candidates.
    const own = await hub.gql(
      `{ olympiadRecheck(input: { academicYear: "2024/2025", municipalityId: "${malyshevsky}" }) { works { percent } schools { entries } } }`,
    );
    expect(own.data!.olympiadRecheck).toEqual({ works: [{ percent: 95 }], schools: [] });
  });

  it('writes the schools’ values, which compareIndicators rolls up by municipality', async () => {
    const written = await hub.gql(
      'mutation { writeOlympiadIndicators(regionCode: "66", academicYear: "2024/2025") }',
    );
    // A and B: all four; C: conversion and the municipal diploma count (no pupils on record).
    expect(written.data!.writeOlympiadIndicators).toBe(10);
    const again = await hub.gql(
      'mutation { writeOlympiadIndicators(regionCode: "66", academicYear: "2024/2025") }',
    );
    expect(again.data!.writeOlympiadIndicators).toBe(0);
    const { data, errors } = await hub.gql(
      `query ($input: CompareIndicatorsInput!) {
        compareIndicators(input: $input) { rows { indicatorCode unitName numerator denominator value } }
      }`,
      {
        input: {
          regionId,
          periods: ['2024/2025'],
          indicatorCodes: [
            '1.3.VSOSH_SCHOOL_COVER',
            '1.3.VSOSH_MUN_CONVERSION',
            '1.3.VSOSH_MUN_WP',
            '1.3.VSOSH_REG_WP_1000',
          ],
        },
      },
    );
    expect(errors).toBeUndefined();
    const figures = Object.fromEntries(
      data!.compareIndicators.rows.map((r: any) => [
        `${r.indicatorCode} ${r.unitName}`,
        [r.numerator, r.denominator, round(r.value)],
      ]),
    );
    // Малышевский: 14 / 260; municipal participants of grades 7–11 4 of 14; diplomas A1 + B1;
    // regional diplomas 0 of 85 pupils. Тестовый ГО: 1 of 12 went on; no diplomas.
    expect(figures).toMatchObject({
      '1.3.VSOSH_SCHOOL_COVER Малышевский ГО': [14, 260, 5.38],
      '1.3.VSOSH_MUN_CONVERSION Малышевский ГО': [4, 14, 28.57],
      '1.3.VSOSH_MUN_WP Малышевский ГО': [expect.anything(), null, 2],
      '1.3.VSOSH_REG_WP_1000 Малышевский ГО': [0, 85, 0],
      '1.3.VSOSH_MUN_CONVERSION Тестовый ГО': [1, 12, 8.33],
      '1.3.VSOSH_MUN_WP Тестовый ГО': [expect.anything(), null, 0],
    });
  });
});
