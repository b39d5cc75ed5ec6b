// Teachers and deficit diagnostics (issue #6, first part): bulk upserts with per-row errors,
// deficits detected from the campaign's thresholds, a move that keeps the history and the
// diagnosis where it was taken, and names hidden from dashboards and out-of-scope readers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectDeficits, isYoungSpecialist } from '../../server/modules/teachers/deficits';
import { CompetencyArea } from '../../server/modules/teachers/teachers.enums';
import {
  Municipality,
  Organization,
  OrganizationKind,
} from '../../server/modules/geography/geography.entity';
import { DATABASE_TARGETS, startTestServer, type TestServer } from '../helpers/server';

const AREAS = [
  { area: 'NORMATIVE_LEGAL', maxScore: 100, deficitBelow: 50 },
  { area: 'SUBJECT', maxScore: 100, deficitBelow: 50 },
  { area: 'METHODICAL', maxScore: 100, deficitBelow: 60 },
  { area: 'PSYCHOLOGICAL_PEDAGOGICAL', maxScore: 100, deficitBelow: 50 },
];

describe('deficit rules', () => {
  const areas = AREAS.map((a) => ({ ...a, area: a.area.toLowerCase() as CompetencyArea }));

  it('a score below the area threshold is a deficit, at the threshold it is not', () => {
    expect(
      detectDeficits(
        { normative_legal: 50, subject: 49.5, methodical: 59, psychological_pedagogical: 90 },
        areas,
      ),
    ).toEqual([CompetencyArea.SUBJECT, CompetencyArea.METHODICAL]);
    // An area the result has no score for is not a deficit (not measured).
    expect(detectDeficits({ subject: 80 }, areas)).toEqual([]);
  });

  it('a young specialist is under 35 with at most three years of teaching', () => {
    expect(isYoungSpecialist({ birthYear: 1990, teachingExperienceYears: 3 }, 2024)).toBe(true); // 34
    expect(isYoungSpecialist({ birthYear: 1989, teachingExperienceYears: 3 }, 2024)).toBe(false); // 35
    expect(isYoungSpecialist({ birthYear: 1995, teachingExperienceYears: 3.5 }, 2024)).toBe(false);
    expect(isYoungSpecialist({ birthYear: null, teachingExperienceYears: 1 }, 2024)).toBe(false);
  });
});

const TEACHERS = `mutation ($rows: [TeacherInput!]!, $dryRun: Boolean) {
  upsertTeachers(rows: $rows, dryRun: $dryRun) {
    ok created updated errors { index field code message }
    rows { id version personnelCode fullName youngSpecialist organization { code } }
  }
}`;
const CAMPAIGNS = `mutation ($rows: [DiagnosticCampaignInput!]!) {
  upsertDiagnosticCampaigns(rows: $rows) { ok created errors { index field code message } }
}`;
const RESULTS = `mutation ($rows: [DiagnosticResultInput!]!) {
  upsertDiagnosticResults(rows: $rows) {
    ok created updated errors { index field code message }
    rows { deficits scores organization { code } teacher { personnelCode } }
  }
}`;

