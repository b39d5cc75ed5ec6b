// GraphQL documents of the teacher pages (Педагоги, Диагностика, ИОМ, Наставничество, Карта
// дефицитов) and the shapes they return.
import { pagedListQuery } from '../assessments/assessments.queries';

export type CompetencyArea =
  | 'NORMATIVE_LEGAL'
  | 'SUBJECT'
  | 'METHODICAL'
  | 'PSYCHOLOGICAL_PEDAGOGICAL'
  | 'DIGITAL'
  | 'COMMUNICATIVE';

export const COMPETENCY_AREAS: readonly CompetencyArea[] = [
  'NORMATIVE_LEGAL',
  'SUBJECT',
  'METHODICAL',
  'PSYCHOLOGICAL_PEDAGOGICAL',
  'DIGITAL',
  'COMMUNICATIVE',
];

export type QualificationCategory =
  | 'NONE'
  | 'POSITION_MATCH'
  | 'FIRST'
  | 'HIGHEST'
  | 'METHODIST'
  | 'MENTOR';

export const CATEGORIES: readonly QualificationCategory[] = [
  'NONE',
  'POSITION_MATCH',
  'FIRST',
  'HIGHEST',
  'METHODIST',
  'MENTOR',
];

export type RouteStatus = 'OPEN' | 'CLOSED' | 'CANCELLED';
export const ROUTE_STATUSES: readonly RouteStatus[] = ['OPEN', 'CLOSED', 'CANCELLED'];

export type RouteStepKind =
  | 'REFRESHER_COURSE'
  | 'INTERNSHIP'
  | 'MENTORING'
  | 'METHODICAL_ASSOCIATION'
  | 'SELF_STUDY';
export const STEP_KINDS: readonly RouteStepKind[] = [
  'REFRESHER_COURSE',
  'INTERNSHIP',
  'MENTORING',
  'METHODICAL_ASSOCIATION',
  'SELF_STUDY',
];

export type StepStatus = 'PLANNED' | 'IN_PROGRESS' | 'DONE' | 'CANCELLED';
export const STEP_STATUSES: readonly StepStatus[] = ['PLANNED', 'IN_PROGRESS', 'DONE', 'CANCELLED'];

export type MentorshipForm = 'TEACHER_TEACHER' | 'LEADER_TEACHER' | 'EMPLOYER_STUDENT';
export const MENTORSHIP_FORMS: readonly MentorshipForm[] = [
  'TEACHER_TEACHER',
  'LEADER_TEACHER',
  'EMPLOYER_STUDENT',
];

export type MentorshipDelivery =
  | 'TRADITIONAL'
  | 'SHORT_TERM'
  | 'SITUATIONAL'
  | 'SPEED'
  | 'REVERSE'
  | 'GROUP'
  | 'VIRTUAL';
export const MENTORSHIP_DELIVERIES: readonly MentorshipDelivery[] = [
  'TRADITIONAL',
  'SHORT_TERM',
  'SITUATIONAL',
  'SPEED',
  'REVERSE',
  'GROUP',
  'VIRTUAL',
];

export type MentorshipStatus = 'PLANNED' | 'ACTIVE' | 'COMPLETED' | 'TERMINATED';
export const MENTORSHIP_STATUSES: readonly MentorshipStatus[] = [
  'PLANNED',
  'ACTIVE',
  'COMPLETED',
  'TERMINATED',
];

/** A row error of a bulk write: `index` is the input's position in the request. */
export interface BulkRowError {
  index: number;
  id?: string | null;
  field: string | null;
  code: string;
  message: string;
}

const BULK_ERRORS = /* GraphQL */ `
  errors {
    index
    id
    field
    code
    message
  }
`;

// ---------------------------------------------------------------------------------------------
// Organizations of a municipality (the choices of the organization column)

export const MUNICIPALITY_ORGANIZATIONS_QUERY = /* GraphQL */ `
  query TeacherOrganizations($municipalityId: ID!) {
    organizations(filter: { municipalityId: { eq: $municipalityId } }, first: 500) {
      totalCount
      nodes {
        id
        code
        name
        shortName
      }
    }
  }
`;

export interface OrganizationRef {
  id: string;
  code: string;
  name: string;
  shortName: string | null;
}

