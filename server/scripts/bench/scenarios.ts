// The benchmark questions (issue #9): each asked of the hub, of PostGraphile over the same
// tables, and of the plain-SQL floor, with a digest of each answer so the run can check that
// the three answer the same question before it times them.
export interface BenchParams {
  regionId: number;
  regionCode: string;
  indicatorCodes: string[];
  indicatorIds: number[];
  /** Academic years compared, e.g. 2022/2023 … 2024/2025. */
  periods: string[];
  /** The funnel's academic year and its first calendar year. */
  academicYear: string;
  year: number;
  olympiadId: number;
}

export interface GraphQLBody {
  query: string;
  variables?: Record<string, unknown>;
}

export interface Question {
  key: 'a' | 'b' | 'c' | 'd';
  title: string;
  hub(params: BenchParams): GraphQLBody;
  postgraphile(params: BenchParams): GraphQLBody;
  /** What must agree between the three answers (counts, ids, sums). */
  digest: {
    hub(answer: any): string;
    postgraphile(answer: any, params: BenchParams): string;
    floor(answer: any, params: BenchParams): string;
  };
}

export interface BulkRow {
  indicatorCode: string;
  organizationCode: string;
  period: string;
  numerator: number;
  denominator: number;
  value: number;
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

const activitiesDigest = (activities: { id: number; executors: number }[]) =>
  `${activities.length} activities, ids ${sum(activities.map((a) => a.id))}, ` +
  `${sum(activities.map((a) => a.executors))} executors`;

const nestedDigest = (
  municipalities: { organizations: { teachers: { diagnostic: number | null }[] }[] }[],
) => {
  const organizations = municipalities.flatMap((m) => m.organizations);
  const teachers = organizations.flatMap((o) => o.teachers);
  const diagnosed = teachers.filter((t) => t.diagnostic !== null);
  return (
    `${municipalities.length} municipalities, ${organizations.length} organizations, ` +
    `${teachers.length} teachers, ${diagnosed.length} diagnosed (ids ${sum(diagnosed.map((t) => t.diagnostic!))})`
  );
};

/** Municipality × indicator × period cells that have a value (from the schools' values). */
const comparisonDigest = (cells: string[]) => `${new Set(cells).size} cells with a value`;

/** Pupils per municipality and stage (each counted once however many subjects) and entries. */
const funnelDigest = (cells: { participants: number; entries: number }[]) =>
  `${sum(cells.map((c) => c.participants))} participants, ${sum(cells.map((c) => c.entries))} entries`;

export const QUESTIONS: Question[] = [
  {
    key: 'a',
    title: '(a) page of 100 activities + executors',
    hub: () => ({
      query: `{ activities(first: 100, orderBy: [{ field: ID, direction: ASC }]) {
        nodes { id number text executors { name } } } }`,
    }),
    postgraphile: () => ({
      query: `{ allActivities(first: 100, orderBy: PRIMARY_KEY_ASC) {
        nodes { rowId number text activityExecutorsByActivityId { nodes { executorByExecutorId { name } } } } } }`,
    }),
    digest: {
      hub: (answer) =>
        activitiesDigest(
          answer.data.activities.nodes.map((a: any) => ({
            id: Number(a.id),
            executors: a.executors.length,
          })),
        ),
      postgraphile: (answer) =>
        activitiesDigest(
          answer.data.allActivities.nodes.map((a: any) => ({
            id: a.rowId,
            executors: a.activityExecutorsByActivityId.nodes.length,
          })),
        ),
      floor: (answer) =>
        activitiesDigest(
          answer.data[0][0].answer.map((a: any) => ({ id: a.id, executors: a.executors.length })),
        ),
    },
  },
  {
    key: 'b',
    title: '(b) 20 municipalities → organizations → teachers → latest diagnostic',
    hub: (params) => ({
      query: `query ($region: ID!) { municipalities(first: 20, filter: { regionId: { eq: $region } }) {
        nodes { name organizations(first: 100) { code teachers(first: 100) {
          personnelCode latestDiagnostic { id } } } } } }`,
      variables: { region: String(params.regionId) },
    }),
    postgraphile: (params) => ({
      query: `query ($region: Int!) { allMunicipalities(first: 20, condition: { regionId: $region }, orderBy: [NAME_ASC, PRIMARY_KEY_ASC]) {
        nodes { name organizationsByMunicipalityId(first: 100, orderBy: CODE_ASC) { nodes { code
          teachersByOrganizationId(first: 100, orderBy: PERSONNEL_CODE_ASC) { nodes { personnelCode
            diagnosticResultsByTeacherId(first: 1, orderBy: CAMPAIGN_ID_DESC) { nodes { rowId } } } } } } } } }`,
      variables: { region: params.regionId },
    }),
    digest: {
      hub: (answer) =>
        nestedDigest(
          answer.data.municipalities.nodes.map((m: any) => ({
            organizations: m.organizations.map((o: any) => ({
              teachers: o.teachers.map((t: any) => ({
                diagnostic: t.latestDiagnostic ? Number(t.latestDiagnostic.id) : null,
              })),
            })),
          })),
        ),
      postgraphile: (answer) =>
        nestedDigest(
          answer.data.allMunicipalities.nodes.map((m: any) => ({
            organizations: m.organizationsByMunicipalityId.nodes.map((o: any) => ({
              teachers: o.teachersByOrganizationId.nodes.map((t: any) => ({
                diagnostic: t.diagnosticResultsByTeacherId.nodes[0]?.rowId ?? null,
              })),
            })),
          })),
        ),
      floor: (answer) =>
        nestedDigest(
          answer.data[0][0].answer.map((m: any) => ({
            organizations: m.organizations.map((o: any) => ({
              teachers: o.teachers.map((t: any) => ({
                diagnostic: t.latestDiagnostic ? t.latestDiagnostic.id : null,
              })),
            })),
          })),
        ),
    },
  },
  {
    key: 'c',
    title: '(c) compare 5 indicators × municipalities of a region × 3 years',
    hub: (params) => ({
      query: `query ($input: CompareIndicatorsInput!) { compareIndicators(input: $input) {
        rows { indicatorCode period unitId unitName value rank zScore score change targetMet }
        summaries { indicatorCode period mean median standardDeviation parentValue } } }`,
      variables: {
        input: {
          indicatorCodes: params.indicatorCodes,
          periods: params.periods,
          regionId: String(params.regionId),
        },
      },
    }),
    // PostGraphile has no comparison or roll-up: the schools' values a client would roll up,
    // rank and average itself.
    postgraphile: (params) => ({
      query: `query ($region: Int!) { regionByRowId(rowId: $region) {
        municipalitiesByRegionId { nodes { rowId organizationsByMunicipalityId { nodes {
          ${params.indicatorIds
            .map(
              (id, i) =>
                `i${i}: indicatorValuesByOrganizationId(condition: { indicatorId: ${id} }) { nodes { indicatorId period value numerator denominator } }`,
            )
            .join(' ')} } } } } } }`,
      variables: { region: params.regionId },
    }),
    digest: {
      hub: (answer) =>
        comparisonDigest(
          answer.data.compareIndicators.rows
            .filter((r: any) => r.value !== null)
            .map((r: any) => `${r.unitId}|${r.indicatorCode}|${r.period}`),
        ),
      postgraphile: (answer, params) =>
        comparisonDigest(
          answer.data.regionByRowId.municipalitiesByRegionId.nodes.flatMap((m: any) =>
            m.organizationsByMunicipalityId.nodes.flatMap((o: any) =>
              Object.keys(o)
                .flatMap((k) => o[k].nodes)
                .filter((v: any) => v.value !== null && params.periods.includes(v.period))
                .map((v: any) => `${m.rowId}|${v.indicatorId}|${v.period}`),
            ),
          ),
        ),
      floor: (answer) =>
        comparisonDigest(
          answer.data[0]
            .filter((r: any) => r.value !== null)
            .map((r: any) => `${r.unit_id}|${r.code}|${r.period}`),
        ),
    },
  },
  {
    key: 'd',
    title: '(d) olympiad funnel of a region (per municipality)',
    hub: (params) => ({
      query: `query ($input: OlympiadFunnelInput!) { olympiadFunnel(input: $input) {
        unitName isTotal coverage stages { stage participants entries winners prizeWinners passThrough diplomasPer1000 } } }`,
      variables: {
        input: { academicYear: params.academicYear, regionId: String(params.regionId) },
      },
    }),
    // No aggregates in PostGraphile's generated API: the entries a client needs to count
    // pupils (once per stage) and entries itself.
    postgraphile: (params) => ({
      query: `query ($region: Int!, $year: Int!) { regionByRowId(rowId: $region) { municipalitiesByRegionId {
        nodes { rowId olympiadRecordsByMunicipalityId(condition: { year: $year }) { nodes { stage studentId status } } } } } }`,
      variables: { region: params.regionId, year: params.year },
    }),
    digest: {
      hub: (answer) =>
        funnelDigest(
          answer.data.olympiadFunnel
            .filter((row: any) => !row.isTotal)
            .flatMap((row: any) => row.stages),
        ),
      postgraphile: (answer) =>
        funnelDigest(
          answer.data.regionByRowId.municipalitiesByRegionId.nodes.flatMap((m: any) => {
            const entries: { stage: string; studentId: number }[] =
              m.olympiadRecordsByMunicipalityId.nodes;
            return [...new Set(entries.map((e) => e.stage))].map((stage) => {
              const atStage = entries.filter((e) => e.stage === stage);
              return {
                participants: new Set(atStage.map((e) => e.studentId)).size,
                entries: atStage.length,
              };
            });
          }),
        ),
      floor: (answer, params) =>
        funnelDigest(
          answer.data[0].filter(
            (row: any) => row.kind === 'municipality' && row.year === params.year,
          ),
        ),
    },
  },
];
