// CSV for Russian Excel: UTF-8 with a BOM (else Cyrillic turns into mojibake), «;» between
// fields (the list separator of the Russian locale) and a decimal comma in numbers.
import type { ExportColumn, ExportTable } from './table';
import { exportCell } from './table';

export const CSV_SEPARATOR = ';';
export const BOM = '\uFEFF';

function quote(text: string): string {
  return /[";\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A number as Russian Excel reads it: no grouping, a decimal comma, no exponent. */
export function csvNumber(value: number, digits?: number): string {
  const fixed = digits === undefined ? String(value) : value.toFixed(digits);
  const plain = /e/i.test(fixed) ? value.toFixed(10).replace(/\.?0+$/, '') : fixed;
  return plain.replace('.', ',');
}

function csvField<T>(column: ExportColumn<T>, row: T): string {
  const value = exportCell(column, row);
  if (value === null) {
    return '';
  }
  if (typeof value === 'number') {
    return csvNumber(value, column.kind === 'decimal' ? column.digits : undefined);
  }
  return quote(value);
}

/** The whole file as text, BOM included; lines end with CRLF as Excel writes them. */
export function toCsv<T>(table: ExportTable<T>): string {
  const lines = [
    ...(table.caption ?? []).map((line) => quote(line)),
    table.columns.map((c) => quote(c.header)).join(CSV_SEPARATOR),
    ...table.rows.map((row) => table.columns.map((c) => csvField(c, row)).join(CSV_SEPARATOR)),
  ];
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
