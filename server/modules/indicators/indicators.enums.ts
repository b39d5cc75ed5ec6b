import { registerEnumType } from 'type-graphql';

// Units of measure (DOMAIN.md §2 Indicator.unit).
export enum IndicatorUnit {
  PERCENT = 'percent',
  COUNT = 'count',
  SCORE = 'score',
  PER_1000 = 'per_1000',
  INDEX_0_100 = 'index_0_100',
  BOOLEAN = 'boolean',
}
registerEnumType(IndicatorUnit, { name: 'IndicatorUnit' });

export enum Polarity {
  HIGHER_BETTER = 'higher_better',
  LOWER_BETTER = 'lower_better',
}
registerEnumType(Polarity, { name: 'Polarity' });

/** Where values are entered: per organization (rolled up) or per municipality. */
export enum IndicatorLevel {
  ORGANIZATION = 'organization',
  MUNICIPALITY = 'municipality',
}
registerEnumType(IndicatorLevel, { name: 'IndicatorLevel' });

/** How values of lower units combine into a higher unit's value. */
export enum AggregationRule {
  SUM = 'sum',
  /** scale · Σ numerators / Σ denominators: shares and rates, never a mean of percentages. */
  RATIO_OF_SUMS = 'ratio_of_sums',
  /** Σ value · enrolment / Σ enrolment. */
  ENROLMENT_WEIGHTED_MEAN = 'enrolment_weighted_mean',
  MIN = 'min',
  MAX = 'max',
}
registerEnumType(AggregationRule, { name: 'AggregationRule' });

export enum ValueSource {
  MANUAL = 'manual',
  IMPORT = 'import',
  COMPUTED = 'computed',
  /** Synthetic demonstration data, never real figures. */
  DEMO = 'demo',
}
registerEnumType(ValueSource, { name: 'ValueSource' });

export enum PeriodKind {
  /** `2024` */
  YEAR = 'year',
  /** `2024/2025` */
  ACADEMIC_YEAR = 'academic_year',
  /** `2024Q1` */
  QUARTER = 'quarter',
}
registerEnumType(PeriodKind, { name: 'PeriodKind' });

/** The multiplier of a ratio: 100 for a percentage, 1000 for a rate per 1000. */
export function unitScale(unit: IndicatorUnit): number {
  switch (unit) {
    case IndicatorUnit.PERCENT:
    case IndicatorUnit.INDEX_0_100:
      return 100;
    case IndicatorUnit.PER_1000:
      return 1000;
    default:
      return 1;
  }
}
