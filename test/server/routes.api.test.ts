// Individual routes (ИОМ) and mentorships: a route closes when a later diagnosis no longer shows
// its deficits (and reopens if that diagnosis is corrected), the mentees-per-mentor limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeCloses } from '../../server/modules/teachers/deficits';
import { CompetencyArea } from '../../server/modules/teachers/teachers.enums';
import {
  Municipality,
  Organization,
  OrganizationKind,
} from '../../server/modules/geography/geography.entity';
import { DATABASE_TARGETS, startTestServer, type TestServer } from '../helpers/server';

const { SUBJECT, METHODICAL } = CompetencyArea;

describe('route closure rule', () => {
  const measured = [SUBJECT, METHODICAL];
  it('closes when every targeted area was measured and none is a deficit', () => {
    expect(routeCloses([SUBJECT, METHODICAL], { deficits: [], measured })).toBe(true);
    expect(routeCloses([SUBJECT], { deficits: [METHODICAL], measured })).toBe(true);
    expect(routeCloses([SUBJECT, METHODICAL], { deficits: [METHODICAL], measured })).toBe(false);
    // Not measured by the later instrument: the deficit may still be there.
    expect(routeCloses([SUBJECT, METHODICAL], { deficits: [], measured: [SUBJECT] })).toBe(false);
    expect(routeCloses([], { deficits: [], measured })).toBe(false);
  });
});

const area = (name: string, deficitBelow: number) => ({ area: name, maxScore: 100, deficitBelow });
const CAMPAIGNS = [
  {
    code: 'C-SEP',
    name: 'Сентябрь',
    heldOn: '2024-09-15',
    areas: [area('SUBJECT', 50), area('METHODICAL', 60)],
  },
  {
    code: 'C-DEC',
    name: 'Декабрь (только предметная)',
    heldOn: '2024-12-10',
    areas: [area('SUBJECT', 50)],
  },
  {
    code: 'C-APR',
    name: 'Апрель',
    heldOn: '2025-04-15',
    areas: [area('SUBJECT', 50), area('METHODICAL', 60)],
  },
];
const ROUTES = `mutation ($rows: [IndividualRouteInput!]!) {
  upsertIndividualRoutes(rows: $rows) {
    ok created updated errors { index field code message }
    rows { id version status targetedDeficits steps { kind title hours } }
  }
}`;
const ROUTE = `{ individualRoutes { nodes { id version status closedOn closedBy { campaign { code } } diagnostic { campaign { code } } targetedDeficits } } }`;
const RESULTS = `mutation ($rows: [DiagnosticResultInput!]!) {
  upsertDiagnosticResults(rows: $rows) { ok errors { index field message } }
}`;
const PAIRS = `mutation ($rows: [MentorshipInput!]!) {
  upsertMentorships(rows: $rows) {
    ok created updated errors { index field code message }
    rows { id version status mentor { personnelCode } mentee { personnelCode youngSpecialist } }
  }
}`;

