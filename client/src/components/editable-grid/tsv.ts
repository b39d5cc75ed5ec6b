/**
 * Parses clipboard text copied from Excel / LibreOffice / Google Sheets into a matrix.
 * Rows are split by \r?\n and cells by \t; cells quoted by Excel (because they hold a newline,
 * tab or quote) are unquoted. The trailing newline Excel always appends does not make an empty row.
 */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let atCellStart = true;
  while (i < text.length) {
    const ch = text[i];
    if (atCellStart && ch === '"') {
      const quoted = readQuoted(text, i);
      if (quoted) {
        cell = quoted.value;
        i = quoted.end;
        atCellStart = false;
        continue;
      }
    }
    atCellStart = false;
    if (ch === '\t') {
      row.push(cell);
      cell = '';
      atCellStart = true;
      i += 1;
    } else if (ch === '\r' || ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      atCellStart = true;
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      cell += ch;
      i += 1;
    }
  }
  if (!atCellStart || cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

// A quoted cell only counts as quoted when the closing quote is followed by a separator or the end;
// otherwise (e.g. «"Школа" №5») the quote is literal text.
function readQuoted(text: string, start: number): { value: string; end: number } | null {
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"') {
      if (text[i + 1] === '"') {
        value += '"';
        i += 2;
        continue;
      }
      const next = text[i + 1];
      if (next === undefined || next === '\t' || next === '\r' || next === '\n') {
        return { value, end: i + 1 };
      }
      return null;
    }
    value += ch;
    i += 1;
  }
  return null;
}

/** Serialises a matrix to TSV the way Excel expects it on the clipboard. */
export function toTsv(matrix: readonly (readonly string[])[]): string {
  return matrix.map((row) => row.map(quoteCell).join('\t')).join('\r\n');
}

function quoteCell(cell: string): string {
  return /[\t\r\n"]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}
