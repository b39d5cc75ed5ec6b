// Rows of the protocol grid and their save mapping: edited, added and deleted rows → one
// upsertOlympiadRecords request (natural key + stored version), server row errors → cells.
import type { RowError, SaveChange } from '../../components/editable-grid';
import type { Writer } from '../auth/access';
import { canEdit } from '../auth/access';
import type { BulkRowError } from '../teachers/teachers.queries';
import type {
  OlympiadRecordInput,
  OlympiadStage,
  OlympiadStatus,
  RecordNode,
} from './olympiads.queries';
import { VSOSH } from './olympiads.queries';

/** Field names follow the input's, so the server's row errors land on their cells. */
export interface RecordRow {
  /** Record id; null for a row added in the grid. */
  id: string | null;
  version: number | null;
  olympiadCode: string;
  academicYear: string;
  /** Subject code. */
  subject: string | null;
  stage: OlympiadStage | null;
  studentCode: string;
  /** ФИО; null when hidden from the viewer (or not entered). */
  fullName: string | null;
  nameHidden: boolean;
  /** The school the pupil represented, by code. */
  organizationCode: string | null;
  /** The stored school (who may write the row). */
  organizationId: string | null;
  gradeActual: number | null;
  /** Null: the same as the actual grade. */
  gradePerformed: number | null;
  score: number | null;
  maxScore: number | null;
  status: OlympiadStatus | null;
}

export function recordRow(node: RecordNode): RecordRow {
  return {
    id: node.id,
    version: node.version,
    olympiadCode: node.olympiad.code,
    academicYear: node.academicYear,
    subject: node.subject.code,
    stage: node.stage,
    studentCode: node.student.code,
    fullName: node.student.fullName,
    nameHidden: node.student.fullName === null,
    organizationCode: node.organization.code,
    organizationId: node.organization.id,
    gradeActual: node.gradeActual,
    gradePerformed: node.gradePerformed,
    score: node.score,
    maxScore: node.maxScore,
    status: node.status,
  };
}

export interface NewRecordDefaults {
  academicYear: string;
  stage: OlympiadStage | null;
  subject: string | null;
  organizationCode: string | null;
}

export function emptyRecordRow(defaults: NewRecordDefaults): RecordRow {
  return {
    id: null,
    version: null,
    olympiadCode: VSOSH,
    academicYear: defaults.academicYear,
    subject: defaults.subject,
    stage: defaults.stage ?? 'SCHOOL',
    studentCode: '',
    fullName: null,
    nameHidden: false,
    organizationCode: defaults.organizationCode,
    organizationId: null,
    gradeActual: null,
    gradePerformed: null,
    score: null,
    maxScore: null,
    status: 'PARTICIPANT',
  };
}

/** Which rows the viewer may write (the server checks again): a school's coordinator its own. */
export function canWriteRecord(
  writer: Writer | null,
  municipalityId: string,
  row: Pick<RecordRow, 'organizationId'>,
): boolean {
  return (
    canEdit(writer, municipalityId) ||
    (writer?.role === 'SCHOOL_COORDINATOR' &&
      (row.organizationId === null || writer.organizationId === row.organizationId))
  );
}

// Required to write an entry (the input's non-null fields the row holds).
const REQUIRED = [
  'subject',
  'stage',
  'studentCode',
  'organizationCode',
  'gradeActual',
  'score',
  'maxScore',
] as const;

export interface RecordInputs {
  inputs: OlympiadRecordInput[];
  /** The grid index of each input: a change's index, or changes + the deleted row's position. */
  origins: number[];
  /** Rows refused before sending. */
  errors: RowError[];
}

function toInput(row: RecordRow): OlympiadRecordInput {
  const input: OlympiadRecordInput = {
    olympiadCode: row.olympiadCode,
    academicYear: row.academicYear,
    subject: row.subject!,
    stage: row.stage!,
    studentCode: row.studentCode.trim(),
    organizationCode: row.organizationCode!,
    gradeActual: row.gradeActual!,
    score: row.score!,
    maxScore: row.maxScore!,
    status: row.status ?? 'PARTICIPANT',
  };
  if (row.gradePerformed !== null) {
    input.gradePerformed = row.gradePerformed;
  }
  if (row.id !== null && row.version !== null) {
    input.version = row.version;
  }
  return input;
}

/**
 * One input per changed row and per deleted stored row, in the grid's order (changes, then
 * deletions). An entry is written whole by its natural key with the stored version; the name goes
 * along only when typed (a hidden one never).
 */
export function toRecordInputs(
  changes: readonly SaveChange<RecordRow>[],
  deleted: readonly RecordRow[],
  required: string,
): RecordInputs {
  const result: RecordInputs = { inputs: [], origins: [], errors: [] };
  for (const change of changes) {
    const { row } = change;
    const missing = REQUIRED.filter((field) =>
      field === 'studentCode' ? row.studentCode.trim() === '' : row[field] === null,
    );
    if (missing.length > 0) {
      for (const field of missing) {
        result.errors.push({ index: change.index, field, code: 'REQUIRED', message: required });
      }
      continue;
    }
    const input = toInput(row);
    const name = row.fullName?.trim() ?? '';
    if (
      !row.nameHidden &&
      name !== '' &&
      (change.isNew || change.changedFields.includes('fullName'))
    ) {
      input.fullName = name;
    }
    result.inputs.push(input);
    result.origins.push(change.index);
  }
  deleted.forEach((row, i) => {
    if (row.id !== null) {
      result.inputs.push({ ...toInput(row), delete: true });
      result.origins.push(changes.length + i);
    }
  });
  return result;
}

/** Server row errors (indexes into the inputs) → the grid rows and cells they concern. */
export function toRecordGridErrors(
  errors: readonly BulkRowError[],
  origins: readonly number[],
): RowError[] {
  return errors.map((error) => ({
    index: origins[error.index] ?? 0,
    // version and delete have no cell: the grid shows them on the row.
    field: error.field === 'version' || error.field === 'delete' ? null : error.field,
    code: error.code,
    message: error.message,
  }));
}
