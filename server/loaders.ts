import type { EntityManager } from '@mikro-orm/postgresql';
import { AssessmentProcedure } from './modules/assessments/assessments.entity';
import { CycleComponent, Direction } from './modules/directions/directions.entity';
import { Municipality, Organization, Region } from './modules/geography/geography.entity';
import { organizationsByMunicipalityLoader } from './modules/geography/geography.loaders';
import { Indicator } from './modules/indicators/indicators.entity';
import {
  Activity,
  ActivityOccurrence,
  Executor,
  Roadmap,
  RoadmapSection,
} from './modules/roadmaps/roadmaps.entity';
import {
  DiagnosticCampaign,
  DiagnosticResult,
  RouteStep,
  Teacher,
  TeacherAssignment,
} from './modules/teachers/teachers.entity';
import {
  latestDiagnosticByTeacherLoader,
  teachersByOrganizationLoader,
} from './modules/teachers/teachers.loaders';
import {
  Olympiad,
  OlympiadRecord,
  OlympiadSubject,
  Student,
} from './modules/olympiads/olympiads.entity';
import { byIdLoader, childrenLoader, pivotLoader } from './shared/loaders';

/** All DataLoaders of one request; built per request so no cache leaks across users. */
export function createLoaders(em: EntityManager) {
  return {
    region: byIdLoader(em, Region),
    municipality: byIdLoader(em, Municipality),
    organization: byIdLoader(em, Organization),
    indicator: byIdLoader(em, Indicator),
    assessmentProcedure: byIdLoader(em, AssessmentProcedure),
    teacher: byIdLoader(em, Teacher),
    diagnosticCampaign: byIdLoader(em, DiagnosticCampaign),
    diagnosticResult: byIdLoader(em, DiagnosticResult),
    stepsByRoute: childrenLoader(em, RouteStep, 'route', { dueDate: 'asc', id: 'asc' }),
    assignmentsByTeacher: childrenLoader(em, TeacherAssignment, 'teacher', {
      startedOn: 'asc',
      id: 'asc',
    }),
    teachersByOrganization: teachersByOrganizationLoader(em),
    latestDiagnosticByTeacher: latestDiagnosticByTeacherLoader(em),
    olympiad: byIdLoader(em, Olympiad),
    olympiadSubject: byIdLoader(em, OlympiadSubject),
    student: byIdLoader(em, Student),
    recordsByStudent: childrenLoader(em, OlympiadRecord, 'student', {
      year: 'desc',
      stage: 'desc',
      id: 'asc',
    }),
    direction: byIdLoader(em, Direction),
    cycleComponent: byIdLoader(em, CycleComponent, 'code'),
    roadmap: byIdLoader(em, Roadmap),
    section: byIdLoader(em, RoadmapSection),
    activity: byIdLoader(em, Activity),
    executor: byIdLoader(em, Executor),
    municipalitiesByRegion: childrenLoader(em, Municipality, 'region', { name: 'asc' }),
    organizationsByMunicipality: organizationsByMunicipalityLoader(em),
    executorsByMunicipality: childrenLoader(em, Executor, 'municipality', { name: 'asc' }),
    roadmapsByMunicipality: childrenLoader(em, Roadmap, 'municipality', {
      periodStart: 'asc',
      id: 'asc',
    }),
    sectionsByRoadmap: childrenLoader(em, RoadmapSection, 'roadmap', { sortOrder: 'asc' }),
    activitiesBySection: childrenLoader(em, Activity, 'section', { sortKey: 'asc' }),
    occurrencesByActivity: childrenLoader(em, ActivityOccurrence, 'activity', { dueDate: 'asc' }),
    executorIdsByActivity: pivotLoader(em, 'activity_executor', 'activity_id', 'executor_id'),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
