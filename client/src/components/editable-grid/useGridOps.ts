// Multi-cell user actions on the grid (edit, paste, fill-down, add, delete) as undoable steps.
import type { CellEditRequestEvent, GridApi } from 'ag-grid-community';
import type { RefObject } from 'react';
import { useCallback } from 'react';

import type { EditStep } from './editState';
import { tempKey } from './editState';
import type { CellProblem, OpColumn } from './paste';
import { fillDownTargets, planFillDown, planPaste } from './paste';
import { parseTsv } from './tsv';
import type { GridItem, GridRowBase } from './types';

export interface FocusedCell {
  key: string;
  field: string;
}

export interface GridOpsInput<R extends GridRowBase> {
  apiRef: RefObject<GridApi<GridItem> | null>;
  focusRef: RefObject<FocusedCell | null>;
  opColumns: readonly OpColumn<R>[];
  /** Data rows in display order, without rows marked for deletion. */
  liveKeys: readonly string[];
  rowAt: (key: string) => R;
  apply: (step: EditStep<R>, problems?: CellProblem[], nextTempId?: number) => void;
  nextTempId: number;
  canAddRows: boolean;
  newRow?: (after: R | null, reason: 'add' | 'paste') => R;
}

const NO_STEP = { added: [], cells: [], deleted: [] };

function selectedKeys(api: GridApi<GridItem> | null): string[] {
  return api?.getSelectedNodes().flatMap((n) => (n.data ? [n.data.__key] : [])) ?? [];
}

export function useGridOps<R extends GridRowBase>(input: GridOpsInput<R>) {
  const { apiRef, focusRef, opColumns, liveKeys, rowAt, apply, nextTempId, newRow } = input;

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

  const editCell = useCallback(
    (e: CellEditRequestEvent<GridItem>) => {
      const key = e.data.__key;
      const column = opColumns.find((c) => c.field === e.colDef.field);
      if (!column) {
        return;
      }
      const row = rowAt(key);
      let value: unknown = e.newValue;
      if (column.parse && value !== null && value !== undefined) {
        try {
          value = column.parse(String(value), row);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          apply(NO_STEP, [{ key, field: column.field, text: String(value), message }]);
          return;
        }
      }
      const before = (row as Record<string, unknown>)[column.field];
      const cell = { key, field: column.field, before, after: value };
      apply({ added: [], cells: [cell], deleted: [] });
    },
    [apply, opColumns, rowAt],
  );

  const paste = useCallback(
    (text: string): boolean => {
      const focus = focused();
      const order = apiRef.current?.getAllDisplayedColumns().map((c) => c.getColId()) ?? [];
      if (!focus) {
        return false;
      }
      const at = (field: string) => order.indexOf(field);
      const columns = [...opColumns].sort((a, b) => at(a.field) - at(b.field));
      // Starting on a read-only column: the block begins at the next editable column to the right.
      const startCol = columns.findIndex((c) => at(c.field) >= at(focus.field));
      const startRow = liveKeys.indexOf(focus.key);
      if (startCol < 0 || startRow < 0) {
        return false;
      }
      const planned = planPaste<R>({
        matrix: parseTsv(text),
        rowKeys: liveKeys,
        rowAt,
        columns,
        startRow,
        startCol,
        canAddRows: input.canAddRows,
        newRow: newRow ? (after) => newRow(after, 'paste') : undefined,
        nextTempId,
      });
      apply(planned.step, planned.problems, planned.nextTempId);
      return true;
    },
    [apiRef, apply, focused, input.canAddRows, liveKeys, newRow, nextTempId, opColumns, rowAt],
  );

  const fillDown = useCallback(() => {
    const focus = focused();
    const column = focus && opColumns.find((c) => c.field === focus.field);
    const targets = focus && fillDownTargets(liveKeys, focus.key, selectedKeys(apiRef.current));
    if (column && targets) {
      apply(planFillDown(targets.sourceKey, targets.targetKeys, rowAt, column));
    }
  }, [apiRef, apply, focused, liveKeys, opColumns, rowAt]);

  const addRow = useCallback((): string | null => {
    if (!newRow) {
      return null;
    }
    const focus = focused();
    const lastKey = liveKeys[liveKeys.length - 1];
    const after = focus ? rowAt(focus.key) : lastKey ? rowAt(lastKey) : null;
    const key = tempKey(nextTempId);
    const step = { added: [{ key, row: newRow(after, 'add') }], cells: [], deleted: [] };
    apply(step, [], nextTempId + 1);
    return key;
  }, [apply, focused, liveKeys, newRow, nextTempId, rowAt]);

  const deleteSelected = useCallback(
    (alreadyDeleted: readonly string[]) => {
      const keys = selectedKeys(apiRef.current).filter((k) => !alreadyDeleted.includes(k));
      if (keys.length > 0) {
        apply({ added: [], cells: [], deleted: keys });
        apiRef.current?.deselectAll();
      }
    },
    [apiRef, apply],
  );

  return { focused, editCell, paste, fillDown, addRow, deleteSelected };
}
