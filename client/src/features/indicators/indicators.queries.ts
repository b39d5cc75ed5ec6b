export const INDICATOR_CATALOG_QUERY = /* GraphQL */ `
  query IndicatorCatalog {
    indicators(first: 500) {
      nodes {
        code
        name
        nameEn
        description
        unit
        polarity
        level
        aggregation
        periodKind
        target
        numeratorDefinition
        denominatorDefinition
        source
        direction {
          code
          shortName
          name
          sortOrder
        }
      }
    }
  }
`;

/** Periods that hold data for these indicators in one unit (the series axis). */
export const PERIODS_WITH_DATA_QUERY = /* GraphQL */ `
  query PeriodsWithData($input: IndicatorSeriesInput!) {
    indicatorSeries(input: $input) {
      indicatorCode
      period
      periodStart
    }
  }
`;

export type IndicatorUnit = 'PERCENT' | 'COUNT' | 'SCORE' | 'PER_1000' | 'INDEX_0_100' | 'BOOLEAN';
export type Polarity = 'HIGHER_BETTER' | 'LOWER_BETTER';
export type IndicatorLevel = 'ORGANIZATION' | 'MUNICIPALITY';
export type PeriodKind = 'YEAR' | 'ACADEMIC_YEAR' | 'QUARTER';

export interface DirectionRef {
  code: string;
  shortName: string;
  name: string;
  sortOrder: number;
}

export interface IndicatorNode {
  code: string;
  name: string;
  nameEn: string;
  description: string;
  unit: IndicatorUnit;
  polarity: Polarity;
  level: IndicatorLevel;
  aggregation: 'SUM' | 'RATIO_OF_SUMS' | 'ENROLMENT_WEIGHTED_MEAN' | 'MIN' | 'MAX';
  periodKind: PeriodKind;
  target: number | null;
  numeratorDefinition: string;
  denominatorDefinition: string | null;
  source: string;
  direction: DirectionRef;
}

export interface IndicatorCatalogData {
  indicators: { nodes: IndicatorNode[] };
}

export interface PeriodsWithData {
  indicatorSeries: { indicatorCode: string; period: string; periodStart: string }[];
}
