// A table to export: columns with Russian headers and typed cells, independent of the page.

/** How a column's cells are written: text, or a number (with a display format in XLSX). */
export type ExportCellKind = 'text' | 'integer' | 'decimal';

export type ExportValue = string | number | boolean | null | undefined;

export interface ExportColumn<T> {
  header: string;
  value: (row: T) => ExportValue;
  kind?: ExportCellKind;
  /** Decimal places of a 'decimal' column; without them numbers are written in full. */
  digits?: number;
  /** Column width in characters (XLSX); defaults to the header length. */
  width?: number;
}

export interface ExportTable<T> {
  /** Worksheet name (XLSX); at most 31 characters, no []:*?/\ characters. */
  sheetName: string;
  columns: readonly ExportColumn<T>[];
  rows: readonly T[];
  /** Lines above the header (title, filters), written as text. */
  caption?: readonly string[];
}

/** A cell value as exported: numbers stay numbers, booleans become «да»/«нет», nothing is null. */
export function exportCell<T>(column: ExportColumn<T>, row: T): string | number | null {
  const value = column.value(row);
  if (
    value === null ||
    value === undefined ||
    (typeof value === 'number' && !Number.isFinite(value))
  ) {
    return null;
  }
  if (typeof value === 'boolean') {
    return value ? 'да' : 'нет';
  }
  if (column.kind === 'integer' || column.kind === 'decimal') {
    const n = typeof value === 'number' ? value : Number(value);
    return Number.isFinite(n) ? n : String(value);
  }
  return typeof value === 'number' ? value : String(value);
}

/** A file name without characters that Windows refuses, with the extension. */
export function exportFileName(base: string, extension: 'csv' | 'xlsx'): string {
  const clean =
    base
      .replace(/[\\/:*?"<>|]+/g, '-')
      .replace(/\s+/g, ' ')
      .trim() || 'export';
  return `${clean}.${extension}`;
}
