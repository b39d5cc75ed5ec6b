import { PeriodKind } from './indicators.enums';

/** A typed reporting period: calendar year, academic year or quarter. */
export interface Period {
  code: string;
  kind: PeriodKind;
  /** First day (ISO date): orders periods of one kind and places them on a time axis. */
  start: string;
}

const YEAR = /^(\d{4})$/;
const ACADEMIC_YEAR = /^(\d{4})\/(\d{4})$/;
const QUARTER = /^(\d{4})Q([1-4])$/;
const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

/** `2024`, `2024/2025` or `2024Q1` → period; anything else (or `2024/2026`) → null. */
export function parsePeriod(text: string): Period | null {
  const code = text.trim();
  let match = YEAR.exec(code);
  if (match) {
    const year = Number(match[1]);
    return inRange(year) ? { code, kind: PeriodKind.YEAR, start: `${year}-01-01` } : null;
  }
  match = ACADEMIC_YEAR.exec(code);
  if (match) {
    const [first, second] = [Number(match[1]), Number(match[2])];
    // The academic year starts on 1 September (Federal Law 273-ФЗ, art. 28 / schedule practice).
    return inRange(first) && second === first + 1
      ? { code, kind: PeriodKind.ACADEMIC_YEAR, start: `${first}-09-01` }
      : null;
  }
  match = QUARTER.exec(code);
  if (match) {
    const [year, quarter] = [Number(match[1]), Number(match[2])];
    const month = String((quarter - 1) * 3 + 1).padStart(2, '0');
    return inRange(year) ? { code, kind: PeriodKind.QUARTER, start: `${year}-${month}-01` } : null;
  }
  return null;
}

function inRange(year: number): boolean {
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

/** The period just before, of the same kind: 2023, 2023/2024, 2023Q4. */
export function previousPeriod(period: Period): Period {
  const year = Number(period.code.slice(0, 4));
  switch (period.kind) {
    case PeriodKind.YEAR:
      return parsePeriod(String(year - 1))!;
    case PeriodKind.ACADEMIC_YEAR:
      return parsePeriod(`${year - 1}/${year}`)!;
    case PeriodKind.QUARTER: {
      const quarter = Number(period.code.slice(5));
      return parsePeriod(quarter === 1 ? `${year - 1}Q4` : `${year}Q${quarter - 1}`)!;
    }
  }
}

export const PERIOD_FORMAT_HINT = '2024, 2024/2025 or 2024Q1';
