// Ready-made queries for analysts. Their variables name the viewer's own region (or, for a school
// coordinator, municipality) and periods that hold data, so each one runs as it is.
import type { MessageKey } from '../../i18n/ru';

export type ExampleId = 'comparison' | 'trend' | 'funnel' | 'roadmaps';

/** What the examples' variables are made of; the unit is the viewer's own. */
export interface ExampleContext {
  unit: { regionId: string } | { municipalityId: string };
  indicatorCode: string;
  /** An academic year holding values of the indicator, e.g. "2023/2024". */
  period: string;
  /** An academic year of olympiad protocols. */
  academicYear: string;
}

export interface Example {
  id: ExampleId;
  label: MessageKey;
  query: string;
  variables: (context: ExampleContext) => Record<string, unknown>;
}

// An indicator of the seeded catalogue (ВПР results at the basic level or above).
export const EXAMPLE_INDICATOR = '1.1.VPR_BASIC';

const COMPARISON = `query CompareMunicipalities($input: CompareIndicatorsInput!) {
  compareIndicators(input: $input) {
    unitKind
    periods
    rows {
      indicatorCode
      period
      rank
      unitId
      unitName
      value
      numerator
      denominator
      score
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
    }
  }
}
`;

const TREND = `query IndicatorTrend($input: IndicatorSeriesInput!) {
  indicatorSeries(input: $input) {
    indicatorCode
    unitId
    unitName
    period
    periodStart
    value
    numerator
    denominator
  }
}
`;

const FUNNEL = `query OlympiadFunnel($input: OlympiadFunnelInput!) {
  olympiadFunnel(input: $input) {
    isTotal
    unitKind
    unitId
    unitName
    coverage
    coverageChange
    stages {
      stage
      participants
      entries
      winners
      prizeWinners
      passThrough
      diplomasPer1000
    }
  }
}
`;

const ROADMAPS = `query Roadmaps($first: Int) {
  roadmaps(first: $first) {
    totalCount
    nodes {
      id
      title
      orderNumber
      orderDate
      periodStart
      periodEnd
      municipality {
        id
        name
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
`;

export const EXAMPLES: readonly Example[] = [
  {
    id: 'comparison',
    label: 'console.example.comparison',
    query: COMPARISON,
    variables: ({ unit, indicatorCode, period }) => ({
      input: { indicatorCodes: [indicatorCode], periods: [period], ...unit },
    }),
  },
  {
    id: 'trend',
    label: 'console.example.trend',
    query: TREND,
    variables: ({ unit, indicatorCode }) => ({
      input: {
        indicatorCodes: [indicatorCode],
        ...('regionId' in unit
          ? { regionIds: [unit.regionId] }
          : { municipalityIds: [unit.municipalityId] }),
      },
    }),
  },
  {
    id: 'funnel',
    label: 'console.example.funnel',
    query: FUNNEL,
    variables: ({ unit, academicYear }) => ({ input: { academicYear, ...unit } }),
  },
  {
    id: 'roadmaps',
    label: 'console.example.roadmaps',
    query: ROADMAPS,
    variables: () => ({ first: 20 }),
  },
];

/** The editor texts of an example: the document and pretty-printed variables. */
export function exampleTexts(
  example: Example,
  context: ExampleContext,
): { query: string; variables: string } {
  return { query: example.query, variables: JSON.stringify(example.variables(context), null, 2) };
}
