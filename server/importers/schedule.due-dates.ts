// Schedule → due dates inside a roadmap period.
//
// Rules (all results ISO YYYY-MM-DD, sorted, unique, clipped to the period incl. start/end month):
// - once: last day of each named month of each named year (Dec 31 when only a year is given);
// - annual: every year of the period, at each named month's last day, else Dec 31;
// - semiannual: Jun 30 and Dec 31 each year (or the named months);
// - quarterly: Mar 31, Jun 30, Sep 30, Dec 31 each year;
// - monthly: every month end;
// - permanent: Dec 31 each year (a yearly report on continuous work);
// - by_event: each year at the named months, else Dec 31 — «по итогам учебного года» → Jun 30;
// - period: each calendar year inside from..to ∩ period, due at that year's end or at the range
//   end, whichever is earlier (an open range «с 2021 года» runs to the period end);
// - on_demand, unknown: no dates.
import { ScheduleKind } from '../modules/roadmaps/roadmaps.enums';
import type { ParsedSchedule, RoadmapPeriod } from './roadmap.types';
import { isoDate, lastDayOfMonth, uniqueSorted } from './text-utils';

const monthEnd = (y: number, m: number): string => isoDate(y, m, lastDayOfMonth(y, m));

const yearsOf = (p: RoadmapPeriod): number[] => {
  const out: number[] = [];
  for (let y = p.startYear; y <= p.endYear; y += 1) out.push(y);
  return out;
};

const everyYear = (p: RoadmapPeriod, months: number[]): string[] =>
  yearsOf(p).flatMap((y) => months.map((m) => monthEnd(y, m)));

const periodDates = (s: ParsedSchedule, p: RoadmapPeriod): string[] => {
  const from = s.from ?? isoDate(p.startYear, 1, 1);
  const to = s.to ?? isoDate(p.endYear, 12, 31);
  const out: string[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y += 1) {
    const yearEnd = isoDate(y, 12, 31);
    out.push(yearEnd < to ? yearEnd : to);
  }
  return out;
};

const candidates = (s: ParsedSchedule, p: RoadmapPeriod): string[] => {
  const months = s.months.length ? s.months : [12];
  switch (s.kind) {
    case ScheduleKind.once:
      return s.years.length
        ? s.years.flatMap((y) => months.map((m) => monthEnd(y, m)))
        : everyYear(p, months);
    case ScheduleKind.annual:
      return everyYear(p, months);
    case ScheduleKind.semiannual:
      return everyYear(p, s.months.length ? s.months : [6, 12]);
    case ScheduleKind.quarterly:
      return everyYear(p, [3, 6, 9, 12]);
    case ScheduleKind.monthly:
      return everyYear(p, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    case ScheduleKind.permanent:
      return everyYear(p, [12]);
    case ScheduleKind.by_event:
      if (s.months.length) return everyYear(p, s.months);
      return everyYear(p, /учебного года/i.test(s.event ?? '') ? [6] : [12]);
    case ScheduleKind.period:
      return periodDates(s, p);
    default:
      return [];
  }
};

/** First and last day (ISO) of a roadmap period; months default to January / December. */
export const periodBounds = (period: RoadmapPeriod): { start: string; end: string } => ({
  start: isoDate(period.startYear, period.startMonth ?? 1, 1),
  end: monthEnd(period.endYear, period.endMonth ?? 12),
});

/** Due dates of a schedule within the period; see the rules above. */
export const dueDates = (schedule: ParsedSchedule, period: RoadmapPeriod): string[] => {
  const { start, end } = periodBounds(period);
  return uniqueSorted(candidates(schedule, period).filter((d) => d >= start && d <= end));
};
