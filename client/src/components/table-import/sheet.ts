// Reading a spreadsheet a user uploads (CSV as Russian Excel writes it, or XLSX) into rows of
// text with the row numbers the user sees; exceljs is loaded on demand (it is large).

/** A row of the file: its number as the operator sees it (1-based) and its cells as text. */
export interface SheetRow {
  line: number;
  cells: string[];
}

const DELIMITERS = [';', ',', '\t'] as const;

/** The separator of a CSV: the one of «;», «,», tab found most often outside quotes in its header. */
export function detectDelimiter(text: string): string {
  const firstLine = text.split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
  let best: string = ';';
  let bestCount = 0;
  for (const delimiter of DELIMITERS) {
    let count = 0;
    let quoted = false;
    for (const ch of firstLine) {
      if (ch === '"') {
        quoted = !quoted;
      } else if (!quoted && ch === delimiter) {
        count += 1;
      }
    }
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  return best;
}

/**
 * CSV text → rows with the line each starts on (a BOM is dropped; quoted fields may hold the
 * separator, doubled quotes and line breaks). Blank lines are left out.
 */
export function parseCsv(text: string, delimiter = detectDelimiter(text)): SheetRow[] {
  const source = text.replace(/^\uFEFF/, '');
  const rows: SheetRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const endRow = () => {
    cells.push(cell);
    if (cells.some((c) => c.trim() !== '')) {
      rows.push({ line: rowLine, cells: cells.map((c) => c.trim()) });
    }
    cells = [];
    cell = '';
  };
  for (let i = 0; i < source.length; i += 1) {
    const ch = source[i];
    if (quoted) {
      if (ch === '"') {
        if (source[i + 1] === '"') {
          cell += '"';
          i += 1;
        } else {
          quoted = false;
        }
      } else {
        if (ch === '\n') {
          line += 1;
        }
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && source[i + 1] === '\n') {
        i += 1;
      }
      endRow();
      line += 1;
      rowLine = line;
    } else {
      cell += ch;
    }
  }
  if (cell !== '' || cells.length > 0) {
    endRow();
  }
  return rows;
}

/** An exceljs cell value as text (numbers with a dot, dates as ISO dates). */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) {
    return '';
  }
  if (value instanceof Date) {
    return value.toISOString().slice(0, 10);
  }
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) {
      return (v.richText as { text: string }[]).map((part) => part.text).join('');
    }
    if ('result' in v) {
      return cellText(v.result);
    }
    if ('text' in v) {
      return cellText(v.text);
    }
    if ('error' in v) {
      return String(v.error);
    }
    return '';
  }
  return String(value).trim();
}

/** The first worksheet of an .xlsx file → rows with their spreadsheet row numbers. */
export async function readXlsx(bytes: ArrayBuffer | Uint8Array): Promise<SheetRow[]> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const rows: SheetRow[] = [];
  sheet?.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    const cells = Array.from(values, (value) => cellText(value));
    if (cells.some((c) => c !== '')) {
      rows.push({ line: rowNumber, cells });
    }
  });
  return rows;
}

export function isXlsx(fileName: string): boolean {
  return /\.xlsx$/i.test(fileName);
}

/** A spreadsheet file → its rows (XLSX by exceljs, anything else as UTF-8 CSV text). */
export async function readSheetFile(file: File): Promise<SheetRow[]> {
  return isXlsx(file.name) ? readXlsx(await file.arrayBuffer()) : parseCsv(await file.text());
}
