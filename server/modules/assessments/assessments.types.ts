import { bulkResultType } from '../../shared/bulk';
import { connectionType } from '../../shared/pagination';
import {
  AssessmentAnalysisRun,
  AssessmentProcedure,
  AssessmentResult,
  LowResultStatus,
  ObjectivitySign,
} from './assessments.entity';

export const AssessmentProcedureConnection = connectionType(
  AssessmentProcedure,
  'AssessmentProcedureConnection',
);
export const AssessmentResultConnection = connectionType(
  AssessmentResult,
  'AssessmentResultConnection',
);
export const UpsertAssessmentProceduresResult = bulkResultType(
  AssessmentProcedure,
  'UpsertAssessmentProceduresResult',
);
export const UpsertAssessmentResultsResult = bulkResultType(
  AssessmentResult,
  'UpsertAssessmentResultsResult',
);
export const ObjectivitySignConnection = connectionType(
  ObjectivitySign,
  'ObjectivitySignConnection',
);
export const LowResultStatusConnection = connectionType(
  LowResultStatus,
  'LowResultStatusConnection',
);
export const AssessmentAnalysisRunConnection = connectionType(
  AssessmentAnalysisRun,
  'AssessmentAnalysisRunConnection',
);
export const UpsertPupilResultsResult = bulkResultType(
  AssessmentResult,
  'UpsertPupilResultsResult',
);
