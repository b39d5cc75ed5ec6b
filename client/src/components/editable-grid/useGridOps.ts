// Multi-cell user actions on the grid (edit, paste, fills, clear, add, delete, copy), each one
// undoable step, applied to the selected cell range or, without one, to the focused cell.
import type { CellEditRequestEvent, GridApi, IRowNode } from 'ag-grid-community';
import type { RefObject } from 'react';
import { useCallback, useMemo } from 'react';

import type { EditStep, InvalidCell } from './editState';
import { tempKey } from './editState';
import type { OpColumn, OpRows } from './paste';
import { fillDownTargets, planClear, planFill, planPaste, planText, planValue } from './paste';
import type { Bounds } from './range';
import { toTsv, parseTsv } from './tsv';
import type { GridItem, GridRowBase } from './types';

export interface FocusedCell {
  key: string;
  field: string;
}

export interface GridOpsInput<R extends GridRowBase> {
  apiRef: RefObject<GridApi<GridItem> | null>;
  focusRef: RefObject<FocusedCell | null>;
  /** Every data column (read-only ones too: a range spans them; operations skip them). */
  allColumns: readonly OpColumn<R>[];
  /** Editable columns: a pasted block is laid over these. */
  opColumns: readonly OpColumn<R>[];
  /** Data rows in the page's order, without rows marked for deletion. */
  liveKeys: readonly string[];
  rowAt: (key: string) => R;
  invalidAt: (key: string, field: string) => InvalidCell | undefined;
  apply: (step: EditStep<R>, nextTempId?: number) => void;
  nextTempId: number;
  canAddRows: boolean;
  newRow?: (after: R | null, reason: 'add' | 'paste') => R;
  /** The selected range, if any, and the data columns it indexes. */
  range: { current: () => Bounds | null; columns: () => string[] };
  /** Decimal separator of the UI language, for numbers copied as text. */
  decimalComma: boolean;
}

function selectedKeys(api: GridApi<GridItem> | null): string[] {
  return api?.getSelectedNodes().flatMap((n) => (n.data ? [n.data.__key] : [])) ?? [];
}

const isDataRow = (
  node: IRowNode<GridItem> | undefined,
): node is IRowNode<GridItem> & { data: GridItem } =>
  node?.data !== undefined && node.data.__group === undefined;

