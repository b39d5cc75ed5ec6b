import { bulkResultType } from '../../shared/bulk';
import { connectionType } from '../../shared/pagination';
import { AssessmentProcedure, AssessmentResult } from './assessments.entity';

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
