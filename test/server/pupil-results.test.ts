// Pupil rows under pseudonymous codes, and school results recomputed from them in SQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Municipality,
  Organization,
  OrganizationKind,
} from '../../server/modules/geography/geography.entity';
import { DATABASE_TARGETS, startTestServer, type TestServer } from '../helpers/server';

// ВПР «Русский язык», grade 5: tasks of 2 + 3 + 5 + 5 = 15 points.
const VPR = {
  code: 'VPR-2024-RUS-5',
  kind: 'VPR',
  subject: 'Русский язык',
  grade: 5,
  year: 2024,
  maxScore: 15,
  tasks: [
    { number: '1', maxScore: 2 },
    { number: '2', maxScore: 3 },
    { number: '3', maxScore: 5 },
    { number: '4', maxScore: 5 },
  ],
  markThresholds: { '3': 6, '4': 10, '5': 13 },
};

// Five pupils: task scores, ВПР mark and journal mark.
const PUPILS: [string, number[], number, number][] = [
  ['7701-001', [2, 3, 5, 5], 5, 5], // 15, confirmed
  ['7701-002', [2, 2, 4, 4], 4, 5], // 12, lowered
  ['7701-003', [1, 2, 3, 4], 4, 4], // 10, confirmed
  ['7701-004', [1, 1, 2, 2], 3, 4], //  6, lowered
  ['7701-005', [0, 1, 1, 2], 2, 3], //  4, lowered
];
const rows = PUPILS.map(([pupilCode, taskScores, mark, journalMark]) => ({
  procedureCode: VPR.code,
  organizationCode: 'pr-m1',
  pupilCode,
  primaryScore: taskScores.reduce((a, b) => a + b, 0),
  mark,
  journalMark,
  taskScores,
}));

const UPSERT = `mutation ($rows: [PupilResultInput!]!, $dryRun: Boolean) {
  upsertPupilResults(rows: $rows, dryRun: $dryRun) {
    ok dryRun created updated errors { index field code message }
    rows { organization { code } participants mark2 mark3 mark4 mark5 meanScore scoreSd
           meanPercent taskCompletion journalLowered journalConfirmed journalRaised
           scoreHistogram version }
  }
}`;

