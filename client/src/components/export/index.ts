export { BOM, CSV_SEPARATOR, csvNumber, toCsv } from './csv';
export { downloadFile } from './download';
export { ExportButtons } from './ExportButtons';
export type { ExportCellKind, ExportColumn, ExportTable, ExportValue } from './table';
export { exportCell, exportFileName } from './table';
export { sheetName, toXlsx, XLSX_MIME } from './xlsx';
