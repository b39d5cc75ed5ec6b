export { BOM, csvNumber, toCsv } from './csv';
export { ExportButtons } from './ExportButtons';
export type { ExportColumn, ExportTable } from './table';
export { toXlsx } from './xlsx';
