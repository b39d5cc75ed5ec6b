// The analysis service end to end on hand-made data of region 05 (two municipalities, twelve
// schools, three years): which signs it stores and why, ШНОР over consecutive years, the risk
// zone, ШНСУ from the social passport, shares written as indicator values that
// compareIndicators rolls up, organization flags, re-runs, dry runs, settings and access.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Municipality,
  Organization,
  OrganizationKind,
  SchoolType,
} from '../../server/modules/geography/geography.entity';
import { DATABASE_TARGETS, startTestServer, type TestServer } from '../helpers/server';

const YEARS = [2022, 2023, 2024] as const;
const KIZLYAR = ['S01', 'S02', 'S03', 'S07', 'S08', 'S09'];
const SERGOKALA = ['S04', 'S05', 'S06', 'S10', 'S11', 'S12'];

// ВПР «Математика», grade 5 (mean %) per school and year. Every school writes 60 pupils but S12
// (8: below the minimum cohort). Hand-worked below:
//   2022 eligible 30 35 50 52 55 57 58 60 62 65 70 → P25 (h = 2.5) = 51 → S02 S03 S06
//   2023 eligible 32 38 52 54 55 56 57 60 62 63 65 → P25 (h = 2.5) = 53 → S02 S04 S07
//   2024 S01 and S07 have signs, left out: 31 36 37 55 55 57 58 62 65 → P25 (h = 2) = 37
//        → S02 S03 S04.
//   ШНОР 2024 = bottom in 2023 and 2024: S02, S04 (S03 was not in 2023). ШНОР 2023: S02.
//   Risk zone 2024: S05 fell 70 → 63 → 55 (by 7 and 8 ≥ 3).
const VPR_LEVEL: Record<string, [number, number, number]> = {
  S01: [60, 60, 90],
  S02: [30, 32, 31],
  S03: [35, 54, 36],
  S04: [58, 38, 37],
  S05: [70, 63, 55],
  S06: [50, 56, 58],
  S07: [52, 52, 60],
  S08: [55, 55, 55],
  S09: [57, 57, 57],
  S10: [62, 62, 62],
  S11: [65, 65, 65],
  S12: [20, 20, 20],
};
// ОГЭ «Математика» of the same year equals the ВПР level (an honest school) except S01 in 2024.
const OGE_2024_S01 = 45;
// The controlled ВПР 2024 of three sampled schools: S07 is 20 points lower than its regular ВПР.
const CONTROLLED_2024: Record<string, number> = { S06: 56, S07: 40, S08: 55 };
// Social disadvantage level → the five social-passport components (ИСБШ falls as it rises).
const DISADVANTAGE: Record<string, number> = {
  S01: 0,
  S02: 1,
  S03: 2,
  S04: 7,
  S05: 3,
  S06: 4,
  S07: 1,
  S12: 6,
};

const VPR_TASKS = [2, 2, 3, 3, 5, 5].map((maxScore, i) => ({ number: String(i + 1), maxScore }));
const procedures = YEARS.flatMap((year) => [
  {
    code: `VPR-${year}-MAT-5`,
    kind: 'VPR',
    subject: 'Математика',
    grade: 5,
    year,
    maxScore: 20,
    tasks: VPR_TASKS,
    markThresholds: { '3': 7, '4': 11, '5': 15 },
  },
  {
    code: `OGE-${year}-MAT`,
    kind: 'OGE',
    subject: 'Математика',
    grade: 9,
    year,
    maxScore: 31,
    markThresholds: { '3': 8, '4': 15, '5': 22 },
  },
]).concat({
  code: 'VPRK-2024-MAT-5',
  kind: 'VPR_CONTROLLED',
  subject: 'Математика',
  grade: 5,
  year: 2024,
  maxScore: 20,
  tasks: VPR_TASKS,
  markThresholds: { '3': 7, '4': 11, '5': 15 },
});

