// Rows of the import preview grid: one per parsed activity, its section named on the row. Pure
// functions: rows from the dry run, the rows to store after the user's fixes, the server's row
// errors back onto the grid.
import type { GroupInfo, RowError, SaveChange } from '../../components/editable-grid';
import type { Translate } from '../../i18n/I18nProvider';
import type {
  ImportActivityInput,
  ImportRoadmapResult,
  ImportRowError,
  ImportWarning,
} from './import.queries';

export interface ImportRow {
  /** `row:<n>` for a parsed row; null for a row added in the grid (the grid keys it). */
  id: string | null;
  sectionNumber: string;
  sectionTitle: string;
  directionCode: string | null;
  number: string;
  text: string;
  deadlineText: string;
  responsibleText: string;
  cycleComponentCode: number | null;
  /** What the reader made of the deadline; it stands while the deadline text is the parsed one. */
  scheduleKind: string | null;
  parsedDeadline: string | null;
  /** Executors the reader found in the responsible text, likewise. */
  executors: string;
  parsedResponsible: string | null;
  /** The reader's warnings on the row's line and the server's refusal of the unchanged row. */
  notes: string;
}

/** The input fields of a row, named as the server names them in its row errors. */
export const INPUT_FIELDS = [
  'sectionNumber',
  'sectionTitle',
  'directionCode',
  'number',
  'text',
  'deadlineText',
  'responsibleText',
  'cycleComponentCode',
] as const satisfies readonly (keyof ImportActivityInput & keyof ImportRow)[];

export const ACTIVITY_NUMBER = /^\d{1,4}(\.\d{1,4}){0,5}$/;

/** «1.2.» and « 1. 2 » are 1.2, as the server reads them. */
export function normaliseNumber(text: string): string {
  return text.replace(/\s+/g, '').replace(/\.+$/, '');
}

export function importSectionLabel(row: Pick<ImportRow, 'sectionNumber' | 'sectionTitle'>) {
  const number = normaliseNumber(row.sectionNumber);
  const title = row.sectionTitle.trim();
  // Titles sometimes already start with their number («1. Нормативно-правовое…»).
  return title.startsWith(`${number}.`) || number === '' ? title : `${number}. ${title}`;
}

/** Rows of one section number form one section, in the order sections first appear. */
export function groupBySection(row: ImportRow): GroupInfo {
  return { key: `section:${normaliseNumber(row.sectionNumber)}`, label: importSectionLabel(row) };
}

function notesByLine(warnings: readonly ImportWarning[]): Map<number, string[]> {
  const byLine = new Map<number, string[]>();
  for (const warning of warnings) {
    if (warning.line !== null) {
      byLine.set(warning.line, [...(byLine.get(warning.line) ?? []), warning.message]);
    }
  }
  return byLine;
}

export function rowsFromPreview(result: ImportRoadmapResult): ImportRow[] {
  const byLine = notesByLine(result.warnings);
  let n = 0;
  return result.sections.flatMap((section) =>
    section.activities.map((activity) => {
      n += 1;
      return {
        id: `row:${n}`,
        sectionNumber: section.number,
        sectionTitle: section.title,
        directionCode: section.directionCode,
        number: activity.number,
        text: activity.text,
        deadlineText: activity.deadlineText,
        responsibleText: activity.responsibleText,
        cycleComponentCode: activity.cycleComponent,
        scheduleKind: activity.scheduleKind,
        parsedDeadline: activity.deadlineText,
        executors: activity.executors.join(', '),
        parsedResponsible: activity.responsibleText,
        notes: (activity.line === null ? [] : (byLine.get(activity.line) ?? [])).join('; '),
      };
    }),
  );
}

/** A new row continues the section of the row it follows. */
export function emptyImportRow(after: ImportRow | null): ImportRow {
  return {
    id: null,
    sectionNumber: after?.sectionNumber ?? '',
    sectionTitle: after?.sectionTitle ?? '',
    directionCode: after?.directionCode ?? null,
    number: '',
    text: '',
    deadlineText: '',
    responsibleText: '',
    cycleComponentCode: null,
    scheduleKind: null,
    parsedDeadline: null,
    executors: '',
    parsedResponsible: null,
    notes: '',
  };
}