export interface MunicipalityOrganizationsData {
  organizations: { totalCount: number; nodes: OrganizationRef[] };
}

// ---------------------------------------------------------------------------------------------
// Teachers

const TEACHER_FIELDS = /* GraphQL */ `
  id
  version
  personnelCode
  fullName
  birthYear
  subjects
  position
  category
  totalExperienceYears
  teachingExperienceYears
  hireDate
  youngSpecialist
  organization {
    id
    code
    name
    shortName
  }
  municipality {
    id
    shortName
  }
  assignments {
    organization {
      shortName
      name
    }
    startedOn
    endedOn
  }
`;

export const TEACHERS_QUERY = pagedListQuery(
  'Teachers',
  'teachers',
  'TeacherFilter',
  TEACHER_FIELDS,
);

export interface AssignmentNode {
  organization: { shortName: string | null; name: string };
  startedOn: string;
  endedOn: string | null;
}

export interface TeacherNode {
  id: string;
  version: number;
  personnelCode: string;
  /** Null when the viewer may not see personal data. */
  fullName: string | null;
  birthYear: number | null;
  subjects: string[];
  position: string | null;
  category: QualificationCategory;
  totalExperienceYears: number | null;
  teachingExperienceYears: number | null;
  hireDate: string | null;
  youngSpecialist: boolean;
  organization: OrganizationRef;
  municipality: { id: string; shortName: string | null };
  assignments: AssignmentNode[];
}

export interface TeachersData {
  teachers: { totalCount: number; nodes: TeacherNode[] };
}

export interface TeacherInput {
  personnelCode: string;
  organizationCode: string;
  version?: number;
  fullName?: string | null;
  birthYear?: number | null;
  subjects?: string[];
  position?: string | null;
  category?: QualificationCategory;
  totalExperienceYears?: number | null;
  teachingExperienceYears?: number | null;
  hireDate?: string | null;
  movedOn?: string | null;
}

export const UPSERT_TEACHERS_MUTATION = /* GraphQL */ `
  mutation UpsertTeachers($rows: [TeacherInput!]!, $dryRun: Boolean) {
    upsertTeachers(rows: $rows, dryRun: $dryRun) {
      ok
      created
      updated
      ${BULK_ERRORS}
      rows {
        ${TEACHER_FIELDS}
      }
    }
  }
`;

export interface UpsertTeachersData {
  upsertTeachers: {
    ok: boolean;
    created: number;
    updated: number;
    errors: BulkRowError[];
    rows: TeacherNode[];
  };
}

// ---------------------------------------------------------------------------------------------
// Diagnostic campaigns and results

export const CAMPAIGNS_QUERY = /* GraphQL */ `
  query DiagnosticCampaigns($first: Int, $offset: Int) {
    diagnosticCampaigns(first: $first, offset: $offset) {
      totalCount
      nodes {
        id
        version
        code
        name
        heldOn
        operator
        instrument
        areas
      }
    }
  }
`;

export interface CampaignNode {
  id: string;
  version: number;
  code: string;
  name: string;
  heldOn: string;
  operator: string | null;
  instrument: string | null;
  /** [{ area, maxScore, deficitBelow }] (area as stored: "subject"). */
  areas: unknown;
}

export interface CampaignsData {
  diagnosticCampaigns: { totalCount: number; nodes: CampaignNode[] };
}

const RESULT_FIELDS = /* GraphQL */ `
  id
  version
  scores
  deficits
  campaign {
    code
    name
    heldOn
  }
  teacher {
    id
    personnelCode
    fullName
  }
  organization {
    id
    shortName
    name
  }
  municipality {
    shortName
  }
`;

export const DIAGNOSTIC_RESULTS_QUERY = pagedListQuery(
  'DiagnosticResults',
  'diagnosticResults',
  'DiagnosticResultFilter',
  RESULT_FIELDS,
);

export interface DiagnosticResultNode {
  id: string;
  version: number;
  /** Score per area, keyed as stored ("subject") or by enum name. */
  scores: Record<string, number> | null;
  deficits: CompetencyArea[];
  campaign: { code: string; name: string; heldOn: string };
  teacher: { id: string; personnelCode: string; fullName: string | null };
  organization: { id: string; shortName: string | null; name: string };
  municipality: { shortName: string | null };
}

