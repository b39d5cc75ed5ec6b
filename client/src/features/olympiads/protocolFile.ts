// An olympiad protocol file (CSV or XLSX, read by the teachers' results-file reader) → rows to
// check and write by upsertOlympiadRecords in one request: values read through the column
// mapping and the dialog's defaults, problems named by the file's row and column, the server's
// row errors put back onto the file's rows. Pure.
import type { SheetRow } from '../../components/table-import/sheet';
import {
  parseAcademicYear,
  parseBirthYear,
  parseGrade,
  parseScore,
  parseStage,
  parseStatus,
} from './olympiadLabels';
import type { OlympiadRecordInput, OlympiadStage, OlympiadStatus } from './olympiads.queries';
import type { ProtocolField, ProtocolMapping } from './protocolHeaders';

/** What the dialog supplies where the file has no column (or an empty cell). */
export interface ProtocolDefaults {
  olympiadCode: string;
  academicYear: string;
  stage: OlympiadStage | '';
  /** Subject code or name; '' for none. */
  subject: string;
  maxScore: number | null;
}

/** The input field a problem concerns ('row': the row as a whole). */
export type ProblemField = keyof OlympiadRecordInput | 'row';

export interface ProtocolProblem {
  /** The file's row number. */
  line: number;
  field: ProblemField;
  /** The file's header of the column, when the value came from one. */
  column: string | null;
  /** REQUIRED, NOT_A_NUMBER, BAD_GRADE, BAD_STAGE, BAD_STATUS, BAD_YEAR, BAD_BIRTH, OVER_MAX,
   * DUPLICATE here; the server's codes. */
  code: string;
  /** The server's message; the page words the local codes itself. */
  message?: string;
  value?: string;
}

export interface ProtocolValues {
  studentCode: string;
  fullName: string;
  birthYear: number | null;
  organizationCode: string;
  gradeActual: number | null;
  gradePerformed: number | null;
  subject: string;
  stage: OlympiadStage | null;
  academicYear: string | null;
  score: number | null;
  maxScore: number | null;
  status: OlympiadStatus | null;
}

export interface ProtocolRow {
  line: number;
  values: ProtocolValues;
  problems: ProtocolProblem[];
}

export interface ProtocolPlan {
  rows: ProtocolRow[];
  headers: string[];
  headerLine: number | null;
  /** Lines below the header with neither a participant code nor a score (notes, signatures). */
  skipped: number[];
}

// The file column each input field is read from (the name from one of four).
const SOURCE: Partial<Record<ProblemField, readonly ProtocolField[]>> = {
  studentCode: ['studentCode'],
  fullName: ['fullName', 'lastName', 'firstName', 'middleName'],
  birthYear: ['birth'],
  organizationCode: ['organizationCode'],
  gradeActual: ['gradeActual'],
  gradePerformed: ['gradePerformed'],
  subject: ['subject'],
  stage: ['stage'],
  academicYear: ['academicYear'],
  score: ['score'],
  maxScore: ['maxScore'],
  status: ['status'],
};

/** Input fields read from a file column (the server's errors on others concern the row). */
export const SOURCE_FIELDS: ReadonlySet<string> = new Set(Object.keys(SOURCE));

/** The file's header of the column an input field was read from, or null (dialog, none). */
export function columnOf(
  plan: Pick<ProtocolPlan, 'headers'>,
  mapping: ProtocolMapping,
  field: ProblemField,
): string | null {
  const source = (SOURCE[field] ?? []).find((f) => mapping[f] !== null);
  if (!source) {
    return null;
  }
  const index = mapping[source]!;
  return plan.headers[index] || `#${index + 1}`;
}

/** Reads one cell through a parser; a refusal becomes the row's problem and the value null. */
type Reader = <T>(
  field: ProblemField,
  text: string,
  parse: (t: string) => T | null,
  code: string,
) => T | null;

function readValues(
  cell: (f: ProtocolField) => string,
  defaults: ProtocolDefaults,
  read: Reader,
): ProtocolValues {
  const name =
    cell('fullName') ||
    [cell('lastName'), cell('firstName'), cell('middleName')].filter(Boolean).join(' ');
  const maxText = cell('maxScore');
  return {
    studentCode: cell('studentCode'),
    fullName: name.replace(/\s+/g, ' '),
    birthYear: read('birthYear', cell('birth'), parseBirthYear, 'BAD_BIRTH'),
    organizationCode: cell('organizationCode'),
    gradeActual: read('gradeActual', cell('gradeActual'), parseGrade, 'BAD_GRADE'),
    gradePerformed: read('gradePerformed', cell('gradePerformed'), parseGrade, 'BAD_GRADE'),
    subject: cell('subject') || defaults.subject,
    stage: read('stage', cell('stage'), parseStage, 'BAD_STAGE') ?? (defaults.stage || null),
    academicYear:
      read('academicYear', cell('academicYear'), parseAcademicYear, 'BAD_YEAR') ??
      (defaults.academicYear || null),
    score: read('score', cell('score'), parseScore, 'NOT_A_NUMBER'),
    maxScore:
      maxText === '' ? defaults.maxScore : read('maxScore', maxText, parseScore, 'NOT_A_NUMBER'),
    status: read('status', cell('status'), parseStatus, 'BAD_STATUS'),
  };
}

