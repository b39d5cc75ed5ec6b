// Columns of the bulk-loaded tables, in load order (without the id): the demo seed and the
// federal-scale generator write the same tables through insertUnnest.
import type { Column } from './demo/demo.bulk';

/** The same columns led by the id (loads that reserve ids from the sequence). */
export const withId = (columns: readonly Column[]): Column[] => [['id', 'int'], ...columns];

export const VALUE_COLUMNS: readonly Column[] = [
  ['indicator_id', 'int'],
  ['municipality_id', 'int'],
  ['organization_id', 'int'],
  ['period', 'text'],
  ['period_kind', 'period_kind'],
  ['period_start', 'date'],
  ['value', 'float8'],
  ['numerator', 'float8'],
  ['denominator', 'float8'],
  ['source', 'value_source'],
];

export const TEACHER_COLUMNS: readonly Column[] = [
  ['personnel_code', 'text'],
  ['organization_id', 'int'],
  ['municipality_id', 'int'],
  ['full_name', 'text'],
  ['birth_year', 'smallint'],
  ['subjects', 'jsonb'],
  ['position', 'text'],
  ['category', 'qualification_category'],
  ['total_experience_years', 'float8'],
  ['teaching_experience_years', 'float8'],
  ['hire_date', 'date'],
];

export const ASSIGNMENT_COLUMNS: readonly Column[] = [
  ['teacher_id', 'int'],
  ['organization_id', 'int'],
  ['started_on', 'date'],
  ['ended_on', 'date'],
];

export const CAMPAIGN_COLUMNS: readonly Column[] = [
  ['code', 'text'],
  ['name', 'text'],
  ['operator', 'text'],
  ['instrument', 'text'],
  ['held_on', 'date'],
  ['areas', 'jsonb'],
];

export const ENROLMENT_COLUMNS: readonly Column[] = [
  ['organization_id', 'int'],
  ['municipality_id', 'int'],
  ['year', 'smallint'],
  ['grade', 'smallint'],
  ['pupils', 'int'],
];

export const STUDENT_COLUMNS: readonly Column[] = [
  ['code', 'text'],
  ['organization_id', 'int'],
  ['municipality_id', 'int'],
  ['grade', 'smallint'],
  ['birth_year', 'smallint'],
  ['full_name', 'text'],
];

export const RECORD_COLUMNS: readonly Column[] = [
  ['olympiad_id', 'int'],
  ['year', 'smallint'],
  ['subject_id', 'int'],
  ['stage', 'olympiad_stage'],
  ['student_id', 'int'],
  ['organization_id', 'int'],
  ['municipality_id', 'int'],
  ['grade_actual', 'smallint'],
  ['grade_performed', 'smallint'],
  ['score', 'float8'],
  ['max_score', 'float8'],
  ['status', 'olympiad_status'],
];
