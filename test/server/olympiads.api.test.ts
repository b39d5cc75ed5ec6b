// Olympiad protocols through the API (issue #7): the ВсОШ stage, grade and admission rules with
// the row and field named, versions and re-import, a 5,000-row protocol in one atomic request,
// the talent bank, and names kept from dashboards and from readers outside the scope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Municipality,
  Organization,
  OrganizationKind,
} from '../../server/modules/geography/geography.entity';
import { DATABASE_TARGETS, startTestServer, type TestServer } from '../helpers/server';

const UPSERT = `mutation ($rows: [OlympiadRecordInput!]!, $dryRun: Boolean, $replace: Boolean) {
  upsertOlympiadRecords(rows: $rows, dryRun: $dryRun, replaceExisting: $replace) {
    ok created updated deleted errors { index field code message }
    rows { id version academicYear stage status score gradePerformed subject { code }
           student { code fullName grade organization { code } } organization { code } }
  }
}`;
const COUNT = '{ olympiadRecords { totalCount } }';

type Row = Record<string, unknown>;
const entry = (overrides: Row): Row => ({
  academicYear: '2024/2025',
  subject: 'MATH',
  stage: 'SCHOOL',
  studentCode: 'P-1',
  organizationCode: 'ol-m1',
  gradeActual: 9,
  score: 40,
  maxScore: 100,
  ...overrides,
});

