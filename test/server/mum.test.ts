import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Direction } from '../../server/modules/directions/directions.entity';
import {
  Municipality,
  Organization,
  OrganizationKind,
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

const MATRIX = `query ($m: ID) {
  mumMatrix(municipalityId: $m) {
    directions { code } components { code }
    cells { municipalityId directionCode component activityCount indicatorsWithValues present }
    summaries { directionCode presentCount complete missingComponents }
  }
}`;

describe.each(DATABASE_TARGETS)('МУМ self-assessment matrix on %s', (target) => {
  let hub: TestServer;
  let municipalityId: string;

  beforeAll(async () => {
    hub = await startTestServer(target);
    const em = hub.orm.em.fork();
    const municipality = await em.findOneOrFail(Municipality, { code: '66-malyshevsky' });
    municipalityId = String(municipality.id);
    em.create(Organization, {
      municipality,
      code: 'mum-s1',
      name: 'Школа МУМ',
      kind: OrganizationKind.SCHOOL,
      enrolment: 100,
    });
    em.create(Indicator, {
      code: 'MUM.T',
      name: 'Тест',
      nameEn: 'Test',
      direction: await em.findOneOrFail(Direction, { code: '1.3' }),
      unit: IndicatorUnit.COUNT,
      polarity: Polarity.HIGHER_BETTER,
      level: IndicatorLevel.ORGANIZATION,
      aggregation: AggregationRule.SUM,
      periodKind: PeriodKind.YEAR,
      numeratorDefinition: 'n',
      source: 'тест',
    });
    await em.flush();
  });

  afterAll(async () => {
    await hub?.stop();
  });

  it('fills direction × component from tagged activities, matching a direct count', async () => {
    const { data, errors } = await hub.gql(MATRIX, { m: municipalityId });
    expect(errors).toBeUndefined();
    const matrix = data!.mumMatrix;
    expect(matrix.directions.map((d: any) => d.code)).toEqual([
      '1.1',
      '1.2',
      '1.3',
      '1.4',
      '2.1',
      '2.2',
      '2.3',
      '2.4',
    ]);
    expect(matrix.cells).toHaveLength(8 * 9);
    // Activities of sub-directions (1.1.OBJ, 2.2.MET) count for their parent.
    const expected = await hub.orm.em
      .fork()
      .getConnection()
      .execute(
        `select coalesce(p.code, d.code) as direction, a.cycle_component_code as component, count(*)::int as n
       from activity a join roadmap_section s on s.id = a.section_id join roadmap r on r.id = s.roadmap_id
       join direction d on d.id = s.direction_id left join direction p on p.id = d.parent_id
       where r.municipality_id = ? and a.cycle_component_code is not null and coalesce(p.code, d.code) like '_._'
       group by 1, 2`,
        [Number(municipalityId)],
      );
    expect(expected.length).toBeGreaterThan(0);
    const cell = (direction: string, component: number) =>
      matrix.cells.find((c: any) => c.directionCode === direction && c.component === component);
    for (const row of expected) {
      expect(cell(row.direction, row.component)).toMatchObject({
        activityCount: row.n,
        present: true,
      });
    }
    const total = matrix.cells.reduce((sum: number, c: any) => sum + c.activityCount, 0);
    expect(total).toBe(expected.reduce((sum: number, row: any) => sum + row.n, 0));
    for (const summary of matrix.summaries) {
      const cells = matrix.cells.filter((c: any) => c.directionCode === summary.directionCode);
      expect(summary.presentCount).toBe(cells.filter((c: any) => c.present).length);
      expect(summary.missingComponents).toEqual(
        cells.filter((c: any) => !c.present).map((c: any) => c.component),
      );
      expect(summary.complete).toBe(summary.missingComponents.length === 0);
    }
  });

  it('counts indicator values as evidence of components 2–4 only', async () => {
    const before = (await hub.gql(MATRIX, { m: municipalityId })).data!.mumMatrix;
    const upsert = await hub.gql(
      'mutation { upsertIndicatorValues(rows: [{ indicatorCode: "MUM.T", organizationCode: "mum-s1", period: "2024", value: 3 }]) { ok } }',
    );
    expect(upsert.data!.upsertIndicatorValues.ok).toBe(true);
    const after = (await hub.gql(MATRIX, { m: municipalityId })).data!.mumMatrix;
    const pick = (matrix: any, component: number) =>
      matrix.cells.find((c: any) => c.directionCode === '1.3' && c.component === component);
    for (const component of [2, 3, 4]) {
      expect(pick(after, component)).toMatchObject({ indicatorsWithValues: 1, present: true });
    }
    for (const component of [1, 5, 6, 7, 8, 9]) {
      expect(pick(after, component).present).toBe(pick(before, component).present);
      expect(pick(after, component).present).toBe(pick(after, component).activityCount > 0);
    }
  });

  it('keeps to the viewer’s aggregate scope', async () => {
    const { data } = await hub.gql('{ municipalities { nodes { id code region { id } } } }');
    const other = data!.municipalities.nodes.find((m: any) => m.code === '19-chernogorsk');
    // A dashboard token of one municipality compares that municipality only.
    const created = await hub.gql(
      'mutation ($m: ID!) { createApiToken(input: { name: "МУМ", role: DASHBOARD, municipalityId: $m }) { token } }',
      { m: other.id },
    );
    const token = created.data!.createApiToken.token;
    const foreign = await hub.gql(MATRIX, { m: municipalityId }, { token });
    expect(foreign.data!.mumMatrix.cells).toEqual([]);
    const own = await hub.gql(MATRIX, { m: other.id }, { token });
    expect(own.data!.mumMatrix.cells).toHaveLength(72);
  });
});
