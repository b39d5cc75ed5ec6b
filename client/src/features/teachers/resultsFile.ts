// A campaign's results file as the operator delivers it (CSV or XLSX: a personnel code and one
// column per area, headers in the operator's words) → rows to check and write by
// upsertDiagnosticResults. Pure except for reading the file; exceljs is loaded on demand.
import { parseFigure } from '../indicator-values/valueRow';
import type { CampaignArea } from './teacherLabels';
import { toArea } from './teacherLabels';
import type { BulkRowError, CompetencyArea, DiagnosticResultInput } from './teachers.queries';
import { COMPETENCY_AREAS } from './teachers.queries';

import { type SheetRow } from '../../components/table-import/sheet';

// ------------------------------------------------------------------------------------------------
// Columns → areas

const normalize = (text: string) =>
  text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^a-zа-я0-9]+/g, ' ')
    .trim();

// Word stems of each area's name as operators write it (Russian and English).
const AREA_STEMS: Record<CompetencyArea, readonly string[]> = {
  NORMATIVE_LEGAL: ['нормативн', 'правов', 'normative', 'legal'],
  SUBJECT: ['предметн', 'subject'],
  METHODICAL: ['методическ', 'методолог', 'methodic', 'methodolog'],
  PSYCHOLOGICAL_PEDAGOGICAL: ['психолог', 'psycholog'],
  DIGITAL: ['цифров', 'икт', 'digital'],
  COMMUNICATIVE: ['коммуникат', 'communicat'],
};

/** The area a header names («Предметная компетенция, балл», «SUBJECT»), or null. */
export function headerArea(header: string): CompetencyArea | null {
  const exact = toArea(header.replace(/\s+/g, '_'));
  if (exact) {
    return exact;
  }
  const text = normalize(header);
  return (
    COMPETENCY_AREAS.find((area) => AREA_STEMS[area].some((stem) => text.includes(stem))) ?? null
  );
}

/** Whether a header names the personnel code («Табельный номер», «Код педагога», «personnelCode»). */
export function isPersonnelHeader(header: string): boolean {
  const text = normalize(header);
  return (
    /табел|personnel|личн\S* код|идентификатор/.test(text) ||
    /^(код|code|id)( педагога| участника| работника| teacher)?$/.test(text)
  );
}

/** Which file column holds the personnel code and which holds each area (null: none). */
export interface ColumnMapping {
  personnelCode: number | null;
  areas: Partial<Record<CompetencyArea, number | null>>;
}

/** The header row: the first of the first rows naming a personnel code or an area. */
export function findHeaderRow(rows: readonly SheetRow[]): number {
  const limit = Math.min(rows.length, 20);
  for (let i = 0; i < limit; i += 1) {
    if (rows[i].cells.some((c) => isPersonnelHeader(c) || headerArea(c) !== null)) {
      return i;
    }
  }
  return 0;
}

/** The columns guessed from the headers, for the campaign's areas; each column used once. */
export function guessMapping(
  headers: readonly string[],
  areas: readonly CampaignArea[],
): ColumnMapping {
  const used = new Set<number>();
  const personnel = headers.findIndex((h) => isPersonnelHeader(h));
  if (personnel >= 0) {
    used.add(personnel);
  }
  const mapping: ColumnMapping = { personnelCode: personnel >= 0 ? personnel : null, areas: {} };
  for (const { area } of areas) {
    const index = headers.findIndex((h, i) => !used.has(i) && headerArea(h) === area);
    mapping.areas[area] = index >= 0 ? index : null;
    if (index >= 0) {
      used.add(index);
    }
  }
  return mapping;
}

// ------------------------------------------------------------------------------------------------
// Rows to write

export type ProblemField = 'personnelCode' | 'scores' | 'row' | CompetencyArea;

/** Something wrong with a row of the file, checked here or by the server's dry run. */
export interface ImportProblem {
  line: number;
  field: ProblemField;
  /** The file's header of the column, when the problem is in one. */
  column: string | null;
  /** REQUIRED, NOT_A_NUMBER, OUT_OF_RANGE, DUPLICATE, NO_SCORES here; the server's codes. */
  code: string;
  /** The server's message; the page words the local codes itself. */
  message?: string;
  value?: string;
  max?: number;
}

export interface ImportRow {
  line: number;
  personnelCode: string;
  /** The scores that are numbers within the area's range. */
  scores: Partial<Record<CompetencyArea, number>>;
  /** Each mapped area's text as in the file. */
  texts: Partial<Record<CompetencyArea, string>>;
  problems: ImportProblem[];
}

export interface ImportPlan {
  rows: ImportRow[];
  /** The file's headers (the header row's cells). */
  headers: string[];
  headerLine: number | null;
}

