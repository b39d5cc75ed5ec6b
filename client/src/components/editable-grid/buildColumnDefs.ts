import type { CellClassParams, ColDef, ITooltipParams } from 'ag-grid-community';

import type { EditableColumn, GridItem, GridRowBase } from './types';

export const MARKER_COL_ID = '__marker';

/** Whether a column may be edited on this item: never group or deleted rows, nor while saving. */
export function isCellEditable<R extends GridRowBase>(
  column: EditableColumn<R>,
  item: GridItem | undefined,
  saving: boolean,
): boolean {
  if (!item || item.__group !== undefined || item.__meta?.deleted || saving) {
    return false;
  }
  const editable = column.editable;
  return typeof editable === 'function' ? editable(item as unknown as R) : editable === true;
}

function markerColumn(title: string): ColDef<GridItem> {
  // Row position as used in the error list («Строка 3»), coloured by the row's edit state.
  return {
    colId: MARKER_COL_ID,
    headerName: '#',
    headerTooltip: title,
    width: 56,
    pinned: 'left',
    lockPosition: 'left',
    editable: false,
    sortable: false,
    resizable: false,
    suppressMovable: true,
    valueGetter: (p) => p.data?.__meta?.position ?? '',
    cellClassRules: {
      'eg-marker': () => true,
      'eg-marker-dirty': (p) => p.data?.__meta?.dirtyFields.length !== 0 && !p.data?.__meta?.isNew,
      'eg-marker-new': (p) => Boolean(p.data?.__meta?.isNew),
      'eg-marker-deleted': (p) => Boolean(p.data?.__meta?.deleted),
      'eg-marker-error': (p) =>
        Boolean(p.data?.__meta?.rowError) || Object.keys(p.data?.__meta?.errors ?? {}).length > 0,
    },
    tooltipValueGetter: (p) => p.data?.__meta?.rowError ?? undefined,
  };
}

export function buildColumnDefs<R extends GridRowBase>(
  columns: readonly EditableColumn<R>[],
  isSaving: () => boolean,
  markerTitle: string,
): ColDef<GridItem>[] {
  const defs = columns.map((column): ColDef<GridItem> => {
    // parse/validate/history* are ours; AG Grid warns about unknown ColDef keys.
    const {
      parse: _parse,
      validate: _validate,
      editable: _editable,
      historyColumn: _historyColumn,
      formatHistoryValue: _formatHistoryValue,
      ...colDef
    } = column;
    const field = column.field;
    const userTooltip = colDef.tooltipValueGetter;
    return {
      // A column with its own parser edits text: the number editor AG Grid infers from numeric
      // values refuses a decimal comma («17,5» became 175).
      ...(column.parse && colDef.cellDataType === undefined ? { cellDataType: false } : {}),
      ...colDef,
      field,
      colId: colDef.colId ?? field,
      editable: (p) => isCellEditable(column, p.data, isSaving()),
      cellClassRules: {
        ...colDef.cellClassRules,
        'eg-cell-dirty': (p: CellClassParams<GridItem>) =>
          Boolean(p.data?.__meta?.dirtyFields.includes(field)),
        'eg-cell-error': (p: CellClassParams<GridItem>) => Boolean(p.data?.__meta?.errors[field]),
        'eg-cell-readonly': (p: CellClassParams<GridItem>) =>
          !isCellEditable(column, p.data, false),
      },
      tooltipValueGetter: (p: ITooltipParams<GridItem>) =>
        p.data?.__meta?.errors[field] ?? (userTooltip ? userTooltip(p) : undefined),
    };
  });
  return [markerColumn(markerTitle), ...defs];
}
