// Deadline cell («Сроки исполнения») → structured schedule, and schedule → due dates.
import { ScheduleKind } from '../modules/roadmaps/roadmaps.enums';
import type { ParsedSchedule } from './roadmap.types';
import {
  ANNUAL_RE,
  EVENT_TRIGGERS,
  MONTH_RANGE_RE,
  MONTH_RE,
  MONTHLY_RE,
  ON_DEMAND_RE,
  PERMANENT_RE,
  PLAN_RE,
  QUALIFIER_RES,
  QUARTERLY_RE,
  SEMIANNUAL_RE,
  SINCE_RE,
  YEAR_RANGE_RE,
  YEAR_RE,
} from './schedule.vocab';
import { collapse, fold, isoDate, lastDayOfMonth, monthOf, uniqueSorted } from './text-utils';

interface Range {
  from: string;
  to: string | null;
}

interface Scan {
  months: number[];
  years: number[];
  separateMonths: number;
  range: Range | null;
  open: Range | null;
}

const span = (a: number, b: number): number[] => {
  const out: number[] = [];
  for (let m = a; ; m = (m % 12) + 1) {
    out.push(m);
    if (m === b || out.length > 12) return out;
  }
};

const monthRangeScan = (low: string): { months: number[]; range: Range | null; text: string } => {
  let months: number[] = [];
  let range: Range | null = null;
  const text = low.replace(
    MONTH_RANGE_RE,
    (_m, s1: string, y1?: string, s2?: string, y2?: string) => {
      const a = monthOf(s1) ?? 1;
      const b = monthOf(s2 ?? '') ?? 12;
      months = months.concat(span(a, b));
      const endYear = y2 ? Number(y2) : y1 ? Number(y1) : null;
      const startYear = y1 ? Number(y1) : endYear !== null && a > b ? endYear - 1 : endYear;
      if (startYear !== null && endYear !== null && !range) {
        range = {
          from: isoDate(startYear, a, 1),
          to: isoDate(endYear, b, lastDayOfMonth(endYear, b)),
        };
      }
      return ' ';
    },
  );
  return { months, range, text };
};

const scan = (low: string): Scan => {
  const years = [...low.matchAll(YEAR_RE)].map((m) => Number(m[1]));
  const ranged = monthRangeScan(low);
  const single = [...ranged.text.matchAll(MONTH_RE)].map((m) => monthOf(m[1]) ?? 0).filter(Boolean);
  let range: Range | null = ranged.range;
  const yr = YEAR_RANGE_RE.exec(low);
  if (!range && yr) {
    range = { from: isoDate(Number(yr[1]), 1, 1), to: isoDate(Number(yr[2]), 12, 31) };
  }
  const since = SINCE_RE.exec(low);
  const open = since ? { from: isoDate(Number(since[1]), 1, 1), to: null } : null;
  const months = uniqueSorted([...ranged.months, ...single]);
  return { months, years: uniqueSorted(years), separateMonths: single.length, range, open };
};

const findEvent = (raw: string, low: string): string | null => {
  const plan = PLAN_RE.exec(low);
  if (plan) return raw.slice(plan.index).replace(/[.;,\s]+$/, '');
  for (const trigger of EVENT_TRIGGERS) {
    const i = low.indexOf(trigger);
    if (i < 0 || (i > 0 && /[а-я]/.test(low[i - 1]))) continue;
    const rest = raw.slice(i + trigger.length).replace(/^[\s,]+|[.;,\s]+$/g, '');
    return rest || raw.slice(i, i + trigger.length);
  }
  return null;
};

const findQualifier = (raw: string, low: string, kind: ScheduleKind): string | null => {
  const found: string[] = [];
  for (const re of QUALIFIER_RES) {
    const m = re.exec(low);
    if (m) found.push(raw.slice(m.index, m.index + m[0].length).trim());
  }
  const perm = PERMANENT_RE.exec(low);
  if (perm && kind !== ScheduleKind.permanent)
    found.push(raw.slice(perm.index, perm.index + perm[0].length));
  return found.length ? found.join('; ') : null;
};

const decideKind = (low: string, s: Scan, event: string | null): ScheduleKind => {
  const permanent = PERMANENT_RE.test(low);
  if (QUARTERLY_RE.test(low)) return ScheduleKind.quarterly;
  if (MONTHLY_RE.test(low)) return ScheduleKind.monthly;
  if (SEMIANNUAL_RE.test(low)) return ScheduleKind.semiannual;
  if (ANNUAL_RE.test(low))
    return permanent && !s.months.length ? ScheduleKind.permanent : ScheduleKind.annual;
  if (s.range || s.open) return ScheduleKind.period;
  if (s.years.length) return ScheduleKind.once;
  // Months without a year recur every year; «в течение учебного года» then only qualifies them.
  if (s.months.length)
    return s.separateMonths === 2 && s.months.length === 2
      ? ScheduleKind.semiannual
      : ScheduleKind.annual;
  if (permanent) return ScheduleKind.permanent;
  if (event) return ScheduleKind.by_event;
  if (ON_DEMAND_RE.test(low)) return ScheduleKind.on_demand;
  return ScheduleKind.unknown;
};

/** Parses a deadline cell; never throws — unreadable text gives kind 'unknown'. */
export const parseSchedule = (text: string): ParsedSchedule => {
  const raw = collapse(typeof text === 'string' ? text : '');
  const low = fold(raw);
  const s = scan(low);
  const event = findEvent(raw, low);
  const kind = decideKind(low, s, event);
  const range = s.range ?? s.open;
  return {
    kind,
    months: s.months,
    years: s.years,
    from: range ? range.from : null,
    to: range ? range.to : null,
    event: kind === ScheduleKind.unknown ? null : event,
    qualifier: kind === ScheduleKind.unknown ? null : findQualifier(raw, low, kind),
    raw,
  };
};

export { dueDates } from './schedule.due-dates';
