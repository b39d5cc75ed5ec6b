import { ApiToken, AppSetting, User } from '../modules/access/access.entity';
import {
  AssessmentAnalysisRun,
  AssessmentProcedure,
  AssessmentResult,
  LowResultStatus,
  ObjectivitySign,
  PupilResult,
} from '../modules/assessments/assessments.entity';
import { ChangeLog } from '../modules/audit/audit.entity';
import { CycleComponent, Direction } from '../modules/directions/directions.entity';
import { Municipality, Organization, Region } from '../modules/geography/geography.entity';
import { Indicator, IndicatorValue } from '../modules/indicators/indicators.entity';
import {
  Activity,
  ActivityOccurrence,
  Executor,
  Roadmap,
  RoadmapSection,
} from '../modules/roadmaps/roadmaps.entity';
import {
  DiagnosticCampaign,
  DiagnosticResult,
  IndividualRoute,
  Mentorship,
  RouteStep,
  Teacher,
  TeacherAssignment,
} from '../modules/teachers/teachers.entity';
import {
  GradeEnrolment,
  Olympiad,
  OlympiadRecord,
  OlympiadSubject,
  Student,
} from '../modules/olympiads/olympiads.entity';
import { SavedView } from '../modules/views/views.entity';

// Explicit list (no globs) so tsc output, vitest and scripts discover the same entities.
export const ENTITIES = [
  Region,
  Municipality,
  Organization,
  Direction,
  CycleComponent,
  Roadmap,
  RoadmapSection,
  Executor,
  Activity,
  ActivityOccurrence,
  User,
  ApiToken,
  AppSetting,
  ChangeLog,
  Indicator,
  IndicatorValue,
  AssessmentAnalysisRun,
  AssessmentProcedure,
  AssessmentResult,
  PupilResult,
  ObjectivitySign,
  LowResultStatus,
  Teacher,
  TeacherAssignment,
  DiagnosticCampaign,
  DiagnosticResult,
  IndividualRoute,
  RouteStep,
  Mentorship,
  Olympiad,
  OlympiadSubject,
  Student,
  OlympiadRecord,
  GradeEnrolment,
  SavedView,
] as const;
