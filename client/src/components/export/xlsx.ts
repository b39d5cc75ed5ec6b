// XLSX through exceljs, loaded on demand (it is large): number cells stay numbers with a
// display format, the header row is bold and frozen, columns are wide enough to read.
import type { ExportTable } from './table';
import { exportCell } from './table';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// Without a number of digits a decimal column keeps Excel's General format (full precision).
function numberFormat(kind: string | undefined, digits: number | undefined): string | undefined {
  if (kind === 'integer') {
    return '0';
  }
  if (kind === 'decimal' && digits !== undefined) {
    return digits > 0 ? `0.${'0'.repeat(digits)}` : '0';
  }
  return undefined;
}

/** Excel refuses sheet names longer than 31 characters or with []:*?/\ in them. */
export function sheetName(name: string): string {
  return (
    name
      .replace(/[[\]:*?/\\]/g, ' ')
      .slice(0, 31)
      .trim() || 'Лист1'
  );
}

/** The workbook as bytes: one worksheet per table. */
export async function toXlsx<T>(tables: readonly ExportTable<T>[]): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'МСОКО-хаб';
  workbook.created = new Date();
  for (const table of tables) {
    const caption = table.caption ?? [];
    const sheet = workbook.addWorksheet(sheetName(table.sheetName), {
      views: [{ state: 'frozen', ySplit: caption.length + 1 }],
    });
    for (const line of caption) {
      sheet.addRow([line]).font = { italic: true };
    }
    const header = sheet.addRow(table.columns.map((c) => c.header));
    header.font = { bold: true };
    header.alignment = { vertical: 'middle', wrapText: true };
    for (const row of table.rows) {
      sheet.addRow(table.columns.map((c) => exportCell(c, row)));
    }
    table.columns.forEach((column, i) => {
      const sheetColumn = sheet.getColumn(i + 1);
      sheetColumn.width = column.width ?? Math.max(10, Math.min(40, column.header.length + 2));
      const format = numberFormat(column.kind, column.digits);
      if (format) {
        sheetColumn.numFmt = format;
      }
    });
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