describe.each(DATABASE_TARGETS)('routes and mentorships on %s', (target) => {
  let hub: TestServer;

  beforeAll(async () => {
    hub = await startTestServer(target, { today: '2024-10-01' });
    const em = hub.orm.em.fork();
    em.create(Organization, {
      municipality: await em.findOneOrFail(Municipality, { code: '66-malyshevsky' }),
      code: 'rt-1',
      name: 'Школа rt-1',
      kind: OrganizationKind.SCHOOL,
    });
    await em.flush();
    const teacher = (code: string, birthYear: number, years: number) => ({
      personnelCode: code,
      organizationCode: 'rt-1',
      fullName: `Педагог ${code}`,
      birthYear,
      totalExperienceYears: years,
      teachingExperienceYears: years,
    });
    const setup = await hub.gql(
      `mutation ($t: [TeacherInput!]!, $c: [DiagnosticCampaignInput!]!) {
        upsertTeachers(rows: $t) { ok }
        upsertDiagnosticCampaigns(rows: $c) { ok }
      }`,
      {
        t: [
          teacher('Y-1', 2000, 1),
          teacher('Y-2', 1999, 2),
          teacher('Y-3', 2001, 0),
          teacher('M-1', 1975, 25),
          teacher('M-2', 1980, 20),
        ],
        c: CAMPAIGNS,
      },
    );
    expect(setup.errors).toBeUndefined();
    const results = await hub.gql(RESULTS, {
      rows: [
        { campaignCode: 'C-SEP', personnelCode: 'Y-1', scores: { SUBJECT: 40, METHODICAL: 50 } },
        { campaignCode: 'C-SEP', personnelCode: 'M-1', scores: { SUBJECT: 90, METHODICAL: 80 } },
      ],
    });
    expect(results.data!.upsertDiagnosticResults.ok).toBe(true);
  });

  afterAll(async () => {
    await hub?.stop();
  });

  const route = async () => (await hub.gql(ROUTE)).data!.individualRoutes.nodes[0];

  it('refuses bad routes naming row and field', async () => {
    const { data } = await hub.gql(ROUTES, {
      rows: [
        { personnelCode: 'M-1', campaignCode: 'C-SEP', openedOn: '2024-10-01' },
        { personnelCode: 'Y-1', campaignCode: 'C-APR', openedOn: '2024-10-01' },
        { personnelCode: 'Y-1', campaignCode: 'C-SEP', openedOn: '2024-10-01', status: 'CLOSED' },
        {
          personnelCode: 'Y-1',
          campaignCode: 'C-SEP',
          openedOn: '2024-10-01',
          steps: [{ kind: 'SELF_STUDY', title: 'Чтение', dueDate: '31.12.2024' }],
        },
      ],
    });
    expect(data!.upsertIndividualRoutes.errors.map((e: any) => [e.index, e.field, e.code])).toEqual(
      [
        [0, 'targetedDeficits', 'REQUIRED'],
        [1, 'campaignCode', 'NOT_FOUND'],
        [2, 'status', 'INVALID_FORMAT'],
        [3, 'steps[0].dueDate', 'INVALID_FORMAT'],
      ],
    );
  });

  it('opens a route on the deficits of a diagnosis, with its steps', async () => {
    const { data } = await hub.gql(ROUTES, {
      rows: [
        {
          personnelCode: 'Y-1',
          campaignCode: 'C-SEP',
          openedOn: '2024-10-01',
          tutor: 'Методист ММС',
          steps: [
            {
              kind: 'REFRESHER_COURSE',
              title: 'КПК «Методика преподавания»',
              provider: 'ЦНППМ',
              hours: 36,
              dueDate: '2024-12-20',
            },
            { kind: 'MENTORING', title: 'Наставничество', dueDate: '2025-05-31' },
          ],
        },
      ],
    });
    expect(data!.upsertIndividualRoutes).toMatchObject({ ok: true, created: 1 });
    expect(data!.upsertIndividualRoutes.rows[0]).toMatchObject({
      status: 'OPEN',
      targetedDeficits: ['SUBJECT', 'METHODICAL'],
      steps: [
        { kind: 'REFRESHER_COURSE', title: 'КПК «Методика преподавания»', hours: 36 },
        { kind: 'MENTORING', title: 'Наставничество', hours: null },
      ],
    });
  });

  it('stays open while a deficit remains or was not measured, closes when none is left, reopens on a correction', async () => {
    // December measures only the subject area: methodical not measured, the route stays open.
    await hub.gql(RESULTS, {
      rows: [{ campaignCode: 'C-DEC', personnelCode: 'Y-1', scores: { SUBJECT: 70 } }],
    });
    expect(await route()).toMatchObject({ status: 'OPEN', closedOn: null });
    // April: methodical 55 < 60 is still a deficit.
    await hub.gql(RESULTS, {
      rows: [
        { campaignCode: 'C-APR', personnelCode: 'Y-1', scores: { SUBJECT: 70, METHODICAL: 55 } },
      ],
    });
    expect(await route()).toMatchObject({ status: 'OPEN', closedOn: null });
    // The April result corrected to 65: neither deficit is left, the route closes on that date.
    await hub.gql(RESULTS, {
      rows: [
        { campaignCode: 'C-APR', personnelCode: 'Y-1', scores: { SUBJECT: 70, METHODICAL: 65 } },
      ],
    });
    expect(await route()).toMatchObject({
      status: 'CLOSED',
      closedOn: '2025-04-15',
      closedBy: { campaign: { code: 'C-APR' } },
      diagnostic: { campaign: { code: 'C-SEP' } },
    });
    // Corrected back below the threshold: the diagnosis that closed it no longer does.
    await hub.gql(RESULTS, {
      rows: [
        { campaignCode: 'C-APR', personnelCode: 'Y-1', scores: { SUBJECT: 70, METHODICAL: 50 } },
      ],
    });
    expect(await route()).toMatchObject({ status: 'OPEN', closedOn: null, closedBy: null });
  });

  it('limits live mentees per mentor (configurable) over stored pairs and the batch', async () => {
    const settings = await hub.gql(
      'mutation { updateTeacherSettings(settings: { maxMenteesPerMentor: 2 }) }',
    );
    expect(settings.data!.updateTeacherSettings).toEqual({ maxMenteesPerMentor: 2 });
    const pair = (mentee: string, extra: object = {}) => ({
      mentorCode: 'M-1',
      menteeCode: mentee,
      form: 'TEACHER_TEACHER',
      startedOn: '2024-09-01',
      ...extra,
    });
    const over = await hub.gql(PAIRS, {
      rows: [pair('Y-1'), pair('Y-2'), pair('Y-3'), pair('M-1')],
    });
    expect(over.data!.upsertMentorships.errors.map((e: any) => [e.index, e.field, e.code])).toEqual(
      [
        [2, 'mentorCode', 'INVALID_FORMAT'],
        [3, 'menteeCode', 'INVALID_FORMAT'],
      ],
    );
    expect(over.data!.upsertMentorships.errors[0].message).toContain(
      '3 наставляемых при пределе 2',
    );
    // A completed pair does not take the mentor's time.
    const ok = await hub.gql(PAIRS, {
      rows: [pair('Y-1'), pair('Y-2'), pair('Y-3', { status: 'COMPLETED', endedOn: '2024-09-30' })],
    });
    expect(ok.data!.upsertMentorships).toMatchObject({ ok: true, created: 3 });
    expect(ok.data!.upsertMentorships.rows[0].mentee).toEqual({
      personnelCode: 'Y-1',
      youngSpecialist: true,
    });
    // Re-activating the completed pair would make three.
    const completed = ok.data!.upsertMentorships.rows[2];
    const third = await hub.gql(PAIRS, {
      rows: [{ ...pair('Y-3'), id: completed.id, version: completed.version, status: 'ACTIVE' }],
    });
    expect(third.data!.upsertMentorships.errors[0]).toMatchObject({ field: 'mentorCode' });
    // Another mentor takes Y-3; the limit is per mentor.
    const other = await hub.gql(PAIRS, {
      rows: [
        {
          ...pair('Y-3'),
          id: completed.id,
          version: completed.version,
          mentorCode: 'M-2',
          status: 'ACTIVE',
        },
      ],
    });
    expect(other.data!.upsertMentorships).toMatchObject({ ok: true, updated: 1 });
    const bad = await hub.gql(
      'mutation { updateTeacherSettings(settings: { maxMenteesPerMentor: 0 }) }',
    );
    expect(bad.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'maxMenteesPerMentor',
    });
  });

  it('hides routes and pairs from dashboards and keeps names from readers out of scope', async () => {
    const dashboard = (
      await hub.gql('mutation { createApiToken(input: { name: "d", role: DASHBOARD }) { token } }')
    ).data!.createApiToken.token;
    for (const q of [ROUTE, '{ mentorships { totalCount } }']) {
      const refused = await hub.gql(q, {}, { token: dashboard });
      expect(refused.errors![0].extensions!.code).toBe('FORBIDDEN');
    }
    const { data } = await hub.gql('{ municipalities { nodes { id code } } }');
    const other = data!.municipalities.nodes.find((m: any) => m.code === '19-chernogorsk').id;
    const token = await hub.tokenFor({
      login: 'rt-c',
      role: 'MUNICIPAL_METHODOLOGIST',
      municipalityId: other,
    });
    const seen = await hub.gql(
      '{ mentorships { totalCount } individualRoutes { totalCount } }',
      {},
      { token },
    );
    expect(seen.data).toEqual({
      mentorships: { totalCount: 0 },
      individualRoutes: { totalCount: 0 },
    });
  });
});
