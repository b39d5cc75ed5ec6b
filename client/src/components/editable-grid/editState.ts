// Local edit session of the editable grid: an overlay of cell values, added rows and pending
// deletions on top of the rows loaded from the server (the baseline). Pure functions only.

export type RowValues = Record<string, unknown>;

/** Text typed or pasted into a cell that its column could not read; kept, marked, blocks Save. */
export interface InvalidCell {
  text: string;
  message: string;
}

export interface CellChange {
  key: string;
  field: string;
  before: unknown;
  after: unknown;
  /** The cell's unreadable text before and after the change (absent: none). */
  invalidBefore?: InvalidCell;
  invalidAfter?: InvalidCell;
}

export type InvalidCells = Readonly<Record<string, Readonly<Record<string, InvalidCell>>>>;

export interface AddedRow<R> {
  key: string;
  row: R;
}

/** One undoable user action: rows it added, cells it changed, rows it marked for deletion. */
export interface EditStep<R> {
  added: AddedRow<R>[];
  cells: CellChange[];
  deleted: string[];
}

export interface EditState<R> {
  edits: Readonly<Record<string, Readonly<RowValues>>>;
  added: readonly AddedRow<R>[];
  deleted: readonly string[];
  /** Unreadable texts by row key and field; the value underneath stays as it was. */
  invalid: InvalidCells;
  nextTempId: number;
}

export type Baseline<R> = ReadonlyMap<string, R>;

export const NEW_ROW_PREFIX = 'new:';

export function emptyEditState<R>(nextTempId = 1): EditState<R> {
  return { edits: {}, added: [], deleted: [], invalid: {}, nextTempId };
}

export function isTempKey(key: string): boolean {
  return key.startsWith(NEW_ROW_PREFIX);
}

export function tempKey(n: number): string {
  return `${NEW_ROW_PREFIX}${n}`;
}

/** Empty text and null mean the same to a user: clearing an empty cell is not a change. */
export function sameValue(a: unknown, b: unknown): boolean {
  const na = a === undefined || a === null ? '' : a;
  const nb = b === undefined || b === null ? '' : b;
  return Object.is(na, nb);
}

export function baselineRow<R>(state: EditState<R>, base: Baseline<R>, key: string): R | undefined {
  return base.get(key) ?? state.added.find((a) => a.key === key)?.row;
}

export function currentRow<R>(state: EditState<R>, base: Baseline<R>, key: string): R | undefined {
  const row = baselineRow(state, base, key);
  if (row === undefined) {
    return undefined;
  }
  const edits = state.edits[key];
  return edits ? ({ ...row, ...edits } as R) : row;
}

export function invalidCell<R>(state: EditState<R>, key: string, field: string) {
  return state.invalid[key]?.[field];
}

export function cellValue<R>(state: EditState<R>, base: Baseline<R>, key: string, field: string) {
  const edits = state.edits[key];
  if (edits && field in edits) {
    return edits[field];
  }
  const row = baselineRow(state, base, key) as RowValues | undefined;
  return row?.[field];
}

function setCells<R>(
  state: EditState<R>,
  base: Baseline<R>,
  cells: readonly CellChange[],
  pick: 'before' | 'after',
): EditState<R> {
  const edits: Record<string, RowValues> = { ...state.edits };
  const invalid: Record<string, Record<string, InvalidCell>> = { ...state.invalid };
  for (const cell of cells) {
    const marked = pick === 'after' ? cell.invalidAfter : cell.invalidBefore;
    const rowInvalid = { ...(invalid[cell.key] ?? {}) };
    if (marked) {
      rowInvalid[cell.field] = marked;
    } else {
      delete rowInvalid[cell.field];
    }
    if (Object.keys(rowInvalid).length > 0) {
      invalid[cell.key] = rowInvalid;
    } else {
      delete invalid[cell.key];
    }
    const row = baselineRow(state, base, cell.key) as RowValues | undefined;
    const rowEdits = { ...(edits[cell.key] ?? {}) };
    const value = cell[pick];
    // Setting a cell back to its loaded value drops the edit, so the cell is clean again.
    if (row !== undefined && sameValue(row[cell.field], value)) {
      delete rowEdits[cell.field];
    } else {
      rowEdits[cell.field] = value;
    }
    if (Object.keys(rowEdits).length > 0) {
      edits[cell.key] = rowEdits;
    } else {
      delete edits[cell.key];
    }
  }
  return { ...state, edits, invalid };
}

export function applyStep<R>(state: EditState<R>, base: Baseline<R>, step: EditStep<R>) {
  const withRows: EditState<R> = { ...state, added: [...state.added, ...step.added] };
  const withCells = setCells(withRows, base, step.cells, 'after');
  const fresh = step.deleted.filter((k) => !withCells.deleted.includes(k));
  const deleted = [...withCells.deleted, ...fresh];
  return { ...withCells, deleted };
}

