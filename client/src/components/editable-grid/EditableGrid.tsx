import './agGridSetup';
import './editableGrid.css';

import type {
  CellEditRequestEvent,
  CellFocusedEvent,
  ColDef,
  GetRowIdParams,
  GridApi,
  GridReadyEvent,
  IsFullWidthRowParams,
  RowClassRules,
  RowSelectionOptions,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import type { ClipboardEvent, KeyboardEvent, ReactNode } from 'react';
import { useCallback, useEffect, useMemo, useRef } from 'react';

import { AG_GRID_LOCALE_RU } from '../../i18n/agGridLocale';
import { useI18n } from '../../i18n/I18nProvider';
import { gridTheme } from './agGridSetup';
import { buildColumnDefs, isCellEditable } from './buildColumnDefs';
import type { Baseline } from './editState';
import { currentRow, dirtyFields, dirtyKeys, isAdded, tempKey } from './editState';
import { errorsByRow } from './gridErrors';
import { buildItems, sameItem } from './gridItems';
import { GridErrorList } from './GridErrorList';
import { GridToolbar } from './GridToolbar';
import { GroupRow } from './GroupRow';
import { isTypingTarget, shortcutOf } from './keyboard';
import { markGridDirty } from './leaveGuard';
import { fillDownTargets, planFillDown, planPaste } from './paste';
import type { OpColumn } from './paste';
import { parseTsv } from './tsv';
import type { EditableColumn, GridItem, GridRowBase, GroupInfo, RowMeta, SaveChange, SaveResult } from './types';
import { useEditSession } from './useEditSession';
import { validateChanges } from './validate';

export interface EditableGridProps<R extends GridRowBase> {
  columns: readonly EditableColumn<R>[];
  rows: readonly R[];
  /** Defaults to the row's `id`; rows added in the grid get `new:<n>`. */
  getRowId?: (row: R) => string;
  groupBy?: (row: R) => GroupInfo;
  onSave: (changes: SaveChange<R>[]) => Promise<SaveResult>;
  /** Called on Save, after onSave succeeded, with saved rows the user deleted. */
  onDelete?: (rows: R[]) => Promise<SaveResult>;
  /** Reloads `rows` from the server (the «Обновить» action after a conflict). */
  onReload?: () => void | Promise<void>;
  canAddRows?: boolean;
  canDeleteRows?: boolean;
  /** Template of a new row; `reason` tells a toolbar «add» from rows added by a paste. */
  newRow?: (after: R | null, reason: 'add' | 'paste') => R;
  loading?: boolean;
  toolbarExtra?: ReactNode;
  height?: number | string;
}

const getItemId = (p: GetRowIdParams<GridItem>) => p.data.__key;
const isFullWidth = (p: IsFullWidthRowParams<GridItem>) => p.rowNode.data?.__group !== undefined;
const rowClassRules: RowClassRules<GridItem> = {
  'eg-row-dirty': (p) => (p.data?.__meta?.dirtyFields.length ?? 0) > 0,
  'eg-row-new': (p) => Boolean(p.data?.__meta?.isNew),
  'eg-row-deleted': (p) => Boolean(p.data?.__meta?.deleted),
};
const rowSelection: RowSelectionOptions<GridItem> = {
  mode: 'multiRow',
  checkboxes: true,
  headerCheckbox: true,
  enableClickSelection: false,
  isRowSelectable: (node) => node.data?.__group === undefined,
};
function defaultRowId(row: GridRowBase): string {
  return row.id ?? '';
}

const defaultColDef: ColDef<GridItem> = { sortable: false, resizable: true, suppressHeaderMenuButton: true };

export function EditableGrid<R extends GridRowBase>(props: EditableGridProps<R>) {
  const { columns, rows, groupBy, canAddRows = false, canDeleteRows = false, newRow } = props;
  const { t, lang } = useI18n();
  const apiRef = useRef<GridApi<GridItem> | null>(null);
  const focusRef = useRef<{ key: string; field: string } | null>(null);
  const pendingFocus = useRef<string | null>(null);
  const keyOf: (row: R) => string = props.getRowId ?? defaultRowId;

  const base: Baseline<R> = useMemo(() => new Map(rows.map((r) => [keyOf(r), r])), [rows, keyOf]);
  const edit = useEditSession<R>({
    base,
    columns,
    onSave: props.onSave,
    onDelete: props.onDelete,
    onReload: props.onReload,
  });
  const { session, saving, savingRef, apply, undo, redo } = edit;
  const state = session.edit;
  const rowAt = useCallback((key: string) => currentRow(state, base, key) as R, [state, base]);

  const { items, dataKeys } = useBuiltItems(rows, keyOf, state, base, session.errors, groupBy);
  const dirtyCount = useMemo(() => dirtyKeys(state, base).length, [state, base]);
  const liveKeys = useMemo(() => dataKeys.filter((k) => !state.deleted.includes(k)), [dataKeys, state.deleted]);

  const opColumns: OpColumn<R>[] = useMemo(
    () =>
      columns
        .filter((c) => c.editable !== undefined && c.editable !== false)
        .map((c) => ({
          field: c.field,
          isEditable: (row: R) => isCellEditable(c, row as unknown as GridItem, false),
          parse: c.parse,
        })),
    [columns],
  );
  const columnDefs = useMemo(
    () => buildColumnDefs(columns, () => savingRef.current, t('grid.hint')),
    [columns, savingRef, t],
  );

  const focusedData = useCallback((): { key: string; field: string } | null => {
    const api = apiRef.current;
    const cell = api?.getFocusedCell();
    if (api && cell && cell.rowPinned == null) {
      const node = api.getDisplayedRowAtIndex(cell.rowIndex);
      const key = node?.data?.__key;
      if (key && node?.data?.__group === undefined) {
        return { key, field: cell.column.getColId() };
      }
    }
    return focusRef.current;
  }, []);

  const displayedOpColumns = useCallback((): OpColumn<R>[] => {
    const order = apiRef.current?.getAllDisplayedColumns().map((c) => c.getColId()) ?? [];
    return [...opColumns].sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
  }, [opColumns]);

  const onCellEditRequest = useCallback(
    (e: CellEditRequestEvent<GridItem>) => {
      const key = e.data.__key;
      const field = e.colDef.field;
      const column = opColumns.find((c) => c.field === field);
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
          apply({ added: [], cells: [], deleted: [] }, [{ key, field: column.field, text: String(value), message }]);
          return;
        }
      }
      const before = (row as Record<string, unknown>)[column.field];
      apply({ added: [], cells: [{ key, field: column.field, before, after: value }], deleted: [] });
    },
    [apply, opColumns, rowAt],
  );

  const paste = useCallback(
    (text: string) => {
      const focus = focusedData();
      if (!focus || savingRef.current) {
        return false;
      }
      const cols = displayedOpColumns();
      const order = apiRef.current?.getAllDisplayedColumns().map((c) => c.getColId()) ?? [];
      // Starting on a read-only column: the block begins at the next editable column to the right.
      const focusPos = order.indexOf(focus.field);
      const startCol = cols.findIndex((c) => order.indexOf(c.field) >= focusPos);
      const startRow = liveKeys.indexOf(focus.key);
      if (startCol < 0 || startRow < 0) {
        return false;
      }
      const planned = planPaste<R>({
        matrix: parseTsv(text),
        rowKeys: liveKeys,
        rowAt,
        columns: cols,
        startRow,
        startCol,
        canAddRows,
        newRow: newRow ? (after) => newRow(after, 'paste') : undefined,
        nextTempId: session.edit.nextTempId,
      });
      apply(planned.step, planned.problems, planned.nextTempId);
      return true;
    },
    [apply, canAddRows, displayedOpColumns, focusedData, liveKeys, newRow, rowAt, savingRef, session.edit.nextTempId],
  );

  const fillDown = useCallback(() => {
    const focus = focusedData();
    const column = focus && opColumns.find((c) => c.field === focus.field);
    if (!focus || !column) {
      return;
    }
    const selected = apiRef.current?.getSelectedNodes().flatMap((n) => (n.data ? [n.data.__key] : [])) ?? [];
    const targets = fillDownTargets(liveKeys, focus.key, selected);
    if (targets) {
      apply(planFillDown(targets.sourceKey, targets.targetKeys, rowAt, column));
    }
  }, [apply, focusedData, liveKeys, opColumns, rowAt]);

  const addRow = useCallback(() => {
    if (!newRow) {
      return;
    }
    const focus = focusedData();
    const after = focus ? rowAt(focus.key) : liveKeys.length > 0 ? rowAt(liveKeys[liveKeys.length - 1]) : null;
    const key = tempKey(session.edit.nextTempId);
    pendingFocus.current = key;
    apply({ added: [{ key, row: newRow(after ?? null, 'add') }], cells: [], deleted: [] }, [], session.edit.nextTempId + 1);
  }, [apply, focusedData, liveKeys, newRow, rowAt, session.edit.nextTempId]);

  const deleteSelected = useCallback(() => {
    const selected = apiRef.current?.getSelectedNodes().flatMap((n) => (n.data ? [n.data.__key] : [])) ?? [];
    const keys = selected.filter((k) => !state.deleted.includes(k));
    if (keys.length > 0) {
      apply({ added: [], cells: [], deleted: keys });
      apiRef.current?.deselectAll();
    }
  }, [apply, state.deleted]);

  const save = useCallback(() => {
    apiRef.current?.stopEditing();
    void edit.save(dataKeys, (changes, keys) => validateChanges(columns, changes, keys));
  }, [columns, dataKeys, edit]);

  const onKeyDownCapture = useCallback(
    (e: KeyboardEvent<HTMLDivElement>) => {
      if (isTypingTarget(e.target)) {
        return;
      }
      const shortcut = shortcutOf(e);
      if (shortcut === null) {
        return;
      }
      e.preventDefault();
      e.stopPropagation();
      if (shortcut === 'undo') {
        undo();
      } else if (shortcut === 'redo') {
        redo();
      } else if (shortcut === 'fillDown') {
        fillDown();
      } else if (dirtyCount > 0) {
        save();
      }
    },
    [dirtyCount, fillDown, redo, save, undo],
  );

  const onPaste = useCallback(
    (e: ClipboardEvent<HTMLDivElement>) => {
      if (isTypingTarget(e.target)) {
        return;
      }
      const text = e.clipboardData.getData('text/plain');
      if (text && paste(text)) {
        e.preventDefault();
      }
    },
    [paste],
  );

  const onCopy = useCallback(
    (e: ClipboardEvent<HTMLDivElement>) => {
      // Community has no clipboard module: copy the focused cell's shown value ourselves.
      const api = apiRef.current;
      const cell = api?.getFocusedCell();
      if (!api || !cell || isTypingTarget(e.target)) {
        return;
      }
      const rowNode = api.getDisplayedRowAtIndex(cell.rowIndex);
      if (!rowNode || rowNode.data?.__group !== undefined) {
        return;
      }
      const value = api.getCellValue({ rowNode, colKey: cell.column, useFormatter: true });
      e.clipboardData.setData('text/plain', value === null || value === undefined ? '' : String(value));
      e.preventDefault();
    },
    [],
  );

  const onCellFocused = useCallback((e: CellFocusedEvent<GridItem>) => {
    if (e.rowIndex === null || e.rowPinned || !e.column || typeof e.column === 'string') {
      return;
    }
    const node = e.api.getDisplayedRowAtIndex(e.rowIndex);
    if (node?.data && node.data.__group === undefined) {
      focusRef.current = { key: node.data.__key, field: e.column.getColId() };
    }
  }, []);

  const onRowDataUpdated = useCallback(() => {
    const key = pendingFocus.current;
    const api = apiRef.current;
    const node = key ? api?.getRowNode(key) : undefined;
    const first = opColumns[0];
    if (api && node && node.rowIndex !== null && first) {
      pendingFocus.current = null;
      api.ensureIndexVisible(node.rowIndex);
      api.setFocusedCell(node.rowIndex, first.field);
    }
  }, [opColumns]);

  useLeaveWarning(dirtyCount > 0, t('grid.leaveWarning'));

  const positionOf = useCallback((key: string) => dataKeys.indexOf(key) + 1, [dataKeys]);
  const headerOf = useCallback(
    (field: string) => String(columns.find((c) => c.field === field)?.headerName ?? field),
    [columns],
  );

  return (
    <div className="eg-root">
      <GridToolbar
        dirtyCount={dirtyCount}
        saving={saving}
        saved={session.saved}
        canUndo={session.history.past.length > 0}
        canRedo={session.history.future.length > 0}
        canAddRows={canAddRows && newRow !== undefined}
        canDeleteRows={canDeleteRows}
        extra={props.toolbarExtra}
        onSave={save}
        onUndo={undo}
        onRedo={redo}
        onFillDown={fillDown}
        onAddRow={addRow}
        onDeleteRows={deleteSelected}
        onDiscard={edit.discard}
      />
      <div className="eg-hint">{t('grid.hint')}</div>
      <GridErrorList
        errors={session.errors}
        problems={session.problems}
        positionOf={positionOf}
        headerOf={headerOf}
        onReload={props.onReload ? () => void edit.reloadAfterConflict() : undefined}
      />
      <div
        className="eg-grid"
        data-testid="editable-grid"
        style={{ height: props.height ?? 'calc(100vh - 280px)' }}
        onKeyDownCapture={onKeyDownCapture}
        onPaste={onPaste}
        onCopy={onCopy}
      >
        <AgGridReact<GridItem>
          key={lang}
          theme={gridTheme}
          localeText={lang === 'ru' ? AG_GRID_LOCALE_RU : undefined}
          rowData={items}
          columnDefs={columnDefs}
          defaultColDef={defaultColDef}
          getRowId={getItemId}
          readOnlyEdit
          onCellEditRequest={onCellEditRequest}
          isFullWidthRow={isFullWidth}
          fullWidthCellRenderer={GroupRow}
          rowClassRules={rowClassRules}
          rowSelection={rowSelection}
          loading={props.loading}
          tooltipShowDelay={300}
          stopEditingWhenCellsLoseFocus
          enterNavigatesVerticallyAfterEdit
          onGridReady={(e: GridReadyEvent<GridItem>) => {
            apiRef.current = e.api;
          }}
          onCellFocused={onCellFocused}
          onRowDataUpdated={onRowDataUpdated}
        />
      </div>
    </div>
  );
}