/** The file's rows below the header read through the mapping and checked against the areas. */
export function buildImportRows(
  sheet: readonly SheetRow[],
  headerIndex: number,
  mapping: ColumnMapping,
  areas: readonly CampaignArea[],
): ImportPlan {
  const header = sheet[headerIndex];
  const headers = header?.cells ?? [];
  const columnName = (index: number | null | undefined) =>
    index === null || index === undefined ? null : (headers[index] ?? `#${index + 1}`);
  const seen = new Map<string, number>();
  const rows: ImportRow[] = [];
  for (const source of sheet.slice(headerIndex + 1)) {
    const cell = (index: number | null | undefined) =>
      index === null || index === undefined ? '' : (source.cells[index] ?? '').trim();
    const personnelCode = cell(mapping.personnelCode);
    const row: ImportRow = {
      line: source.line,
      personnelCode,
      scores: {},
      texts: {},
      problems: [],
    };
    const problem = (p: Omit<ImportProblem, 'line'>) =>
      row.problems.push({ line: source.line, ...p });
    if (personnelCode === '') {
      problem({
        field: 'personnelCode',
        column: columnName(mapping.personnelCode),
        code: 'REQUIRED',
      });
    } else if (seen.has(personnelCode)) {
      problem({
        field: 'personnelCode',
        column: columnName(mapping.personnelCode),
        code: 'DUPLICATE',
        value: String(seen.get(personnelCode)),
      });
    } else {
      seen.set(personnelCode, source.line);
    }
    let filled = 0;
    for (const { area, maxScore } of areas) {
      const index = mapping.areas[area];
      const text = cell(index);
      row.texts[area] = text;
      if (text === '') {
        continue;
      }
      filled += 1;
      let value: number | null;
      try {
        value = parseFigure(text.replace(/%$/, ''));
      } catch {
        problem({ field: area, column: columnName(index), code: 'NOT_A_NUMBER', value: text });
        continue;
      }
      if (value === null) {
        continue;
      }
      if (!(value >= 0 && value <= maxScore)) {
        problem({
          field: area,
          column: columnName(index),
          code: 'OUT_OF_RANGE',
          value: text,
          max: maxScore,
        });
        continue;
      }
      row.scores[area] = value;
    }
    if (filled === 0) {
      problem({ field: 'scores', column: null, code: 'NO_SCORES' });
    }
    rows.push(row);
  }
  return { rows, headers, headerLine: header?.line ?? null };
}

export interface ImportInputs {
  inputs: DiagnosticResultInput[];
  /** The position in `rows` of each input. */
  origins: number[];
}

/**
 * The rows to send: every row with a personnel code (the dry run checks the codes of rows with
 * bad scores too), with the scores that passed the local checks.
 */
export function toImportInputs(rows: readonly ImportRow[], campaignCode: string): ImportInputs {
  const result: ImportInputs = { inputs: [], origins: [] };
  rows.forEach((row, i) => {
    if (row.personnelCode === '' || row.problems.some((p) => p.code === 'DUPLICATE')) {
      return;
    }
    result.inputs.push({
      campaignCode,
      personnelCode: row.personnelCode,
      scores: { ...row.scores },
    });
    result.origins.push(i);
  });
  return result;
}

/**
 * The server's row errors attached to the rows they concern (as problems with the file's row
 * number and column); a «scores» error of a row whose scores already failed here is the same
 * problem and is left out.
 */
export function withServerProblems(
  plan: ImportPlan,
  mapping: ColumnMapping,
  errors: readonly BulkRowError[],
  origins: readonly number[],
): ImportRow[] {
  const rows = plan.rows.map((row) => ({ ...row, problems: [...row.problems] }));
  for (const error of errors) {
    const row = rows[origins[error.index] ?? -1];
    if (!row) {
      continue;
    }
    const field: ProblemField =
      error.field === 'personnelCode'
        ? 'personnelCode'
        : error.field === 'scores'
          ? 'scores'
          : 'row';
    if (
      field === 'scores' &&
      row.problems.some((p) => (COMPETENCY_AREAS as readonly string[]).includes(p.field))
    ) {
      continue;
    }
    const column =
      field === 'personnelCode' && mapping.personnelCode !== null
        ? (plan.headers[mapping.personnelCode] ?? null)
        : null;
    row.problems.push({
      line: row.line,
      field,
      column,
      code: error.code,
      message: error.message,
    });
  }
  return rows;
}

/** Every problem of the rows, in file order. */
export function allProblems(rows: readonly ImportRow[]): ImportProblem[] {
  return rows.flatMap((row) => row.problems);
}
