export const COMPARE_INDICATORS_QUERY = /* GraphQL */ `
  query CompareIndicators($input: CompareIndicatorsInput!) {
    compareIndicators(input: $input) {
      unitKind
      periods
      rows {
        indicatorCode
        period
        unitId
        unitName
        demo
        rank
        value
        numerator
        denominator
        score
        zScore
        previousValue
        change
        targetMet
      }
      summaries {
        indicatorCode
        period
        count
        mean
        median
        standardDeviation
        parentValue
        parentNumerator
        parentDenominator
      }
    }
  }
`;

export interface ComparisonRow {
  indicatorCode: string;
  period: string;
  unitId: string;
  unitName: string;
  demo: boolean;
  rank: number | null;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  score: number | null;
  zScore: number | null;
  previousValue: number | null;
  change: number | null;
  targetMet: boolean | null;
}

export interface ComparisonSummary {
  indicatorCode: string;
  period: string;
  count: number;
  mean: number | null;
  median: number | null;
  standardDeviation: number | null;
  parentValue: number | null;
  parentNumerator: number | null;
  parentDenominator: number | null;
}

export interface ComparisonResult {
  unitKind: 'MUNICIPALITY' | 'ORGANIZATION';
  periods: string[];
  rows: ComparisonRow[];
  summaries: ComparisonSummary[];
}

export interface CompareIndicatorsData {
  compareIndicators: ComparisonResult;
}

export interface CompareIndicatorsInput {
  indicatorCodes: string[];
  periods: string[];
  regionId?: string;
  municipalityId?: string;
}