export interface DiagnosticResultsData {
  diagnosticResults: { totalCount: number; nodes: DiagnosticResultNode[] };
}

export interface DiagnosticResultInput {
  campaignCode: string;
  personnelCode: string;
  /** { "SUBJECT": 42 } */
  scores: Partial<Record<CompetencyArea, number>>;
  version?: number;
}

export const UPSERT_DIAGNOSTIC_RESULTS_MUTATION = /* GraphQL */ `
  mutation UpsertDiagnosticResults($rows: [DiagnosticResultInput!]!, $dryRun: Boolean! = false) {
    upsertDiagnosticResults(rows: $rows, dryRun: $dryRun) {
      ok
      dryRun
      created
      updated
      ${BULK_ERRORS}
      rows {
        ${RESULT_FIELDS}
      }
    }
  }
`;

export interface UpsertDiagnosticResultsData {
  upsertDiagnosticResults: {
    ok: boolean;
    dryRun: boolean;
    created: number;
    updated: number;
    errors: BulkRowError[];
    rows: DiagnosticResultNode[];
  };
}

// ---------------------------------------------------------------------------------------------
// Individual routes (ИОМ)

const ROUTE_FIELDS = /* GraphQL */ `
  id
  version
  teacher {
    id
    personnelCode
    fullName
    organization {
      shortName
    }
  }
  targetedDeficits
  status
  openedOn
  closedOn
  tutor
  diagnostic {
    id
    campaign {
      code
      heldOn
    }
  }
  closedBy {
    id
    campaign {
      code
      heldOn
    }
  }
  steps {
    id
    kind
    title
    provider
    hours
    dueDate
    status
  }
`;

export const ROUTES_QUERY = pagedListQuery(
  'IndividualRoutes',
  'individualRoutes',
  'RouteFilter',
  ROUTE_FIELDS,
);

export interface RouteStepNode {
  id?: string;
  kind: RouteStepKind;
  title: string;
  provider: string | null;
  hours: number | null;
  dueDate: string | null;
  status: StepStatus | null;
}

export interface DiagnosisRef {
  id: string;
  campaign: { code: string; heldOn: string };
}

export interface RouteNode {
  id: string;
  version: number;
  teacher: {
    id: string;
    personnelCode: string;
    fullName: string | null;
    organization: { shortName: string | null } | null;
  };
  targetedDeficits: CompetencyArea[];
  status: RouteStatus;
  openedOn: string;
  closedOn: string | null;
  tutor: string | null;
  diagnostic: DiagnosisRef | null;
  closedBy: DiagnosisRef | null;
  steps: RouteStepNode[];
}

export interface RoutesData {
  individualRoutes: { totalCount: number; nodes: RouteNode[] };
}

export interface RouteStepInput {
  kind: RouteStepKind;
  title: string;
  provider?: string | null;
  hours?: number | null;
  dueDate?: string | null;
  status?: StepStatus | null;
}

export interface IndividualRouteInput {
  id?: string;
  version?: number;
  personnelCode: string;
  campaignCode?: string | null;
  targetedDeficits?: CompetencyArea[];
  openedOn: string;
  tutor?: string | null;
  status?: RouteStatus;
  steps?: RouteStepInput[];
}

export const UPSERT_ROUTES_MUTATION = /* GraphQL */ `
  mutation UpsertIndividualRoutes($rows: [IndividualRouteInput!]!, $dryRun: Boolean! = false) {
    upsertIndividualRoutes(rows: $rows, dryRun: $dryRun) {
      ok
      created
      updated
      ${BULK_ERRORS}
      rows {
        ${ROUTE_FIELDS}
      }
    }
  }
`;

export interface UpsertRoutesData {
  upsertIndividualRoutes: {
    ok: boolean;
    created: number;
    updated: number;
    errors: BulkRowError[];
    rows: RouteNode[];
  };
}

// ---------------------------------------------------------------------------------------------
// Mentorships

const MENTORSHIP_FIELDS = /* GraphQL */ `
  id
  version
  mentor {
    id
    personnelCode
    fullName
  }
  mentee {
    id
    personnelCode
    fullName
    youngSpecialist
  }
  form
  deliveryType
  programme
  startedOn
  endedOn
  status
  outcome
`;

