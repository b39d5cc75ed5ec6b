import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countStatements } from '../../server/db/query-counter';
import { Direction } from '../../server/modules/directions/directions.entity';
import {
  Municipality,
  MunicipalityType,
  Organization,
  OrganizationKind,
  Region,
  Settlement,
} from '../../server/modules/geography/geography.entity';
import { Indicator } from '../../server/modules/indicators/indicators.entity';
import {
  AggregationRule,
  IndicatorLevel,
  IndicatorUnit,
  PeriodKind,
  Polarity,
} from '../../server/modules/indicators/indicators.enums';
import { DATABASE_TARGETS, startTestServer, type TestServer } from '../helpers/server';

// A test region worked out by hand (figures in the comments of each test):
// municipalities A, B, C with organizations, D with none; T.SHARE is a percentage whose
// municipal value (ratio of sums) differs from the mean of its schools' percentages.
const ORGS = [
  { code: 't-a1', m: 't-a', enrolment: 100, settlement: Settlement.URBAN },
  { code: 't-a2', m: 't-a', enrolment: 300, settlement: Settlement.RURAL },
  { code: 't-b1', m: 't-b', enrolment: 200, settlement: Settlement.URBAN },
  { code: 't-c1', m: 't-c', enrolment: 100, settlement: Settlement.RURAL },
  { code: 't-c2', m: 't-c', enrolment: 100, settlement: Settlement.RURAL },
];

const INDICATORS = [
  {
    code: 'T.SHARE',
    unit: IndicatorUnit.PERCENT,
    polarity: Polarity.HIGHER_BETTER,
    level: IndicatorLevel.ORGANIZATION,
    aggregation: AggregationRule.RATIO_OF_SUMS,
    periodKind: PeriodKind.ACADEMIC_YEAR,
    target: 50,
  },
  {
    code: 'T.COUNT',
    unit: IndicatorUnit.COUNT,
    polarity: Polarity.LOWER_BETTER,
    level: IndicatorLevel.ORGANIZATION,
    aggregation: AggregationRule.SUM,
    periodKind: PeriodKind.ACADEMIC_YEAR,
    target: null,
  },
  {
    code: 'T.MEAN',
    unit: IndicatorUnit.SCORE,
    polarity: Polarity.HIGHER_BETTER,
    level: IndicatorLevel.ORGANIZATION,
    aggregation: AggregationRule.ENROLMENT_WEIGHTED_MEAN,
    periodKind: PeriodKind.ACADEMIC_YEAR,
    target: null,
  },
  {
    code: 'T.MUNI',
    unit: IndicatorUnit.PERCENT,
    polarity: Polarity.HIGHER_BETTER,
    level: IndicatorLevel.MUNICIPALITY,
    aggregation: AggregationRule.RATIO_OF_SUMS,
    periodKind: PeriodKind.YEAR,
    target: null,
  },
];