export function revertStep<R>(state: EditState<R>, base: Baseline<R>, step: EditStep<R>) {
  const undeleted = { ...state, deleted: state.deleted.filter((k) => !step.deleted.includes(k)) };
  const withCells = setCells(undeleted, base, [...step.cells].reverse(), 'before');
  const addedKeys = new Set(step.added.map((a) => a.key));
  const edits = { ...withCells.edits };
  const invalid = { ...withCells.invalid };
  for (const key of addedKeys) {
    delete edits[key];
    delete invalid[key];
  }
  const added = withCells.added.filter((a) => !addedKeys.has(a.key));
  return { ...withCells, edits, invalid, added };
}

/** Fields of a row whose current value differs from the loaded one. */
export function dirtyFields<R>(state: EditState<R>, base: Baseline<R>, key: string): string[] {
  const edits = state.edits[key];
  if (!edits) {
    return [];
  }
  const row = baselineRow(state, base, key) as RowValues | undefined;
  return Object.keys(edits).filter((f) => row === undefined || !sameValue(row[f], edits[f]));
}

export function isRowDirty<R>(state: EditState<R>, base: Baseline<R>, key: string): boolean {
  if (isAdded(state, key)) {
    return !state.deleted.includes(key);
  }
  return (
    state.deleted.includes(key) ||
    dirtyFields(state, base, key).length > 0 ||
    state.invalid[key] !== undefined
  );
}

export function isAdded<R>(state: EditState<R>, key: string): boolean {
  return state.added.some((a) => a.key === key);
}

/** Keys of dirty rows (edited, added or marked for deletion) among rows that still exist. */
export function dirtyKeys<R>(state: EditState<R>, base: Baseline<R>): string[] {
  const keys = new Set<string>();
  for (const key of Object.keys(state.edits)) {
    if (base.has(key) && dirtyFields(state, base, key).length > 0) {
      keys.add(key);
    }
  }
  // A cell holding unreadable text is an unsaved change too (Save then names it).
  for (const key of Object.keys(state.invalid)) {
    if (base.has(key) && !state.deleted.includes(key)) {
      keys.add(key);
    }
  }
  for (const a of state.added) {
    // A row added and then deleted again never reaches the server.
    if (!state.deleted.includes(a.key)) {
      keys.add(a.key);
    }
  }
  for (const key of state.deleted) {
    if (base.has(key)) {
      keys.add(key);
    }
  }
  return [...keys];
}

export interface PendingChange<R> {
  key: string;
  row: R;
  changedFields: string[];
  isNew: boolean;
}

/**
 * Rows to upsert, in display order: edited rows with their changed fields, and added rows with
 * every field that has a value. Rows marked for deletion are left out.
 */
export function pendingChanges<R>(
  state: EditState<R>,
  base: Baseline<R>,
  order: readonly string[],
): PendingChange<R>[] {
  const result: PendingChange<R>[] = [];
  for (const key of order) {
    if (state.deleted.includes(key)) {
      continue;
    }
    const row = currentRow(state, base, key);
    if (row === undefined) {
      continue;
    }
    if (isAdded(state, key)) {
      const values = row as RowValues;
      const fields = Object.keys(values).filter((f) => !sameValue(values[f], null));
      result.push({ key, row, changedFields: fields, isNew: true });
      continue;
    }
    const fields = dirtyFields(state, base, key);
    if (fields.length > 0) {
      result.push({ key, row, changedFields: fields, isNew: false });
    }
  }
  return result;
}

/** Saved rows marked for deletion (added rows are simply dropped, they never reach the server). */
export function pendingDeletes<R>(state: EditState<R>, base: Baseline<R>): R[] {
  return state.deleted.flatMap((key) => {
    const row = base.get(key);
    return row === undefined ? [] : [row];
  });
}

/** Drops local edits of the given rows, e.g. after reloading rows that conflicted. */
export function discardRows<R>(state: EditState<R>, keys: readonly string[]): EditState<R> {
  const drop = new Set(keys);
  const edits = { ...state.edits };
  const invalid = { ...state.invalid };
  for (const key of drop) {
    delete edits[key];
    delete invalid[key];
  }
  return {
    ...state,
    edits,
    invalid,
    added: state.added.filter((a) => !drop.has(a.key)),
    deleted: state.deleted.filter((k) => !drop.has(k)),
  };
}

export function isEmptyStep<R>(step: EditStep<R>): boolean {
  return step.added.length === 0 && step.cells.length === 0 && step.deleted.length === 0;
}

/** Cells of rows that still exist whose text could not be read: Save is refused while any remain. */
export function invalidCells<R>(
  state: EditState<R>,
  order: readonly string[],
): { key: string; field: string; cell: InvalidCell }[] {
  return order.flatMap((key) =>
    state.deleted.includes(key)
      ? []
      : Object.entries(state.invalid[key] ?? {}).map(([field, cell]) => ({ key, field, cell })),
  );
}
