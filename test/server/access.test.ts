import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Municipality,
  Organization,
  OrganizationKind,
} from '../../server/modules/geography/geography.entity';
import {
  AssessmentProcedure,
  LowResultStatus,
  ObjectivitySign,
} from '../../server/modules/assessments/assessments.entity';
import {
  LowResultKind,
  ObjectivitySignKind,
} from '../../server/modules/assessments/assessments.enums';
import { startTestServer, type TestServer } from '../helpers/server';

type Outcome = number | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'NOT_FOUND';
type RoleName = 'admin' | 'analyst' | 'methodologist' | 'coordinator' | 'dashboard' | 'anonymous';
const ROLES: RoleName[] = [
  'admin',
  'analyst',
  'methodologist',
  'coordinator',
  'dashboard',
  'anonymous',
];

// Scopes: the analyst and the methodologist belong to Свердловская обл. / Малышевский ГО,
// which has 112 seeded activities; the dashboard token has no scope (the whole hub).
const LIST_QUERIES: {
  name: string;
  query: string;
  count: (data: any) => number;
  expected: Record<RoleName, Outcome>;
}[] = [
  {
    name: 'activities',
    query: '{ activities(first: 0) { totalCount } }',
    count: (d) => d.activities.totalCount,
    expected: {
      admin: 255,
      analyst: 112,
      methodologist: 112,
      coordinator: 112,
      dashboard: 'FORBIDDEN',
      anonymous: 'UNAUTHENTICATED',
    },
  },
  {
    name: 'roadmaps',
    query: '{ roadmaps { totalCount } }',
    count: (d) => d.roadmaps.totalCount,
    expected: {
      admin: 3,
      analyst: 1,
      methodologist: 1,
      coordinator: 1,
      dashboard: 'FORBIDDEN',
      anonymous: 'UNAUTHENTICATED',
    },
  },
  {
    name: 'activityOccurrences (Черногорск only)',
    query:
      '{ activityOccurrences(first: 0, filter: { text: { contains: "Черногорск" } }) { totalCount } }',
    count: (d) => (d.activityOccurrences.totalCount > 0 ? 1 : 0),
    expected: {
      admin: 1,
      analyst: 0,
      methodologist: 0,
      coordinator: 0,
      dashboard: 'FORBIDDEN',
      anonymous: 'UNAUTHENTICATED',
    },
  },
  {
    name: 'roadmapCoverage',
    query: '{ roadmapCoverage(asOf: "2022-06-15") { municipalities { id } } }',
    count: (d) => d.roadmapCoverage.municipalities.length,
    expected: {
      admin: 5,
      analyst: 1,
      methodologist: 1,
      coordinator: 1,
      dashboard: 5,
      anonymous: 'UNAUTHENTICATED',
    },
  },
  {
    name: 'municipalities (directory)',
    query: '{ municipalities { totalCount } }',
    count: (d) => d.municipalities.totalCount,
    expected: {
      admin: 5,
      analyst: 5,
      methodologist: 5,
      coordinator: 5,
      dashboard: 5,
      anonymous: 'UNAUTHENTICATED',
    },
  },
  {
    name: 'roadmaps nested under municipalities',
    query: '{ municipalities { nodes { roadmaps { id } } } }',
    count: (d) => d.municipalities.nodes.flatMap((m: any) => m.roadmaps).length,
    expected: {
      admin: 3,
      analyst: 1,
      methodologist: 1,
      coordinator: 1,
      dashboard: 0,
      anonymous: 'UNAUTHENTICATED',
    },
  },
  {
    // The school in Малышевский: rows of its municipality, as the roadmaps above.
    name: 'organizations nested under municipalities',
    query: '{ municipalities { nodes { organizations { code } } } }',
    count: (d) => d.municipalities.nodes.flatMap((m: any) => m.organizations).length,
    expected: {
      admin: 1,
      analyst: 1,
      methodologist: 1,
      coordinator: 1,
      dashboard: 0,
      anonymous: 'UNAUTHENTICATED',
    },
  },
  {
    // T-A and T-B of that school, through the organizations directory (open to dashboards).
    name: 'teachers nested under organizations',
    query: '{ organizations { nodes { teachers { personnelCode fullName } } } }',
    count: (d) => d.organizations.nodes.flatMap((o: any) => o.teachers).length,
    expected: {
      admin: 2,
      analyst: 2,
      methodologist: 2,
      coordinator: 2,
      dashboard: 0,
      anonymous: 'UNAUTHENTICATED',
    },
  },
  {
    // T-A's result; T-B has none.
    name: 'latestDiagnostic nested under teachers',
    query: '{ organizations { nodes { teachers { latestDiagnostic { id } } } } }',
    count: (d) =>
      d.organizations.nodes
        .flatMap((o: any) => o.teachers)
        .filter((t: any) => t.latestDiagnostic !== null).length,
    expected: {
      admin: 1,
      analyst: 1,
      methodologist: 1,
      coordinator: 1,
      dashboard: 0,
      anonymous: 'UNAUTHENTICATED',
    },
  },
  {
    name: 'indicators (catalogue)',
    query: '{ indicators(first: 0) { totalCount } }',
    count: (d) => (d.indicators.totalCount >= 30 ? 1 : 0),
    expected: {
      admin: 1,
      analyst: 1,
      methodologist: 1,
      coordinator: 1,
      dashboard: 1,
      anonymous: 'UNAUTHENTICATED',
    },
  },
  {
    // Values set up below: one of the school in Малышевский, one of Малышевский, one of Черногорск.
    // Set up below, plus the school's 1.1.OBJ_SIGNS written by the analysis run.
    name: 'indicatorValues',
    query: '{ indicatorValues { totalCount } }',
    count: (d) => d.indicatorValues.totalCount,
    expected: {
      admin: 4,
      analyst: 3,
      methodologist: 3,
      coordinator: 3,
      dashboard: 'FORBIDDEN',
      anonymous: 'UNAUTHENTICATED',
    },
  },
  {
    name: 'compareIndicators (Свердловская обл.)',
    query: `{ compareIndicators(input: { indicatorCodes: ["2.1.RESERVE"], periods: ["2024"], regionId: "$REGION" }) { rows { value } } }`,
    count: (d) => d.compareIndicators.rows.filter((row: any) => row.value !== null).length,
    expected: {
      admin: 1,
      analyst: 1,
      methodologist: 1,
      coordinator: 'FORBIDDEN',
      dashboard: 1,
      anonymous: 'UNAUTHENTICATED',
    },
  },
  {
    name: 'mumMatrix (Свердловская обл.)',
    query: '{ mumMatrix(regionId: "$REGION") { municipalities { id } } }',
    count: (d) => d.mumMatrix.municipalities.length,
    expected: {
      admin: 1,
      analyst: 1,
      methodologist: 1,
      coordinator: 1,
      dashboard: 1,
      anonymous: 'UNAUTHENTICATED',
    },
  },
  {
    name: 'regions (directory)',
    query: '{ regions { id } }',
    count: (d) => (d.regions.length >= 4 ? 1 : 0),
    expected: {
      admin: 1,
      analyst: 1,
      methodologist: 1,
      coordinator: 1,
      dashboard: 1,
      anonymous: 'UNAUTHENTICATED',
    },
  },
  {
    name: 'directions (directory)',
    query: '{ directions { code } }',
    count: (d) => (d.directions.length === 11 ? 1 : 0),
    expected: {
      admin: 1,
      analyst: 1,
      methodologist: 1,
      coordinator: 1,
      dashboard: 1,
      anonymous: 'UNAUTHENTICATED',
    },
  },
  {
    name: 'cycleComponents (directory)',
    query: '{ cycleComponents { code } }',
    count: (d) => (d.cycleComponents.length === 9 ? 1 : 0),
    expected: {
      admin: 1,
      analyst: 1,
      methodologist: 1,
      coordinator: 1,
      dashboard: 1,
      anonymous: 'UNAUTHENTICATED',
    },
  },
  {
    name: 'organizations (directory)',
    query: '{ organizations { totalCount } }',
    count: (d) => (d.organizations.totalCount >= 1 ? 1 : 0),
    expected: {
      admin: 1,
      analyst: 1,
      methodologist: 1,
      coordinator: 1,
      dashboard: 1,
      anonymous: 'UNAUTHENTICATED',
    },
  },
  {
    // Малышевский: in every scoped role's aggregate scope (its region, or itself).
    name: 'indicatorSeries (Малышевский)',
    query:
      '{ indicatorSeries(input: { indicatorCodes: ["2.1.RESERVE"], municipalityIds: ["$MALYSHEVSKY"] }) { value } }',
    count: (d) => d.indicatorSeries.length,
    expected: {
      admin: 1,
      analyst: 1,
      methodologist: 1,
      coordinator: 1,
      dashboard: 1,
      anonymous: 'UNAUTHENTICATED',
    },
  },
  {
    // Reserve sizes: Малышевский 7, Черногорск 3; each viewer totals its aggregate scope.
    name: 'indicatorAggregate (total)',
    query:
      '{ indicatorAggregate(input: { indicatorCodes: ["2.1.RESERVE"], periods: ["2024"], groupBy: [] }) { value } }',
    count: (d) => d.indicatorAggregate[0]?.value ?? 0,
    expected: {
      admin: 10,
      analyst: 7,
      methodologist: 7,
      coordinator: 7,
      dashboard: 10,
      anonymous: 'UNAUTHENTICATED',
    },
  },
  {
    name: 'historyBatch',
    query: '{ historyBatch(batchId: "none") { id } }',
    count: (d) => d.historyBatch.length,
    expected: {
      admin: 0,
      analyst: 'FORBIDDEN',
      methodologist: 'FORBIDDEN',
      coordinator: 'FORBIDDEN',
      dashboard: 'FORBIDDEN',
      anonymous: 'UNAUTHENTICATED',
    },
  },
  {
    name: 'assessmentProcedures (directory)',
    query: '{ assessmentProcedures { totalCount } }',
    count: (d) => d.assessmentProcedures.totalCount,
    expected: {
      admin: 1,
      analyst: 1,
      methodologist: 1,
      coordinator: 1,
      dashboard: 1,
      anonymous: 'UNAUTHENTICATED',
    },
  },
  {
    // One result set up below, of the school in Малышевский.
    name: 'assessmentResults',
    query: '{ assessmentResults { totalCount } }',
    count: (d) => d.assessmentResults.totalCount,
    expected: {
      admin: 1,
      analyst: 1,
      methodologist: 1,
      coordinator: 1,
      dashboard: 'FORBIDDEN',
      anonymous: 'UNAUTHENTICATED',
    },
  },
  ...(
    [
      // One sign and one status of the school in Малышевский, and one run of its region.
      [
        'objectivitySigns',
        '{ objectivitySigns { totalCount } }',
        (d: any) => d.objectivitySigns.totalCount,
      ],
      [
        'lowResultSchools',
        '{ lowResultSchools { totalCount } }',
        (d: any) => d.lowResultSchools.totalCount,
      ],
      [
        'assessmentAnalysisRuns',
        '{ assessmentAnalysisRuns { totalCount } }',
        (d: any) => d.assessmentAnalysisRuns.totalCount,
      ],
      // Teachers of the school in Малышевский, one campaign, one result, one route, one pair.
      // Two teachers (T-A, T-B) of that school.
      [
        'teachers',
        '{ teachers { totalCount } }',
        (d: any) => (d.teachers.totalCount === 2 ? 1 : 0),
      ],
      [
        'diagnosticCampaigns',
        '{ diagnosticCampaigns { totalCount } }',
        (d: any) => d.diagnosticCampaigns.totalCount,
      ],
      [
        'individualRoutes',
        '{ individualRoutes { totalCount } }',
        (d: any) => d.individualRoutes.totalCount,
      ],
      ['mentorships', '{ mentorships { totalCount } }', (d: any) => d.mentorships.totalCount],
      [
        'teacherSettings',
        '{ teacherSettings }',
        (d: any) => (d.teacherSettings.maxMenteesPerMentor === 3 ? 1 : 0),
      ],
      [
        'diagnosticResults',
        '{ diagnosticResults { totalCount } }',
        (d: any) => d.diagnosticResults.totalCount,
      ],
      // One pupil of the school in Малышевский: school-stage winner, municipal prize-winner.
      [
        'olympiadRecords',
        '{ olympiadRecords { totalCount } }',
        (d: any) => (d.olympiadRecords.totalCount === 2 ? 1 : 0),
      ],
      [
        'gradeEnrolments',
        '{ gradeEnrolments { totalCount } }',
        (d: any) => d.gradeEnrolments.totalCount,
      ],
      [
        'talentBank',
        '{ talentBank(filter: { academicYear: "2024/2025" }) { totalCount } }',
        (d: any) => d.talentBank.totalCount,
      ],
      [
        'olympiadRecheck',
        '{ olympiadRecheck(input: { academicYear: "2024/2025", municipalityId: "$MALYSHEVSKY" }) { works { percent } } }',
        (d: any) => (Array.isArray(d.olympiadRecheck.works) ? 1 : 0),
      ],
      [
        'olympiadSettings',
        '{ olympiadSettings }',
        (d: any) => (d.olympiadSettings.outlierZ === 3.5 ? 1 : 0),
      ],
      [
        'assessmentAnalysisSettings',
        '{ assessmentAnalysisSettings }',
        (d: any) => (d.assessmentAnalysisSettings.objectivity.highVsRegion.z === 1.96 ? 1 : 0),
      ],
    ] as const
  ).map(([name, query, count]) => ({
    name,
    query,
    count,
    expected: {
      admin: 1,
      analyst: 1,
      methodologist: 1,
      coordinator: 1,
      dashboard: 'FORBIDDEN' as const,
      anonymous: 'UNAUTHENTICATED' as const,
    },
  })),
  {
    // Teachers' aggregates of Свердловская обл. (T-A's subject deficit); a coordinator reads its
    // own municipality only, as for compareIndicators.
    name: 'deficitHeatmap',
    query:
      '{ deficitHeatmap(input: { academicYear: "2024/2025", regionId: "$REGION" }) { withDeficit } }',
    count: (d) => d.deficitHeatmap.reduce((sum: number, c: any) => sum + c.withDeficit, 0),
    expected: {
      admin: 1,
      analyst: 1,
      methodologist: 1,
      coordinator: 'FORBIDDEN',
      dashboard: 1,
      anonymous: 'UNAUTHENTICATED',
    },
  },
  {
    name: 'teacherAnalytics',
    query:
      '{ teacherAnalytics(input: { academicYear: "2024/2025", regionId: "$REGION" }) { diagnosed } }',
    count: (d) => d.teacherAnalytics.reduce((sum: number, r: any) => sum + r.diagnosed, 0),
    expected: {
      admin: 1,
      analyst: 1,
      methodologist: 1,
      coordinator: 'FORBIDDEN',
      dashboard: 1,
      anonymous: 'UNAUTHENTICATED',
    },
  },
  {
    // The olympiad funnel of Свердловская обл.: aggregates, read by dashboards as well.
    name: 'olympiadFunnel',
    query:
      '{ olympiadFunnel(input: { academicYear: "2024/2025", regionId: "$REGION" }) { isTotal stages { participants } } }',
    count: (d) => d.olympiadFunnel.find((r: any) => r.isTotal).stages[0].participants,
    expected: {
      admin: 1,
      analyst: 1,
      methodologist: 1,
      coordinator: 'FORBIDDEN',
      dashboard: 1,
      anonymous: 'UNAUTHENTICATED',
    },
  },
  ...(
    [
      ['olympiads', '{ olympiads { code } }', (d: any) => d.olympiads.length],
      ['olympiadSubjects', '{ olympiadSubjects { code } }', (d: any) => d.olympiadSubjects.length],
    ] as const
  ).map(([name, query, count]) => ({
    name,
    query,
    count,
    expected: {
      admin: name === 'olympiads' ? 1 : 24,
      analyst: name === 'olympiads' ? 1 : 24,
      methodologist: name === 'olympiads' ? 1 : 24,
      coordinator: name === 'olympiads' ? 1 : 24,
      dashboard: name === 'olympiads' ? 1 : 24,
      anonymous: 'UNAUTHENTICATED' as const,
    },
  })),
  {
    name: 'users',
    query: '{ users { totalCount } }',
    count: (d) => (d.users.totalCount >= 4 ? 1 : 0),
    expected: {
      admin: 1,
      analyst: 'FORBIDDEN',
      methodologist: 'FORBIDDEN',
      coordinator: 'FORBIDDEN',
      dashboard: 'FORBIDDEN',
      anonymous: 'UNAUTHENTICATED',
    },
  },
  {
    name: 'apiTokens',
    query: '{ apiTokens { id } }',
    count: (d) => d.apiTokens.length,
    expected: {
      admin: 1,
      analyst: 'FORBIDDEN',
      methodologist: 'FORBIDDEN',
      coordinator: 'FORBIDDEN',
      dashboard: 'FORBIDDEN',
      anonymous: 'UNAUTHENTICATED',
    },
  },
  {
    // Every person keeps their own views (none on this page); tokens are not people.
    name: 'savedViews',
    query: '{ savedViews(page: "access/none") { id } }',
    count: (d) => (d.savedViews.length === 0 ? 1 : 0),
    expected: {
      admin: 1,
      analyst: 1,
      methodologist: 1,
      coordinator: 1,
      dashboard: 'FORBIDDEN',
      anonymous: 'UNAUTHENTICATED',
    },
  },
];

