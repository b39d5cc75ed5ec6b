// A file laid over an existing table: each file row finds its table row by the key column, each
// mapped cell is read by its column (the same parser as typing or pasting), and what differs
// from the table becomes the changes of one save. Pure: the grid and the server do the rest.
import { sameValue } from '../editable-grid/editState';
import type { OpColumn } from '../editable-grid/paste';
import type { GridRowBase, RowError, SaveChange } from '../editable-grid/types';
import type { ColumnMapping } from './mapping';
import type { SheetRow } from './sheet';

export interface ImportColumn<R> extends OpColumn<R> {
  header: string;
  validate?: (value: unknown, row: R) => string | null;
}

export interface ImportProblem {
  /** The row number in the file, as the user sees it. */
  line: number;
  /** Table field the problem is in, or null for the row as a whole. */
  field: string | null;
  text: string;
  message: string;
}

export type CellStatus = 'changed' | 'same' | 'invalid';

export interface PlannedRow {
  line: number;
  keyText: string;
  /** Table row key, or null when the file row matches none. */
  key: string | null;
  cells: { field: string; text: string; status: CellStatus }[];
}

export interface ImportPlan<R> {
  rows: PlannedRow[];
  changes: SaveChange<R>[];
  /** The file row of each change (changes[i] came from line changeLines[i]). */
  changeLines: number[];
  problems: ImportProblem[];
  changedCells: number;
  sameCells: number;
}

export interface ImportMessages {
  missingKey: string;
  unknownKey: (text: string) => string;
  duplicateKey: (text: string, firstLine: number) => string;
  readOnly: string;
}

export interface PlanInput<R> {
  rows: readonly SheetRow[];
  mapping: ColumnMapping;
  keyField: string;
  /** The table's rows (all of them, not only the visible ones). */
  tableKeys: readonly string[];
  rowAt: (key: string) => R;
  columns: readonly ImportColumn<R>[];
  messages: ImportMessages;
}

const keyText = (value: unknown) =>
  (value === null || value === undefined ? '' : String(value)).trim().toLowerCase();

export function planImport<R extends GridRowBase>(input: PlanInput<R>): ImportPlan<R> {
  const { mapping, keyField, messages } = input;
  const keyIndex = mapping.indexOf(keyField);
  const byKey = new Map(
    input.tableKeys.map((k) => [keyText(input.rowAt(k)[keyField as keyof R]), k]),
  );
  const seen = new Map<string, number>();
  const plan: ImportPlan<R> = {
    rows: [],
    changes: [],
    changeLines: [],
    problems: [],
    changedCells: 0,
    sameCells: 0,
  };
  const problem = (line: number, field: string | null, text: string, message: string) =>
    plan.problems.push({ line, field, text, message });

  for (const sheetRow of input.rows) {
    const { line, cells } = sheetRow;
    const text = keyIndex >= 0 ? (cells[keyIndex] ?? '').trim() : '';
    const planned: PlannedRow = { line, keyText: text, key: null, cells: [] };
    plan.rows.push(planned);
    if (text === '') {
      problem(line, keyField, '', messages.missingKey);
      continue;
    }
    const first = seen.get(keyText(text));
    if (first !== undefined) {
      problem(line, keyField, text, messages.duplicateKey(text, first));
      continue;
    }
    seen.set(keyText(text), line);
    const key = byKey.get(keyText(text));
    if (key === undefined) {
      problem(line, keyField, text, messages.unknownKey(text));
      continue;
    }
    planned.key = key;
    const row = input.rowAt(key);
    const next: Record<string, unknown> = { ...(row as Record<string, unknown>) };
    const changed: string[] = [];
    let rowOk = true;
    mapping.forEach((field, i) => {
      const column = field === keyField ? undefined : input.columns.find((c) => c.field === field);
      if (!column) {
        return;
      }
      const cellText = cells[i] ?? '';
      let value: unknown = cellText;
      try {
        value = column.parse ? column.parse(cellText, row) : cellText;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        planned.cells.push({ field: column.field, text: cellText, status: 'invalid' });
        problem(line, column.field, cellText, message);
        rowOk = false;
        return;
      }
      if (sameValue(row[column.field as keyof R], value)) {
        planned.cells.push({ field: column.field, text: cellText, status: 'same' });
        plan.sameCells += 1;
        return;
      }
      if (!column.isEditable(row)) {
        planned.cells.push({ field: column.field, text: cellText, status: 'invalid' });
        problem(line, column.field, cellText, messages.readOnly);
        rowOk = false;
        return;
      }
      next[column.field] = value;
      changed.push(column.field);
      planned.cells.push({ field: column.field, text: cellText, status: 'changed' });
    });
    for (const field of changed) {
      const message = input.columns
        .find((c) => c.field === field)
        ?.validate?.(next[field], next as R);
      if (message) {
        const cell = planned.cells.find((c) => c.field === field)!;
        cell.status = 'invalid';
        problem(line, field, cell.text, message);
        rowOk = false;
      }
    }
    if (rowOk && changed.length > 0) {
      plan.changedCells += changed.length;
      plan.changeLines.push(line);
      plan.changes.push({
        index: plan.changes.length,
        row: next as R,
        changedFields: changed,
        isNew: false,
      });
    }
  }
  return plan;
}

/** Server row errors (indexing the changes) as problems of the file's rows. */
export function serverProblems<R>(
  plan: ImportPlan<R>,
  errors: readonly RowError[],
): ImportProblem[] {
  return errors.map((e) => {
    const change = plan.changes[e.index];
    const field = e.field;
    const text =
      change && field ? String((change.row as Record<string, unknown>)[field] ?? '') : '';
    return { line: plan.changeLines[e.index] ?? 0, field, text, message: e.message };
  });
}