/** A row to store and where it came from: a change of this save (its index) or an untouched row. */
export interface PlannedRow {
  row: ImportRow;
  change: number | null;
}

/**
 * Every row the roadmap gets, in the order the grid shows them: the loaded rows with the user's
 * edits, then the added ones, grouped by section in order of first appearance (as the grid
 * groups them), without the deleted rows.
 */
export function plannedRows(
  rows: readonly ImportRow[],
  changes: readonly SaveChange<ImportRow>[],
  deleted: readonly ImportRow[],
): PlannedRow[] {
  const edited = new Map(changes.filter((c) => !c.isNew).map((c) => [c.row.id, c]));
  const gone = new Set(deleted.map((row) => row.id));
  const all = [
    ...rows.map((row) => {
      const change = edited.get(row.id);
      return {
        planned: { row: change?.row ?? row, change: change?.index ?? null },
        deleted: gone.has(row.id),
      };
    }),
    ...changes
      .filter((c) => c.isNew)
      .map((c) => ({ planned: { row: c.row, change: c.index }, deleted: false })),
  ];
  const sections = new Map<string, typeof all>();
  for (const item of all) {
    const key = groupBySection(item.planned.row).key;
    sections.set(key, [...(sections.get(key) ?? []), item]);
  }
  return [...sections.values()].flat().flatMap((item) => (item.deleted ? [] : [item.planned]));
}

export function toImportInput(row: ImportRow): ImportActivityInput {
  return {
    sectionNumber: row.sectionNumber.trim(),
    sectionTitle: row.sectionTitle.trim(),
    directionCode: row.directionCode?.trim() || null,
    number: row.number.trim(),
    text: row.text.trim(),
    deadlineText: row.deadlineText.trim(),
    responsibleText: row.responsibleText.trim(),
    cycleComponentCode: row.cycleComponentCode,
  };
}

/** A server row error told by section and number (for rows the grid did not send as changed). */
export function describeRowError(
  t: Translate,
  error: ImportRowError,
  row: ImportRow,
  headerOf: (field: string) => string,
): string {
  const where = { section: normaliseNumber(row.sectionNumber), number: row.number.trim() };
  return error.field === null
    ? t('import.grid.rowError', { ...where, message: error.message })
    : t('import.grid.fieldError', {
        ...where,
        field: headerOf(error.field),
        message: error.message,
      });
}

export interface MappedErrors {
  /** Errors of changed rows, indexed as the grid's changes. */
  grid: RowError[];
  /** Errors of untouched rows: shown on the row (notes) and, told by section and number, above. */
  notes: Map<string, string>;
  described: string[];
}

export function mapRowErrors(
  t: Translate,
  errors: readonly ImportRowError[],
  planned: readonly PlannedRow[],
  headerOf: (field: string) => string,
): MappedErrors {
  const mapped: MappedErrors = { grid: [], notes: new Map(), described: [] };
  for (const error of errors) {
    const item = planned[error.index];
    if (!item) {
      mapped.described.push(error.message);
      continue;
    }
    const described = describeRowError(t, error, item.row, headerOf);
    mapped.described.push(described);
    if (item.change !== null) {
      mapped.grid.push({
        index: item.change,
        field: error.field,
        code: error.code,
        message: error.message,
      });
      continue;
    }
    const id = item.row.id ?? '';
    const text =
      error.field === null ? error.message : `${headerOf(error.field)}: ${error.message}`;
    mapped.notes.set(id, mapped.notes.has(id) ? `${mapped.notes.get(id)}; ${text}` : text);
    // The grid knows only changed rows: this one is named in the list above it (index -1).
    mapped.grid.push({ index: -1, field: null, code: error.code, message: described });
  }
  return mapped;
}
