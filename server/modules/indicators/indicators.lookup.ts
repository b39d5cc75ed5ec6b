import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInputError } from '../../errors';
import { Indicator } from './indicators.entity';
import { IndicatorLevel } from './indicators.enums';
import { type Period, parsePeriod, PERIOD_FORMAT_HINT, previousPeriod } from './period';

/** The indicators named by codes, in the order asked; unknown codes are one clear error. */
export async function indicatorsByCode(em: EntityManager, codes: string[]): Promise<Indicator[]> {
  const unique = [...new Set(codes.map((code) => code.trim()))];
  const found = await em.find(Indicator, { code: { $in: unique } });
  const byCode = new Map(found.map((indicator) => [indicator.code, indicator]));
  const unknown = unique.filter((code) => !byCode.has(code));
  if (unknown.length > 0) {
    throw new BadUserInputError(`Unknown indicator codes: ${unknown.join(', ')}`, {
      field: 'indicatorCodes',
      codes: unknown,
    });
  }
  return unique.map((code) => byCode.get(code)!);
}

/** Organization-level comparisons need indicators whose values are entered per organization. */
export function requireOrganizationLevel(indicators: Indicator[]): void {
  const municipal = indicators.filter((i) => i.level !== IndicatorLevel.ORGANIZATION);
  if (municipal.length > 0) {
    throw new BadUserInputError(
      `These indicators have no organization values: ${municipal.map((i) => i.code).join(', ')}`,
      { field: 'indicatorCodes' },
    );
  }
}

/** Parses the periods of a request; any invalid one refuses the request, naming it. */
export function parsePeriods(codes: string[], field = 'periods'): Period[] {
  const periods = [...new Set(codes)].map((code) => ({ code, period: parsePeriod(code) }));
  const invalid = periods.filter((p) => p.period === null).map((p) => p.code);
  if (invalid.length > 0) {
    throw new BadUserInputError(
      `Invalid periods: ${invalid.join(', ')} (expected ${PERIOD_FORMAT_HINT})`,
      { field, periods: invalid },
    );
  }
  return periods.map((p) => p.period!);
}

/** The periods with the ones before them, for "change against the previous period". */
export function withPrevious(periods: Period[]): { period: Period; previous: Period }[] {
  return periods.map((period) => ({ period, previous: previousPeriod(period) }));
}
