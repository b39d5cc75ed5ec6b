import './agGridSetup';
import './editableGrid.css';

import type {
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
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

import { AG_GRID_LOCALE_RU } from '../../i18n/agGridLocale';
import { ExportButtons } from '../export';
import type { ImportColumn } from '../table-import/plan';
import type { TableIo } from '../table-import/TableImport';
import { TableImport } from '../table-import/TableImport';
import { useI18n } from '../../i18n/I18nProvider';
import { gridTheme } from './agGridSetup';
import { buildColumnDefs, isCellEditable } from './buildColumnDefs';
import { cellHistoryTarget } from './cellHistory';
import { HistorySide } from './CellHistoryPanel';
import type { Baseline } from './editState';
import { currentRow, dirtyKeys, invalidCell, invalidCells } from './editState';
import { GridErrorList } from './GridErrorList';
import { GridToolbar } from './GridToolbar';
import { GroupRow } from './GroupRow';
import { isTypingTarget, shortcutOf } from './keyboard';
import { useLeaveWarning } from './leaveGuard';
import type { OpColumn } from './paste';
import type { Bounds } from './range';
import type {
  EditableColumn,
  GridItem,
  GridRowBase,
  GroupInfo,
  SaveChange,
  SaveResult,
} from './types';
import { useCellRange } from './useCellRange';
import { useEditSession } from './useEditSession';
import { useGridItems } from './useGridItems';
import type { FocusedCell } from './useGridOps';
import { useGridOps } from './useGridOps';
import { validateChanges } from './validate';
import { viewTable } from './exportView';

export interface EditableGridProps<R extends GridRowBase> {
  columns: readonly EditableColumn<R>[];
  rows: readonly R[];
  /** Defaults to the row's `id`; rows added in the grid get `new:<n>`. */
  getRowId?: (row: R) => string;
  groupBy?: (row: R) => GroupInfo;
  /**
   * Called once per Save with every dirty row and every saved row the user deleted; the page
   * sends them in one bulk mutation. Row errors index the changes, then the deleted rows.
   */
  onSave: (changes: SaveChange<R>[], deleted: R[]) => Promise<SaveResult>;
  /** Reloads `rows` from the server (the «Обновить» action after a conflict). */
  onReload?: () => void | Promise<void>;
  canAddRows?: boolean;
  canDeleteRows?: boolean;
  /** Template of a new row; `reason` tells a toolbar «add» from rows added by a paste. */
  newRow?: (after: R | null, reason: 'add' | 'paste') => R;
  loading?: boolean;
  toolbarExtra?: ReactNode;
  height?: number | string;
  /** Nothing is editable (the viewer's role may not change these rows). */
  readOnly?: boolean;
  /** Audited table of the rows (e.g. "activity"): turns on the cell-history panel. */
  historyEntity?: string;
  /** The grid's API once it is ready, e.g. for saved views (column state) and export. */
  onApiReady?: (api: GridApi<GridItem>) => void;
  /** Import of a CSV/XLSX file into these rows (and the export's file name and key column). */
  tableIo?: TableIo<R>;
  /** File name of the current view's export (CSV/XLSX, offered on every grid). */
  exportName?: string;
}

const getItemId = (p: GetRowIdParams<GridItem>) => p.data.__key;
const isFullWidth = (p: IsFullWidthRowParams<GridItem>) => p.rowNode.data?.__group !== undefined;
const rowClassRules: RowClassRules<GridItem> = {
  'eg-row-dirty': (p) => (p.data?.__meta?.dirtyFields.length ?? 0) > 0,
  'eg-row-new': (p) => Boolean(p.data?.__meta?.isNew),
  'eg-row-deleted': (p) => Boolean(p.data?.__meta?.deleted),
};
// Row selection drives fill-down targets and deletion.
const rowSelection: RowSelectionOptions<GridItem> = {
  mode: 'multiRow',
  checkboxes: true,
  headerCheckbox: true,
  enableClickSelection: false,
  isRowSelectable: (node) => node.data?.__group === undefined,
};
// A click on a header sorts the shown rows; a row keeps its number («Строка 3» in the error
// list and the marker column), and pastes and fills follow the order on screen. Grouped grids
// keep the page's order (group rows are rows of their own and would be sorted among the rest).
const sortableColDef: ColDef<GridItem> = {
  sortable: true,
  resizable: true,
  suppressHeaderMenuButton: true,
};
const fixedOrderColDef: ColDef<GridItem> = { ...sortableColDef, sortable: false };

function defaultRowId(row: GridRowBase): string {
  return row.id ?? '';
}

export function EditableGrid<R extends GridRowBase>(props: EditableGridProps<R>) {
  const { rows, groupBy, newRow, readOnly = false } = props;
  const canAddRows = !readOnly && (props.canAddRows ?? false);
  const canDeleteRows = !readOnly && (props.canDeleteRows ?? false);
  const columns = useMemo(
    () =>
      readOnly ? props.columns.map((column) => ({ ...column, editable: false })) : props.columns,
    [props.columns, readOnly],
  );
  const { t, lang } = useI18n();
  const apiRef = useRef<GridApi<GridItem> | null>(null);
  const focusRef = useRef<FocusedCell | null>(null);
  // Focus as state too: the history panel follows the focused cell.
  const [focused, setFocused] = useState<FocusedCell | null>(null);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [importOpen, setImportOpen] = useState(false);
  const pendingFocus = useRef<string | null>(null);
  const keyOf: (row: R) => string = props.getRowId ?? defaultRowId;

  const base: Baseline<R> = useMemo(() => new Map(rows.map((r) => [keyOf(r), r])), [rows, keyOf]);
  const edit = useEditSession<R>({
    base,
    columns,
    onSave: props.onSave,
    onReload: props.onReload,
  });
  const { session, saving, savingRef, apply, undo, redo, discard, reloadAfterConflict } = edit;
  const state = session.edit;
  const rowAt = useCallback((key: string) => currentRow(state, base, key) as R, [state, base]);
  const { items, dataKeys } = useGridItems(rows, keyOf, state, base, session.errors, groupBy);
  const dirtyCount = useMemo(() => dirtyKeys(state, base).length, [state, base]);
  const liveKeys = useMemo(
    () => dataKeys.filter((k) => !state.deleted.includes(k)),
    [dataKeys, state.deleted],
  );

  const allColumns: OpColumn<R>[] = useMemo(
    () =>
      columns.map((c) => ({
        field: c.field,
        isEditable:
          c.editable === undefined || c.editable === false
            ? () => false
            : (row: R) => isCellEditable(c, row as unknown as GridItem, false),
        parse: c.parse,
      })),
    [columns],
  );
  const opColumns = useMemo(
    () =>
      allColumns.filter(
        (_, i) => columns[i].editable !== undefined && columns[i].editable !== false,
      ),
    [allColumns, columns],
  );
  const invalidAt = useCallback(
    (key: string, field: string) => invalidCell(state, key, field),
    [state],
  );
  // The fill handle's drop reaches the operations through a ref (they are made after the range).
  const fillRangeRef = useRef<(source: Bounds, target: Bounds) => void>(() => undefined);
  const onFill = useCallback(
    (source: Bounds, target: Bounds) => fillRangeRef.current(source, target),
    [],
  );
  const gridRootRef = useRef<HTMLDivElement | null>(null);
  const range = useCellRange(apiRef, gridRootRef, onFill);
  const columnDefs = useMemo(
    () => buildColumnDefs(columns, () => savingRef.current, t('grid.hint'), range.painter),
    [columns, savingRef, t, range.painter],
  );
  // New column definitions (e.g. select labels that arrived later) must reach rendered cells too.
  useEffect(() => {
    apiRef.current?.refreshCells({ force: true });
  }, [columnDefs]);

  const ops = useGridOps<R>({
    apiRef,
    focusRef,
    opColumns,
    allColumns,
    liveKeys,
    rowAt,
    invalidAt,
    apply,
    nextTempId: state.nextTempId,
    canAddRows,
    newRow,
    range,
    decimalComma: lang === 'ru',
  });
  fillRangeRef.current = ops.fillRange;

  const save = useCallback(() => {
    apiRef.current?.stopEditing();
    void edit.save(dataKeys, (changes, keys) => validateChanges(columns, changes, keys));
  }, [columns, dataKeys, edit]);

  const addRow = useCallback(() => {
    pendingFocus.current = ops.addRow();
  }, [ops]);

  const onKeyDownCapture = useCallback(
    (e: KeyboardEvent<HTMLDivElement>) => {
      if (isTypingTarget(e.target)) {
        return;
      }
      if (range.onKeyDown(e)) {
        e.preventDefault();
        e.stopPropagation();
        return;
      }
      const shortcut = shortcutOf(e);
      // Without deletable rows Ctrl+minus stays the browser's zoom.
      if (shortcut === null || (shortcut === 'deleteRows' && !canDeleteRows)) {
        return;
      }
      // Ours, not the browser's (Ctrl+D would bookmark the page, Ctrl+S save it).
      e.preventDefault();
      e.stopPropagation();
      if (shortcut === 'undo') {
        undo();
      } else if (shortcut === 'redo') {
        redo();
      } else if (shortcut === 'fillDown') {
        ops.fillDown();
      } else if (shortcut === 'fillRight') {
        ops.fillRight();
      } else if (shortcut === 'clear') {
        ops.clear();
      } else if (shortcut === 'deleteRows') {
        ops.deleteRows(state.deleted);
      } else if (shortcut === 'history') {
        if (props.historyEntity) {
          setHistoryOpen((open) => !open);
        }
      } else if (dirtyCount > 0) {
        save();
      }
    },
    [canDeleteRows, dirtyCount, ops, props.historyEntity, range, redo, save, state.deleted, undo],
  );

  const onPaste = useCallback(
    (e: ClipboardEvent<HTMLDivElement>) => {
      // Inside an open editor the browser pastes into the input as usual.
      if (isTypingTarget(e.target)) {
        return;
      }
      const text = e.clipboardData.getData('text/plain');
      if (text && ops.paste(text)) {
        e.preventDefault();
      }
    },
    [ops],
  );

  const onCopy = useCallback(
    (e: ClipboardEvent<HTMLDivElement>) => {
      if (isTypingTarget(e.target)) {
        return;
      }
      // Community has no clipboard module: the selected range (a focused cell is a range of
      // one) goes out as TSV, as Excel's does.
      const tsv = ops.copyText();
      if (tsv !== null) {
        e.clipboardData.setData('text/plain', tsv);
        e.preventDefault();
      }
    },
    [ops],
  );

  const onCellFocused = useCallback(
    (e: CellFocusedEvent<GridItem>) => {
      range.onCellFocused(e);
      if (e.rowIndex === null || e.rowPinned || !e.column || typeof e.column === 'string') {
        return;
      }
      const data = e.api.getDisplayedRowAtIndex(e.rowIndex)?.data;
      if (data && data.__group === undefined) {
        focusRef.current = { key: data.__key, field: e.column.getColId() };
        setFocused(focusRef.current);
      }
    },
    [range],
  );

  // A row added from the toolbar gets the focus on its first editable cell.
  const onRowDataUpdated = useCallback(() => {
    const api = apiRef.current;
    const node = pendingFocus.current ? api?.getRowNode(pendingFocus.current) : undefined;
    const first = opColumns[0];
    if (api && node && node.rowIndex !== null && first) {
      pendingFocus.current = null;
      api.ensureIndexVisible(node.rowIndex);
      api.setFocusedCell(node.rowIndex, first.field);
    }
  }, [opColumns]);

  useLeaveWarning(dirtyCount > 0, t('grid.leaveWarning'));
  const unreadable = useMemo(() => invalidCells(state, dataKeys), [state, dataKeys]);

  const positionOf = useCallback((key: string) => dataKeys.indexOf(key) + 1, [dataKeys]);
  const headerOf = useCallback(
    (field: string) => String(columns.find((c) => c.field === field)?.headerName ?? field),
    [columns],
  );

  const io = props.tableIo;
  const importColumns: ImportColumn<R>[] = useMemo(
    () =>
      columns.flatMap((c, i) =>
        c.editable === undefined || c.editable === false
          ? []
          : [{ ...allColumns[i], header: String(c.headerName ?? c.field), validate: c.validate }],
      ),
    [allColumns, columns],
  );
  const baseKeys = useMemo(() => rows.map(keyOf), [rows, keyOf]);
  const baseRowAt = useCallback((key: string) => base.get(key) as R, [base]);
  const { onSave } = props;
  const commitImport = useCallback((changes: SaveChange<R>[]) => onSave(changes, []), [onSave]);
  const exportName = io?.fileName ?? props.exportName ?? t('grid.exportName');
  const exportTable = useCallback(
    () => viewTable(apiRef.current!, exportName, io?.keyColumn),
    [exportName, io],
  );
  const toolbarExtra = (
    <>
      {io && !readOnly && (
        <button
          type="button"
          onClick={() => setImportOpen((open) => !open)}
          aria-pressed={importOpen}
          data-testid="grid-import"
        >
          ⤓ {t('tio.open')}
        </button>
      )}
      <span className="eg-export">
        {t('tio.export')}{' '}
        <ExportButtons fileName={exportName} table={exportTable} disabled={rows.length === 0} />
      </span>
      {props.toolbarExtra}
    </>
  );

  const historyTarget = useMemo(
    () => cellHistoryTarget(props.historyEntity, focused, columns, rowAt, positionOf),
    [props.historyEntity, focused, columns, rowAt, positionOf],
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
        extra={toolbarExtra}
        history={
          props.historyEntity
            ? { open: historyOpen, onToggle: () => setHistoryOpen((open) => !open) }
            : undefined
        }
        onSave={save}
        onUndo={undo}
        onRedo={redo}
        onFillDown={ops.fillDown}
        onFillRight={ops.fillRight}
        onClear={ops.clear}
        selection={range.bounds}
        onAddRow={addRow}
        onDeleteRows={() => ops.deleteRows(state.deleted)}
        onDiscard={discard}
      />
      <div className="eg-hint">{t('grid.hint')}</div>
      {io && importOpen && !readOnly && (
        <TableImport<R>
          io={io}
          columns={importColumns}
          tableKeys={baseKeys}
          rowAt={baseRowAt}
          commit={commitImport}
          headerOf={headerOf}
          blocked={dirtyCount > 0 ? t('tio.blocked') : null}
          onClose={() => setImportOpen(false)}
        />
      )}
      <GridErrorList
        errors={session.errors}
        unreadable={unreadable}
        positionOf={positionOf}
        headerOf={headerOf}
        onReload={props.onReload ? () => void reloadAfterConflict() : undefined}
      />
      <div className="eg-body">
        <div
          ref={gridRootRef}
          className="eg-grid"
          data-testid="editable-grid"
          style={{ height: props.height ?? 'calc(100vh - 280px)' }}
          onKeyDownCapture={onKeyDownCapture}
          onMouseDownCapture={range.onMouseDownCapture}
          onMouseOver={range.onMouseOver}
          onPaste={onPaste}
          onCopy={onCopy}
        >
          <AgGridReact<GridItem>
            key={lang}
            theme={gridTheme}
            localeText={lang === 'ru' ? AG_GRID_LOCALE_RU : undefined}
            rowData={items}
            columnDefs={columnDefs}
            defaultColDef={groupBy ? fixedOrderColDef : sortableColDef}
            getRowId={getItemId}
            readOnlyEdit
            onCellEditRequest={ops.editCell}
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
              props.onApiReady?.(e.api);
            }}
            onCellFocused={onCellFocused}
            onRowDataUpdated={onRowDataUpdated}
          />
        </div>
        {historyOpen && (
          <HistorySide target={historyTarget} onClose={() => setHistoryOpen(false)} />
        )}
      </div>
    </div>
  );
}
