// Roadmap metadata from the prose around the table: title, order number/date, period and the
// abbreviation list («Принятые сокращения»).
import { ScheduleKind } from '../modules/roadmaps/roadmaps.enums';
import type { Abbreviation, ParsedSchedule, RoadmapPeriod } from './roadmap.types';
import { ABBREVIATIONS_RE, isHeaderLine, type SourceLine } from './roadmap-lines';
import { collapse } from './text-utils';

const TITLE_START_RE =
  /^\s*(?:дорожная\s+карта|план\s+мероприятий|план\s+действий|комплекс\s+мер)/iu;

/** Title: the block that opens with «Дорожная карта» / «План мероприятий» above the table. */
export const findTitle = (before: SourceLine[]): string | null => {
  let start = -1;
  before.forEach((l, i) => {
    if (TITLE_START_RE.test(l.text.replace(/\t/g, ' '))) start = i;
  });
  if (start < 0) return null;
  const block: string[] = [];
  for (const l of before.slice(start)) {
    if (isHeaderLine(l.text) || (block.length && l.gap > 4)) break;
    block.push(l.text.replace(/\t/g, ' '));
  }
  return collapse(block.join(' ')) || null;
};

const ORDER_RES: readonly RegExp[] = [
  /от\s+(\d{1,2})\.(\d{1,2})\.(\d{4})\s*(?:г\.?)?\s*№\s*([0-9А-Яа-яЁё/\-.]+?)[.,]?(?=\s|$)/u,
  /№\s*([0-9А-Яа-яЁё/\-.]+?)[.,]?\s+(?:от\s+)?(\d{1,2})\.(\d{1,2})\.(\d{4})/u,
];

/** Order number and ISO date of the approving order («приказ … от 28.12.2022 № 1798а»). */
export const findOrder = (
  before: SourceLine[],
): { orderNumber: string | null; orderDate: string | null } => {
  for (let i = 0; i < before.length; i += 1) {
    const near = before
      .slice(Math.max(0, i - 5), i + 1)
      .map((l) => l.text)
      .join(' ');
    if (!/приказ/iu.test(near)) continue;
    const text = collapse(before[i].text);
    const a = ORDER_RES[0].exec(text);
    if (a)
      return {
        orderNumber: a[4],
        orderDate: `${a[3]}-${a[2].padStart(2, '0')}-${a[1].padStart(2, '0')}`,
      };
    const b = ORDER_RES[1].exec(text);
    if (b)
      return {
        orderNumber: b[1],
        orderDate: `${b[4]}-${b[3].padStart(2, '0')}-${b[2].padStart(2, '0')}`,
      };
  }
  return { orderNumber: null, orderDate: null };
};

/** «Принятые сокращения:» followed by «ОО АМГО - отдел образования …» lines. */
export const findAbbreviations = (lines: SourceLine[]): Abbreviation[] => {
  const start = lines.findIndex((l) => ABBREVIATIONS_RE.test(l.text));
  if (start < 0) return [];
  const out: Abbreviation[] = [];
  const first = lines[start].text.replace(ABBREVIATIONS_RE, '');
  for (const text of [first, ...lines.slice(start + 1).map((l) => l.text)]) {
    const m = /^\s*([А-ЯЁA-Z][А-ЯЁA-Z0-9«»".\s]{0,24}?)\s+[-–—]\s+(.+)$/u.exec(collapse(text));
    if (m) out.push({ short: m[1].trim(), full: m[2].trim().replace(/[;.]$/u, '') });
    else if (out.length && collapse(text)) break;
  }
  return out;
};

const PERIOD_RE = /на\s+(20\d{2})\s*[-–—]\s*(20\d{2})\s*(?:гг?\.?|годы)/iu;
const YEAR_PERIOD_RE = /на\s+(20\d{2})\s*(?:г\.|год)/iu;

interface Bound {
  year: number;
  month: number;
}

const bounds = (s: ParsedSchedule): Bound[] => {
  if (s.kind === ScheduleKind.period && s.from) {
    const out = [{ year: Number(s.from.slice(0, 4)), month: Number(s.from.slice(5, 7)) }];
    // A range that spills a few months into the next year does not extend the plan.
    if (s.to && s.to.endsWith('-12-31')) out.push({ year: Number(s.to.slice(0, 4)), month: 12 });
    return out;
  }
  if (s.kind !== ScheduleKind.once) return [];
  const months = s.months.length ? s.months : [1, 12];
  return s.years.flatMap((year) => [
    { year, month: Math.min(...months) },
    { year, month: s.months.length ? Math.max(...months) : 12 },
  ]);
};

/** Period stated in the title, else the span of dated deadlines (else the order year). */
export const findPeriod = (
  title: string | null,
  schedules: ParsedSchedule[],
  orderDate: string | null,
): RoadmapPeriod | null => {
  const stated = PERIOD_RE.exec(title ?? '') ?? YEAR_PERIOD_RE.exec(title ?? '');
  if (stated) return { startYear: Number(stated[1]), endYear: Number(stated[2] ?? stated[1]) };
  const all = schedules
    .flatMap(bounds)
    .sort((a, b) => a.year * 12 + a.month - (b.year * 12 + b.month));
  if (!all.length)
    return orderDate
      ? { startYear: Number(orderDate.slice(0, 4)), endYear: Number(orderDate.slice(0, 4)) }
      : null;
  const first = all[0];
  const last = all[all.length - 1];
  const period: RoadmapPeriod = { startYear: first.year, endYear: last.year };
  if (first.month !== 1) period.startMonth = first.month;
  if (last.month !== 12) period.endMonth = last.month;
  return period;
};