function result(procedureCode: string, school: string, meanPercent: number, maxScore: number) {
  return {
    procedureCode,
    organizationCode: `an-${school}`,
    participants: school === 'S12' ? 8 : 60,
    meanPercent,
    meanScore: Math.round(meanPercent * maxScore) / 100,
    // 3 of 20 points (15 %); the inflated S01 of 2024 is uniform: 2 points.
    scoreSd: school === 'S01' && meanPercent === 90 ? 0.2 * 10 : 0.15 * maxScore,
  };
}

const results = YEARS.flatMap((year, y) =>
  Object.entries(VPR_LEVEL).flatMap(([school, levels]) => [
    result(`VPR-${year}-MAT-5`, school, levels[y], 20),
    result(
      `OGE-${year}-MAT`,
      school,
      year === 2024 && school === 'S01' ? OGE_2024_S01 : levels[y],
      31,
    ),
  ]),
).concat(
  Object.entries(CONTROLLED_2024).map(([school, level]) =>
    result('VPRK-2024-MAT-5', school, level, 20),
  ),
);

const socialValues = Object.entries(DISADVANTAGE).flatMap(([school, level]) =>
  (
    [
      ['1.2.SOC_PARENTS_HE', 50 - 5 * level],
      ['1.2.SOC_SINGLE_PARENT', 10 + 3 * level],
      ['1.2.SOC_PREVENTION', 1 + 0.5 * level],
      ['1.2.SOC_LOW_INCOME', 10 + 4 * level],
      ['1.2.SOC_NON_NATIVE', 5 + level],
    ] as const
  ).map(([indicatorCode, percent]) => ({
    indicatorCode,
    organizationCode: `an-${school}`,
    period: '2023/2024',
    numerator: percent * 4,
    denominator: 400,
  })),
);

const RUN = `mutation ($year: Int!, $dryRun: Boolean) {
  runAssessmentAnalysis(regionCode: "05", year: $year, dryRun: $dryRun) {
    id year results signs flaggedSchools shnor shnsu riskZone objectivityExcluded indicatorValues
    actor region { code } thresholds
  }
}`;
const SIGNS = `query ($year: [Int!]) {
  objectivitySigns(filter: { year: $year }, first: 100) {
    totalCount
    nodes { sign criterion metric threshold methodVersion evidence year
            organization { code } municipality { code } procedure { code } }
  }
}`;
const STATUSES = `query ($year: [Int!]) {
  lowResultSchools(filter: { year: $year }, first: 100) {
    nodes { kind rule metric threshold evidence year organization { code } }
  }
}`;

type Sign = { sign: string; organization: { code: string }; procedure: { code: string } };
type Status = { kind: string; organization: { code: string } };

