import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Municipality,
  Organization,
  OrganizationKind,
} from '../../server/modules/geography/geography.entity';
import { DATABASE_TARGETS, startTestServer, type TestServer } from '../helpers/server';

const PROCEDURES = `mutation ($rows: [AssessmentProcedureInput!]!) {
  upsertAssessmentProcedures(rows: $rows) { ok created updated errors { index field code message } }
}`;
const RESULTS = `mutation ($rows: [AssessmentResultInput!]!, $dryRun: Boolean) {
  upsertAssessmentResults(rows: $rows, dryRun: $dryRun) {
    ok dryRun created updated deleted errors { index field code message }
    rows { id version participants mark5 taskCompletion procedure { code } organization { code } }
  }
}`;

// ВПР by Russian, grade 5: four tasks (2 + 3 + 5 + 5 = 15 points), marks from 6, 10 and 13 points.
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

const RESULT = {
  procedureCode: VPR.code,
  organizationCode: 'as-m1',
  participants: 50,
  mark2: 5,
  mark3: 20,
  mark4: 15,
  mark5: 10,
  meanScore: 9.4,
  scoreSd: 2.8,
  meanPercent: 62.7,
  taskCompletion: [81, 70.5, 55, 49],
  journalLowered: 12,
  journalConfirmed: 33,
  journalRaised: 5,
  scoreHistogram: { '12': 4, '13': 9, '14': 1 },
};