/** Grid items with per-row state; unchanged rows keep their object so AG Grid skips re-rendering. */
function useBuiltItems<R extends GridRowBase>(
  rows: readonly R[],
  keyOf: (row: R) => string,
  state: ReturnType<typeof useEditSession<R>>['session']['edit'],
  base: Baseline<R>,
  errors: ReturnType<typeof useEditSession<R>>['session']['errors'],
  groupBy?: (row: R) => GroupInfo,
) {
  const cache = useRef(new Map<string, GridItem>());
  return useMemo(() => {
    const { cells, rows: rowErrors } = errorsByRow(errors);
    const keys = [
      ...rows.map(keyOf),
      ...state.added.filter((a) => !state.deleted.includes(a.key)).map((a) => a.key),
    ];
    const metaOf = (key: string, position: number): RowMeta => ({
      position,
      dirtyFields: isAdded(state, key) ? [] : dirtyFields(state, base, key),
      errors: cells.get(key) ?? {},
      rowError: rowErrors.get(key) ?? null,
      isNew: isAdded(state, key),
      deleted: state.deleted.includes(key),
    });
    const built = buildItems({ keys, rowAt: (k) => currentRow(state, base, k) as R, metaOf, groupBy });
    const next = new Map<string, GridItem>();
    const items = built.items.map((item) => {
      const cached = cache.current.get(item.__key);
      const kept = cached && sameItem(cached, item) ? cached : item;
      next.set(item.__key, kept);
      return kept;
    });
    cache.current = next;
    return { items, dataKeys: built.dataKeys };
  }, [rows, keyOf, state, base, errors, groupBy]);
}

function useLeaveWarning(dirty: boolean, message: string) {
  const id = useMemo(() => Symbol('editable-grid'), []);
  useEffect(() => {
    markGridDirty(id, dirty);
    return () => markGridDirty(id, false);
  }, [dirty, id]);
  useEffect(() => {
    if (!dirty) {
      return undefined;
    }
    const handler = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = message;
    };
    window.addEventListener('beforeunload', handler);
    return () => window.removeEventListener('beforeunload', handler);
  }, [dirty, message]);
}
