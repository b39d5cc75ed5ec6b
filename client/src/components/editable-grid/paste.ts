// Planning of multi-cell operations (paste of a TSV block, fill-down) as one undoable EditStep.
import type { AddedRow, CellChange, EditStep } from './editState';
import { sameValue, tempKey } from './editState';

/** What the planners need to know about an editable column. */
export interface OpColumn<R> {
  field: string;
  isEditable: (row: R) => boolean;
  /** Converts pasted text to the stored value; throws an Error with a user-facing message. */
  parse?: (text: string, row: R) => unknown;
}

export interface CellProblem {
  key: string;
  field: string;
  text: string;
  message: string;
}

export interface PasteInput<R> {
  matrix: readonly (readonly string[])[];
  /** Data rows in display order (group rows and deleted rows excluded). */
  rowKeys: readonly string[];
  rowAt: (key: string) => R;
  /** Columns that can be edited, in display order; the block is laid over them. */
  columns: readonly OpColumn<R>[];
  startRow: number;
  startCol: number;
  canAddRows: boolean;
  newRow?: (after: R | null) => R;
  nextTempId: number;
}

export interface PlannedStep<R> {
  step: EditStep<R>;
  nextTempId: number;
  problems: CellProblem[];
}

/** Lays the pasted block over the grid from the focused cell; extra rows are added at the end. */
export function planPaste<R>(input: PasteInput<R>): PlannedStep<R> {
  const { matrix, rowKeys, columns, startRow, startCol } = input;
  const added: AddedRow<R>[] = [];
  const cells: CellChange[] = [];
  const problems: CellProblem[] = [];
  let nextTempId = input.nextTempId;
  let last: R | null = rowKeys.length > 0 ? input.rowAt(rowKeys[rowKeys.length - 1]) : null;

  matrix.forEach((values, r) => {
    const target = targetRow(input, startRow + r, added, () => nextTempId++, last);
    if (target === null) {
      return;
    }
    if (target.addedRow) {
      last = target.addedRow.row;
    }
    values.forEach((text, c) => {
      const column = columns[startCol + c];
      if (column === undefined || !column.isEditable(target.row)) {
        return;
      }
      const cell = planCell(target.key, target.row, column, text, problems);
      if (cell !== null) {
        cells.push(cell);
      }
    });
  });
  return { step: { added, cells, deleted: [] }, nextTempId, problems };
}

function targetRow<R>(
  input: PasteInput<R>,
  index: number,
  added: AddedRow<R>[],
  allocate: () => number,
  last: R | null,
): { key: string; row: R; addedRow?: AddedRow<R> } | null {
  const key = input.rowKeys[index];
  if (key !== undefined) {
    return { key, row: input.rowAt(key) };
  }
  if (!input.canAddRows || !input.newRow) {
    return null;
  }
  const addedRow = { key: tempKey(allocate()), row: input.newRow(last) };
  added.push(addedRow);
  return { key: addedRow.key, row: addedRow.row, addedRow };
}

function planCell<R>(
  key: string,
  row: R,
  column: OpColumn<R>,
  text: string,
  problems: CellProblem[],
): CellChange | null {
  let value: unknown = text;
  if (column.parse) {
    try {
      value = column.parse(text, row);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      problems.push({ key, field: column.field, text, message });
      return null;
    }
  }
  const before = (row as Record<string, unknown>)[column.field];
  if (sameValue(before, value)) {
    return null;
  }
  return { key, field: column.field, before, after: value };
}

/** Copies the source row's value of one column into the target rows (skipping read-only ones). */
export function planFillDown<R>(
  sourceKey: string,
  targetKeys: readonly string[],
  rowAt: (key: string) => R,
  column: OpColumn<R>,
): EditStep<R> {
  const value = (rowAt(sourceKey) as Record<string, unknown>)[column.field];
  const cells: CellChange[] = [];
  for (const key of targetKeys) {
    if (key === sourceKey) {
      continue;
    }
    const row = rowAt(key);
    const before = (row as Record<string, unknown>)[column.field];
    if (column.isEditable(row) && !sameValue(before, value)) {
      cells.push({ key, field: column.field, before, after: value });
    }
  }
  return { added: [], cells, deleted: [] };
}

/**
 * Targets of fill-down: the selected rows below the focused one; with no such selection, Excel's
 * Ctrl+D meaning — the focused cell takes the value of the row above.
 */
export function fillDownTargets(
  rowKeys: readonly string[],
  focusedKey: string,
  selectedKeys: readonly string[],
): { sourceKey: string; targetKeys: string[] } | null {
  const focusIndex = rowKeys.indexOf(focusedKey);
  if (focusIndex < 0) {
    return null;
  }
  const selected = new Set(selectedKeys);
  const below = rowKeys.filter((k, i) => i > focusIndex && selected.has(k));
  if (below.length > 0) {
    return { sourceKey: focusedKey, targetKeys: below };
  }
  if (focusIndex === 0) {
    return null;
  }
  return { sourceKey: rowKeys[focusIndex - 1], targetKeys: [focusedKey] };
}