export function useGridOps<R extends GridRowBase>(input: GridOpsInput<R>) {
  const { apiRef, focusRef, opColumns, allColumns, liveKeys, rowAt, invalidAt, apply } = input;
  const { nextTempId, newRow, range, decimalComma } = input;
  const rows: OpRows<R> = useMemo(() => ({ rowAt, invalidAt }), [rowAt, invalidAt]);

  /** Live data rows as shown now: a sorted grid pastes and fills in the order the user sees. */
  const shownKeys = useCallback((): string[] => {
    const api = apiRef.current;
    if (!api) {
      return [...liveKeys];
    }
    const keys: string[] = [];
    api.forEachNodeAfterFilterAndSort((node) => {
      if (isDataRow(node) && !node.data.__meta?.deleted) {
        keys.push(node.data.__key);
      }
    });
    return keys;
  }, [apiRef, liveKeys]);

  // The grid's focused data cell, or the last one when a toolbar button took the focus.
  const focused = useCallback((): FocusedCell | null => {
    const api = apiRef.current;
    const cell = api?.getFocusedCell();
    if (api && cell && cell.rowPinned == null) {
      const data = api.getDisplayedRowAtIndex(cell.rowIndex)?.data;
      if (data && data.__group === undefined) {
        return { key: data.__key, field: cell.column.getColId() };
      }
    }
    return focusRef.current;
  }, [apiRef, focusRef]);

  /** A cell as text, the way it is copied: shown text, numbers without thousands separators. */
  const textOf = useCallback(
    (node: IRowNode<GridItem>, field: string): string => {
      const api = apiRef.current;
      const raw = node.data?.__meta?.invalid[field] ?? node.data?.[field];
      if (typeof raw === 'number') {
        return decimalComma ? String(raw).replace('.', ',') : String(raw);
      }
      const shown = api?.getCellValue({ rowNode: node, colKey: field, useFormatter: true });
      return shown === null || shown === undefined ? '' : String(shown);
    },
    [apiRef, decimalComma],
  );

  const textAt = useCallback(
    (key: string, field: string): string => {
      const node = apiRef.current?.getRowNode(key);
      return node ? textOf(node, field) : '';
    },
    [apiRef, textOf],
  );

  /** The live data rows and the columns a range covers. */
  const blockOf = useCallback(
    (b: Bounds): { keys: string[]; columns: OpColumn<R>[] } => {
      const api = apiRef.current;
      const keys: string[] = [];
      for (let i = b.top; api && i <= b.bottom; i += 1) {
        const node = api.getDisplayedRowAtIndex(i);
        if (isDataRow(node) && !node.data.__meta?.deleted) {
          keys.push(node.data.__key);
        }
      }
      const fields = range.columns().slice(b.left, b.right + 1);
      const columns = fields.flatMap((f) => allColumns.filter((c) => c.field === f));
      return { keys, columns };
    },
    [allColumns, apiRef, range],
  );

  const editCell = useCallback(
    (e: CellEditRequestEvent<GridItem>) => {
      const column = opColumns.find((c) => c.field === e.colDef.field);
      if (!column) {
        return;
      }
      const key = e.data.__key;
      const value: unknown = e.newValue;
      // Editors of columns without a parser (selects, checkboxes) hand over the value itself.
      const cell =
        column.parse && value !== null && value !== undefined
          ? planText(rows, key, column, String(value))
          : planValue(rows, key, column, value ?? null);
      if (cell) {
        apply({ added: [], cells: [cell], deleted: [] });
      }
    },
    [apply, opColumns, rows],
  );

  const paste = useCallback(
    (text: string): boolean => {
      const b = range.current();
      const focus = focused();
      const order = range.columns();
      const at = (field: string) => order.indexOf(field);
      // The block starts at the range's top-left cell (or the focused one).
      let startKey: string | undefined;
      let startField: string | undefined;
      const keys = shownKeys();
      if (b) {
        startKey = keys.find((k) => (apiRef.current?.getRowNode(k)?.rowIndex ?? -1) >= b.top);
        startField = order[b.left];
      } else if (focus) {
        startKey = focus.key;
        startField = focus.field;
      }
      if (startKey === undefined || startField === undefined) {
        return false;
      }
      const columns = [...opColumns].sort((x, y) => at(x.field) - at(y.field));
      // Starting on a read-only column: the block begins at the next editable column to the right.
      const startCol = columns.findIndex((c) => at(c.field) >= at(startField));
      const startRow = keys.indexOf(startKey);
      if (startCol < 0 || startRow < 0) {
        return false;
      }
      const planned = planPaste<R>({
        matrix: parseTsv(text),
        rowKeys: keys,
        rowAt,
        invalidAt,
        columns,
        startRow,
        startCol,
        canAddRows: input.canAddRows,
        newRow: newRow ? (after) => newRow(after, 'paste') : undefined,
        nextTempId,
      });
      apply(planned.step, planned.nextTempId);
      return true;
    },
    [
      apiRef,
      apply,
      focused,
      input.canAddRows,
      invalidAt,
      shownKeys,
      newRow,
      nextTempId,
      opColumns,
      range,
      rowAt,
    ],
  );

  const fill = useCallback(
    (keys: string[], columns: OpColumn<R>[], sourceRows: number, sourceCols: number) => {
      if (keys.length > 0 && columns.length > 0 && sourceRows > 0 && sourceCols > 0) {
        apply(
          planFill({ rowAt, invalidAt, rowKeys: keys, columns, sourceRows, sourceCols, textAt }),
        );
      }
    },
    [apply, invalidAt, rowAt, textAt],
  );

  /** Ctrl+D: the range's top row into the rows below; one row: the row above into it. */
  const fillDown = useCallback(() => {
    const b = range.current();
    if (!b) {
      return;
    }
    const { keys, columns } = blockOf(b);
    if (keys.length > 1) {
      fill(keys, columns, 1, columns.length);
      return;
    }
    // One row: the ticked rows below it are the targets, or else it takes the row above.
    const targets =
      keys.length === 1 && fillDownTargets(shownKeys(), keys[0], selectedKeys(apiRef.current));
    if (targets) {
      fill([targets.sourceKey, ...targets.targetKeys], columns, 1, columns.length);
    }
  }, [apiRef, blockOf, fill, range, shownKeys]);

  /** Ctrl+R: the range's left column into the columns to its right; one column: from the left. */
  const fillRight = useCallback(() => {
    const b = range.current();
    if (!b) {
      return;
    }
    if (b.right > b.left) {
      const { keys, columns } = blockOf(b);
      fill(keys, columns, keys.length, 1);
    } else if (b.left > 0) {
      const { keys, columns } = blockOf({ ...b, left: b.left - 1 });
      fill(keys, columns, keys.length, 1);
    }
  }, [blockOf, fill, range]);

  /** The fill handle was dragged from `source` over `target`: repeat the source block. */
  const fillRange = useCallback(
    (source: Bounds, target: Bounds) => {
      const sourceBlock = blockOf(source);
      const { keys, columns } = blockOf(target);
      fill(keys, columns, sourceBlock.keys.length, sourceBlock.columns.length);
    },
    [blockOf, fill],
  );

  const clear = useCallback(() => {
    const b = range.current();
    if (b) {
      const { keys, columns } = blockOf(b);
      apply(planClear(rows, keys, columns));
    }
  }, [apply, blockOf, range, rows]);

  /** The range as TSV of the shown values (group rows left out), or null for a single cell. */
  const copyText = useCallback((): string | null => {
    const api = apiRef.current;
    const b = range.current();
    if (!api || !b) {
      return null;
    }
    const fields = range.columns().slice(b.left, b.right + 1);
    const matrix: string[][] = [];
    for (let i = b.top; i <= b.bottom; i += 1) {
      const node = api.getDisplayedRowAtIndex(i);
      if (isDataRow(node)) {
        matrix.push(fields.map((f) => textOf(node, f)));
      }
    }
    return toTsv(matrix);
  }, [apiRef, range, textOf]);

  const addRow = useCallback((): string | null => {
    if (!newRow) {
      return null;
    }
    const focus = focused();
    const lastKey = liveKeys[liveKeys.length - 1];
    const after = focus ? rowAt(focus.key) : lastKey ? rowAt(lastKey) : null;
    const key = tempKey(nextTempId);
    const step = { added: [{ key, row: newRow(after, 'add') }], cells: [], deleted: [] };
    apply(step, nextTempId + 1);
    return key;
  }, [apply, focused, liveKeys, newRow, nextTempId, rowAt]);

  /** Deletes the ticked rows, or without ticks the rows of the selected range. */
  const deleteRows = useCallback(
    (alreadyDeleted: readonly string[]) => {
      const ticked = selectedKeys(apiRef.current);
      const b = range.current();
      const keys = (ticked.length > 0 ? ticked : b ? blockOf(b).keys : []).filter(
        (k) => !alreadyDeleted.includes(k),
      );
      if (keys.length > 0) {
        apply({ added: [], cells: [], deleted: keys });
        apiRef.current?.deselectAll();
      }
    },
    [apiRef, apply, blockOf, range],
  );

  return {
    focused,
    editCell,
    paste,
    fillDown,
    fillRight,
    fillRange,
    clear,
    copyText,
    addRow,
    deleteRows,
  };
}
