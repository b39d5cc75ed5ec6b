// Rows of the results grid (one per school of the municipality) and their save mapping: edited
// rows → upsertAssessmentResults inputs, server row errors → cells, saved results → rows.
import type { GridRowBase, RowError, SaveChange } from '../../components/editable-grid';
import type { Writer } from '../auth/access';
import { canEdit } from '../auth/access';
import { parseFigure } from '../indicator-values/valueRow';
import type {
  AssessmentResultInput,
  BulkRowError,
  ProcedureKind,
  ResultFigures,
  ResultNode,
  SchoolNode,
} from './assessments.queries';

export type ResultField = keyof ResultFigures;

export const COUNT_FIELDS: readonly ResultField[] = [
  'participants',
  'mark2',
  'mark3',
  'mark4',
  'mark5',
  'journalLowered',
  'journalConfirmed',
  'journalRaised',
  'belowMinimum',
  'medalists',
  'medalistsBelowRequirement',
];

const VPR_KINDS: readonly ProcedureKind[] = ['VPR', 'VPR_CONTROLLED'];
const EXAM_KINDS: readonly ProcedureKind[] = ['OGE', 'EGE', 'GVE_9', 'GVE_11'];

/** The figures a procedure of this kind has, in column order. */
export function resultFieldsFor(kind: ProcedureKind): ResultField[] {
  const fields: ResultField[] = [
    'participants',
    'mark2',
    'mark3',
    'mark4',
    'mark5',
    'meanScore',
    'scoreSd',
    'meanPercent',
    'taskCompletion',
  ];
  if (VPR_KINDS.includes(kind)) {
    // The ВПР mark compared with the journal mark.
    fields.push('journalLowered', 'journalConfirmed', 'journalRaised');
  }
  if (EXAM_KINDS.includes(kind)) {
    fields.push('belowMinimum');
  }
  if (kind === 'EGE') {
    fields.push('medalists', 'medalistsBelowRequirement');
  }
  return fields;
}

/** A school's row: its result's figures, participants empty until entered, tasks as text. */
export interface ResultRow
  extends GridRowBase,
    Omit<ResultFigures, 'participants' | 'taskCompletion'> {
  /** `o:<organization id>`. */
  id: string;
  /** Version of the stored result; null while the school has none. */
  version: number | null;
  organizationId: string;
  organizationCode: string;
  organizationName: string;
  demo: boolean;
  participants: number | null;
  /** Task completion as text, «81; 70.5; 55» (edited as one cell). */
  taskCompletion: string | null;
}

/** Task completion list → the cell's text (dot decimals; the column formats it per language). */
export function tasksText(values: readonly number[] | null): string | null {
  return values && values.length > 0 ? values.map((v) => String(v)).join('; ') : null;
}

/**
 * «81; 70,5; 55» (or separated by spaces) → numbers; empty → null. Throws when a value is not a
 * percentage or, when the procedure lists its tasks, the count differs.
 */
