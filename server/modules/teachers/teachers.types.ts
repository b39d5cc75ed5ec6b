import { bulkResultType } from '../../shared/bulk';
import { connectionType } from '../../shared/pagination';
import { DiagnosticCampaign, DiagnosticResult, Teacher } from './teachers.entity';

export const TeacherConnection = connectionType(Teacher, 'TeacherConnection');
export const DiagnosticCampaignConnection = connectionType(
  DiagnosticCampaign,
  'DiagnosticCampaignConnection',
);
export const DiagnosticResultConnection = connectionType(
  DiagnosticResult,
  'DiagnosticResultConnection',
);
export const UpsertTeachersResult = bulkResultType(Teacher, 'UpsertTeachersResult');
export const UpsertDiagnosticCampaignsResult = bulkResultType(
  DiagnosticCampaign,
  'UpsertDiagnosticCampaignsResult',
);
export const UpsertDiagnosticResultsResult = bulkResultType(
  DiagnosticResult,
  'UpsertDiagnosticResultsResult',
);
