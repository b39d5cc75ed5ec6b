import type {
  CellClassParams,
  ColDef,
  ITooltipParams,
  ValueFormatterParams,
  ValueGetterParams,
} from 'ag-grid-community';

import type { RangePainter } from './useCellRange';
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

const invalidText = (data: GridItem | undefined, field: string): string | undefined =>
  data?.__meta?.invalid[field];

export function buildColumnDefs<R extends GridRowBase>(
  columns: readonly EditableColumn<R>[],
  isSaving: () => boolean,
  markerTitle: string,
  range?: RangePainter,
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
    const userGetter = colDef.valueGetter;
    const userFormatter = colDef.valueFormatter;
    const colId = colDef.colId ?? field;
    return {
      // A column with its own parser edits text: the number editor AG Grid infers from numeric
      // values refuses a decimal comma («17,5» became 175).
      ...(column.parse && colDef.cellDataType === undefined ? { cellDataType: false } : {}),
      ...colDef,
      field,
      colId,
      // A cell holding text its column could not read shows that text, marked, until fixed.
      // (Only columns with a parser get such text; the getter is left alone elsewhere, as
      // giving one stops AG Grid from inferring a column's data type.)
      ...((column.parse || typeof userGetter === 'function') && {
        valueGetter: (p: ValueGetterParams<GridItem>) => {
          const text = invalidText(p.data, field);
          if (text !== undefined) {
            return text;
          }
          return typeof userGetter === 'function' ? userGetter(p) : p.data?.[field];
        },
      }),
      // (Columns without a formatter of their own show the getter's text as is.)
      ...(typeof userFormatter === 'function' && {
        valueFormatter: (p: ValueFormatterParams<GridItem>) =>
          invalidText(p.data, field) !== undefined ? String(p.value) : userFormatter(p),
      }),
      editable: (p) => isCellEditable(column, p.data, isSaving()),
      cellClassRules: {
        ...colDef.cellClassRules,
        ...(range && {
          'eg-cell-range': (p: CellClassParams<GridItem>) => range.inRange(p.node.rowIndex, colId),
          'eg-range-corner': (p: CellClassParams<GridItem>) =>
            range.isCorner(p.node.rowIndex, colId),
          'eg-cell-fill': (p: CellClassParams<GridItem>) => range.inFill(p.node.rowIndex, colId),
        }),
        'eg-cell-invalid': (p: CellClassParams<GridItem>) =>
          invalidText(p.data, field) !== undefined,
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