describe('access control: every role × every list query and mutation, over HTTP', () => {
  let hub: TestServer;
  const tokens = {} as Record<RoleName, string | null>;
  const ids = { malyshevsky: '', chernogorsk: '', kingisepp: '', sverdlovsk: '' };

  beforeAll(async () => {
    hub = await startTestServer('pglite');
    const { data } = await hub.gql('{ municipalities { nodes { id name region { id code } } } }');
    const byName = (name: string) => data!.municipalities.nodes.find((m: any) => m.name === name);
    ids.malyshevsky = byName('Малышевский городской округ').id;
    ids.sverdlovsk = byName('Малышевский городской округ').region.id;
    ids.chernogorsk = byName('город Черногорск').id;
    ids.kingisepp = byName('Кингисеппский муниципальный район').id;
    const em = hub.orm.em.fork();
    const school = em.create(Organization, {
      municipality: await em.findOneOrFail(Municipality, { id: Number(ids.malyshevsky) }),
      code: '66-malyshevsky-s01',
      name: 'МАОУ СОШ № 1',
      kind: OrganizationKind.SCHOOL,
    });
    await em.flush();
    tokens.admin = hub.adminToken;
    tokens.anonymous = null;
    tokens.analyst = await hub.tokenFor({
      login: 'analyst',
      role: 'REGIONAL_ANALYST',
      regionId: ids.sverdlovsk,
    });
    tokens.methodologist = await hub.tokenFor({
      login: 'methodist',
      role: 'MUNICIPAL_METHODOLOGIST',
      municipalityId: ids.malyshevsky,
      regionId: ids.sverdlovsk,
    });
    tokens.coordinator = await hub.tokenFor({
      login: 'coordinator',
      role: 'SCHOOL_COORDINATOR',
      organizationId: String(school.id),
      municipalityId: ids.malyshevsky,
      regionId: ids.sverdlovsk,
    });
    const created = await hub.gql(
      'mutation { createApiToken(input: { name: "Региональный дашборд", role: DASHBOARD }) { token } }',
    );
    tokens.dashboard = created.data!.createApiToken.token;
    const values = await hub.gql(
      'mutation ($rows: [IndicatorValueInput!]!) { upsertIndicatorValues(rows: $rows) { ok } }',
      {
        rows: [
          {
            indicatorCode: '1.1.VPR_BASIC',
            organizationCode: '66-malyshevsky-s01',
            period: '2023/2024',
            numerator: 40,
            denominator: 50,
          },
          {
            indicatorCode: '2.1.RESERVE',
            municipalityCode: '66-malyshevsky',
            period: '2024',
            value: 7,
          },
          {
            indicatorCode: '2.1.RESERVE',
            municipalityCode: '19-chernogorsk',
            period: '2024',
            value: 3,
          },
        ],
      },
    );
    expect(values.data!.upsertIndicatorValues.ok).toBe(true);
    const procedure = await hub.gql(
      'mutation { upsertAssessmentProcedures(rows: [{ code: "VPR-T", kind: VPR, subject: "Математика", grade: 5, year: 2024, maxScore: 20 }]) { ok } }',
    );
    expect(procedure.data!.upsertAssessmentProcedures.ok).toBe(true);
    const result = await hub.gql(
      'mutation { upsertAssessmentResults(rows: [{ procedureCode: "VPR-T", organizationCode: "66-malyshevsky-s01", participants: 20 }]) { ok } }',
    );
    expect(result.data!.upsertAssessmentResults.ok).toBe(true);
    const run = await hub.gql(
      'mutation { runAssessmentAnalysis(regionCode: "66", year: 2024) { id } }',
    );
    expect(run.errors).toBeUndefined();
    // Findings of an earlier year, written as the analysis would, for the list queries.
    const finding = {
      organization: school,
      municipality: school.municipality,
      year: 2023,
      evidence: 'для проверки доступа',
    };
    em.create(ObjectivitySign, {
      ...finding,
      procedure: await em.findOneOrFail(AssessmentProcedure, { code: 'VPR-T' }),
      sign: ObjectivitySignKind.MARK_DISTRIBUTION,
      criterion: 'no_twos',
      metric: 60,
      threshold: 50,
      methodVersion: 'mark_distribution/1',
    });
    em.create(LowResultStatus, { ...finding, kind: LowResultKind.SHNOR, rule: 'shnor/test' });
    await em.flush();
    const teachers = await hub.gql(
      `mutation {
        upsertTeachers(rows: [{ personnelCode: "T-A", organizationCode: "66-malyshevsky-s01", fullName: "Учитель А" }]) { ok }
        upsertDiagnosticCampaigns(rows: [{ code: "C-1", name: "Диагностика", heldOn: "2024-09-15", areas: [{ area: "SUBJECT", maxScore: 100, deficitBelow: 50 }] }]) { ok }
      }`,
    );
    expect(teachers.errors).toBeUndefined();
    const diagnosed = await hub.gql(
      'mutation { upsertDiagnosticResults(rows: [{ campaignCode: "C-1", personnelCode: "T-A", scores: { SUBJECT: 40 } }]) { ok } }',
    );
    expect(diagnosed.data!.upsertDiagnosticResults.ok).toBe(true);
    const routed = await hub.gql(
      `mutation {
        upsertTeachers(rows: [{ personnelCode: "T-B", organizationCode: "66-malyshevsky-s01" }]) { ok }
        upsertIndividualRoutes(rows: [{ personnelCode: "T-A", campaignCode: "C-1", openedOn: "2024-10-01" }]) { ok }
      }`,
    );
    expect(routed.errors).toBeUndefined();
    const paired = await hub.gql(
      'mutation { upsertMentorships(rows: [{ mentorCode: "T-B", menteeCode: "T-A", form: TEACHER_TEACHER, startedOn: "2024-09-01" }]) { ok } }',
    );
    expect(paired.data!.upsertMentorships.ok).toBe(true);
    const olympiad = await hub.gql(
      `mutation {
        upsertOlympiadRecords(rows: [
          { academicYear: "2024/2025", subject: "MATH", stage: SCHOOL, studentCode: "OA-1", fullName: "Ученица А", organizationCode: "66-malyshevsky-s01", gradeActual: 9, score: 80, maxScore: 100, status: WINNER },
          { academicYear: "2024/2025", subject: "MATH", stage: MUNICIPAL, studentCode: "OA-1", organizationCode: "66-malyshevsky-s01", gradeActual: 9, score: 60, maxScore: 100, status: PRIZE_WINNER }
        ]) { ok }
        upsertGradeEnrolments(rows: [{ organizationCode: "66-malyshevsky-s01", academicYear: "2024/2025", grade: 9, pupils: 25 }]) { ok }
      }`,
    );
    expect(olympiad.errors).toBeUndefined();
  });

  afterAll(async () => {
    await hub?.stop();
  });

  function outcome(
    response: { data?: any; errors?: any[] },
    count: (data: any) => number,
  ): Outcome {
    if (response.errors?.length) {
      return response.errors[0].extensions.code;
    }
    return count(response.data);
  }

  for (const list of LIST_QUERIES) {
    it.each(ROLES)(`${list.name} as %s`, async (role) => {
      const query = list.query
        .replace('$REGION', ids.sverdlovsk)
        .replace('$MALYSHEVSKY', ids.malyshevsky);
      const response = await hub.gql(query, {}, { token: tokens[role] });
      expect(outcome(response, list.count)).toEqual(list.expected[role]);
    });
  }

  async function firstActivity(municipalityId: string) {
    const { data } = await hub.gql(
      'query ($m: ID!) { activities(filter: { municipalityId: { eq: $m } }, first: 1) { nodes { id version text } } }',
      { m: municipalityId },
    );
    return data!.activities.nodes[0];
  }

  const WRITERS: Record<RoleName, Outcome> = {
    admin: 1,
    methodologist: 1,
    analyst: 'FORBIDDEN',
    coordinator: 'FORBIDDEN',
    dashboard: 'FORBIDDEN',
    anonymous: 'UNAUTHENTICATED',
  };

  it.each(ROLES)('upsertActivities in Малышевский as %s', async (role) => {
    const activity = await firstActivity(ids.malyshevsky);
    const response = await hub.gql(
      'mutation ($rows: [ActivityInput!]!) { upsertActivities(rows: $rows) { updated } }',
      {
        rows: [{ id: activity.id, version: activity.version, text: `${activity.text} (${role})` }],
      },
      { token: tokens[role] },
    );
    expect(outcome(response, (d) => d.upsertActivities.updated)).toEqual(WRITERS[role]);
  });

  it.each(ROLES)('upsertActivityOccurrences in Малышевский as %s', async (role) => {
    const { data } = await hub.gql(
      'query ($m: ID!) { activityOccurrences(filter: { municipalityId: { eq: $m } }, first: 1) { nodes { id version } } }',
      { m: ids.malyshevsky },
    );
    const occurrence = data!.activityOccurrences.nodes[0];
    const response = await hub.gql(
      'mutation ($rows: [ActivityOccurrenceInput!]!) { upsertActivityOccurrences(rows: $rows) { updated } }',
      { rows: [{ id: occurrence.id, version: occurrence.version, reportText: role }] },
      { token: tokens[role] },
    );
    expect(outcome(response, (d) => d.upsertActivityOccurrences.updated)).toEqual(WRITERS[role]);
  });

  // A school coordinator writes its own organization's values; analysts and dashboards none.
  const VALUE_WRITERS: Record<RoleName, Outcome> = { ...WRITERS, coordinator: 1 };

  it.each(ROLES)('upsertIndicatorValues for the school in Малышевский as %s', async (role) => {
    const response = await hub.gql(
      'mutation ($rows: [IndicatorValueInput!]!) { upsertIndicatorValues(rows: $rows) { updated created } }',
      {
        rows: [
          {
            indicatorCode: '1.1.VPR_BASIC',
            organizationCode: '66-malyshevsky-s01',
            period: '2024/2025',
            numerator: ROLES.indexOf(role) + 1,
            denominator: 50,
          },
        ],
      },
      { token: tokens[role] },
    );
    expect(
      outcome(response, (d) => d.upsertIndicatorValues.updated + d.upsertIndicatorValues.created),
    ).toEqual(VALUE_WRITERS[role]);
  });

  it.each(ROLES)('revokeApiToken as %s', async (role) => {
    const created = await hub.gql(
      `mutation { createApiToken(input: { name: "revoke-${role}", role: DASHBOARD }) { apiToken { id } } }`,
    );
    const response = await hub.gql(
      'mutation ($id: ID!) { revokeApiToken(id: $id) { revokedAt } }',
      { id: created.data!.createApiToken.apiToken.id },
      { token: tokens[role] },
    );
    const expected = role === 'admin' ? 1 : role === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN';
    expect(outcome(response, (d) => (d.revokeApiToken.revokedAt ? 1 : 0))).toEqual(expected);
  });

  it.each(ROLES)(
    'upsertAssessmentResults, upsertPupilResults and upsertAssessmentProcedures as %s',
    async (role) => {
      const results = await hub.gql(
        'mutation ($n: Int!) { upsertAssessmentResults(rows: [{ procedureCode: "VPR-T", organizationCode: "66-malyshevsky-s01", participants: $n }]) { updated } }',
        { n: 20 + ROLES.indexOf(role) },
        { token: tokens[role] },
      );
      expect(outcome(results, (d) => d.upsertAssessmentResults.updated)).toEqual(
        VALUE_WRITERS[role],
      );
      const pupils = await hub.gql(
        'mutation { upsertPupilResults(rows: [{ procedureCode: "VPR-T", organizationCode: "66-malyshevsky-s01", pupilCode: "P-1", primaryScore: 12 }], dryRun: true) { created } }',
        {},
        { token: tokens[role] },
      );
      expect(outcome(pupils, (d) => d.upsertPupilResults.created)).toEqual(VALUE_WRITERS[role]);
      const procedures = await hub.gql(
        'mutation { upsertAssessmentProcedures(rows: [], dryRun: true) { ok } }',
        {},
        { token: tokens[role] },
      );
      const expected =
        role === 'admin' ? 1 : role === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN';
      expect(outcome(procedures, () => 1)).toEqual(expected);
    },
  );

  it.each(ROLES)(
    'runAssessmentAnalysis and updateAssessmentAnalysisSettings as %s',
    async (role) => {
      const run = await hub.gql(
        'mutation { runAssessmentAnalysis(regionCode: "66", year: 2024, dryRun: true) { results } }',
        {},
        { token: tokens[role] },
      );
      const analysts = { admin: 1, analyst: 1, anonymous: 'UNAUTHENTICATED' } as Record<
        string,
        unknown
      >;
      expect(outcome(run, (d) => d.runAssessmentAnalysis.results)).toEqual(
        analysts[role] ?? 'FORBIDDEN',
      );
      const settings = await hub.gql(
        'mutation { updateAssessmentAnalysisSettings(settings: {}) }',
        {},
        { token: tokens[role] },
      );
      const expected =
        role === 'admin' ? 1 : role === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN';
      expect(outcome(settings, () => 1)).toEqual(expected);
    },
  );

  it.each(ROLES)(
    'upsertTeachers, upsertDiagnosticResults, upsertIndividualRoutes, upsertMentorships, updateTeacherSettings, writeTeacherIndicators and upsertDiagnosticCampaigns as %s',
    async (role) => {
      const teachers = await hub.gql(
        'mutation { upsertTeachers(rows: [{ personnelCode: "T-A", organizationCode: "66-malyshevsky-s01", position: "учитель" }], dryRun: true) { updated } }',
        {},
        { token: tokens[role] },
      );
      expect(outcome(teachers, (d) => d.upsertTeachers.updated)).toEqual(VALUE_WRITERS[role]);
      const results = await hub.gql(
        'mutation { upsertDiagnosticResults(rows: [{ campaignCode: "C-1", personnelCode: "T-A", scores: { SUBJECT: 45 } }], dryRun: true) { updated } }',
        {},
        { token: tokens[role] },
      );
      expect(outcome(results, (d) => d.upsertDiagnosticResults.updated)).toEqual(
        VALUE_WRITERS[role],
      );
      const routes = await hub.gql(
        'mutation { upsertIndividualRoutes(rows: [{ personnelCode: "T-A", campaignCode: "C-1", openedOn: "2024-11-01" }], dryRun: true) { created } }',
        {},
        { token: tokens[role] },
      );
      expect(outcome(routes, (d) => d.upsertIndividualRoutes.created)).toEqual(VALUE_WRITERS[role]);
      const pairs = await hub.gql(
        'mutation { upsertMentorships(rows: [{ mentorCode: "T-B", menteeCode: "T-A", form: LEADER_TEACHER, startedOn: "2024-10-01" }], dryRun: true) { created } }',
        {},
        { token: tokens[role] },
      );
      expect(outcome(pairs, (d) => d.upsertMentorships.created)).toEqual(VALUE_WRITERS[role]);
      const settings = await hub.gql(
        'mutation { updateTeacherSettings(settings: {}) }',
        {},
        { token: tokens[role] },
      );
      expect(outcome(settings, () => 1)).toEqual(
        role === 'admin' ? 1 : role === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN',
      );
      const indicators = await hub.gql(
        'mutation { writeTeacherIndicators(regionCode: "66", academicYear: "2024/2025", dryRun: true) }',
        {},
        { token: tokens[role] },
      );
      expect(outcome(indicators, (d) => (d.writeTeacherIndicators > 0 ? 1 : 0))).toEqual(
        ({ admin: 1, analyst: 1, anonymous: 'UNAUTHENTICATED' } as Record<string, unknown>)[role] ??
          'FORBIDDEN',
      );
      const campaigns = await hub.gql(
        'mutation { upsertDiagnosticCampaigns(rows: [], dryRun: true) { ok } }',
        {},
        { token: tokens[role] },
      );
      const expected =
        role === 'admin' ? 1 : role === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN';
      expect(outcome(campaigns, () => 1)).toEqual(expected);
    },
  );

  it.each(ROLES)(
    'upsertOlympiadRecords, upsertGradeEnrolments, upsertOlympiads, updateOlympiadSettings and writeOlympiadIndicators as %s',
    async (role) => {
      const records = await hub.gql(
        'mutation { upsertOlympiadRecords(rows: [{ academicYear: "2024/2025", subject: "MATH", stage: SCHOOL, studentCode: "OA-1", organizationCode: "66-malyshevsky-s01", gradeActual: 9, score: 81, maxScore: 100, status: WINNER }], dryRun: true, replaceExisting: true) { updated } }',
        {},
        { token: tokens[role] },
      );
      expect(outcome(records, (d) => d.upsertOlympiadRecords.updated)).toEqual(VALUE_WRITERS[role]);
      const pupils = await hub.gql(
        'mutation { upsertGradeEnrolments(rows: [{ organizationCode: "66-malyshevsky-s01", academicYear: "2024/2025", grade: 10, pupils: 20 }], dryRun: true) { created } }',
        {},
        { token: tokens[role] },
      );
      expect(outcome(pupils, (d) => d.upsertGradeEnrolments.created)).toEqual(VALUE_WRITERS[role]);
      const adminOnly =
        role === 'admin' ? 1 : role === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN';
      const olympiads = await hub.gql(
        'mutation { upsertOlympiads(rows: [{ code: "REG-MATH", name: "Региональная олимпиада по математике", kind: REGIONAL }], dryRun: true) { created } }',
        {},
        { token: tokens[role] },
      );
      expect(outcome(olympiads, (d) => d.upsertOlympiads.created)).toEqual(adminOnly);
      const settings = await hub.gql(
        'mutation { updateOlympiadSettings(settings: {}) }',
        {},
        { token: tokens[role] },
      );
      expect(outcome(settings, () => 1)).toEqual(adminOnly);
      const indicators = await hub.gql(
        'mutation { writeOlympiadIndicators(regionCode: "66", academicYear: "2024/2025", dryRun: true) }',
        {},
        { token: tokens[role] },
      );
      expect(outcome(indicators, (d) => (d.writeOlympiadIndicators > 0 ? 1 : 0))).toEqual(
        ({ admin: 1, analyst: 1, anonymous: 'UNAUTHENTICATED' } as Record<string, unknown>)[role] ??
          'FORBIDDEN',
      );
    },
  );

  it('refuses indicator values outside the writer’s municipality or organization, whole batch', async () => {
    const MUTATION =
      'mutation ($rows: [IndicatorValueInput!]!) { upsertIndicatorValues(rows: $rows) { ok } }';
    const own = {
      indicatorCode: '2.1.RESERVE',
      municipalityCode: '66-malyshevsky',
      period: '2023',
      value: 1,
    };
    const foreign = {
      indicatorCode: '2.1.RESERVE',
      municipalityCode: '19-chernogorsk',
      period: '2023',
      value: 1,
    };
    const methodologist = await hub.gql(
      MUTATION,
      { rows: [own, foreign] },
      { token: tokens.methodologist },
    );
    expect(methodologist.errors![0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      municipalityIds: [ids.chernogorsk],
    });
    // The coordinator's own school only: not its municipality's own figures.
    const coordinator = await hub.gql(MUTATION, { rows: [own] }, { token: tokens.coordinator });
    expect(coordinator.errors![0].extensions!.code).toBe('FORBIDDEN');
    const stored = await hub.gql(
      '{ indicatorValues(filter: { period: { eq: "2023" } }) { totalCount } }',
    );
    expect(stored.data!.indicatorValues.totalCount).toBe(0);
  });

  it.each(ROLES)('importRoadmap (dry run) into Малышевский as %s', async (role) => {
    const text = fs.readFileSync(
      path.join(__dirname, '../../seeds/roadmaps/chernogorsk.source.txt'),
      'utf8',
    );
    const response = await hub.gql(
      'mutation ($input: ImportRoadmapInput!) { importRoadmap(input: $input, dryRun: true) { activityCount } }',
      {
        input: {
          municipalityId: ids.malyshevsky,
          fileName: 'x.txt',
          text,
          title: `Проверка ${role}`,
        },
      },
      { token: tokens[role] },
    );
    expect(outcome(response, (d) => (d.importRoadmap.activityCount === 83 ? 1 : 0))).toEqual(
      WRITERS[role],
    );
  });

  it.each(ROLES)('upsertUsers and createApiToken as %s', async (role) => {
    const users = await hub.gql(
      'mutation { upsertUsers(rows: [], dryRun: true) { ok } }',
      {},
      { token: tokens[role] },
    );
    const created = await hub.gql(
      'mutation { createApiToken(input: { name: "x", role: DASHBOARD }) { token } }',
      {},
      { token: tokens[role] },
    );
    const expected = role === 'admin' ? 1 : role === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN';
    expect(outcome(users, () => 1)).toEqual(expected);
    expect(outcome(created, () => 1)).toEqual(expected);
  });

  // Saved views: every person, on their own views; dashboards and anonymous callers never.
  const VIEW_KEEPERS: Record<RoleName, Outcome> = {
    admin: 1,
    analyst: 1,
    methodologist: 1,
    coordinator: 1,
    dashboard: 'FORBIDDEN',
    anonymous: 'UNAUTHENTICATED',
  };

  it.each(ROLES)('saveView, savedView and deleteView as %s', async (role) => {
    // An administrator's shared view, opened by link and then attacked by the role.
    const { data } = await hub.gql(
      'mutation ($name: String!) { saveView(input: { page: "access/shared", name: $name, shared: true }) { id version slug } }',
      { name: `Общий для ${role}` },
    );
    const shared = data!.saveView;
    const opened = await hub.gql(
      'query ($slug: String!) { savedView(slug: $slug) { id } }',
      { slug: shared.slug },
      { token: tokens[role] },
    );
    expect(outcome(opened, (d) => (d.savedView.id === shared.id ? 1 : 0))).toEqual(
      VIEW_KEEPERS[role],
    );
    const saved = await hub.gql(
      'mutation ($name: String!) { saveView(input: { page: "access/own", name: $name, state: { sort: [] } }) { id version mine } }',
      { name: `Свой ${role}` },
      { token: tokens[role] },
    );
    expect(outcome(saved, (d) => (d.saveView.mine ? 1 : 0))).toEqual(VIEW_KEEPERS[role]);
    const own = saved.data?.saveView ?? shared;
    const deleted = await hub.gql(
      'mutation ($id: ID!, $version: Int!) { deleteView(id: $id, version: $version) }',
      { id: own.id, version: own.version },
      { token: tokens[role] },
    );
    expect(outcome(deleted, (d) => (d.deleteView === own.id ? 1 : 0))).toEqual(VIEW_KEEPERS[role]);
    // Nobody but its owner writes a view, shared or not: another person's reads as missing
    // (here the administrator's: it deletes its own).
    const foreign = await hub.gql(
      'mutation ($id: ID!, $version: Int!) { deleteView(id: $id, version: $version) }',
      { id: shared.id, version: shared.version },
      { token: tokens[role] },
    );
    const othersView: Record<RoleName, Outcome> = {
      ...VIEW_KEEPERS,
      analyst: 'NOT_FOUND',
      methodologist: 'NOT_FOUND',
      coordinator: 'NOT_FOUND',
    };
    expect(outcome(foreign, () => 1)).toEqual(othersView[role]);
  });

  it('refuses a methodologist’s batch with any row outside the municipality, writing nothing', async () => {
    const own = await firstActivity(ids.malyshevsky);
    const foreign = await firstActivity(ids.chernogorsk);
    const response = await hub.gql(
      'mutation ($rows: [ActivityInput!]!) { upsertActivities(rows: $rows) { ok } }',
      {
        rows: [
          { id: own.id, version: own.version, text: 'Своя правка' },
          { id: foreign.id, version: foreign.version, text: 'Чужая правка' },
        ],
      },
      { token: tokens.methodologist },
    );
    expect(response.errors![0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      municipalityIds: [ids.chernogorsk],
    });
    expect((await firstActivity(ids.malyshevsky)).text).toBe(own.text);
    const hidden = await hub.gql(
      'query ($id: ID!) { activity(id: $id) { id } }',
      { id: foreign.id },
      { token: tokens.methodologist },
    );
    expect(hidden.data!.activity).toBeNull();
  });

  const HISTORY =
    'query ($entity: String!, $id: ID!) { history(entity: $entity, id: $id) { totalCount } }';

  // The history of a row follows the row scope: Черногорск is outside every scoped role here.
  const HISTORY_READERS: Record<string, Record<RoleName, Outcome | 'some'>> = {
    'activity in Малышевский': {
      admin: 'some',
      analyst: 'some',
      methodologist: 'some',
      coordinator: 'some',
      dashboard: 'FORBIDDEN',
      anonymous: 'UNAUTHENTICATED',
    },
    'activity in Черногорск': {
      admin: 'some',
      analyst: 'FORBIDDEN',
      methodologist: 'FORBIDDEN',
      coordinator: 'FORBIDDEN',
      dashboard: 'FORBIDDEN',
      anonymous: 'UNAUTHENTICATED',
    },
    'the admin user': {
      admin: 'some',
      analyst: 'FORBIDDEN',
      methodologist: 'FORBIDDEN',
      coordinator: 'FORBIDDEN',
      dashboard: 'FORBIDDEN',
      anonymous: 'UNAUTHENTICATED',
    },
  };

  it.each(ROLES)('history of rows in and out of scope as %s', async (role) => {
    const users = await hub.gql('{ users { nodes { id login } } }');
    const rows: Record<string, [string, string]> = {
      'activity in Малышевский': ['activity', (await firstActivity(ids.malyshevsky)).id],
      'activity in Черногорск': ['activity', (await firstActivity(ids.chernogorsk)).id],
      'the admin user': [
        'app_user',
        users.data!.users.nodes.find((u: any) => u.login === 'admin').id,
      ],
    };
    for (const [label, [entity, id]] of Object.entries(rows)) {
      const response = await hub.gql(HISTORY, { entity, id }, { token: tokens[role] });
      const result = outcome(response, (d) => d.history.totalCount);
      const expected = HISTORY_READERS[label][role];
      if (expected === 'some') {
        expect(result, label).toBeGreaterThan(0);
      } else {
        expect(result, label).toBe(expected);
      }
    }
  });

  it('keeps the history of a deleted row with administrators', async () => {
    const em = hub.orm.em.fork();
    const school = em.create(Organization, {
      municipality: await em.findOneOrFail(Municipality, { id: Number(ids.malyshevsky) }),
      code: '66-malyshevsky-closed',
      name: 'Школа, которую закроют',
      kind: OrganizationKind.SCHOOL,
    });
    await em.flush();
    const id = String(school.id);
    const before = await hub.gql(
      HISTORY,
      { entity: 'organization', id },
      { token: tokens.methodologist },
    );
    expect(before.data!.history.totalCount).toBe(1);
    await em.remove(school).flush();
    const after = await hub.gql(
      HISTORY,
      { entity: 'organization', id },
      { token: tokens.methodologist },
    );
    expect(after.errors![0].extensions!.code).toBe('FORBIDDEN');
    const admin = await hub.gql(HISTORY, { entity: 'organization', id });
    expect(admin.data!.history.totalCount).toBe(2);
  });

  it('refuses anonymous introspection, forged and revoked tokens', async () => {
    const anonymous = await hub.gql('{ __schema { queryType { name } } }', {}, { token: null });
    expect(anonymous.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect(anonymous.status).toBe(401);
    const dashboardRows = await hub.gql(
      '{ activities { totalCount } }',
      {},
      { token: tokens.dashboard },
    );
    expect([dashboardRows.status, dashboardRows.errors![0].extensions!.code]).toEqual([
      403,
      'FORBIDDEN',
    ]);
    const signedIn = await hub.gql(
      '{ __schema { queryType { name } } }',
      {},
      { token: tokens.analyst },
    );
    expect(signedIn.data!.__schema.queryType.name).toBe('Query');
    const forged = await hub.gql(
      '{ directions { code } }',
      {},
      { token: `${tokens.analyst!.slice(0, -4)}AAAA` },
    );
    expect(forged.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const created = await hub.gql(
      'mutation { createApiToken(input: { name: "Временный", role: DASHBOARD }) { token apiToken { id } } }',
    );
    const { token, apiToken } = created.data!.createApiToken;
    expect((await hub.gql('{ directions { code } }', {}, { token })).data!.directions).toHaveLength(
      11,
    );
    await hub.gql('mutation ($id: ID!) { revokeApiToken(id: $id) { revokedAt } }', {
      id: apiToken.id,
    });
    const revoked = await hub.gql('{ directions { code } }', {}, { token });
    expect(revoked.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });
});
