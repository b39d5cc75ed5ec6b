// Planning of multi-cell operations (paste of a TSV block, fills, clearing) as one undoable EditStep.
// Text a column cannot read is not dropped: the cell keeps it, marked, and Save is refused until
// it is fixed (InvalidCell).
import type { AddedRow, CellChange, EditStep, InvalidCell } from './editState';
import { sameValue, tempKey } from './editState';

/** What the planners need to know about an editable column. */
export interface OpColumn<R> {
  field: string;
  isEditable: (row: R) => boolean;
  /** Converts pasted text to the stored value; throws an Error with a user-facing message. */
  parse?: (text: string, row: R) => unknown;
}

/** The rows as they stand in the edit session. */
export interface OpRows<R> {
  rowAt: (key: string) => R;
  /** The cell's unreadable text, if it holds one. */
  invalidAt?: (key: string, field: string) => InvalidCell | undefined;
}

export interface PasteInput<R> extends OpRows<R> {
  matrix: readonly (readonly string[])[];
  /** Data rows in display order (group rows and deleted rows excluded). */
  rowKeys: readonly string[];
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
}

const valueOf = <R>(row: R, field: string) => (row as Record<string, unknown>)[field];

/** The change that sets a cell to a value (clearing unreadable text it held), or null if none. */
export function planValue<R>(
  rows: OpRows<R>,
  key: string,
  column: OpColumn<R>,
  value: unknown,
): CellChange | null {
  const before = valueOf(rows.rowAt(key), column.field);
  const invalidBefore = rows.invalidAt?.(key, column.field);
  if (sameValue(before, value) && !invalidBefore) {
    return null;
  }
  return {
    key,
    field: column.field,
    before,
    after: value,
    ...(invalidBefore && { invalidBefore }),
  };
}

/** The change that marks a cell as holding unreadable text; its value stays as it was. */
function markInvalid<R>(
  rows: OpRows<R>,
  key: string,
  column: OpColumn<R>,
  invalidAfter: InvalidCell,
): CellChange {
  const before = valueOf(rows.rowAt(key), column.field);
  const invalidBefore = rows.invalidAt?.(key, column.field);
  return {
    key,
    field: column.field,
    before,
    after: before,
    invalidAfter,
    ...(invalidBefore && { invalidBefore }),
  };
}

/** The change for text entered into a cell: parsed by the column, or kept and marked. */
export function planText<R>(
  rows: OpRows<R>,
  key: string,
  column: OpColumn<R>,
  text: string,
): CellChange | null {
  if (!column.parse) {
    return planValue(rows, key, column, text);
  }
  try {
    return planValue(rows, key, column, column.parse(text, rows.rowAt(key)));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return markInvalid(rows, key, column, { text, message });
  }
}

/** Lays the pasted block over the grid from the focused cell; extra rows are added at the end. */
export function planPaste<R>(input: PasteInput<R>): PlannedStep<R> {
  const { matrix, rowKeys, columns, startRow, startCol } = input;
  const added: AddedRow<R>[] = [];
  const cells: CellChange[] = [];
  let nextTempId = input.nextTempId;
  let last: R | null = rowKeys.length > 0 ? input.rowAt(rowKeys[rowKeys.length - 1]) : null;
  const addedRows = new Map<string, R>();
  // Rows the paste adds are not in the session yet: the planner reads them from here.
  const rows: OpRows<R> = {
    rowAt: (key) => addedRows.get(key) ?? input.rowAt(key),
    invalidAt: (key, field) => (addedRows.has(key) ? undefined : input.invalidAt?.(key, field)),
  };

  matrix.forEach((values, r) => {
    let key: string | undefined = rowKeys[startRow + r];
    if (key === undefined) {
      if (!input.canAddRows || !input.newRow) {
        return;
      }
      const addedRow = { key: tempKey(nextTempId++), row: input.newRow(last) };
      added.push(addedRow);
      addedRows.set(addedRow.key, addedRow.row);
      last = addedRow.row;
      key = addedRow.key;
    }
    const row = rows.rowAt(key);
    values.forEach((text, c) => {
      const column = columns[startCol + c];
      if (column === undefined || !column.isEditable(row)) {
        return;
      }
      const cell = planText(rows, key, column, text);
      if (cell !== null) {
        cells.push(cell);
      }
    });
  });
  return { step: { added, cells, deleted: [] }, nextTempId };
}

export interface FillInput<R> extends OpRows<R> {
  /** The block's rows, top to bottom. */
  rowKeys: readonly string[];
  /** The block's columns, left to right (read-only ones included: they are skipped). */
  columns: readonly OpColumn<R>[];
  /** The top-left part of the block that is repeated over the rest of it. */
  sourceRows: number;
  sourceCols: number;
  /** The cell's text as shown, for copying across columns (re-read by the target column). */
  textAt: (key: string, field: string) => string;
}

/**
 * Fills a block by repeating its top-left source part, as Excel's Ctrl+D, Ctrl+R and fill handle
 * do: within a column the value is copied as is; into another column its shown text is re-read
 * by that column, so a figure never lands unparsed in, say, a date column.
 */
export function planFill<R>(input: FillInput<R>): EditStep<R> {
  const { rowKeys, columns, sourceRows, sourceCols } = input;
  const cells: CellChange[] = [];
  rowKeys.forEach((key, r) => {
    const row = input.rowAt(key);
    columns.forEach((column, c) => {
      if ((r < sourceRows && c < sourceCols) || !column.isEditable(row)) {
        return;
      }
      const sourceKey = rowKeys[r % sourceRows];
      const sourceColumn = columns[c % sourceCols];
      const sourceInvalid = input.invalidAt?.(sourceKey, sourceColumn.field);
      let cell: CellChange | null;
      if (sourceInvalid) {
        cell = planText(input, key, column, sourceInvalid.text);
      } else if (sourceColumn.field === column.field) {
        cell = planValue(input, key, column, valueOf(input.rowAt(sourceKey), column.field));
      } else {
        cell = planText(input, key, column, input.textAt(sourceKey, sourceColumn.field));
      }
      if (cell !== null) {
        cells.push(cell);
      }
    });
  });
  return { added: [], cells, deleted: [] };
}

/** Empties the editable cells of a block (what the column reads from empty text). */
export function planClear<R>(
  rows: OpRows<R>,
  rowKeys: readonly string[],
  columns: readonly OpColumn<R>[],
): EditStep<R> {
  const cells: CellChange[] = [];
  for (const key of rowKeys) {
    const row = rows.rowAt(key);
    for (const column of columns) {
      if (!column.isEditable(row)) {
        continue;
      }
      let value: unknown = typeof valueOf(row, column.field) === 'string' ? '' : null;
      if (column.parse) {
        try {
          value = column.parse('', row);
        } catch {
          // A required cell: emptied all the same, Save's check names it.
        }
      }
      const cell = planValue(rows, key, column, value);
      if (cell !== null) {
        cells.push(cell);
      }
    }
  }
  return { added: [], cells, deleted: [] };
}

/**
 * Targets of fill-down by ticked rows: the ticked rows below the focused one; with no such
 * selection, Excel's Ctrl+D meaning — the focused cell takes the value of the row above.
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
