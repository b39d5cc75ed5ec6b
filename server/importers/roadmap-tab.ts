// Word layout: every table cell starts a line with a TAB, wrapped cells continue on lines
// without one, blank lines separate rows. Cells are exact, so rows are read structurally.
import type { ImportWarning } from './roadmap.types';
import { isHeaderLine, type SourceLine } from './roadmap-lines';
import { leadingNumber } from './roadmap-numbering';
import { type RawItem, rowsToItems } from './roadmap-table';
import { collapse } from './text-utils';

export interface Cell {
  line: number;
  lines: string[];
}

const splitCells = (line: SourceLine): { head: string | null; cells: Cell[] } => {
  if (line.text.trim() === '') return { head: null, cells: [{ line: line.no, lines: [] }] };
  const segments = line.text.replace(/\t+$/u, '').split('\t');
  const head = segments.shift() ?? '';
  const cells = segments.map((s) => ({ line: line.no, lines: s.trim() ? [s.trim()] : [] }));
  return { head: head.trim() ? head.trim() : null, cells };
};

/** Groups TAB cells into rows; returns the rows and the first line after the table. */
export const readTabRows = (lines: SourceLine[]): { rows: Cell[][]; end: number } => {
  const rows: Cell[][] = [];
  let row: Cell[] = [];
  let end = lines.length;
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i];
    const last = row[row.length - 1];
    if (!line.text.includes('\t')) {
      if (line.gap === 0 && last) {
        last.lines.push(line.text.trim());
        continue;
      }
      end = i;
      break;
    }
    if (line.gap > 0 && row.length) {
      rows.push(row);
      row = [];
    }
    const { head, cells } = splitCells(line);
    if (head && row.length) row[row.length - 1].lines.push(head);
    row.push(...cells);
  }
  if (row.length) rows.push(row);
  return { rows, end };
};

/** Re-joins rows that a blank line inside a cell split in two. */
export const mergeSplitRows = (rows: Cell[][], width: number): Cell[][] => {
  const out: Cell[][] = [];
  for (const row of rows) {
    const prev = out[out.length - 1];
    const numbered = row[0] && leadingNumber(row[0].lines.join(' ')) !== null;
    if (
      prev &&
      prev.length > 1 &&
      prev.length < width &&
      prev.length + row.length <= width &&
      !numbered
    ) {
      prev.push(...row);
    } else {
      out.push([...row]);
    }
  }
  return out;
};

const isColumnNumbers = (row: Cell[]): boolean =>
  row.length > 1 && row.every((c, i) => collapse(c.lines.join(' ')) === String(i + 1));

/** TAB layout → headings and rows (cells: number | activity | deadline | responsible). */
export const scanTabTable = (
  lines: SourceLine[],
): { items: RawItem[]; warnings: ImportWarning[]; end: number } => {
  const { rows, end } = readTabRows(lines);
  const isHeader = (r: Cell[]): boolean =>
    r.length >= 3 && isHeaderLine(r.map((c) => c.lines.join(' ')).join(' '));
  const header = rows.find(isHeader);
  const width = header ? header.length : Math.max(0, ...rows.map((r) => r.length));
  const body = mergeSplitRows(rows, width).filter((r) => !isHeader(r) && !isColumnNumbers(r));
  const { items, warnings } = rowsToItems(
    body.map((r) => r.map((c) => ({ line: c.line, lines: c.lines }))),
    width,
  );
  return { items, warnings, end };
};
