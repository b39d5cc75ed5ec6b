import type { RowErrors } from '../../shared/bulk';
import type { Indicator } from './indicators.entity';
import { AggregationRule, IndicatorLevel, IndicatorUnit, unitScale } from './indicators.enums';
import type { IndicatorValueInput } from './indicators.inputs';
import { type Period, parsePeriod, PERIOD_FORMAT_HINT } from './period';

export interface CheckedFigures {
  value: number;
  numerator: number | null;
  denominator: number | null;
}

// A given value may differ from scale·numerator/denominator by rounding only.
const RATIO_TOLERANCE = 0.01;

/** The period of a row, checked against the indicator's period kind. */
export function checkPeriod(
  index: number,
  input: IndicatorValueInput,
  indicator: Indicator,
  errors: RowErrors,
): Period | null {
  const period = parsePeriod(input.period);
  if (!period) {
    errors.add(
      index,
      null,
      'period',
      'INVALID_FORMAT',
      `Период «${input.period}» не распознан (${PERIOD_FORMAT_HINT})`,
    );
    return null;
  }
  if (period.kind !== indicator.periodKind) {
    errors.add(
      index,
      null,
      'period',
      'INVALID_FORMAT',
      `Показатель ${indicator.code} ведётся за период вида ${indicator.periodKind}, а не «${input.period}»`,
    );
    return null;
  }
  return period;
}

/** Which code a row must carry for the indicator's level; the other must be absent. */
export function checkUnitCode(
  index: number,
  input: IndicatorValueInput,
  indicator: Indicator,
  errors: RowErrors,
): boolean {
  const byOrganization = indicator.level === IndicatorLevel.ORGANIZATION;
  const [needed, other] = byOrganization
    ? (['organizationCode', 'municipalityCode'] as const)
    : (['municipalityCode', 'organizationCode'] as const);
  if (!input[needed]) {
    errors.add(
      index,
      null,
      needed,
      'REQUIRED',
      byOrganization
        ? `Показатель ${indicator.code} вводится по организациям: укажите код организации`
        : `Показатель ${indicator.code} вводится по муниципалитетам: укажите код муниципалитета`,
    );
    return false;
  }
  if (input[other]) {
    errors.add(index, null, other, 'BAD_USER_INPUT', `Укажите только ${needed}`);
    return false;
  }
  return true;
}

/**
 * Value, numerator and denominator of a row: a ratio indicator needs numerator and denominator
 * (the value follows from them); others need the value. Units bound the value.
 */
export function checkFigures(
  index: number,
  input: IndicatorValueInput,
  indicator: Indicator,
  errors: RowErrors,
): CheckedFigures | null {
  const before = errors.count;
  const fail = (field: string, message: string) =>
    errors.add(index, null, field, 'INVALID_FORMAT', message);
  for (const field of ['value', 'numerator', 'denominator'] as const) {
    const figure = input[field];
    if (figure != null && !Number.isFinite(figure)) {
      fail(field, 'Нужно конечное число');
    }
  }
  let value = input.value ?? null;
  const numerator = input.numerator ?? null;
  const denominator = input.denominator ?? null;
  if (indicator.aggregation === AggregationRule.RATIO_OF_SUMS) {
    if (numerator == null || denominator == null) {
      errors.add(
        index,
        null,
        numerator == null ? 'numerator' : 'denominator',
        'REQUIRED',
        `Для доли (${indicator.code}) нужны числитель и знаменатель`,
      );
      return null;
    }
    if (numerator < 0) {
      fail('numerator', 'Числитель не может быть отрицательным');
    }
    if (denominator <= 0) {
      fail('denominator', 'Знаменатель должен быть больше нуля');
    }
    if (numerator >= 0 && denominator > 0) {
      const computed = (unitScale(indicator.unit) * numerator) / denominator;
      if (value != null && Math.abs(value - computed) > RATIO_TOLERANCE) {
        fail('value', `Значение ${value} не равно ${round(computed)} (числитель / знаменатель)`);
      }
      value = computed;
    }
  } else if (value == null) {
    errors.add(index, null, 'value', 'REQUIRED', 'Укажите значение');
    return null;
  }
  if (value != null) {
    checkUnitBounds(value, indicator.unit, fail);
  }
  return errors.count > before || value == null ? null : { value, numerator, denominator };
}

function checkUnitBounds(
  value: number,
  unit: IndicatorUnit,
  fail: (field: string, message: string) => void,
): void {
  if (value < 0 && unit !== IndicatorUnit.SCORE) {
    fail('value', 'Значение не может быть отрицательным');
  } else if (
    (unit === IndicatorUnit.PERCENT || unit === IndicatorUnit.INDEX_0_100) &&
    value > 100
  ) {
    fail('value', 'Значение больше 100');
  } else if (unit === IndicatorUnit.BOOLEAN && value !== 0 && value !== 1) {
    fail('value', 'Логический показатель: 0 или 1');
  } else if (unit === IndicatorUnit.COUNT && !Number.isInteger(value)) {
    fail('value', 'Количество должно быть целым');
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
