import { ApiTokenResolver, UserResolver } from './modules/access/access.resolver';
import {
  AssessmentAnalysisResolver,
  LowResultStatusResolver,
  ObjectivitySignResolver,
} from './modules/assessments/analysis.resolver';
import {
  AssessmentProcedureResolver,
  AssessmentResultResolver,
} from './modules/assessments/assessments.resolver';
import { HistoryResolver } from './modules/audit/audit.resolver';
import { DirectionResolver } from './modules/directions/directions.resolver';
import {
  MunicipalityResolver,
  OrganizationResolver,
  RegionResolver,
} from './modules/geography/geography.resolver';
import {
  IndicatorResolver,
  IndicatorValueResolver,
} from './modules/indicators/indicators.resolver';
import { ActivityResolver } from './modules/roadmaps/activities.resolver';
import { ActivityOccurrenceResolver } from './modules/roadmaps/occurrences.resolver';
import { RoadmapImportResolver } from './modules/roadmaps/roadmap-import.resolver';
import { RoadmapResolver, RoadmapSectionResolver } from './modules/roadmaps/roadmaps.resolver';
import {
  DiagnosticResolver,
  TeacherAssignmentResolver,
  TeacherResolver,
} from './modules/teachers/teachers.resolver';
import { OlympiadAnalyticsResolver } from './modules/olympiads/olympiad-analytics.resolver';
import {
  GradeEnrolmentResolver,
  OlympiadRecordResolver,
  StudentResolver,
} from './modules/olympiads/olympiads.resolver';
import { TeacherAnalyticsResolver } from './modules/teachers/analytics.resolver';
import { IndividualRouteResolver, MentorshipResolver } from './modules/teachers/routes.resolver';
import { SavedViewResolver } from './modules/views/views.resolver';

export const RESOLVERS = [
  RegionResolver,
  MunicipalityResolver,
  OrganizationResolver,
  DirectionResolver,
  RoadmapResolver,
  RoadmapSectionResolver,
  ActivityResolver,
  ActivityOccurrenceResolver,
  RoadmapImportResolver,
  UserResolver,
  ApiTokenResolver,
  HistoryResolver,
  IndicatorResolver,
  IndicatorValueResolver,
  AssessmentProcedureResolver,
  AssessmentResultResolver,
  AssessmentAnalysisResolver,
  ObjectivitySignResolver,
  LowResultStatusResolver,
  TeacherResolver,
  TeacherAssignmentResolver,
  DiagnosticResolver,
  IndividualRouteResolver,
  MentorshipResolver,
  TeacherAnalyticsResolver,
  OlympiadRecordResolver,
  StudentResolver,
  GradeEnrolmentResolver,
  OlympiadAnalyticsResolver,
  SavedViewResolver,
] as const;
