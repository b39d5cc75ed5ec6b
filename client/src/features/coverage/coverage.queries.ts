export const COVERAGE_QUERY = /* GraphQL */ `
  query RoadmapCoverage($asOf: Date) {
    roadmapCoverage(asOf: $asOf) {
      asOf
      directions {
        code
        shortName
        name
      }
      municipalities {
        id
        name
      }
      cells {
        municipalityId
        directionCode
        activityCount
        dueCount
        doneCount
        executionRate
      }
    }
  }
`;

export interface CoverageCell {
  municipalityId: string;
  directionCode: string;
  activityCount: number;
  dueCount: number;
  doneCount: number;
  executionRate: number | null;
}

export interface CoverageData {
  roadmapCoverage: {
    asOf: string;
    directions: { code: string; shortName: string; name: string }[];
    municipalities: { id: string; name: string }[];
    cells: CoverageCell[];
  };
}
