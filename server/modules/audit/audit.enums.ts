import { registerEnumType } from 'type-graphql';

export enum ChangeAction {
  CREATE = 'create',
  UPDATE = 'update',
  DELETE = 'delete',
}
registerEnumType(ChangeAction, { name: 'ChangeAction' });

// Tables whose every row change the audit_row() trigger records (see the audit migration).
export const AUDITED_TABLES = [
  'region',
  'municipality',
  'organization',
  'direction',
  'roadmap',
  'roadmap_section',
  'executor',
  'activity',
  'activity_executor',
  'activity_occurrence',
  'app_user',
  'api_token',
  'indicator',
  'indicator_value',
  'assessment_procedure',
  'assessment_result',
  'pupil_result',
  'teacher',
  'teacher_assignment',
  'diagnostic_campaign',
  'diagnostic_result',
  'individual_route',
  'route_step',
  'mentorship',
  'olympiad',
  'student',
  'olympiad_record',
  'grade_enrolment',
] as const;
export type AuditedTable = (typeof AUDITED_TABLES)[number];
