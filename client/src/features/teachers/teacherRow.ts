// Rows of the teachers grid and their save mapping: edited rows → upsertTeachers inputs (by
// personnel code, with the stored version), server row errors → cells, saved teachers → rows.
import type { RowError, SaveChange } from '../../components/editable-grid';
import type { Writer } from '../auth/access';
import { canEdit } from '../auth/access';
import { joinList, splitList } from './teacherLabels';
import type {
  AssignmentNode,
  BulkRowError,
  QualificationCategory,
  TeacherInput,
  TeacherNode,
} from './teachers.queries';

export interface TeacherRow {
  /** Teacher id; null for a row added in the grid. */
  id: string | null;
  version: number | null;
  personnelCode: string;
  /** ФИО; null when hidden from the viewer (or not entered). */
  fullName: string | null;
  /** The server left the name out: personal data the viewer may not see. */
  nameHidden: boolean;
  youngSpecialist: boolean;
  birthYear: number | null;
  /** «Математика; Физика». */
  subjects: string;
  position: string;
  category: QualificationCategory | null;
  totalExperienceYears: number | null;
  teachingExperienceYears: number | null;
  hireDate: string | null;
  /** Current organization (the column's choice), by code. */
  organizationCode: string | null;
  /** Where the teacher works as stored (the move is a change of it). */
  storedOrganizationCode: string | null;
  storedOrganizationId: string | null;
  /** Date of a move to another organization (default: today). */
  movedOn: string | null;
  assignments: AssignmentNode[];
  assignmentCount: number;
}

export function teacherRow(node: TeacherNode): TeacherRow {
  return {
    id: node.id,
    version: node.version,
    personnelCode: node.personnelCode,
    fullName: node.fullName,
    nameHidden: node.fullName === null,
    youngSpecialist: node.youngSpecialist,
    birthYear: node.birthYear,
    subjects: joinList(node.subjects),
    position: node.position ?? '',
    category: node.category,
    totalExperienceYears: node.totalExperienceYears,
    teachingExperienceYears: node.teachingExperienceYears,
    hireDate: node.hireDate,
    organizationCode: node.organization.code,
    storedOrganizationCode: node.organization.code,
    storedOrganizationId: node.organization.id,
    movedOn: null,
    assignments: node.assignments,
    assignmentCount: node.assignments.length,
  };
}

/** Teachers by name (hidden names by personnel code), then by personnel code. */
export function toTeacherRows(nodes: readonly TeacherNode[]): TeacherRow[] {
  return nodes
    .map(teacherRow)
    .sort(
      (a, b) =>
        (a.fullName ?? '\uffff').localeCompare(b.fullName ?? '\uffff', 'ru') ||
        a.personnelCode.localeCompare(b.personnelCode, 'ru'),
    );
}

export function emptyTeacherRow(organizationCode: string | null): TeacherRow {
  return {
    id: null,
    version: null,
    personnelCode: '',
    fullName: null,
    nameHidden: false,
    youngSpecialist: false,
    birthYear: null,
    subjects: '',
    position: '',
    category: null,
    totalExperienceYears: null,
    teachingExperienceYears: null,
    hireDate: null,
    organizationCode,
    storedOrganizationCode: null,
    storedOrganizationId: null,
    movedOn: null,
    assignments: [],
    assignmentCount: 0,
  };
}

/** Whether the row's organization differs from the stored one (a move on save). */
export function isMove(
  row: Pick<TeacherRow, 'id' | 'organizationCode' | 'storedOrganizationCode'>,
) {
  return row.id !== null && row.organizationCode !== row.storedOrganizationCode;
}

/** Which rows the viewer may write (the server checks again). */
export function canWriteTeacherRow(
  writer: Writer | null,
  municipalityId: string,
  row: Pick<TeacherRow, 'storedOrganizationId'>,
): boolean {
  return (
    canEdit(writer, municipalityId) ||
    (writer?.role === 'SCHOOL_COORDINATOR' &&
      (row.storedOrganizationId === null || writer.organizationId === row.storedOrganizationId))
  );
}

// Grid fields sent as input fields of the same name (the rest is mapped below).
const PLAIN_FIELDS = [
  'birthYear',
  'category',
  'totalExperienceYears',
  'teachingExperienceYears',
  'hireDate',
] as const;

export interface TeacherInputs {
  inputs: TeacherInput[];
  /** The change index of each input (server errors refer to inputs). */
  origins: number[];
  /** Rows refused before sending. */
  errors: RowError[];
}

export interface TeacherMessages {
  required: string;
}

/**
 * One input per changed row by personnel code: a new row sends what was entered, an edited one
 * its changed fields with the stored version (left-out fields keep their stored values). A hidden
 * name is never sent; a move sends the new organization with its date.
 */
export function toTeacherInputs(
  changes: readonly SaveChange<TeacherRow>[],
  messages: TeacherMessages,
): TeacherInputs {
  const result: TeacherInputs = { inputs: [], origins: [], errors: [] };
  for (const change of changes) {
    const { row, isNew } = change;
    const code = row.personnelCode.trim();
    const missing = [
      ...(code === '' ? ['personnelCode'] : []),
      ...(!row.organizationCode ? ['organizationCode'] : []),
    ];
    if (missing.length > 0) {
      for (const field of missing) {
        result.errors.push({
          index: change.index,
          field,
          code: 'REQUIRED',
          message: messages.required,
        });
      }
      continue;
    }
    const input: TeacherInput = { personnelCode: code, organizationCode: row.organizationCode! };
    const send = (field: string) =>
      isNew || row.id === null || change.changedFields.includes(field);
    if (!isNew && row.id !== null && row.version !== null) {
      input.version = row.version;
    }
    if (!row.nameHidden && send('fullName')) {
      const name = row.fullName?.trim() ?? '';
      if (name !== '' || !isNew) {
        input.fullName = name === '' ? null : name;
      }
    }
    for (const field of PLAIN_FIELDS) {
      if (send(field) && (row[field] !== null || !isNew)) {
        (input as unknown as Record<string, unknown>)[field] = row[field];
      }
    }
    if (send('subjects')) {
      input.subjects = splitList(row.subjects);
    }
    if (send('position') && (row.position.trim() !== '' || !isNew)) {
      input.position = row.position.trim() === '' ? null : row.position.trim();
    }
    if (isMove(row) && row.movedOn) {
      input.movedOn = row.movedOn;
    }
    if (input.category === null) {
      delete input.category;
    }
    result.inputs.push(input);
    result.origins.push(change.index);
  }
  return result;
}

/** Server row errors (indexes into the inputs) → the grid changes and cells they concern. */
export function toGridErrors(
  errors: readonly BulkRowError[],
  origins: readonly number[],
): RowError[] {
  return errors.map((error) => ({
    index: origins[error.index] ?? 0,
    // version has no cell: the grid shows it on the row.
    field: error.field === 'version' ? null : error.field,
    code: error.code,
    message: error.message,
  }));
}
