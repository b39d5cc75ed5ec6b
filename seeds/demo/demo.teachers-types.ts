// Shapes of the demo teachers, their diagnostics, routes (ИОМ) and mentorships: plain rows keyed
// by codes (personnel code, campaign code, organization code), like the rest of the demo set.
import type { CampaignArea } from '../../server/modules/teachers/deficits';
import type {
  CompetencyArea,
  MentorshipDelivery,
  MentorshipForm,
  MentorshipStatus,
  QualificationCategory,
  RouteStatus,
  RouteStepKind,
  StepStatus,
} from '../../server/modules/teachers/teachers.enums';

/** Start years of the demo academic years (2022/2023 … 2024/2025), as the rest of the demo. */
export const TEACHER_YEARS: readonly number[] = [2022, 2023, 2024];
/** Ages and experience are stated at the start of the latest academic year (1 September). */
export const TEACHER_REFERENCE_YEAR = 2024;
/** The demo's «today» for the state of route steps: after the last (April 2025) campaign. */
export const TEACHER_AS_OF = '2025-05-20';

export interface DemoTeacher {
  personnelCode: string;
  /** The current organization (and its municipality). */
  organizationCode: string;
  municipalityCode: string;
  fullName: string;
  birthYear: number;
  subjects: string[];
  position: string;
  category: QualificationCategory;
  totalExperienceYears: number;
  /** Whole years of teaching on 1 September of TEACHER_REFERENCE_YEAR. */
  teachingExperienceYears: number;
  /** Hired at the current organization. */
  hireDate: string;
}

export interface DemoAssignment {
  personnelCode: string;
  organizationCode: string;
  startedOn: string;
  endedOn: string | null;
}

export interface DemoCampaign {
  code: string;
  regionCode: string;
  name: string;
  operator: string;
  instrument: string;
  heldOn: string;
  areas: CampaignArea[];
  /** Start year of the academic year. */
  year: number;
  season: 'autumn' | 'spring';
}

export interface DemoDiagnosticResult {
  campaignCode: string;
  personnelCode: string;
  /** Where the teacher worked on the day of the diagnostic. */
  organizationCode: string;
  municipalityCode: string;
  scores: Partial<Record<CompetencyArea, number>>;
  deficits: CompetencyArea[];
}

export interface DemoRouteStep {
  kind: RouteStepKind;
  title: string;
  provider: string | null;
  hours: number | null;
  dueDate: string;
  status: StepStatus;
}

export interface DemoRoute {
  personnelCode: string;
  /** The autumn result the route answers (campaign code + personnel code). */
  campaignCode: string;
  municipalityCode: string;
  targetedDeficits: CompetencyArea[];
  status: RouteStatus;
  openedOn: string;
  closedOn: string | null;
  /** The later result that no longer shows any targeted deficit (same teacher). */
  closedByCampaignCode: string | null;
  tutor: string;
  steps: DemoRouteStep[];
}

export interface DemoMentorship {
  mentorCode: string;
  menteeCode: string;
  /** The mentee's municipality when the pair started. */
  municipalityCode: string;
  /** Start year of the academic year of the pair. */
  year: number;
  form: MentorshipForm;
  deliveryType: MentorshipDelivery;
  programme: string;
  startedOn: string;
  endedOn: string | null;
  status: MentorshipStatus;
  outcome: string | null;
}

export interface DemoTeacherCounts {
  teachers: number;
  assignments: number;
  campaigns: number;
  diagnosticResults: number;
  routes: number;
  routeSteps: number;
  mentorships: number;
}

export interface DemoTeachers {
  teachers: DemoTeacher[];
  assignments: DemoAssignment[];
  campaigns: DemoCampaign[];
  results: DemoDiagnosticResult[];
  routes: DemoRoute[];
  mentorships: DemoMentorship[];
  counts: DemoTeacherCounts;
}
