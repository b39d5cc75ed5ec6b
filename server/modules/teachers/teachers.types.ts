import { bulkResultType } from '../../shared/bulk';
import { connectionType } from '../../shared/pagination';
import {
  DiagnosticCampaign,
  DiagnosticResult,
  IndividualRoute,
  Mentorship,
  Teacher,
} from './teachers.entity';

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
export const IndividualRouteConnection = connectionType(
  IndividualRoute,
  'IndividualRouteConnection',
);
export const MentorshipConnection = connectionType(Mentorship, 'MentorshipConnection');
export const UpsertIndividualRoutesResult = bulkResultType(
  IndividualRoute,
  'UpsertIndividualRoutesResult',
);
export const UpsertMentorshipsResult = bulkResultType(Mentorship, 'UpsertMentorshipsResult');