describe.each(DATABASE_TARGETS)('pupil results on %s', (target) => {
  let hub: TestServer;

  beforeAll(async () => {
    hub = await startTestServer(target);
    const em = hub.orm.em.fork();
    for (const [code, municipalityCode] of [
      ['pr-m1', '66-malyshevsky'],
      ['pr-m2', '66-malyshevsky'],
      ['pr-c1', '19-chernogorsk'],
    ]) {
      em.create(Organization, {
        municipality: await em.findOneOrFail(Municipality, { code: municipalityCode }),
        code,
        name: `Школа ${code}`,
        kind: OrganizationKind.SCHOOL,
      });
    }
    await em.flush();
    const created = await hub.gql(
      'mutation ($rows: [AssessmentProcedureInput!]!) { upsertAssessmentProcedures(rows: $rows) { ok } }',
      { rows: [VPR] },
    );
    expect(created.data!.upsertAssessmentProcedures.ok).toBe(true);
  });

  afterAll(async () => {
    await hub?.stop();
  });

  it('recomputes the school result from pupil rows (hand-worked)', async () => {
    const { data, errors } = await hub.gql(UPSERT, { rows });
    expect(errors).toBeUndefined();
    const saved = data!.upsertPupilResults;
    expect(saved).toMatchObject({ ok: true, created: 5, updated: 0 });
    expect(saved.rows).toHaveLength(1);
    const result = saved.rows[0];
    // Scores 15 12 10 6 4: mean 9.4, Σ(dev²) = 79.2, sample sd = √(79.2/4) = 4.4497.
    expect(result).toMatchObject({
      organization: { code: 'pr-m1' },
      participants: 5,
      mark2: 1,
      mark3: 1,
      mark4: 2,
      mark5: 1,
      journalLowered: 3,
      journalConfirmed: 2,
      journalRaised: 0,
      scoreHistogram: { '4': 1, '6': 1, '10': 1, '12': 1, '15': 1 },
      version: 1,
    });
    expect(result.meanScore).toBeCloseTo(9.4, 9);
    expect(result.scoreSd).toBeCloseTo(Math.sqrt(79.2 / 4), 9);
    expect(result.meanPercent).toBeCloseTo((100 * 9.4) / 15, 9);
    // Task means 1.2/2, 1.8/3, 3/5, 3.4/5.
    result.taskCompletion.forEach((value: number, j: number) =>
      expect(value).toBeCloseTo([60, 60, 60, 68][j], 9),
    );
  });

  it('a pupil moved to another school leaves the old result and joins the new one', async () => {
    const moved = { ...rows[4], organizationCode: 'pr-m2' };
    const { data } = await hub.gql(UPSERT, { rows: [moved] });
    const byCode = Object.fromEntries(
      data!.upsertPupilResults.rows.map((r: any) => [r.organization.code, r]),
    );
    expect(data!.upsertPupilResults).toMatchObject({ ok: true, created: 0, updated: 1 });
    expect(byCode['pr-m1']).toMatchObject({ participants: 4, mark2: 0, version: 2 });
    expect(byCode['pr-m1'].meanScore).toBeCloseTo(43 / 4, 9);
    expect(byCode['pr-m2']).toMatchObject({ participants: 1, mark2: 1, meanScore: 4, version: 1 });
    // One pupil: the sample sd is undefined, not 0.
    expect(byCode['pr-m2'].scoreSd).toBeNull();
  });

  it('refuses names, impossible scores and task sums, naming row and field, writing nothing', async () => {
    const bad = [
      { ...rows[0], pupilCode: 'Иванов Иван' },
      { ...rows[1], primaryScore: 16, taskScores: null },
      { ...rows[2], taskScores: [1, 2, 3, 3] },
      { ...rows[3], taskScores: [3, 1, 1, 1] },
      { ...rows[0], mark: 6 },
    ];
    const { data } = await hub.gql(UPSERT, { rows: bad });
    expect(data!.upsertPupilResults.ok).toBe(false);
    expect(data!.upsertPupilResults.errors.map((e: any) => [e.index, e.field, e.code])).toEqual([
      [0, 'pupilCode', 'INVALID_FORMAT'],
      [1, 'primaryScore', 'INVALID_FORMAT'],
      [2, 'taskScores', 'INVALID_FORMAT'],
      [3, 'taskScores', 'INVALID_FORMAT'],
      [4, 'mark', 'INVALID_FORMAT'],
    ]);
    const listed = await hub.gql(
      '{ assessmentResults { nodes { organization { code } participants version } } }',
    );
    const m1 = listed.data!.assessmentResults.nodes.find(
      (r: any) => r.organization.code === 'pr-m1',
    );
    expect(m1).toMatchObject({ participants: 4, version: 2 });
  });

  it('refuses a methodologist writing a pupil of another municipality', async () => {
    const { data } = await hub.gql('{ municipalities { nodes { id code } } }');
    const municipalityId = data!.municipalities.nodes.find(
      (m: any) => m.code === '19-chernogorsk',
    ).id;
    const token = await hub.tokenFor({
      login: 'pr-methodist',
      role: 'MUNICIPAL_METHODOLOGIST',
      municipalityId,
    });
    // The pupil is written to Черногорск but stored in Малышевский: leaving it is a write there.
    const refused = await hub.gql(
      UPSERT,
      { rows: [{ ...rows[0], organizationCode: 'pr-c1' }] },
      { token },
    );
    expect(refused.errors![0].extensions!.code).toBe('FORBIDDEN');
    const own = await hub.gql(
      UPSERT,
      { rows: [{ ...rows[0], pupilCode: '7702-001', organizationCode: 'pr-c1' }], dryRun: true },
      { token },
    );
    expect(own.data!.upsertPupilResults).toMatchObject({ ok: true, dryRun: true, created: 1 });
  });
});
