// The grid's current view as an export table: the shown columns in their order with their
// headers, the rows in display order (group rows and rows marked for deletion left out), numbers
// as numbers; the key column goes first when it is not shown, so the file can be imported back.
import type { Column, GridApi, IRowNode } from 'ag-grid-community';

import type { ExportColumn, ExportTable } from '../export';
import { MARKER_COL_ID } from './buildColumnDefs';
import type { GridItem } from './types';

type Node = IRowNode<GridItem>;

export function viewTable(
  api: GridApi<GridItem>,
  sheetName: string,
  keyColumn?: { field: string; header: string },
): ExportTable<Node> {
  const shown = api
    .getAllDisplayedColumns()
    .filter((c) => c.getColId() !== MARKER_COL_ID && !c.getColId().startsWith('ag-Grid-'));
  const rows: Node[] = [];
  api.forEachNodeAfterFilterAndSort((node) => {
    if (node.data && node.data.__group === undefined && !node.data.__meta?.deleted) {
      rows.push(node);
    }
  });
  const columns: ExportColumn<Node>[] = shown.map((column) => exportColumn(api, column, rows));
  if (keyColumn && !shown.some((c) => c.getColDef().field === keyColumn.field)) {
    columns.unshift({
      header: keyColumn.header,
      value: (node) => node.data?.[keyColumn.field] as string | number | null | undefined,
    });
  }
  return { sheetName, columns, rows };
}

function exportColumn(api: GridApi<GridItem>, column: Column, rows: readonly Node[]) {
  const def = column.getColDef();
  const raw = (node: Node): unknown => api.getCellValue({ rowNode: node, colKey: column });
  // A column is numeric when its values are numbers: written as number cells, not as text.
  const numeric = rows.some((n) => typeof raw(n) === 'number');
  return {
    header: def.headerName ?? def.field ?? column.getColId(),
    kind: numeric ? 'decimal' : 'text',
    value: (node: Node) => {
      const value = raw(node);
      if (typeof value === 'number' || typeof value === 'boolean') {
        return value;
      }
      const shown = api.getCellValue({ rowNode: node, colKey: column, useFormatter: true });
      return shown === null || shown === undefined ? '' : String(shown);
    },
  } satisfies ExportColumn<Node>;
}
