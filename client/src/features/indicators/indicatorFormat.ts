// How indicator figures read: units, rounding, names in the current language.
import { formatNumber } from '../../i18n/format';
import type { Translate } from '../../i18n/I18nProvider';
import type { Lang } from '../../i18n/plural';
import type { MessageKey } from '../../i18n/ru';
import type { IndicatorNode, IndicatorUnit } from './indicators.queries';

/** A share or rate: entered as numerator and denominator, the value follows from them. */
export function isRatio(indicator: Pick<IndicatorNode, 'aggregation'>): boolean {
  return indicator.aggregation === 'RATIO_OF_SUMS';
}

/** The multiplier of a ratio: 100 for a percentage, 1000 for a rate per 1000 (as the server). */
export function unitScale(unit: IndicatorUnit): number {
  switch (unit) {
    case 'PERCENT':
    case 'INDEX_0_100':
      return 100;
    case 'PER_1000':
      return 1000;
    default:
      return 1;
  }
}

/** scale · numerator / denominator, or null while either is missing or the denominator is 0. */
export function ratioValue(
  unit: IndicatorUnit,
  numerator: number | null | undefined,
  denominator: number | null | undefined,
): number | null {
  if (numerator == null || denominator == null || denominator === 0) {
    return null;
  }
  return (unitScale(unit) * numerator) / denominator;
}

/** Decimal places shown for a unit. */
export function unitDigits(unit: IndicatorUnit): number {
  switch (unit) {
    case 'COUNT':
    case 'BOOLEAN':
      return 0;
    case 'PER_1000':
      return 2;
    default:
      return 1;
  }
}

export function formatValue(
  lang: Lang,
  unit: IndicatorUnit,
  value: number | null | undefined,
): string {
  return formatNumber(lang, value, unitDigits(unit));
}

export function unitLabel(t: Translate, unit: IndicatorUnit): string {
  return t(`ind.unit.${unit}` as MessageKey);
}

export function indicatorName(lang: Lang, indicator: Pick<IndicatorNode, 'name' | 'nameEn'>) {
  return lang === 'en' ? indicator.nameEn : indicator.name;
}

/** Indicators grouped by direction, directions in catalogue order, indicators by code. */
export function groupByDirection<T extends Pick<IndicatorNode, 'code' | 'direction'>>(
  indicators: readonly T[],
): { direction: T['direction']; indicators: T[] }[] {
  const groups = new Map<string, { direction: T['direction']; indicators: T[] }>();
  for (const indicator of indicators) {
    const group = groups.get(indicator.direction.code) ?? {
      direction: indicator.direction,
      indicators: [] as T[],
    };
    group.indicators.push(indicator);
    groups.set(indicator.direction.code, group);
  }
  return [...groups.values()]
    .sort((a, b) => a.direction.sortOrder - b.direction.sortOrder)
    .map((g) => ({ ...g, indicators: g.indicators.sort((a, b) => a.code.localeCompare(b.code)) }));
}