describe.each(DATABASE_TARGETS)('teachers and diagnostics on %s', (target) => {
  let hub: TestServer;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    hub = await startTestServer(target, { today: '2024-10-01' });
    const em = hub.orm.em.fork();
    for (const [code, municipalityCode] of [
      ['tc-m1', '66-malyshevsky'],
      ['tc-m2', '66-malyshevsky'],
      ['tc-c1', '19-chernogorsk'],
    ]) {
      em.create(Organization, {
        municipality: await em.findOneOrFail(Municipality, { code: municipalityCode }),
        code,
        name: `Школа ${code}`,
        kind: OrganizationKind.SCHOOL,
      });
    }
    await em.flush();
    const { data } = await hub.gql('{ municipalities { nodes { id code } } }');
    for (const m of data!.municipalities.nodes) {
      ids[m.code] = m.id;
    }
  });

  afterAll(async () => {
    await hub?.stop();
  });

  it('refuses bad teacher rows naming row and field, writing nothing', async () => {
    const { data } = await hub.gql(TEACHERS, {
      rows: [
        { personnelCode: 'Иванов И.И.', organizationCode: 'tc-m1' },
        { personnelCode: 'T-2', organizationCode: 'nope' },
        { personnelCode: 'T-3', organizationCode: 'tc-m1', hireDate: '2024-02-30' },
        {
          personnelCode: 'T-4',
          organizationCode: 'tc-m1',
          totalExperienceYears: 2,
          teachingExperienceYears: 5,
        },
        { personnelCode: 'T-5', organizationCode: 'tc-m1' },
        { personnelCode: 'T-5', organizationCode: 'tc-m2' },
      ],
    });
    expect(data!.upsertTeachers.ok).toBe(false);
    expect(data!.upsertTeachers.errors.map((e: any) => [e.index, e.field, e.code])).toEqual([
      [0, 'personnelCode', 'INVALID_FORMAT'],
      [1, 'organizationCode', 'NOT_FOUND'],
      [2, 'hireDate', 'INVALID_FORMAT'],
      [3, 'teachingExperienceYears', 'INVALID_FORMAT'],
      [5, 'personnelCode', 'DUPLICATE'],
    ]);
    const listed = await hub.gql('{ teachers { totalCount } }');
    expect(listed.data!.teachers.totalCount).toBe(0);
  });

  it('stores teachers and derives the young-specialist flag', async () => {
    const { data } = await hub.gql(TEACHERS, {
      rows: [
        {
          personnelCode: 'T-1',
          organizationCode: 'tc-m1',
          fullName: 'Петрова Анна Сергеевна',
          birthYear: 1998,
          subjects: ['Математика'],
          category: 'NONE',
          totalExperienceYears: 2,
          teachingExperienceYears: 2,
          hireDate: '2022-09-01',
        },
        {
          personnelCode: 'T-2',
          organizationCode: 'tc-m1',
          fullName: 'Сидоров Павел Ильич',
          birthYear: 1975,
          subjects: ['Русский язык', 'Литература'],
          category: 'HIGHEST',
          totalExperienceYears: 25,
          teachingExperienceYears: 25,
        },
      ],
    });
    expect(data!.upsertTeachers).toMatchObject({ ok: true, created: 2 });
    expect(data!.upsertTeachers.rows.map((t: any) => [t.personnelCode, t.youngSpecialist])).toEqual(
      [
        ['T-1', true],
        ['T-2', false],
      ],
    );
    const young = await hub.gql(
      '{ teachers(filter: { youngSpecialist: true }) { nodes { personnelCode } } }',
    );
    expect(young.data!.teachers.nodes).toEqual([{ personnelCode: 'T-1' }]);
    const bySubject = await hub.gql(
      '{ teachers(filter: { subject: { contains: "литер" } }) { nodes { personnelCode } } }',
    );
    expect(bySubject.data!.teachers.nodes).toEqual([{ personnelCode: 'T-2' }]);
  });

  it('detects deficits from the campaign thresholds; bad campaigns and scores are refused', async () => {
    const bad = await hub.gql(CAMPAIGNS, {
      rows: [
        {
          code: 'BAD',
          name: 'x',
          heldOn: '2024-09-15',
          areas: [{ area: 'CHARM', maxScore: 10, deficitBelow: 5 }],
        },
        {
          code: 'BAD2',
          name: 'x',
          heldOn: '2024-09-15',
          areas: [{ area: 'SUBJECT', maxScore: 10, deficitBelow: 11 }],
        },
      ],
    });
    expect(bad.data!.upsertDiagnosticCampaigns.errors.map((e: any) => [e.index, e.field])).toEqual([
      [0, 'areas'],
      [1, 'areas'],
    ]);
    const saved = await hub.gql(CAMPAIGNS, {
      rows: [
        {
          code: 'CNPPM-2024-09',
          name: 'Диагностика ЦНППМ, сентябрь 2024',
          operator: 'ЦНППМ',
          heldOn: '2024-09-15',
          areas: AREAS,
        },
      ],
    });
    expect(saved.data!.upsertDiagnosticCampaigns).toMatchObject({ ok: true, created: 1 });
    const refused = await hub.gql(RESULTS, {
      rows: [
        { campaignCode: 'CNPPM-2024-09', personnelCode: 'T-1', scores: { DIGITAL: 10 } },
        { campaignCode: 'CNPPM-2024-09', personnelCode: 'T-2', scores: { SUBJECT: 101 } },
        { campaignCode: 'CNPPM-2024-09', personnelCode: 'T-9', scores: {} },
      ],
    });
    expect(
      refused.data!.upsertDiagnosticResults.errors.map((e: any) => [e.index, e.field, e.code]),
    ).toEqual([
      [0, 'scores', 'INVALID_FORMAT'],
      [1, 'scores', 'INVALID_FORMAT'],
      [2, 'personnelCode', 'NOT_FOUND'],
    ]);
    const { data } = await hub.gql(RESULTS, {
      rows: [
        {
          campaignCode: 'CNPPM-2024-09',
          personnelCode: 'T-1',
          scores: {
            NORMATIVE_LEGAL: 50,
            SUBJECT: 42,
            METHODICAL: 59.5,
            PSYCHOLOGICAL_PEDAGOGICAL: 75,
          },
        },
        {
          campaignCode: 'CNPPM-2024-09',
          personnelCode: 'T-2',
          scores: {
            NORMATIVE_LEGAL: 80,
            SUBJECT: 90,
            METHODICAL: 85,
            PSYCHOLOGICAL_PEDAGOGICAL: 48,
          },
        },
      ],
    });
    expect(data!.upsertDiagnosticResults).toMatchObject({ ok: true, created: 2 });
    expect(data!.upsertDiagnosticResults.rows.map((r: any) => r.deficits)).toEqual([
      ['SUBJECT', 'METHODICAL'],
      ['PSYCHOLOGICAL_PEDAGOGICAL'],
    ]);
  });

  it('a teacher moved to another school keeps its history, and the diagnosis stays where it was taken', async () => {
    const current = (
      await hub.gql('{ teachers(filter: { personnelCode: { eq: "T-1" } }) { nodes { version } } }')
    ).data!.teachers.nodes[0];
    const moved = await hub.gql(TEACHERS, {
      rows: [
        {
          personnelCode: 'T-1',
          organizationCode: 'tc-c1',
          movedOn: '2024-10-01',
          version: current.version,
        },
      ],
    });
    expect(moved.data!.upsertTeachers).toMatchObject({ ok: true, updated: 1 });
    const history = await hub.gql(
      '{ teachers(filter: { personnelCode: { eq: "T-1" } }) { nodes { organization { code } assignments { organization { code } startedOn endedOn } } } }',
    );
    expect(history.data!.teachers.nodes[0]).toEqual({
      organization: { code: 'tc-c1' },
      assignments: [
        { organization: { code: 'tc-m1' }, startedOn: '2022-09-01', endedOn: '2024-10-01' },
        { organization: { code: 'tc-c1' }, startedOn: '2024-10-01', endedOn: null },
      ],
    });
    const results = await hub.gql(
      '{ diagnosticResults { nodes { organization { code } municipality { code } teacher { personnelCode } } } }',
    );
    expect(results.data!.diagnosticResults.nodes).toContainEqual({
      organization: { code: 'tc-m1' },
      municipality: { code: '66-malyshevsky' },
      teacher: { personnelCode: 'T-1' },
    });
  });

  it('names reach only readers in scope: never dashboards, null for out-of-scope readers', async () => {
    const query = '{ diagnosticResults { nodes { teacher { personnelCode fullName } } } }';
    // Малышевский's methodologist sees T-1's diagnosis taken there, but T-1 now works in
    // Черногорск: the name is outside its scope.
    const malyshevsky = await hub.tokenFor({
      login: 'tc-m',
      role: 'MUNICIPAL_METHODOLOGIST',
      municipalityId: ids['66-malyshevsky'],
    });
    const seen = await hub.gql(query, {}, { token: malyshevsky });
    const byCode = Object.fromEntries(
      seen.data!.diagnosticResults.nodes.map((n: any) => [
        n.teacher.personnelCode,
        n.teacher.fullName,
      ]),
    );
    expect(byCode).toEqual({ 'T-1': null, 'T-2': 'Сидоров Павел Ильич' });
    // Черногорск's methodologist sees T-1 (now its teacher) with the name, and its diagnosis.
    const chernogorsk = await hub.tokenFor({
      login: 'tc-c',
      role: 'MUNICIPAL_METHODOLOGIST',
      municipalityId: ids['19-chernogorsk'],
    });
    const theirs = await hub.gql(query, {}, { token: chernogorsk });
    expect(theirs.data!.diagnosticResults.nodes).toEqual([
      { teacher: { personnelCode: 'T-1', fullName: 'Петрова Анна Сергеевна' } },
    ]);
    const dashboard = (
      await hub.gql('mutation { createApiToken(input: { name: "d", role: DASHBOARD }) { token } }')
    ).data!.createApiToken.token;
    for (const q of ['{ teachers { totalCount } }', query]) {
      const refused = await hub.gql(q, {}, { token: dashboard });
      expect(refused.errors![0].extensions!.code).toBe('FORBIDDEN');
    }
    // A methodologist cannot write a teacher of another municipality.
    const write = await hub.gql(
      TEACHERS,
      { rows: [{ personnelCode: 'T-2', organizationCode: 'tc-m2' }] },
      { token: chernogorsk },
    );
    expect(write.errors![0].extensions!.code).toBe('FORBIDDEN');
  });
});