const org = (code: string, fields: object) => ({ organizationCode: code, ...fields });
const VALUES = [
  // T.SHARE 2023/2024: A = 160/400 = 40 % (its schools: 10 % and 50 %, mean 30 %), B = 40 %, C = 50 %
  org('t-a1', { indicatorCode: 'T.SHARE', period: '2023/2024', numerator: 10, denominator: 100 }),
  org('t-a2', { indicatorCode: 'T.SHARE', period: '2023/2024', numerator: 150, denominator: 300 }),
  org('t-b1', { indicatorCode: 'T.SHARE', period: '2023/2024', numerator: 80, denominator: 200 }),
  org('t-c1', { indicatorCode: 'T.SHARE', period: '2023/2024', numerator: 60, denominator: 100 }),
  org('t-c2', { indicatorCode: 'T.SHARE', period: '2023/2024', numerator: 40, denominator: 100 }),
  // T.SHARE 2022/2023: A = 105/400 = 26.25 %, B = 50 %, C none
  org('t-a1', { indicatorCode: 'T.SHARE', period: '2022/2023', numerator: 5, denominator: 100 }),
  org('t-a2', { indicatorCode: 'T.SHARE', period: '2022/2023', numerator: 100, denominator: 300 }),
  org('t-b1', { indicatorCode: 'T.SHARE', period: '2022/2023', numerator: 100, denominator: 200 }),
  // T.COUNT: A = 3, B = 1, C = 0
  org('t-a1', { indicatorCode: 'T.COUNT', period: '2023/2024', value: 3 }),
  org('t-a2', { indicatorCode: 'T.COUNT', period: '2023/2024', value: 0 }),
  org('t-b1', { indicatorCode: 'T.COUNT', period: '2023/2024', value: 1 }),
  org('t-c1', { indicatorCode: 'T.COUNT', period: '2023/2024', value: 0 }),
  org('t-c2', { indicatorCode: 'T.COUNT', period: '2023/2024', value: 0 }),
  // T.MEAN weighted by enrolment: A = (60·100 + 80·300) / 400 = 75, B = 70, C = (50 + 90) / 2 = 70
  org('t-a1', { indicatorCode: 'T.MEAN', period: '2023/2024', value: 60 }),
  org('t-a2', { indicatorCode: 'T.MEAN', period: '2023/2024', value: 80 }),
  org('t-b1', { indicatorCode: 'T.MEAN', period: '2023/2024', value: 70 }),
  org('t-c1', { indicatorCode: 'T.MEAN', period: '2023/2024', value: 50 }),
  org('t-c2', { indicatorCode: 'T.MEAN', period: '2023/2024', value: 90 }),
  // T.MUNI, entered per municipality: A 50 %, B 25 %, C 0 %, D 50 %
  ...[
    ['t-a', 30, 60],
    ['t-b', 10, 40],
    ['t-c', 0, 20],
    ['t-d', 5, 10],
  ].map(([code, numerator, denominator]) => ({
    indicatorCode: 'T.MUNI',
    municipalityCode: code,
    period: '2023',
    numerator,
    denominator,
  })),
];

const UPSERT = `mutation ($rows: [IndicatorValueInput!]!, $dryRun: Boolean) {
  upsertIndicatorValues(rows: $rows, dryRun: $dryRun) {
    ok dryRun created updated deleted errors { index field code message }
    rows { id version value numerator denominator period indicator { code } organization { code } municipality { code } }
  }
}`;

const COMPARE = `query ($input: CompareIndicatorsInput!) {
  compareIndicators(input: $input) {
    unitKind periods
    rows { indicatorCode period unitName value numerator denominator rank zScore score previousValue change targetMet }
    summaries { indicatorCode period count mean median standardDeviation parentValue parentNumerator parentDenominator }
  }
}`;