describe.each(DATABASE_TARGETS)('olympiad protocols on %s', (target) => {
  let hub: TestServer;
  const ids: Record<string, string> = {};
  const upsert = async (rows: Row[], extra: Row = {}, token?: string) =>
    (await hub.gql(UPSERT, { rows, ...extra }, token === undefined ? {} : { token })).data!
      .upsertOlympiadRecords;
  const count = async () => (await hub.gql(COUNT)).data!.olympiadRecords.totalCount;

  beforeAll(async () => {
    hub = await startTestServer(target, { today: '2025-10-01' });
    const em = hub.orm.em.fork();
    for (const [code, municipalityCode] of [
      ['ol-m1', '66-malyshevsky'],
      ['ol-m2', '66-malyshevsky'],
      ['ol-c1', '19-chernogorsk'],
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

  it('refuses rows that break the rules, naming row and field, writing nothing', async () => {
    const result = await upsert([
      entry({ studentCode: 'P-1', stage: 'MUNICIPAL', gradeActual: 6 }),
      entry({ studentCode: 'P-2', subject: 'Физика', gradeActual: 4 }),
      entry({ studentCode: 'P-3', stage: 'MUNICIPAL', gradeActual: 8 }),
      entry({ studentCode: 'P-4', score: 101 }),
      entry({ studentCode: 'P-5', subject: 'Алхимия' }),
      entry({ studentCode: 'P-6', organizationCode: 'nope' }),
      entry({ studentCode: 'P-7', academicYear: '2024-2025' }),
      entry({ studentCode: 'Иванов Иван' }),
      entry({ studentCode: 'P-9', gradeActual: 10, gradePerformed: 9 }),
      entry({ studentCode: 'P-10' }),
      entry({ studentCode: 'P-10', subject: 'математика' }),
    ]);
    expect(result.ok).toBe(false);
    expect(result.errors.map((e: any) => [e.index, e.field, e.code])).toEqual([
      [0, 'gradePerformed', 'INVALID_FORMAT'],
      [1, 'gradePerformed', 'INVALID_FORMAT'],
      [2, 'stage', 'BAD_USER_INPUT'],
      [3, 'score', 'INVALID_FORMAT'],
      [4, 'subject', 'NOT_FOUND'],
      [5, 'organizationCode', 'NOT_FOUND'],
      [6, 'academicYear', 'INVALID_FORMAT'],
      [7, 'studentCode', 'INVALID_FORMAT'],
      [8, 'gradePerformed', 'INVALID_FORMAT'],
      [10, 'studentCode', 'DUPLICATE'],
    ]);
    expect(result.errors[0].message).toBe(
      'Муниципальный этап ВсОШ проводится для 7–11 классов, указан 6',
    );
    expect(result.errors[1].message).toContain('только по русскому языку и математике');
    expect(result.errors[2].message).toBe(
      'Нет записи школьного этапа 2024/2025 по предмету «Математика» и нет диплома муниципального этапа 2023/2024: ученик не мог быть допущен к муниципальному этапу',
    );
    expect(result.errors[10 - 1].message).toContain('строка 10');
    expect(await count()).toBe(0);
  });

  it('writes a chain of stages in one protocol and creates the pupils from it', async () => {
    const result = await upsert([
      entry({
        studentCode: 'P-1',
        fullName: 'Орлова Анна',
        birthYear: 2009,
        score: 88,
        status: 'WINNER',
      }),
      entry({ studentCode: 'P-1', stage: 'MUNICIPAL', score: 61, status: 'PRIZE_WINNER' }),
      entry({ studentCode: 'P-1', stage: 'REGIONAL', score: 30 }),
      // writes grade 11's paper at the school stage and keeps it at the municipal one
      entry({
        studentCode: 'P-2',
        subject: 'физика',
        gradeActual: 10,
        gradePerformed: 11,
        score: 70,
      }),
      entry({
        studentCode: 'P-2',
        subject: 'PHYS',
        stage: 'MUNICIPAL',
        gradeActual: 10,
        gradePerformed: 11,
      }),
      entry({
        studentCode: 'P-3',
        subject: 'русский язык',
        gradeActual: 4,
        organizationCode: 'ol-m2',
        status: 'PRIZE_WINNER',
      }),
    ]);
    expect(result.errors).toEqual([]);
    expect(result.created).toBe(6);
    expect(result.rows[0]).toMatchObject({
      academicYear: '2024/2025',
      stage: 'SCHOOL',
      status: 'WINNER',
      subject: { code: 'MATH' },
      student: { code: 'P-1', fullName: 'Орлова Анна', grade: 9, organization: { code: 'ol-m1' } },
    });
    expect(result.rows[3]).toMatchObject({ subject: { code: 'PHYS' }, gradePerformed: 11 });
    expect(await count()).toBe(6);
  });

  it('admits by last year’s diploma of the stage, and keeps the grade chosen earlier', async () => {
    const result = await upsert([
      // P-1 was a municipal prize-winner in 2024/2025: admitted to the 2025/2026 municipal stage
      entry({ academicYear: '2025/2026', studentCode: 'P-1', stage: 'MUNICIPAL', gradeActual: 10 }),
      // P-2 wrote grade 11 at the school stage: the municipal paper cannot be grade 10's
      entry({
        studentCode: 'P-2',
        subject: 'PHYS',
        stage: 'REGIONAL',
        gradeActual: 10,
        gradePerformed: 10,
      }),
      // P-3 has no diploma and no school-stage entry in 2025/2026
      entry({
        academicYear: '2025/2026',
        studentCode: 'P-3',
        subject: 'RUS',
        stage: 'MUNICIPAL',
        gradeActual: 7,
        organizationCode: 'ol-m2',
      }),
    ]);
    expect(result.errors.map((e: any) => [e.index, e.field])).toEqual([
      [1, 'gradePerformed'],
      [2, 'stage'],
    ]);
    expect(result.errors[0].message).toBe(
      'На муниципальном этапе ученик выполнял задания 11 класса: на следующих этапах — не ниже 11 класса, указан 10',
    );
    const admitted = await upsert([
      result &&
        entry({
          academicYear: '2025/2026',
          studentCode: 'P-1',
          stage: 'MUNICIPAL',
          gradeActual: 10,
        }),
    ]);
    expect(admitted.ok).toBe(true);
    // The pupil moves up a grade with the newer year; an older protocol does not move it back.
    expect(admitted.rows[0].student.grade).toBe(10);
    const older = await upsert([entry({ studentCode: 'P-1', subject: 'INF', score: 10 })]);
    expect(older.rows[0].student.grade).toBe(10);
  });

  it('refuses a duplicate of a stored entry, updates with its version, flags a stale one', async () => {
    const duplicate = await upsert([entry({ studentCode: 'P-1', score: 90 })]);
    expect(duplicate.errors).toEqual([
      expect.objectContaining({ index: 0, field: 'version', code: 'DUPLICATE' }),
    ]);
    const listed = await hub.gql(
      '{ olympiadRecords(filter: { studentCode: { eq: "P-1" }, stage: [SCHOOL], subjectCode: { eq: "MATH" } }) { nodes { id version score } } }',
    );
    const [stored] = listed.data!.olympiadRecords.nodes;
    const updated = await upsert([
      entry({ studentCode: 'P-1', score: 90, version: stored.version }),
    ]);
    expect(updated).toMatchObject({ ok: true, created: 0, updated: 1 });
    expect(updated.rows[0].score).toBe(90);
    const stale = await upsert([entry({ studentCode: 'P-1', score: 91, version: stored.version })]);
    expect(stale.errors).toEqual([expect.objectContaining({ field: 'version', code: 'CONFLICT' })]);
    // A protocol re-imported with replacement overwrites by key, without versions.
    const replaced = await upsert([entry({ studentCode: 'P-1', score: 92, status: 'WINNER' })], {
      replace: true,
    });
    expect(replaced).toMatchObject({ ok: true, created: 0, updated: 1 });
  });

  it('keeps the entry a later stage was admitted by, unless both go', async () => {
    const { data } = await hub.gql(
      '{ olympiadRecords(filter: { studentCode: { eq: "P-2" }, academicYear: "2024/2025" }) { nodes { id version stage } } }',
    );
    const byStage = Object.fromEntries(data!.olympiadRecords.nodes.map((n: any) => [n.stage, n]));
    const school = entry({
      studentCode: 'P-2',
      subject: 'PHYS',
      gradeActual: 10,
      gradePerformed: 11,
      delete: true,
      version: byStage.SCHOOL.version,
    });
    const refused = await upsert([school]);
    expect(refused.errors).toEqual([
      expect.objectContaining({ index: 0, field: 'delete', code: 'CONFLICT' }),
    ]);
    const both = await upsert([
      school,
      entry({
        studentCode: 'P-2',
        subject: 'PHYS',
        stage: 'MUNICIPAL',
        gradeActual: 10,
        gradePerformed: 11,
        delete: true,
        version: byStage.MUNICIPAL.version,
      }),
    ]);
    expect(both).toMatchObject({ ok: true, deleted: 2 });
  });

  it('imports a 5,000-row protocol in one atomic request; one bad row rejects it all', async () => {
    const subjects = ['MATH', 'RUS', 'PHYS', 'CHEM', 'BIO'];
    const protocol = Array.from({ length: 5000 }, (_, i) =>
      entry({
        academicYear: '2025/2026',
        studentCode: `BULK-${Math.floor(i / 5)}`,
        subject: subjects[i % 5],
        organizationCode: Math.floor(i / 5) % 2 ? 'ol-m1' : 'ol-m2',
        gradeActual: 7 + (Math.floor(i / 5) % 5),
        score: (i * 37) % 100,
        fullName: `Ученик ${Math.floor(i / 5)}`,
      }),
    );
    // Row 3,457 of the file (index 3456) breaks the maximum: nothing is written.
    const broken = protocol.map((row, i) => (i === 3456 ? { ...row, score: 150 } : row));
    const before = await count();
    const refused = await upsert(broken);
    expect(refused.ok).toBe(false);
    expect(refused.errors.map((e: any) => [e.index, e.field])).toEqual([[3456, 'score']]);
    expect(await count()).toBe(before);
    // The fixed file goes in whole.
    const { data } = await hub.gql(
      `mutation ($rows: [OlympiadRecordInput!]!) { upsertOlympiadRecords(rows: $rows) { ok created errors { index } } }`,
      { rows: protocol },
    );
    expect(data!.upsertOlympiadRecords).toEqual({ ok: true, created: 5000, errors: [] });
    expect(await count()).toBe(before + 5000);
    const students = await hub.orm.em
      .fork()
      .getConnection()
      .execute("select count(*)::int as n from student where code like 'BULK-%'");
    expect(students[0].n).toBe(1000);
  });

  it('lists the talent bank by the configured stage and years; names stay in scope', async () => {
    const query = `{ talentBank(filter: { academicYear: "2025/2026" }) {
      totalCount nodes { code fullName diplomas olympiadRecords { academicYear stage status } } } }`;
    const bank = await hub.gql(query);
    // P-1: municipal prize-winner 2024/2025 (school-stage diplomas do not count by default).
    expect(bank.data!.talentBank.nodes.map((n: any) => n.code)).toEqual(['P-1']);
    expect(bank.data!.talentBank.nodes[0]).toMatchObject({ fullName: 'Орлова Анна', diplomas: 2 });
    await hub.gql('mutation { updateOlympiadSettings(settings: { talentMinStage: "school" }) }');
    const wider = await hub.gql(query);
    expect(wider.data!.talentBank.nodes.map((n: any) => n.code)).toEqual(['P-1', 'P-3']);
    await hub.gql('mutation { updateOlympiadSettings(settings: {}) }');
    const bad = await hub.gql('mutation { updateOlympiadSettings(settings: { talentYears: 0 }) }');
    expect(bad.errors?.[0].extensions?.field).toBe('talentYears');

    const chernogorsk = await hub.tokenFor({
      login: 'ol-c',
      role: 'MUNICIPAL_METHODOLOGIST',
      municipalityId: ids['19-chernogorsk'],
    });
    const theirs = await hub.gql(query, {}, { token: chernogorsk });
    expect(theirs.data!.talentBank.totalCount).toBe(0);
    const malyshevsky = await hub.tokenFor({
      login: 'ol-m',
      role: 'MUNICIPAL_METHODOLOGIST',
      municipalityId: ids['66-malyshevsky'],
    });
    const own = await hub.gql(query, {}, { token: malyshevsky });
    expect(own.data!.talentBank.nodes[0].fullName).toBe('Орлова Анна');
    // A methodologist elsewhere cannot write this municipality's protocol.
    const foreign = await hub.gql(
      UPSERT,
      { rows: [entry({ studentCode: 'P-77' })] },
      { token: chernogorsk },
    );
    expect(foreign.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('lets the region’s analyst enter the regional and final stages, nothing else', async () => {
    const { data } = await hub.gql('{ municipalities { nodes { code region { id } } } }');
    const regionOf = (code: string) =>
      data!.municipalities.nodes.find((m: any) => m.code === code).region.id;
    const sverdlovsk = await hub.tokenFor({
      login: 'ol-a66',
      role: 'REGIONAL_ANALYST',
      regionId: regionOf('66-malyshevsky'),
    });
    const khakassia = await hub.tokenFor({
      login: 'ol-a19',
      role: 'REGIONAL_ANALYST',
      regionId: regionOf('19-chernogorsk'),
    });
    // P-1 took the 2025/2026 municipal stage in mathematics (admitted by last year's diploma).
    const regional = entry({
      academicYear: '2025/2026',
      studentCode: 'P-1',
      stage: 'REGIONAL',
      gradeActual: 10,
      score: 44,
    });
    const foreign = await hub.gql(UPSERT, { rows: [regional] }, { token: khakassia });
    expect(foreign.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const schoolStage = await hub.gql(
      UPSERT,
      {
        rows: [
          entry({ academicYear: '2025/2026', studentCode: 'P-1', subject: 'BIO', gradeActual: 10 }),
        ],
      },
      { token: sverdlovsk },
    );
    expect(schoolStage.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const own = await upsert([regional], {}, sverdlovsk);
    expect(own).toMatchObject({ ok: true, created: 1 });
  });

  it('never gives a dashboard token a name: rows refused, the funnel has none', async () => {
    const created = await hub.gql(
      'mutation { createApiToken(input: { name: "Дашборд олимпиад", role: DASHBOARD }) { token } }',
    );
    const token = created.data!.createApiToken.token;
    for (const query of [
      '{ olympiadRecords { nodes { student { fullName } } } }',
      '{ talentBank { nodes { fullName } } }',
      `{ olympiadRecheck(input: { academicYear: "2025/2026", municipalityId: "${ids['66-malyshevsky']}" }) { works { record { student { fullName } } } } }`,
    ]) {
      const refused = await hub.gql(query, {}, { token });
      expect(refused.status).toBe(403);
      expect(refused.data ?? null).toBeNull();
    }
    const funnel = await hub.gql(
      `{ olympiadFunnel(input: { academicYear: "2025/2026", municipalityId: "${ids['66-malyshevsky']}" }) { unitName stages { stage participants } } }`,
      {},
      { token },
    );
    expect(funnel.errors).toBeUndefined();
    expect(JSON.stringify(funnel.data)).not.toContain('Орлова');
    // The funnel's types carry no personal field at all.
    const type = await hub.gql(
      '{ a: __type(name: "OlympiadFunnelRow") { fields { name } } b: __type(name: "OlympiadStageFigures") { fields { name } } }',
      {},
      { token },
    );
    const fields = [...type.data!.a.fields, ...type.data!.b.fields].map((f: any) => f.name);
    expect(fields.some((name: string) => /name/i.test(name) && name !== 'unitName')).toBe(false);
  });
});
