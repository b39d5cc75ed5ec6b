// PDF layout: distributing one line of a row over the activity, deadline and responsible
// columns. Text after the responsible cell opens a new part: an unnumbered sub-row when it gets
// cells of its own, else a continuation of the activity text (page breaks).
import {
  deadlineIndex,
  endsWithPlanWord,
  isOpenDeadline,
  responsibleIndex,
  startsDeadline,
  startsResponsible,
  startsResponsibleInText,
  startsRole,
  type ColumnContext,
} from './roadmap-columns';
import type { SourceLine } from './roadmap-lines';
import {
  newPart,
  partHasCells,
  pushText,
  type RawItem,
  type RawPart,
  type RawRow,
} from './roadmap-rows';
import { isInsideBrackets, isListItem } from './text-utils';

/** Cell-width lines; longer ones are prose of the activity column. */
const CELL_WIDTH = 30;

const isFragment = (s: string): boolean =>
  s.length <= CELL_WIDTH && /^[а-яё]/u.test(s) && !startsRole(s) && !startsDeadline(s);

const startDeadline = (part: RawPart, rest: string, ctx: ColumnContext): void => {
  const r = responsibleIndex(rest, ctx);
  if (r > 0) {
    part.deadline.push(rest.slice(0, r));
    part.responsible.push(rest.slice(r));
    part.phase = 'resp';
    return;
  }
  part.deadline.push(rest);
  part.phase = 'deadline';
};

/** The last earlier row that stated a deadline: a merged cell continues there. */
const deadlineOwner = (items: RawItem[], row: RawRow): RawPart | null => {
  for (let i = items.indexOf(row) - 1; i >= 0; i -= 1) {
    const item = items[i];
    if (item.kind !== 'activity') return null;
    if (item.parts[0].deadline.length) return item.parts[0];
  }
  return null;
};

const fragmentTarget = (
  row: RawRow,
  part: RawPart,
  s: string,
  items: RawItem[],
): string[] | null => {
  if (!isFragment(s)) return null;
  if (row.fragmentTo) return row.fragmentTo;
  const main = row.parts[0];
  if (part.stray && isOpenDeadline(main.deadline.join(' '))) return main.deadline;
  if (part !== main || partHasCells(main) || part.lastLen > CELL_WIDTH) return null;
  const owner = deadlineOwner(items, row);
  return owner && isOpenDeadline(owner.deadline.join(' ')) ? owner.deadline : null;
};

const feedText = (
  row: RawRow,
  part: RawPart,
  s: string,
  ctx: ColumnContext,
  items: RawItem[],
): void => {
  const target = isListItem(s) ? null : fragmentTarget(row, part, s, items);
  row.fragmentTo = target;
  if (target) {
    target.push(s);
    return;
  }
  const d = isListItem(s) ? -1 : deadlineIndex(s, part.paragraphs.join(' '), ctx);
  if (d >= 0) {
    if (d > 0) pushText(part, s.slice(0, d));
    startDeadline(part, s.slice(d), ctx);
    return;
  }
  const open = isInsideBrackets(part.paragraphs.join(' '));
  const wrapped = part.lastLen >= 60 && !startsRole(s);
  if (
    part.paragraphs.length &&
    !open &&
    !wrapped &&
    s.length <= 40 &&
    startsResponsibleInText(s, ctx)
  ) {
    part.responsible.push(s);
    part.phase = 'resp';
    return;
  }
  pushText(part, s);
};

const feedDeadline = (part: RawPart, s: string, ctx: ColumnContext): boolean => {
  const deadline = part.deadline.join(' ');
  const planOwner = endsWithPlanWord(deadline) && !startsRole(s);
  if (!planOwner && startsResponsible(s, ctx)) {
    part.responsible.push(s);
    part.phase = 'resp';
    return true;
  }
  const r = planOwner ? -1 : responsibleIndex(s, ctx, true);
  if (r > 0) {
    part.deadline.push(s.slice(0, r));
    part.responsible.push(s.slice(r));
    part.phase = 'resp';
    return true;
  }
  if (s.length <= 35 || startsDeadline(s) || isOpenDeadline(deadline)) {
    part.deadline.push(s);
    return true;
  }
  return false;
};

const feedResponsible = (
  part: RawPart,
  line: SourceLine,
  s: string,
  ctx: ColumnContext,
): boolean => {
  if (isListItem(s)) return false;
  if (startsResponsible(s, ctx) || (s.length <= CELL_WIDTH && line.gap < 2 && !startsDeadline(s))) {
    part.responsible.push(s);
    return true;
  }
  return false;
};

/** Feeds one source line into the row being read. */
export const feedLine = (
  row: RawRow,
  line: SourceLine,
  ctx: ColumnContext,
  items: RawItem[],
): void => {
  const s = line.text.trim();
  let part = row.parts[row.parts.length - 1];
  if (part.phase === 'deadline' && feedDeadline(part, s, ctx)) return;
  if (part.phase === 'resp' && feedResponsible(part, line, s, ctx)) return;
  if (part.phase !== 'text') {
    part = newPart(line.no, false, true);
    row.parts.push(part);
  }
  feedText(row, part, s, ctx, items);
};