describe.each(DATABASE_TARGETS)('indicators on %s', (target) => {
  let hub: TestServer;
  let regionId: string;
  let municipalityA: string;

  beforeAll(async () => {
    hub = await startTestServer(target);
    const em = hub.orm.em.fork();
    const direction = await em.findOneOrFail(Direction, { code: '1.1' });
    const region = em.create(Region, { code: 'T9', name: 'Тестовая область' });
    const municipalities = new Map(
      ['a', 'b', 'c', 'd'].map((letter) => [
        `t-${letter}`,
        em.create(Municipality, {
          region,
          code: `t-${letter}`,
          name: `Муниципалитет ${letter.toUpperCase()}`,
          shortName: letter.toUpperCase(),
          type: MunicipalityType.URBAN_OKRUG,
        }),
      ]),
    );
    for (const o of ORGS) {
      em.create(Organization, {
        municipality: municipalities.get(o.m)!,
        code: o.code,
        name: `Школа ${o.code}`,
        shortName: o.code,
        kind: OrganizationKind.SCHOOL,
        settlement: o.settlement,
        enrolment: o.enrolment,
      });
    }
    for (const indicator of INDICATORS) {
      em.create(Indicator, {
        ...indicator,
        name: indicator.code,
        nameEn: indicator.code,
        direction,
        numeratorDefinition: 'n',
        denominatorDefinition: 'd',
        source: 'тест',
      });
    }
    await em.flush();
    regionId = String(region.id);
    municipalityA = String(municipalities.get('t-a')!.id);
    const { data, errors } = await hub.gql(UPSERT, { rows: VALUES });
    expect(errors).toBeUndefined();
    expect(data!.upsertIndicatorValues).toMatchObject({ ok: true, created: VALUES.length });
  });

  afterAll(async () => {
    await hub?.stop();
  });

  async function compare(input: object) {
    const { data, errors } = await hub.gql(COMPARE, { input });
    expect(errors).toBeUndefined();
    return data!.compareIndicators;
  }

  const byUnit = (rows: any[]) => Object.fromEntries(rows.map((row) => [row.unitName, row]));

  it('rolls a share up as a ratio of sums and ranks municipalities with ties, z-scores, scores, change and target', async () => {
    const result = await compare({ indicatorCodes: ['T.SHARE'], periods: ['2023/2024'], regionId });
    expect(result.unitKind).toBe('MUNICIPALITY');
    const rows = byUnit(result.rows);
    // A: (10 + 150) / (100 + 300) = 40 %, not the mean of its schools' 10 % and 50 % (30 %).
    expect(rows.A).toMatchObject({ value: 40, numerator: 160, denominator: 400 });
    expect(rows.B.value).toBeCloseTo(40, 10);
    expect(rows.C.value).toBeCloseTo(50, 10);
    expect(rows.D).toMatchObject({ value: null, rank: null, score: null, zScore: null });
    // Higher is better, ties share a rank: C 1, A and B 2.
    expect([rows.C.rank, rows.A.rank, rows.B.rank]).toEqual([1, 2, 2]);
    expect(result.rows.map((r: any) => r.unitName)).toEqual(['C', 'A', 'B', 'D']);
    // Mean 130/3, median 40, population sd √(200/9) = 4.714; z(A) = −(10/3)/4.714 = −0.7071.
    const [summary] = result.summaries;
    expect(summary.count).toBe(3);
    expect(summary.mean).toBeCloseTo(130 / 3, 10);
    expect(summary.median).toBeCloseTo(40, 10);
    expect(summary.standardDeviation).toBeCloseTo(Math.sqrt(200 / 9), 10);
    expect(rows.A.zScore).toBeCloseTo(-1 / Math.sqrt(2), 10);
    expect(rows.C.zScore).toBeCloseTo(Math.sqrt(2), 10);
    // Motivating score: best (50 %) = 100, A and B 100·40/50 = 80.
    expect([rows.C.score, rows.A.score, rows.B.score]).toEqual([100, 80, 80]);
    // Region: 340 / 800 = 42.5 % (ratio of all sums), not the mean of municipalities (43.3 %).
    expect(summary).toMatchObject({
      parentValue: 42.5,
      parentNumerator: 340,
      parentDenominator: 800,
    });
    // Previous period: A 105/400 = 26.25 % → +13.75; B 50 % → −10; C had none.
    expect(rows.A).toMatchObject({ previousValue: 26.25, change: 13.75 });
    expect(rows.B.previousValue).toBeCloseTo(50, 10);
    expect(rows.B.change).toBeCloseTo(-10, 10);
    expect(rows.C).toMatchObject({ previousValue: null, change: null });
    // Target 50 %: only C meets it.
    expect([rows.A.targetMet, rows.B.targetMet, rows.C.targetMet, rows.D.targetMet]).toEqual([
      false,
      false,
      true,
      null,
    ]);
  });

  it('ranks a lower-is-better count and scores it against the best (lowest) value', async () => {
    const result = await compare({ indicatorCodes: ['T.COUNT'], periods: ['2023/2024'], regionId });
    const rows = byUnit(result.rows);
    expect([rows.A.value, rows.B.value, rows.C.value]).toEqual([3, 1, 0]);
    expect([rows.C.rank, rows.B.rank, rows.A.rank]).toEqual([1, 2, 3]);
    // Best = 0: C 100; the others 100·0/x = 0.
    expect([rows.C.score, rows.B.score, rows.A.score]).toEqual([100, 0, 0]);
    expect(result.summaries[0]).toMatchObject({ mean: 4 / 3, median: 1, parentValue: 4 });
  });

  it('weights a mean score by enrolment', async () => {
    const result = await compare({ indicatorCodes: ['T.MEAN'], periods: ['2023/2024'], regionId });
    const rows = byUnit(result.rows);
    expect([rows.A.value, rows.B.value, rows.C.value]).toEqual([75, 70, 70]);
    expect([rows.A.rank, rows.B.rank, rows.C.rank]).toEqual([1, 2, 2]);
    // Region: 58 000 / 800 = 72.5.
    expect(result.summaries[0].parentValue).toBeCloseTo(72.5, 10);
  });

  it('compares municipality-level values with ties (1, 1, 3, 4) and skips periods of another kind', async () => {
    const result = await compare({
      indicatorCodes: ['T.MUNI', 'T.SHARE'],
      periods: ['2023'],
      regionId,
    });
    expect(result.rows.every((row: any) => row.indicatorCode === 'T.MUNI')).toBe(true);
    const rows = byUnit(result.rows);
    expect([rows.A.rank, rows.D.rank, rows.B.rank, rows.C.rank]).toEqual([1, 1, 3, 4]);
    expect([rows.A.score, rows.D.score, rows.B.score, rows.C.score]).toEqual([100, 100, 50, 0]);
    expect(result.summaries[0].parentValue).toBeCloseTo((45 / 130) * 100, 10);
  });

  it('compares the organizations of a municipality', async () => {
    const result = await compare({
      indicatorCodes: ['T.SHARE'],
      periods: ['2023/2024'],
      municipalityId: municipalityA,
    });
    expect(result.unitKind).toBe('ORGANIZATION');
    expect(result.rows.map((r: any) => [r.unitName, r.value, r.rank])).toEqual([
      ['t-a2', 50, 1],
      ['t-a1', 10, 2],
    ]);
    expect(result.summaries[0].parentValue).toBe(40);
    const municipal = await hub.gql(COMPARE, {
      input: { indicatorCodes: ['T.MUNI'], periods: ['2023'], municipalityId: municipalityA },
    });
    expect(municipal.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('runs a constant number of SQL statements however many municipalities a region has', async () => {
    const count = async () =>
      (
        await countStatements(() =>
          compare({
            indicatorCodes: ['T.SHARE', 'T.COUNT', 'T.MEAN'],
            periods: ['2023/2024', '2022/2023'],
            regionId,
          }),
        )
      ).statements;
    const before = await count();
    const em = hub.orm.em.fork();
    const region = await em.findOneOrFail(Region, { code: 'T9' });
    for (let i = 0; i < 12; i += 1) {
      const m = em.create(Municipality, {
        region,
        code: `t-extra-${i}`,
        name: `Доп. ${i}`,
        shortName: `Доп. ${i}`,
        type: MunicipalityType.MUNICIPAL_DISTRICT,
      });
      em.create(Organization, {
        municipality: m,
        code: `t-extra-${i}-s1`,
        name: `Школа ${i}`,
        kind: OrganizationKind.SCHOOL,
        enrolment: 50,
      });
    }
    await em.flush();
    const rows = Array.from({ length: 12 }, (_, i) =>
      org(`t-extra-${i}-s1`, {
        indicatorCode: 'T.SHARE',
        period: '2023/2024',
        numerator: i,
        denominator: 50,
      }),
    );
    expect((await hub.gql(UPSERT, { rows })).data!.upsertIndicatorValues.ok).toBe(true);
    const after = await count();
    // The session's user, the indicators by code, the comparison.
    expect(before).toBe(3);
    expect(after).toBe(before);
    const result = await compare({ indicatorCodes: ['T.SHARE'], periods: ['2023/2024'], regionId });
    expect(result.rows).toHaveLength(16);
    await hub.orm.em
      .fork()
      .getConnection()
      .execute(
        "delete from indicator_value where organization_id in (select id from organization where code like 't-extra-%')",
      );
    await hub.orm.em
      .fork()
      .getConnection()
      .execute("delete from organization where code like 't-extra-%'");
    await hub.orm.em
      .fork()
      .getConnection()
      .execute("delete from municipality where code like 't-extra-%'");
  });

  it('refuses invalid periods, unknown codes and out-of-kind periods, naming row and field, writing nothing', async () => {
    const [{ n: before }] = await hub.orm.em
      .fork()
      .getConnection()
      .execute('select count(*)::int as n from indicator_value');
    const { data } = await hub.gql(UPSERT, {
      rows: [
        org('t-a1', {
          indicatorCode: 'T.SHARE',
          period: '2025/2026',
          numerator: 1,
          denominator: 2,
        }),
        org('t-a1', {
          indicatorCode: 'T.SHARE',
          period: '2024/2026',
          numerator: 1,
          denominator: 2,
        }),
        org('t-a1', { indicatorCode: 'T.SHARE', period: '2024', numerator: 1, denominator: 2 }),
        org('t-a1', { indicatorCode: 'T.NOPE', period: '2024/2025', value: 1 }),
        org('t-zz', { indicatorCode: 'T.COUNT', period: '2024/2025', value: 1 }),
        org('t-a1', { indicatorCode: 'T.SHARE', period: '2024/2025', numerator: 5 }),
        org('t-a1', {
          indicatorCode: 'T.SHARE',
          period: '2024/2025',
          numerator: 5,
          denominator: 10,
          value: 40,
        }),
        org('t-a1', { indicatorCode: 'T.COUNT', period: '2024/2025', value: 1.5 }),
        { indicatorCode: 'T.MUNI', organizationCode: 't-a1', period: '2024', value: 1 },
        org('t-a1', {
          indicatorCode: 'T.SHARE',
          period: '2025/2026',
          numerator: 2,
          denominator: 2,
        }),
      ],
    });
    const result = data!.upsertIndicatorValues;
    expect(result.ok).toBe(false);
    expect(result.errors.map((e: any) => [e.index, e.field, e.code])).toEqual([
      [1, 'period', 'INVALID_FORMAT'],
      [2, 'period', 'INVALID_FORMAT'],
      [3, 'indicatorCode', 'NOT_FOUND'],
      [4, 'organizationCode', 'NOT_FOUND'],
      [5, 'denominator', 'REQUIRED'],
      [6, 'value', 'INVALID_FORMAT'],
      [7, 'value', 'INVALID_FORMAT'],
      [8, 'municipalityCode', 'REQUIRED'],
      [8, 'numerator', 'REQUIRED'],
      [9, 'period', 'DUPLICATE'],
    ]);
    const [{ n: after }] = await hub.orm.em
      .fork()
      .getConnection()
      .execute('select count(*)::int as n from indicator_value');
    expect(after).toBe(before);
  });

  it('upserts 1,000 values in one atomic mutation: dry run, create, update by natural key, conflict, audit', async () => {
    // 500 shares (5 schools × 100 academic years, skipping the two set up above) and 500 means.
    const rows = Array.from({ length: 1000 }, (_, i) => {
      const k = Math.floor((i % 500) / ORGS.length);
      const year = 1990 + k + (k >= 32 ? 2 : 0);
      const common = { period: `${year}/${year + 1}` };
      return org(
        ORGS[i % ORGS.length].code,
        i < 500
          ? { ...common, indicatorCode: 'T.SHARE', numerator: i % 50, denominator: 50 }
          : { ...common, indicatorCode: 'T.MEAN', value: i % 100 },
      );
    });
    const countValues = async () =>
      (
        await hub.orm.em
          .fork()
          .getConnection()
          .execute('select count(*)::int as n from indicator_value')
      )[0].n;
    const before = await countValues();
    const dry = (await hub.gql(UPSERT, { rows, dryRun: true })).data!.upsertIndicatorValues;
    expect(dry).toMatchObject({ ok: true, dryRun: true, created: 1000 });
    expect(await countValues()).toBe(before);

    const { statements, result } = await countStatements(() => hub.gql(UPSERT, { rows }));
    const created = result.data!.upsertIndicatorValues;
    expect(created).toMatchObject({ ok: true, created: 1000, updated: 0 });
    expect(created.rows[499]).toMatchObject({
      value: 98,
      version: 1,
      organization: { code: 't-c2' },
    });
    expect(created.rows[999]).toMatchObject({ value: 99, indicator: { code: 'T.MEAN' } });
    expect(await countValues()).toBe(before + 1000);
    // Set-based: a fixed number of statements for 1,000 rows (not one per row).
    expect(statements).toBeLessThan(25);

    // The same rows again with one changed figure: only that one is updated (and audited).
    const changed = rows.map((row, i) => (i === 7 ? { ...row, numerator: 49 } : row));
    const again = (await hub.gql(UPSERT, { rows: changed })).data!.upsertIndicatorValues;
    expect(again).toMatchObject({ ok: true, created: 0, updated: 1000 });
    expect(again.rows[7]).toMatchObject({ value: 98, version: 2 });
    expect(again.rows[8].version).toBe(1);
    const history = await hub.gql(
      'query ($id: ID!) { history(entity: "indicator_value", id: $id) { nodes { action field oldValue newValue } } }',
      { id: again.rows[7].id },
    );
    expect(history.data!.history.nodes.map((n: any) => [n.action, n.field])).toEqual([
      ['CREATE', null],
      ['UPDATE', 'numerator'],
      ['UPDATE', 'value'],
    ]);

    // A stale version is a conflict, and the whole batch is refused.
    const stale = await hub.gql(UPSERT, {
      rows: [
        { ...rows[0], numerator: 1, version: 1 },
        { ...rows[7], numerator: 2, version: 1 },
      ],
    });
    expect(stale.data!.upsertIndicatorValues).toMatchObject({
      ok: false,
      errors: [{ index: 1, field: 'version', code: 'CONFLICT' }],
    });
  });

  it('keeps what an upsert leaves out, and deletes values by key', async () => {
    const key = org('t-b1', { indicatorCode: 'T.COUNT', period: '2021/2022' });
    const first = await hub.gql(UPSERT, {
      rows: [{ ...key, value: 4, comment: 'по отчёту ОО-1' }],
    });
    expect(first.data!.upsertIndicatorValues).toMatchObject({ ok: true, created: 1 });
    const COMMENT = `query { indicatorValues(filter: { indicatorCode: { eq: "T.COUNT" }, period: { eq: "2021/2022" } }) {
      nodes { value comment version } } }`;
    // The comment is left out: it stays; an explicit null clears it.
    await hub.gql(UPSERT, { rows: [{ ...key, value: 5 }] });
    expect((await hub.gql(COMMENT)).data!.indicatorValues.nodes).toEqual([
      { value: 5, comment: 'по отчёту ОО-1', version: 2 },
    ]);
    await hub.gql(UPSERT, { rows: [{ ...key, value: 5, comment: null }] });
    expect((await hub.gql(COMMENT)).data!.indicatorValues.nodes[0].comment).toBeNull();

    const deleted = await hub.gql(UPSERT, { rows: [{ ...key, delete: true, version: 3 }] });
    expect(deleted.data!.upsertIndicatorValues).toMatchObject({ ok: true, deleted: 1, rows: [] });
    expect((await hub.gql(COMMENT)).data!.indicatorValues.nodes).toEqual([]);
    const again = await hub.gql(UPSERT, { rows: [{ ...key, delete: true }] });
    expect(again.errors).toBeUndefined();
    expect(again.data!.upsertIndicatorValues.errors).toMatchObject([
      { index: 0, field: 'delete', code: 'NOT_FOUND' },
    ]);
  });

  it('groups an aggregate for dashboards by municipality, settlement and period', async () => {
    const AGG = `query ($input: IndicatorAggregateInput!) {
      indicatorAggregate(input: $input) { indicatorCode period municipalityName settlement value numerator denominator valueCount }
    }`;
    const { data, errors } = await hub.gql(AGG, {
      input: {
        indicatorCodes: ['T.SHARE'],
        periods: ['2023/2024'],
        groupBy: ['SETTLEMENT'],
        regionId,
      },
    });
    expect(errors).toBeUndefined();
    // Rural: a2 150/300, c1 60/100, c2 40/100 → 250/500 = 50 %; urban: a1 10/100, b1 80/200 → 90/300 = 30 %.
    expect(
      data!.indicatorAggregate.map((r: any) => [
        r.settlement,
        r.value,
        r.numerator,
        r.denominator,
        r.valueCount,
      ]),
    ).toEqual([
      ['RURAL', 50, 250, 500, 3],
      ['URBAN', 30, 90, 300, 2],
    ]);
    const byMunicipality = await hub.gql(AGG, {
      input: {
        indicatorCodes: ['T.SHARE'],
        periods: ['2022/2023', '2023/2024'],
        groupBy: ['MUNICIPALITY', 'PERIOD'],
        regionId,
      },
    });
    expect(
      byMunicipality.data!.indicatorAggregate.map((r: any) => [
        r.municipalityName,
        r.period,
        r.value,
      ]),
    ).toEqual([
      ['A', '2022/2023', 26.25],
      ['A', '2023/2024', 40],
      ['B', '2022/2023', 50],
      ['B', '2023/2024', 40],
      ['C', '2023/2024', 50],
    ]);
  });

  it('draws a time series of a municipality, oldest first', async () => {
    const { data, errors } = await hub.gql(
      'query ($input: IndicatorSeriesInput!) { indicatorSeries(input: $input) { indicatorCode unitName period periodStart value } }',
      {
        input: {
          indicatorCodes: ['T.SHARE'],
          municipalityIds: [municipalityA],
          from: '2022/2023',
          to: '2023/2024',
        },
      },
    );
    expect(errors).toBeUndefined();
    expect(data!.indicatorSeries.map((p: any) => [p.period, p.periodStart, p.value])).toEqual([
      ['2022/2023', '2022-09-01', 26.25],
      ['2023/2024', '2023-09-01', 40],
    ]);
  });

  it('keeps comparisons in the viewer’s aggregate scope and rows from dashboards', async () => {
    const dashboard = (
      await hub.gql('mutation { createApiToken(input: { name: "d", role: DASHBOARD }) { token } }')
    ).data!.createApiToken.token;
    const compared = await hub.gql(
      COMPARE,
      { input: { indicatorCodes: ['T.SHARE'], periods: ['2023/2024'], regionId } },
      { token: dashboard },
    );
    expect(compared.data!.compareIndicators.rows).toHaveLength(4);
    const rows = await hub.gql('{ indicatorValues { totalCount } }', {}, { token: dashboard });
    expect(rows.errors![0].extensions!.code).toBe('FORBIDDEN');
    const { data } = await hub.gql('{ regions { id code } }');
    const other = data!.regions.find((r: any) => r.code === '66').id;
    const analyst = await hub.tokenFor({
      login: 'analyst-t',
      role: 'REGIONAL_ANALYST',
      regionId: other,
    });
    const foreign = await hub.gql(
      COMPARE,
      { input: { indicatorCodes: ['T.SHARE'], periods: ['2023/2024'], regionId } },
      { token: analyst },
    );
    expect(foreign.errors![0].extensions!.code).toBe('FORBIDDEN');
    const anonymous = await hub.gql(
      COMPARE,
      { input: { indicatorCodes: ['T.SHARE'], periods: ['2023'], regionId } },
      { token: null },
    );
    expect(anonymous.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });
});
