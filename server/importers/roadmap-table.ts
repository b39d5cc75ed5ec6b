// Exact table rows (TAB text or .docx cells) → headings and activity rows.
import type { ImportWarning } from './roadmap.types';
import { isHeadingText } from './roadmap-lines';
import { leadingNumber } from './roadmap-numbering';
import { newPart, pushText, type RawItem, type RawPart, type RawRow } from './roadmap-rows';
import { collapse } from './text-utils';

export type { RawItem };

export interface TableCell {
  line: number;
  lines: string[];
}

const cellText = (c: TableCell | undefined): string => collapse((c?.lines ?? []).join(' '));

const toPart = (cells: TableCell[], width: number): RawPart => {
  const part = newPart(cells[0].line, true);
  const [text, deadline, responsible] = width >= 4 ? cells.slice(1) : cells.slice(1).concat([]);
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
export const rowsToItems = (
  rows: TableCell[][],
  width: number,
): { items: RawItem[]; warnings: ImportWarning[] } => {
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
      lastRow.parts.push(toPart(cells, width));
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
      parts: [toPart(cells, width)],
      listCounter: 0,
      fragmentTo: null,
    };
    items.push(lastRow);
  }
  return { items, warnings };
};
