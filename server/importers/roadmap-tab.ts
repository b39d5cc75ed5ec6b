// Word layout: every table cell starts a line with a TAB, wrapped cells continue on lines
// without one, blank lines separate rows. Cells are exact, so rows are read structurally.
import type { ImportWarning } from './roadmap.types';
import type { SourceLine } from './roadmap-lines';
import { type RawItem, type TableCell, tableToItems } from './roadmap-table';

const splitCells = (line: SourceLine): { head: string | null; cells: TableCell[] } => {
  if (line.text.trim() === '') return { head: null, cells: [{ line: line.no, lines: [] }] };
  const segments = line.text.replace(/\t+$/u, '').split('\t');
  const head = segments.shift() ?? '';
  const cells = segments.map((s) => ({ line: line.no, lines: s.trim() ? [s.trim()] : [] }));
  return { head: head.trim() ? head.trim() : null, cells };
};

/** Groups TAB cells into rows, up to the first line after the table. */
const readTabRows = (lines: SourceLine[]): TableCell[][] => {
  const rows: TableCell[][] = [];
  let row: TableCell[] = [];
  for (const line of lines) {
    const last = row[row.length - 1];
    if (!line.text.includes('\t')) {
      if (line.gap === 0 && last) {
        last.lines.push(line.text.trim());
        continue;
      }
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
  return rows;
};

/** TAB layout → headings and rows (cells: number | activity | deadline | responsible). */
export const scanTabTable = (
  lines: SourceLine[],
): { items: RawItem[]; warnings: ImportWarning[] } =>
  tableToItems(readTabRows(lines), { rejoinSplitRows: true, dropHeaderLikeRows: true });