describe.each(DATABASE_TARGETS)('assessment analysis on %s', (target) => {
  let hub: TestServer;
  let regionId: string;

  beforeAll(async () => {
    hub = await startTestServer(target);
    const em = hub.orm.em.fork();
    const municipalities = {
      kizlyar: await em.findOneOrFail(Municipality, { code: '05-kizlyar' }),
      sergokala: await em.findOneOrFail(Municipality, { code: '05-sergokala' }),
    };
    for (const school of [...KIZLYAR, ...SERGOKALA]) {
      em.create(Organization, {
        municipality: KIZLYAR.includes(school) ? municipalities.kizlyar : municipalities.sergokala,
        code: `an-${school}`,
        name: `Школа ${school}`,
        kind: OrganizationKind.SCHOOL,
        schoolType: SchoolType.SOSH,
        enrolment: 400,
      });
    }
    await em.flush();
    const saved = await hub.gql(
      `mutation ($p: [AssessmentProcedureInput!]!, $r: [AssessmentResultInput!]!, $v: [IndicatorValueInput!]!) {
        upsertAssessmentProcedures(rows: $p) { ok errors { index field message } }
        upsertAssessmentResults(rows: $r) { ok errors { index field message } }
        upsertIndicatorValues(rows: $v) { ok errors { index field message } }
      }`,
      { p: procedures, r: results, v: socialValues },
    );
    expect(saved.errors).toBeUndefined();
    expect(saved.data).toMatchObject({
      upsertAssessmentProcedures: { ok: true },
      upsertAssessmentResults: { ok: true },
      upsertIndicatorValues: { ok: true },
    });
    const { data } = await hub.gql('{ regions { id code } }');
    regionId = data!.regions.find((r: { code: string }) => r.code === '05').id;
  });

  afterAll(async () => {
    await hub?.stop();
  });

  const signsOf = async (year: number): Promise<Sign[]> =>
    (await hub.gql(SIGNS, { year: [year] })).data!.objectivitySigns.nodes;
  const statusesOf = async (year: number): Promise<Status[]> =>
    (await hub.gql(STATUSES, { year: [year] })).data!.lowResultSchools.nodes;
  const set = (rows: { organization: { code: string } }[], extra: (r: any) => string = () => '') =>
    rows.map((r) => `${r.organization.code.slice(3)}${extra(r)}`).sort();

  it('a dry run reports what it would find and stores nothing', async () => {
    const { data, errors } = await hub.gql(RUN, { year: 2022, dryRun: true });
    expect(errors).toBeUndefined();
    expect(data!.runAssessmentAnalysis).toMatchObject({ year: 2022, results: 24, signs: 0 });
    expect(await signsOf(2022)).toEqual([]);
    const runs = await hub.gql('{ assessmentAnalysisRuns { totalCount } }');
    expect(runs.data!.assessmentAnalysisRuns.totalCount).toBe(0);
  });

  it('runs the years in order: ШНОР needs two consecutive years in the bottom quartile', async () => {
    for (const year of [2022, 2023]) {
      const { errors } = await hub.gql(RUN, { year });
      expect(errors).toBeUndefined();
    }
    // 2023: only S02 was in the bottom group in 2022 and 2023.
    expect(set((await statusesOf(2023)).filter((s) => s.kind === 'SHNOR'))).toEqual(['S02']);
    const { data } = await hub.gql(RUN, { year: 2024 });
    expect(data!.runAssessmentAnalysis).toMatchObject({
      year: 2024,
      results: 27,
      signs: 3,
      flaggedSchools: 2,
      shnor: 2,
      shnsu: 2,
      riskZone: 1,
      objectivityExcluded: 2,
      actor: 'admin',
      region: { code: '05' },
    });
    const statuses = await statusesOf(2024);
    const of = (kind: string) => set(statuses.filter((s) => s.kind === kind));
    // S03 was in the bottom group in 2022 and 2024 but not in 2023: not ШНОР.
    expect(of('SHNOR')).toEqual(['S02', 'S04']);
    expect(of('RISK_ZONE')).toEqual(['S05']);
    expect(of('SHNSU')).toEqual(['S04', 'S12']);
    expect(of('OBJECTIVITY_EXCLUDED')).toEqual(['S01', 'S07']);
  });

  it('stores each sign with its procedure, metric, threshold, method and evidence', async () => {
    const signs = await signsOf(2024);
    expect(set(signs, (s) => `:${s.sign}:${s.procedure.code}`)).toEqual([
      'S01:HIGH_VS_REGION:VPR-2024-MAT-5',
      'S01:NOT_CONFIRMED_BY_GIA:VPR-2024-MAT-5',
      'S07:CONTROL_SAMPLE_GAP:VPR-2024-MAT-5',
    ]);
    // Region ВПР 2024 = (60·(90+31+36+37+55+58+60+55+57+62+65) + 8·20)/668 = 36 520/668 = 54.67;
    // S01: 90 − 1.96·10/√60 = 87.47 > 54.67; ОГЭ 45 at most the region's 50.63.
    const high = signs.find((s: any) => s.sign === 'HIGH_VS_REGION') as any;
    expect(high.criterion).toBe('confidence_interval');
    expect(high.metric).toBeCloseTo(90 - (1.96 * 10) / Math.sqrt(60), 6);
    expect(high.threshold).toBeCloseTo(36520 / 668, 6);
    expect(high.methodVersion).toBe('high_vs_region/1');
    expect(high.evidence).toContain(
      'Средний процент выполнения 90,0 % (n = 60) выше регионального 54,7 %',
    );
    expect(high.evidence).toContain(
      'ОГЭ «Математика» не подтверждает высокий результат: 45,0 при 50,6 по региону',
    );
    // The controlled run re-checks the same works: 60 − 40 = 20 ≥ 10.
    const gap = signs.find((s: any) => s.sign === 'CONTROL_SAMPLE_GAP') as any;
    expect(gap).toMatchObject({
      criterion: 'gap',
      metric: 20,
      methodVersion: 'control_sample_gap/2',
    });
    expect(gap.evidence).toContain('разрыв 20,0 п. п. ≥ 10,0 п. п.');
    // S12 (8 pupils) is never judged; honest strong schools are cleared by their ОГЭ.
    expect(set(signs)).not.toContain('S11');
  });

  it('writes the shares as indicator values that compareIndicators rolls up by municipality', async () => {
    const { data, errors } = await hub.gql(
      `query ($input: CompareIndicatorsInput!) {
        compareIndicators(input: $input) { rows { indicatorCode unitName numerator denominator value } }
      }`,
      {
        input: {
          regionId,
          periods: ['2023/2024'],
          indicatorCodes: ['1.1.OBJ_SIGNS', '1.2.SHNOR_SHARE', '1.2.SHNSU_SHARE'],
        },
      },
    );
    expect(errors).toBeUndefined();
    const figures = Object.fromEntries(
      data!.compareIndicators.rows.map((r: any) => [
        `${r.indicatorCode} ${r.unitName}`,
        [r.numerator, r.denominator, r.value === null ? null : Math.round(r.value * 100) / 100],
      ]),
    );
    // Кизлярский: S01 and S07 of six ВПР schools flagged; S02 ШНОР; no ШНСУ among four.
    // Сергокалинский: no signs; S04 ШНОР of six; S04 and S12 ШНСУ of four.
    expect(figures).toMatchObject({
      '1.1.OBJ_SIGNS г. Кизляр': [2, 6, 33.33],
      '1.2.SHNOR_SHARE г. Кизляр': [1, 6, 16.67],
      '1.2.SHNSU_SHARE г. Кизляр': [0, 4, 0],
      '1.1.OBJ_SIGNS Сергокалинский р-н': [0, 6, 0],
      '1.2.SHNOR_SHARE Сергокалинский р-н': [1, 6, 16.67],
      '1.2.SHNSU_SHARE Сергокалинский р-н': [2, 4, 50],
    });
  });

  it('sets the organization flags from the latest year and leaves them when an older year is re-run', async () => {
    const flags = async () => {
      const { data } = await hub.gql(
        '{ organizations(first: 100) { nodes { code objectivityRisk lowResults unfavourableConditions riskZone } } }',
      );
      const nodes = data!.organizations.nodes.filter((o: any) => o.code.startsWith('an-'));
      const holders = (flag: string) =>
        set(nodes.filter((o: any) => o[flag]).map((o: any) => ({ organization: o })));
      return {
        objectivityRisk: holders('objectivityRisk'),
        lowResults: holders('lowResults'),
        unfavourableConditions: holders('unfavourableConditions'),
        riskZone: holders('riskZone'),
      };
    };
    const latest = {
      objectivityRisk: ['S01', 'S07'],
      lowResults: ['S02', 'S04'],
      unfavourableConditions: ['S04', 'S12'],
      riskZone: ['S05'],
    };
    expect(await flags()).toEqual(latest);
    await hub.gql(RUN, { year: 2023 });
    expect(await flags()).toEqual(latest);
  });

  it('a re-run with unchanged data replaces the findings and changes no indicator value', async () => {
    const { data } = await hub.gql(RUN, { year: 2024 });
    expect(data!.runAssessmentAnalysis).toMatchObject({ signs: 3, shnor: 2, indicatorValues: 0 });
    expect(await signsOf(2024)).toHaveLength(3);
  });

  it('thresholds are data: a stricter setting changes the finding, a bad one is refused by path', async () => {
    const update = `mutation ($s: JSON!) { updateAssessmentAnalysisSettings(settings: $s) }`;
    const bad = await hub.gql(update, {
      s: { objectivity: { controlGap: { gapThreshold: 'ten' } } },
    });
    expect(bad.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'objectivity.controlGap.gapThreshold',
    });
    const unknown = await hub.gql(update, { s: { objectivity: { controlGapp: {} } } });
    expect(unknown.errors![0].extensions!.field).toBe('objectivity.controlGapp');
    const range = await hub.gql(update, { s: { lowResults: { bottomQuantile: 1.5 } } });
    expect(range.errors![0].message).toContain('lowResults.bottomQuantile');

    const saved = await hub.gql(update, {
      s: { objectivity: { controlGap: { gapThreshold: 25 } } },
    });
    expect(saved.data!.updateAssessmentAnalysisSettings.objectivity.controlGap).toEqual({
      gapThreshold: 25,
      minCohort: 10,
    });
    const { data } = await hub.gql(RUN, { year: 2024 });
    expect(data!.runAssessmentAnalysis.thresholds.objectivity.controlGap.gapThreshold).toBe(25);
    // 20 < 25: S07 is no longer flagged; S01's ОГЭ gap of 41 still is.
    expect(set(await signsOf(2024), (s) => `:${s.sign}`)).toEqual([
      'S01:HIGH_VS_REGION',
      'S01:NOT_CONFIRMED_BY_GIA',
    ]);
    expect((await hub.gql(update, { s: {} })).errors).toBeUndefined();
    await hub.gql(RUN, { year: 2024 });
    expect(await signsOf(2024)).toHaveLength(3);
  });

  it('only administrators and the region’s analysts may run it; lists follow the row scope', async () => {
    const municipalities = (await hub.gql('{ municipalities { nodes { id code } } }')).data!
      .municipalities.nodes;
    const idOf = (code: string) => municipalities.find((m: any) => m.code === code).id;
    const regions = (await hub.gql('{ regions { id code } }')).data!.regions;
    const methodologist = await hub.tokenFor({
      login: 'an-methodist',
      role: 'MUNICIPAL_METHODOLOGIST',
      municipalityId: idOf('05-sergokala'),
    });
    const foreignAnalyst = await hub.tokenFor({
      login: 'an-analyst-19',
      role: 'REGIONAL_ANALYST',
      regionId: regions.find((r: any) => r.code === '19').id,
    });
    const analyst = await hub.tokenFor({
      login: 'an-analyst-05',
      role: 'REGIONAL_ANALYST',
      regionId,
    });
    for (const token of [methodologist, foreignAnalyst]) {
      const refused = await hub.gql(RUN, { year: 2024 }, { token });
      expect(refused.errors![0].extensions!.code).toBe('FORBIDDEN');
    }
    const allowed = await hub.gql(RUN, { year: 2024, dryRun: true }, { token: analyst });
    expect(allowed.data!.runAssessmentAnalysis.signs).toBe(3);
    // The Sergokala methodologist sees only its municipality's findings: no signs, S04/S05/S12.
    const signs = await hub.gql(SIGNS, { year: [2024] }, { token: methodologist });
    expect(signs.data!.objectivitySigns.totalCount).toBe(0);
    const statuses = await hub.gql(STATUSES, { year: [2024] }, { token: methodologist });
    expect(set(statuses.data!.lowResultSchools.nodes)).toEqual(['S04', 'S04', 'S05', 'S12']);
    const update = await hub.gql(
      `mutation { updateAssessmentAnalysisSettings(settings: {}) }`,
      {},
      { token: analyst },
    );
    expect(update.errors![0].extensions!.code, update.errors![0].message).toBe('FORBIDDEN');
  });
});