describe.each(DATABASE_TARGETS)('assessment results on %s', (target) => {
  let hub: TestServer;

  beforeAll(async () => {
    hub = await startTestServer(target);
    const em = hub.orm.em.fork();
    for (const [code, municipalityCode] of [
      ['as-m1', '66-malyshevsky'],
      ['as-c1', '19-chernogorsk'],
    ]) {
      em.create(Organization, {
        municipality: await em.findOneOrFail(Municipality, { code: municipalityCode }),
        code,
        name: `Школа ${code}`,
        kind: OrganizationKind.SCHOOL,
        enrolment: 300,
      });
    }
    await em.flush();
    const created = await hub.gql(PROCEDURES, { rows: [VPR] });
    expect(created.data!.upsertAssessmentProcedures).toMatchObject({ ok: true, created: 1 });
  });

  afterAll(async () => {
    await hub?.stop();
  });

  it('refuses a procedure whose tasks do not add up or whose thresholds exceed the maximum', async () => {
    const { data } = await hub.gql(PROCEDURES, {
      rows: [
        { ...VPR, code: 'BAD-1', tasks: [{ number: '1', maxScore: 2 }] },
        { ...VPR, code: 'BAD-2', markThresholds: { '5': 16 } },
        { ...VPR, code: 'BAD-3', markThresholds: { '6': 1 } },
      ],
    });
    expect(data!.upsertAssessmentProcedures.errors.map((e: any) => [e.index, e.field])).toEqual([
      [0, 'tasks'],
      [1, 'markThresholds'],
      [2, 'markThresholds'],
    ]);
    const methodologist = await hub.tokenFor({
      login: 'as-methodist',
      role: 'MUNICIPAL_METHODOLOGIST',
      municipalityId: await municipalityId('66-malyshevsky'),
    });
    const refused = await hub.gql(
      PROCEDURES,
      { rows: [{ ...VPR, code: 'X' }] },
      { token: methodologist },
    );
    expect(refused.errors![0].extensions!.code).toBe('FORBIDDEN');
  });

  async function municipalityId(code: string): Promise<string> {
    const { data } = await hub.gql('{ municipalities { nodes { id code } } }');
    return data!.municipalities.nodes.find((m: any) => m.code === code).id;
  }

  it('stores a result by natural key, dry run first, then updates it with a version check, audited', async () => {
    const dry = (await hub.gql(RESULTS, { rows: [RESULT], dryRun: true })).data!
      .upsertAssessmentResults;
    expect(dry).toMatchObject({ ok: true, dryRun: true, created: 1 });
    const listed = await hub.gql('{ assessmentResults { totalCount } }');
    expect(listed.data!.assessmentResults.totalCount).toBe(0);

    const saved = (await hub.gql(RESULTS, { rows: [RESULT] })).data!.upsertAssessmentResults;
    expect(saved).toMatchObject({ ok: true, created: 1 });
    expect(saved.rows[0]).toMatchObject({
      version: 1,
      participants: 50,
      mark5: 10,
      taskCompletion: [81, 70.5, 55, 49],
      procedure: { code: VPR.code },
      organization: { code: 'as-m1' },
    });
    const updated = (
      await hub.gql(RESULTS, {
        rows: [
          {
            procedureCode: VPR.code,
            organizationCode: 'as-m1',
            participants: 50,
            mark5: 11,
            mark4: 14,
            version: 1,
          },
        ],
      })
    ).data!.upsertAssessmentResults;
    expect(updated).toMatchObject({
      ok: true,
      updated: 1,
      rows: [{ version: 2, mark5: 11, taskCompletion: [81, 70.5, 55, 49] }],
    });
    const stale = (
      await hub.gql(RESULTS, {
        rows: [
          { procedureCode: VPR.code, organizationCode: 'as-m1', participants: 50, version: 1 },
        ],
      })
    ).data!.upsertAssessmentResults;
    expect(stale.errors).toMatchObject([{ index: 0, field: 'version', code: 'CONFLICT' }]);
    const history = await hub.gql(
      'query ($id: ID!) { history(entity: "assessment_result", id: $id) { nodes { action field oldValue newValue } } }',
      { id: saved.rows[0].id },
    );
    expect(
      history.data!.history.nodes.map((n: any) => [n.action, n.field, n.oldValue, n.newValue]),
    ).toEqual([
      ['CREATE', null, null, expect.objectContaining({ participants: 50, mark5: 10 })],
      ['UPDATE', 'mark4', 15, 14],
      ['UPDATE', 'mark5', 10, 11],
    ]);
  });

  it('names the row and field of every impossible figure and writes nothing', async () => {
    const { data } = await hub.gql(RESULTS, {
      rows: [
        { ...RESULT, organizationCode: 'as-c1', mark2: 30, mark3: 30 },
        { ...RESULT, organizationCode: 'as-c1', meanPercent: 101 },
        { ...RESULT, organizationCode: 'as-c1', meanScore: 16 },
        { ...RESULT, organizationCode: 'as-c1', taskCompletion: [50, 50] },
        { ...RESULT, organizationCode: 'as-c1', journalRaised: 20 },
        { ...RESULT, organizationCode: 'as-c1', scoreHistogram: { '16': 1 } },
        { ...RESULT, organizationCode: 'as-c1', medalists: 1, medalistsBelowRequirement: 2 },
        { ...RESULT, organizationCode: 'nope' },
        { ...RESULT, procedureCode: 'NOPE', organizationCode: 'as-c1' },
        {
          ...RESULT,
          organizationCode: 'as-c1',
          participants: -1,
          mark2: null,
          mark3: null,
          mark4: null,
          mark5: null,
          journalLowered: null,
          journalConfirmed: null,
          journalRaised: null,
          scoreHistogram: null,
        },
      ],
    });
    const result = data!.upsertAssessmentResults;
    expect(result.ok).toBe(false);
    expect(result.errors.map((e: any) => [e.index, e.field, e.code])).toEqual([
      [0, 'mark2', 'INVALID_FORMAT'],
      [1, 'meanPercent', 'INVALID_FORMAT'],
      [2, 'meanScore', 'INVALID_FORMAT'],
      [3, 'taskCompletion', 'INVALID_FORMAT'],
      [4, 'journalLowered', 'INVALID_FORMAT'],
      [5, 'scoreHistogram', 'INVALID_FORMAT'],
      [6, 'medalistsBelowRequirement', 'INVALID_FORMAT'],
      [7, 'organizationCode', 'NOT_FOUND'],
      [8, 'procedureCode', 'NOT_FOUND'],
      [9, 'participants', 'INVALID_FORMAT'],
    ]);
    const listed = await hub.gql(
      '{ assessmentResults(filter: { procedureCode: { eq: "VPR-2024-RUS-5" } }) { totalCount } }',
    );
    expect(listed.data!.assessmentResults.totalCount).toBe(1);
  });

  it('lets a methodologist write its municipality’s schools only, and lists rows in scope', async () => {
    const chernogorsk = await municipalityId('19-chernogorsk');
    const token = await hub.tokenFor({
      login: 'as-chern',
      role: 'MUNICIPAL_METHODOLOGIST',
      municipalityId: chernogorsk,
    });
    const refused = await hub.gql(
      RESULTS,
      { rows: [{ ...RESULT, organizationCode: 'as-c1' }, RESULT] },
      { token },
    );
    expect(refused.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    const own = await hub.gql(
      RESULTS,
      { rows: [{ ...RESULT, organizationCode: 'as-c1' }] },
      { token },
    );
    expect(own.data!.upsertAssessmentResults).toMatchObject({ ok: true, created: 1 });
    const mine = await hub.gql(
      '{ assessmentResults { nodes { organization { code } } } }',
      {},
      { token },
    );
    expect(mine.data!.assessmentResults.nodes).toEqual([{ organization: { code: 'as-c1' } }]);
    const all = await hub.gql('{ assessmentResults { totalCount } }');
    expect(all.data!.assessmentResults.totalCount).toBe(2);
    const procedures = await hub.gql(
      '{ assessmentProcedures(filter: { kind: [VPR], year: 2024 }) { nodes { code tasks markThresholds } } }',
      {},
      { token },
    );
    expect(procedures.data!.assessmentProcedures.nodes).toEqual([
      { code: VPR.code, tasks: VPR.tasks, markThresholds: VPR.markThresholds },
    ]);
  });

  it('checks cross-field rules on the row as it will be stored, figures left out included', async () => {
    const current = (
      await hub.gql(
        '{ assessmentResults(filter: { procedureCode: { eq: "VPR-2024-RUS-5" } }) { nodes { version participants organization { code } } } }',
      )
    ).data!.assessmentResults.nodes.find((r: any) => r.organization.code === 'as-c1');
    const base = { procedureCode: VPR.code, organizationCode: 'as-c1', participants: 50 };
    // Stored: 5 + 20 + 15 + 10 marks of 50. Sending only mark5 = 20 would make 55 marks.
    const over = await hub.gql(RESULTS, {
      rows: [{ ...base, mark5: 20, version: current.version }],
    });
    expect(over.data!.upsertAssessmentResults.errors).toEqual([
      expect.objectContaining({ index: 0, field: 'mark2', code: 'INVALID_FORMAT' }),
    ]);
    // medalistsBelowRequirement alone is checked against the stored medal holders.
    const medals = await hub.gql(RESULTS, {
      rows: [{ ...base, medalists: 6, version: current.version }],
    });
    expect(medals.data!.upsertAssessmentResults.ok).toBe(true);
    const below = await hub.gql(RESULTS, {
      rows: [{ ...base, medalistsBelowRequirement: 2, version: current.version + 1 }],
    });
    expect(below.data!.upsertAssessmentResults).toMatchObject({ ok: true, updated: 1 });
  });

  it('deletes a result by key with its version; a missing one or a stale version is refused', async () => {
    const node = async () =>
      (
        await hub.gql(
          '{ assessmentResults(filter: { procedureCode: { eq: "VPR-2024-RUS-5" } }) { nodes { version organization { code } } } }',
        )
      ).data!.assessmentResults.nodes.find((r: any) => r.organization.code === 'as-c1');
    const key = { procedureCode: VPR.code, organizationCode: 'as-c1', delete: true };
    const { version } = await node();
    const stale = await hub.gql(RESULTS, { rows: [{ ...key, version: version - 1 }] });
    expect(stale.data!.upsertAssessmentResults.errors[0]).toMatchObject({
      field: 'version',
      code: 'CONFLICT',
    });
    const missing = await hub.gql(RESULTS, {
      rows: [{ ...key, organizationCode: 'as-m1', procedureCode: 'VPR-NONE' }],
    });
    expect(missing.data!.upsertAssessmentResults.errors[0]).toMatchObject({
      field: 'procedureCode',
      code: 'NOT_FOUND',
    });
    const deleted = await hub.gql(RESULTS, { rows: [{ ...key, version }] });
    expect(deleted.data!.upsertAssessmentResults).toMatchObject({ ok: true, deleted: 1, rows: [] });
    expect(await node()).toBeUndefined();
    const again = await hub.gql(RESULTS, { rows: [key] });
    expect(again.data!.upsertAssessmentResults.errors[0]).toMatchObject({
      field: 'delete',
      code: 'NOT_FOUND',
    });
    // A new result needs its participants.
    const bare = await hub.gql(RESULTS, {
      rows: [{ procedureCode: VPR.code, organizationCode: 'as-c1', mark2: 1 }],
    });
    expect(bare.data!.upsertAssessmentResults.errors[0]).toMatchObject({
      field: 'participants',
      code: 'REQUIRED',
    });
  });
});
