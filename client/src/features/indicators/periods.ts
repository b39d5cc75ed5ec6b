// Typed periods as the API writes them: 2024 (year), 2024/2025 (academic year), 2024Q1.
import type { Translate } from '../../i18n/I18nProvider';
import type { PeriodKind } from './indicators.queries';

const YEAR = /^(\d{4})$/;
const ACADEMIC_YEAR = /^(\d{4})\/(\d{4})$/;
const QUARTER = /^(\d{4})Q([1-4])$/;

export function periodKindOf(code: string): PeriodKind | null {
  if (YEAR.test(code)) {
    return 'YEAR';
  }
  const academic = ACADEMIC_YEAR.exec(code);
  if (academic) {
    return Number(academic[2]) === Number(academic[1]) + 1 ? 'ACADEMIC_YEAR' : null;
  }
  return QUARTER.test(code) ? 'QUARTER' : null;
}

/** First day of the period (ISO): orders periods of one kind on a time axis. */
export function periodStart(code: string): string {
  const year = code.slice(0, 4);
  switch (periodKindOf(code)) {
    case 'ACADEMIC_YEAR':
      return `${year}-09-01`;
    case 'QUARTER':
      return `${year}-${String((Number(code.slice(5)) - 1) * 3 + 1).padStart(2, '0')}-01`;
    default:
      return `${year}-01-01`;
  }
}

/** The most recent periods of a kind as of a date, newest first. */
export function recentPeriods(kind: PeriodKind, today: Date, count: number): string[] {
  const year = today.getFullYear();
  const month = today.getMonth() + 1;
  const periods: string[] = [];
  if (kind === 'YEAR') {
    for (let i = 0; i < count; i += 1) {
      periods.push(String(year - i));
    }
  } else if (kind === 'ACADEMIC_YEAR') {
    // From September the new academic year has started.
    const first = month >= 9 ? year : year - 1;
    for (let i = 0; i < count; i += 1) {
      periods.push(`${first - i}/${first - i + 1}`);
    }
  } else {
    let quarter = Math.floor((month - 1) / 3) + 1;
    let y = year;
    for (let i = 0; i < count; i += 1) {
      periods.push(`${y}Q${quarter}`);
      quarter -= 1;
      if (quarter === 0) {
        quarter = 4;
        y -= 1;
      }
    }
  }
  return periods;
}

/** Distinct periods, newest first (by start date, then code). */
export function newestFirst(periods: Iterable<string>): string[] {
  return [...new Set(periods)].sort(
    (a, b) => periodStart(b).localeCompare(periodStart(a)) || b.localeCompare(a),
  );
}

export function periodLabel(t: Translate, code: string): string {
  switch (periodKindOf(code)) {
    case 'ACADEMIC_YEAR':
      return t('ind.period.academic', { period: code });
    case 'QUARTER':
      return t('ind.period.quarter', { year: code.slice(0, 4), quarter: code.slice(5) });
    case 'YEAR':
      return t('ind.period.year', { period: code });
    default:
      return code;
  }
}

/**
 * One period per kind of the chosen indicators (the API skips periods of another kind): the
 * one asked for, else the newest holding data, else — once that list is known — the most
 * recent. Null while the list of periods with data is still loading.
 */
export function periodsForKinds(
  kinds: readonly PeriodKind[],
  asked: readonly string[],
  withData: readonly string[],
  loading: boolean,
  today: Date,
): { kind: PeriodKind; period: string | null }[] {
  return kinds.map((kind) => {
    const ofKind = (list: readonly string[]) => list.find((p) => periodKindOf(p) === kind);
    const period =
      ofKind(asked) ?? ofKind(withData) ?? (loading ? null : recentPeriods(kind, today, 1)[0]);
    return { kind, period: period ?? null };
  });
}

/** The period kind most of these indicators are kept for. */
export function dominantKind(indicators: readonly { periodKind: PeriodKind }[]): PeriodKind | null {
  const counts = new Map<PeriodKind, number>();
  for (const { periodKind } of indicators) {
    counts.set(periodKind, (counts.get(periodKind) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}