const REQUIRED: readonly (keyof ProtocolValues)[] = [
  'studentCode',
  'organizationCode',
  'gradeActual',
  'subject',
  'stage',
  'academicYear',
  'score',
  'maxScore',
];

/** What a row must have (a value refused by its parser is reported once, as refused). */
function checkValues(
  values: ProtocolValues,
  problems: readonly ProtocolProblem[],
  problem: (field: ProblemField, code: string) => void,
): void {
  for (const field of REQUIRED) {
    const value = values[field];
    if ((value === null || value === '') && !problems.some((p) => p.field === field)) {
      problem(field, 'REQUIRED');
    }
  }
}

/** The file's rows below the header read through the mapping and the defaults, and checked. */
export function buildProtocolRows(
  sheet: readonly SheetRow[],
  headerIndex: number,
  mapping: ProtocolMapping,
  defaults: ProtocolDefaults,
): ProtocolPlan {
  const header = sheet[headerIndex];
  const plan: ProtocolPlan = {
    rows: [],
    headers: header?.cells ?? [],
    headerLine: header?.line ?? null,
    skipped: [],
  };
  const seen = new Map<string, number>();
  for (const source of sheet.slice(headerIndex + 1)) {
    const cell = (field: ProtocolField) => {
      const index = mapping[field];
      return index === null ? '' : (source.cells[index] ?? '').trim();
    };
    if (cell('studentCode') === '' && cell('score') === '') {
      plan.skipped.push(source.line);
      continue;
    }
    const problems: ProtocolProblem[] = [];
    const problem = (field: ProblemField, code: string, value?: string) =>
      problems.push({
        line: source.line,
        field,
        column: columnOf(plan, mapping, field),
        code,
        value,
      });
    const read: Reader = (field, text, parse, code) => {
      try {
        return parse(text);
      } catch {
        problem(field, code, text);
        return null;
      }
    };
    const values = readValues(cell, defaults, read);
    checkValues(values, problems, problem);
    if (values.score !== null && values.maxScore !== null && values.score > values.maxScore) {
      problem('score', 'OVER_MAX', cell('score'));
    }
    const key = [
      values.academicYear,
      values.subject.toLowerCase(),
      values.stage,
      values.studentCode,
    ].join('|');
    if (values.studentCode !== '' && seen.has(key)) {
      problem('studentCode', 'DUPLICATE', String(seen.get(key)));
    } else {
      seen.set(key, source.line);
    }
    plan.rows.push({ line: source.line, values, problems });
  }
  return plan;
}

export interface ProtocolInputs {
  inputs: OlympiadRecordInput[];
  /** The position in `rows` of each input. */
  origins: number[];
}

/** The rows to send: every row without a problem of its own, whole, in file order. */
export function toProtocolInputs(
  rows: readonly ProtocolRow[],
  olympiadCode: string,
): ProtocolInputs {
  const result: ProtocolInputs = { inputs: [], origins: [] };
  rows.forEach((row, i) => {
    if (row.problems.length > 0) {
      return;
    }
    const v = row.values;
    const input: OlympiadRecordInput = {
      olympiadCode,
      academicYear: v.academicYear!,
      subject: v.subject,
      stage: v.stage!,
      studentCode: v.studentCode,
      organizationCode: v.organizationCode,
      gradeActual: v.gradeActual!,
      score: v.score!,
      maxScore: v.maxScore!,
    };
    if (v.fullName !== '') {
      input.fullName = v.fullName;
    }
    if (v.birthYear !== null) {
      input.birthYear = v.birthYear;
    }
    if (v.gradePerformed !== null) {
      input.gradePerformed = v.gradePerformed;
    }
    if (v.status !== null) {
      input.status = v.status;
    }
    result.inputs.push(input);
    result.origins.push(i);
  });
  return result;
}

/** Every problem of the rows, in file order. */
export function allProtocolProblems(rows: readonly ProtocolRow[]): ProtocolProblem[] {
  return rows.flatMap((row) => row.problems);
}
