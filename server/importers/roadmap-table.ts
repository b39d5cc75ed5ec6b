// Exact table rows (TAB text or .docx cells) → headings and activity rows.
import type { ImportWarning } from './roadmap.types';
import { isHeaderLine, isHeadingText } from './roadmap-lines';
import { leadingNumber } from './roadmap-numbering';
import { newPart, pushText, type RawItem, type RawPart, type RawRow } from './roadmap-rows';
import { collapse } from './text-utils';

export type { RawItem };

export interface TableCell {
  line: number;
  lines: string[];
}

const cellText = (c: TableCell | undefined): string => collapse((c?.lines ?? []).join(' '));

const toPart = (cells: TableCell[]): RawPart => {
  const part = newPart(cells[0].line, true);
  const [text, deadline, responsible] = cells.slice(1);
  (text?.lines ?? []).forEach((l) => pushText(part, l));
  part.deadline = (deadline?.lines ?? []).filter((l) => collapse(l));
  part.responsible = (responsible?.lines ?? []).filter((l) => collapse(l));
  part.phase = 'resp';
  return part;
};

const unplaced = (line: number, text: string): ImportWarning => ({
  line,
  code: 'UNPLACED_LINE',
  message: `Строка ${line} таблицы не распознана как раздел или мероприятие: «${text.slice(0, 80)}»`,
});

/** One-cell rows are headings, rows with an empty number cell are sub-rows of the row above. */
const rowsToItems = (rows: TableCell[][]): { items: RawItem[]; warnings: ImportWarning[] } => {
  const items: RawItem[] = [];
  const warnings: ImportWarning[] = [];
  let lastRow: RawRow | null = null;
  for (const cells of rows) {
    const first = cellText(cells[0]);
    const n = leadingNumber(first);
    const single = cells.slice(1).every((c) => !cellText(c)) && (!n || n.rest !== '');
    if (cells.length === 1 || single) {
      if (!first) continue;
      if (n || isHeadingText(first))
        items.push({
          kind: 'heading',
          num: n ? n.num : null,
          line: cells[0].line,
          title: [n ? n.rest : first],
        });
      else warnings.push(unplaced(cells[0].line, first));
      lastRow = null;
      continue;
    }
    if (!first && lastRow) {
      lastRow.parts.push(toPart(cells));
      continue;
    }
    if (!n || n.rest) {
      warnings.push(unplaced(cells[0].line, cells.map(cellText).join(' | ')));
      continue;
    }
    lastRow = {
      kind: 'activity',
      num: n.num,
      line: cells[0].line,
      parts: [toPart(cells)],
      listCounter: 0,
      fragmentTo: null,
    };
    items.push(lastRow);
  }
  return { items, warnings };
};

const isHeaderRow = (row: TableCell[]): boolean =>
  row.length >= 3 && isHeaderLine(row.map((c) => c.lines.join(' ')).join(' '));

// The «1 2 3 4» row under the header that numbers the columns.
const isColumnNumbers = (row: TableCell[]): boolean =>
  row.length > 1 && row.every((c, i) => cellText(c) === String(i + 1));

/** Re-joins rows that a blank line inside a cell split in two. */
const mergeSplitRows = (rows: TableCell[][], width: number): TableCell[][] => {
  const out: TableCell[][] = [];
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

/** How a source layout differs in reading its table. */
export interface TableReading {
  /** TAB text: a blank line inside a cell splits its row; the halves are re-joined. */
  rejoinSplitRows?: boolean;
  /** Drops every row that reads like the header, not only the header row itself. */
  dropHeaderLikeRows?: boolean;
}

/**
 * A whole table → headings and activity rows. The header row (its length is the table's width)
 * and the column-number row are dropped.
 */
export const tableToItems = (
  rows: TableCell[][],
  reading: TableReading = {},
): { items: RawItem[]; warnings: ImportWarning[] } => {
  const header = rows.find(isHeaderRow);
  const width = header ? header.length : Math.max(0, ...rows.map((r) => r.length));
  const joined = reading.rejoinSplitRows ? mergeSplitRows(rows, width) : rows;
  const isHeader = reading.dropHeaderLikeRows ? isHeaderRow : (r: TableCell[]) => r === header;
  return rowsToItems(joined.filter((r) => !isHeader(r) && !isColumnNumbers(r)));
};