export function parseTasks(text: string, taskCount: number | null): number[] | null {
  const parts = text
    .split(/\s*;\s*|\s+/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  if (parts.length === 0) {
    return null;
  }
  const values = parts.map((part) => parseFigure(part) as number);
  if (values.some((v) => !(v >= 0 && v <= 100))) {
    throw new RangeError('percent');
  }
  if (taskCount !== null && taskCount > 0 && values.length !== taskCount) {
    throw new RangeError('count');
  }
  return values;
}

/** A figure cell's text → number or null; counts must be whole and non-negative. */
export function parseResultFigure(field: ResultField, text: string): number | null {
  const value = parseFigure(text);
  if (value !== null && COUNT_FIELDS.includes(field) && !(Number.isInteger(value) && value >= 0)) {
    throw new RangeError('count');
  }
  return value;
}

const schoolName = (s: Pick<SchoolNode, 'name' | 'shortName'>) => s.shortName ?? s.name;

function figuresOf(node: ResultNode | null): Pick<ResultRow, ResultField> {
  return {
    participants: node?.participants ?? null,
    mark2: node?.mark2 ?? null,
    mark3: node?.mark3 ?? null,
    mark4: node?.mark4 ?? null,
    mark5: node?.mark5 ?? null,
    meanScore: node?.meanScore ?? null,
    scoreSd: node?.scoreSd ?? null,
    meanPercent: node?.meanPercent ?? null,
    taskCompletion: tasksText(node?.taskCompletion ?? null),
    journalLowered: node?.journalLowered ?? null,
    journalConfirmed: node?.journalConfirmed ?? null,
    journalRaised: node?.journalRaised ?? null,
    belowMinimum: node?.belowMinimum ?? null,
    medalists: node?.medalists ?? null,
    medalistsBelowRequirement: node?.medalistsBelowRequirement ?? null,
  };
}

export function resultRow(school: SchoolNode, node: ResultNode | null): ResultRow {
  return {
    id: `o:${school.id}`,
    version: node?.version ?? null,
    organizationId: school.id,
    organizationCode: school.code,
    organizationName: schoolName(school),
    demo: school.demo,
    ...figuresOf(node),
  };
}

/**
 * One row per school of the municipality (by name), with its stored result of the procedure;
 * an organization that has a result without being listed as a school gets its row too.
 */
export function toResultRows(
  schools: readonly SchoolNode[],
  results: readonly ResultNode[],
): ResultRow[] {
  const byOrganization = new Map(results.map((r) => [r.organization.id, r]));
  const all = new Map(schools.map((s) => [s.id, s]));
  for (const result of results) {
    if (!all.has(result.organization.id)) {
      all.set(result.organization.id, result.organization);
    }
  }
  return [...all.values()]
    .sort((a, b) => schoolName(a).localeCompare(schoolName(b), 'ru'))
    .map((school) => resultRow(school, byOrganization.get(school.id) ?? null));
}

/** Which rows the viewer may write (the server checks again). */
export function canWriteResultRow(
  writer: Writer | null,
  municipalityId: string,
  row: Pick<ResultRow, 'organizationId'>,
): boolean {
  return (
    canEdit(writer, municipalityId) ||
    (writer?.role === 'SCHOOL_COORDINATOR' && writer.organizationId === row.organizationId)
  );
}

export interface ResultInputs {
  inputs: AssessmentResultInput[];
  /** The change index of each input (server errors refer to inputs). */
  origins: number[];
  /** Rows refused before sending (e.g. no participants). */
  errors: RowError[];
}

export interface InputMessages {
  participantsRequired: string;
  badTasks: string;
}

/**
 * One input per changed row, by natural key, with every figure of the procedure's columns (the
 * server checks a row's figures against each other as sent) and the stored version. A school
 * without a result whose cells were all left empty sends nothing.
 */
export function toResultInputs(
  changes: readonly SaveChange<ResultRow>[],
  procedure: { code: string; kind: ProcedureKind; taskCount: number | null },
  messages: InputMessages,
): ResultInputs {
  const fields = resultFieldsFor(procedure.kind);
  const result: ResultInputs = { inputs: [], origins: [], errors: [] };
  for (const change of changes) {
    const { row } = change;
    const empty = fields.every((field) => row[field] === null);
    if (empty && row.version === null) {
      continue;
    }
    if (row.participants === null) {
      result.errors.push({
        index: change.index,
        field: 'participants',
        code: 'REQUIRED',
        message: messages.participantsRequired,
      });
      continue;
    }
    const input: AssessmentResultInput = {
      procedureCode: procedure.code,
      organizationCode: row.organizationCode,
      participants: row.participants,
    };
    let bad = false;
    for (const field of fields) {
      if (field === 'participants') {
        continue;
      }
      if (field === 'taskCompletion') {
        try {
          input.taskCompletion = row.taskCompletion
            ? parseTasks(row.taskCompletion, procedure.taskCount)
            : null;
        } catch {
          bad = true;
          result.errors.push({
            index: change.index,
            field,
            code: 'INVALID_FORMAT',
            message: messages.badTasks,
          });
        }
        continue;
      }
      (input as Record<string, unknown>)[field] = row[field];
    }
    if (row.version !== null) {
      input.version = row.version;
    }
    if (!bad) {
      result.inputs.push(input);
      result.origins.push(change.index);
    }
  }
  return result;
}

/** Server row errors (indexes into the inputs) → the grid changes they concern. */
export function toResultGridErrors(
  errors: readonly BulkRowError[],
  origins: readonly number[],
): RowError[] {
  return errors.map((error) => ({
    index: origins[error.index] ?? 0,
    // procedureCode / organizationCode / version have no cell: the grid shows them on the row.
    field: error.field,
    code: error.code,
    message: error.message,
  }));
}

/** Rows with the saved results merged in (versions for the next save). */
export function applySavedResults(
  rows: readonly ResultRow[],
  saved: readonly ResultNode[],
): ResultRow[] {
  const byOrganization = new Map(saved.map((node) => [node.organization.id, node]));
  return rows.map((row) => {
    const node = byOrganization.get(row.organizationId);
    return node ? { ...row, version: node.version, ...figuresOf(node) } : row;
  });
}
