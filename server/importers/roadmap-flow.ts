// PDF layout: columns run together on a line, cells wrap over lines and pages. Lines are read
// one by one; a numbered line opens a row only when its number continues the sequence.
import type { ImportWarning } from './roadmap.types';
import { feedLine } from './roadmap-flow-cells';
import { deadlineIndex, type ColumnContext } from './roadmap-columns';
import { isHeaderTail, isHeadingText, type SourceLine } from './roadmap-lines';
import {
  firstGap,
  leadingNumber,
  type Num,
  sectionGap,
  startsWith,
  successorGap,
} from './roadmap-numbering';
import { newPart, type RawHeading, type RawItem, type RawRow } from './roadmap-rows';
import { collapse } from './text-utils';

const PAGE_NUMBER_RE = /^\s*[-–—]?\s*\d{1,3}\s*[-–—]?\s*$/u;

type Decision = 'heading' | 'activity' | 'list' | 'text';

interface ScanState {
  items: RawItem[];
  warnings: ImportWarning[];
  section: Num | null;
  last: Num | null;
  row: RawRow | null;
  heading: RawHeading | null;
  ctx: ColumnContext;
}

const decide = (st: ScanState, num: Num, rest: string): Decision => {
  const row = st.row;
  if (row && row.listCounter > 0 && num.length === 1 && num[0] === row.listCounter + 1)
    return 'list';
  const hasCells = deadlineIndex(rest, '', st.ctx) >= 0;
  const act = st.last ? successorGap(st.last, num) : firstGap(st.section, num);
  const sec = sectionGap(st.section, num);
  const sectionNum = st.section;
  const prefixed =
    !!sectionNum &&
    !!st.last &&
    st.last.length > sectionNum.length &&
    startsWith(st.last, sectionNum);
  const leavesSection = prefixed && !!sectionNum && !startsWith(num, sectionNum);
  if (sec !== null && !hasCells && (isHeadingText(rest) || act === null || leavesSection))
    return 'heading';
  // An excerpt may start at any section («9. Система …»); the assembler warns about the gap.
  if (!st.section && !st.last && !hasCells && isHeadingText(rest)) return 'heading';
  if (act !== null) return 'activity';
  if (row && num.length === 1 && num[0] === 1) return 'list';
  return 'text';
};

const openHeading = (st: ScanState, num: Num, rest: string, line: number): void => {
  st.heading = { kind: 'heading', num, line, title: rest ? [rest] : [] };
  st.items.push(st.heading);
  st.section = num;
  st.last = null;
  st.row = null;
};

const openRow = (st: ScanState, num: Num, rest: string, line: SourceLine): void => {
  st.row = {
    kind: 'activity',
    num,
    line: line.no,
    parts: [newPart(line.no)],
    listCounter: 0,
    fragmentTo: null,
  };
  st.items.push(st.row);
  st.heading = null;
  st.last = num;
  if (rest) feedLine(st.row, { ...line, text: rest }, st.ctx, st.items);
};

const unplaced = (st: ScanState, line: SourceLine): void => {
  st.warnings.push({
    line: line.no,
    code: 'UNPLACED_LINE',
    message: `Строка ${line.no} вне таблицы мероприятий не распознана: «${collapse(line.text).slice(0, 80)}»`,
  });
};

const scanLine = (st: ScanState, line: SourceLine): void => {
  const n = leadingNumber(line.text);
  const decision = n ? decide(st, n.num, n.rest) : 'text';
  if (n && decision === 'heading') return openHeading(st, n.num, n.rest, line.no);
  if (n && decision === 'activity') return openRow(st, n.num, n.rest, line);
  if (n && decision === 'list' && st.row) st.row.listCounter = n.num[0];
  if (st.row) return feedLine(st.row, line, st.ctx, st.items);
  if (st.heading) {
    st.heading.title.push(line.text);
    return;
  }
  if (!isHeaderTail(line.text)) unplaced(st, line);
};

/** Reads the table region of a PDF-layout document into headings and rows. */
export const scanFlowTable = (
  lines: SourceLine[],
  ctx: ColumnContext,
): { items: RawItem[]; warnings: ImportWarning[] } => {
  const st: ScanState = {
    items: [],
    warnings: [],
    section: null,
    last: null,
    row: null,
    heading: null,
    ctx,
  };
  for (const line of lines) {
    // Page numbers («- 3 -», «12») between PDF pages carry nothing.
    if (collapse(line.text) && !PAGE_NUMBER_RE.test(line.text)) scanLine(st, line);
  }
  return { items: st.items, warnings: st.warnings };
};