export const MENTORSHIPS_QUERY = pagedListQuery(
  'Mentorships',
  'mentorships',
  'MentorshipFilter',
  MENTORSHIP_FIELDS,
);

export interface MentorshipNode {
  id: string;
  version: number;
  mentor: { id: string; personnelCode: string; fullName: string | null };
  mentee: {
    id: string;
    personnelCode: string;
    fullName: string | null;
    youngSpecialist: boolean;
  };
  form: MentorshipForm;
  deliveryType: MentorshipDelivery | null;
  programme: string | null;
  startedOn: string;
  endedOn: string | null;
  status: MentorshipStatus;
  outcome: string | null;
}

export interface MentorshipsData {
  mentorships: { totalCount: number; nodes: MentorshipNode[] };
}

export interface MentorshipInput {
  id?: string;
  version?: number;
  mentorCode: string;
  menteeCode: string;
  form: MentorshipForm;
  deliveryType?: MentorshipDelivery | null;
  programme?: string | null;
  startedOn: string;
  endedOn?: string | null;
  status?: MentorshipStatus;
  outcome?: string | null;
}

export const UPSERT_MENTORSHIPS_MUTATION = /* GraphQL */ `
  mutation UpsertMentorships($rows: [MentorshipInput!]!, $dryRun: Boolean! = false) {
    upsertMentorships(rows: $rows, dryRun: $dryRun) {
      ok
      created
      updated
      ${BULK_ERRORS}
      rows {
        ${MENTORSHIP_FIELDS}
      }
    }
  }
`;

export interface UpsertMentorshipsData {
  upsertMentorships: {
    ok: boolean;
    created: number;
    updated: number;
    errors: BulkRowError[];
    rows: MentorshipNode[];
  };
}

// ---------------------------------------------------------------------------------------------
// Deficit heat map and teacher analytics

export const DEFICIT_HEATMAP_QUERY = /* GraphQL */ `
  query DeficitHeatmap($input: DeficitHeatmapInput!) {
    deficitHeatmap(input: $input) {
      municipalityId
      municipalityName
      subject
      area
      diagnosed
      withDeficit
      share
    }
  }
`;

export interface HeatmapCellNode {
  municipalityId: string;
  municipalityName: string;
  /** A subject the teachers teach; null: none recorded. */
  subject: string | null;
  area: string;
  diagnosed: number;
  withDeficit: number;
  /** 100 · withDeficit / diagnosed. */
  share: number | null;
}

export interface DeficitHeatmapData {
  deficitHeatmap: HeatmapCellNode[];
}

export const TEACHER_ANALYTICS_QUERY = /* GraphQL */ `
  query TeacherAnalytics($input: TeacherAnalyticsInput!) {
    teacherAnalytics(input: $input) {
      unitId
      unitName
      unitKind
      teachers
      diagnosed
      diagnosedShare
      withDeficits
      withRoute
      routeShare
      routesOpened
      routesClosed
      routeCompletion
      youngSpecialists
      youngWithMentor
      mentoredShare
      mentors
      maxMenteesPerMentor
      meanMenteesPerMentor
      diagnosedAtStart
      deficitShareAtStart
      diagnosedAtEnd
      deficitShareAtEnd
      deficitShareChange
    }
  }
`;

/** Shares are percentages (100 · numerator / denominator), null when the denominator is 0. */
export interface TeacherAnalyticsRow {
  unitId: string;
  unitName: string;
  unitKind: string;
  teachers: number;
  diagnosed: number;
  diagnosedShare: number | null;
  withDeficits: number;
  withRoute: number;
  routeShare: number | null;
  routesOpened: number;
  routesClosed: number;
  routeCompletion: number | null;
  youngSpecialists: number;
  youngWithMentor: number;
  mentoredShare: number | null;
  mentors: number;
  maxMenteesPerMentor: number | null;
  meanMenteesPerMentor: number | null;
  diagnosedAtStart: number;
  deficitShareAtStart: number | null;
  diagnosedAtEnd: number;
  deficitShareAtEnd: number | null;
  /** End − start, percentage points. */
  deficitShareChange: number | null;
}

export interface TeacherAnalyticsData {
  teacherAnalytics: TeacherAnalyticsRow[];
}
