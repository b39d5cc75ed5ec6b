export const MUM_MATRIX_QUERY = /* GraphQL */ `
  query MumMatrix($regionId: ID) {
    mumMatrix(regionId: $regionId) {
      municipalities {
        id
        name
        shortName
        demo
      }
      directions {
        code
        shortName
        name
      }
      components {
        code
        name
      }
      cells {
        municipalityId
        directionCode
        component
        present
        activityCount
        indicatorsWithValues
      }
      summaries {
        municipalityId
        directionCode
        presentCount
        missingComponents
        complete
      }
    }
  }
`;

export interface MumCell {
  municipalityId: string;
  directionCode: string;
  component: number;
  present: boolean;
  activityCount: number;
  indicatorsWithValues: number;
}

export interface MumSummary {
  municipalityId: string;
  directionCode: string;
  presentCount: number;
  missingComponents: number[];
  complete: boolean;
}

export interface MumMatrixResult {
  municipalities: { id: string; name: string; shortName: string; demo: boolean }[];
  directions: { code: string; shortName: string; name: string }[];
  components: { code: number; name: string }[];
  cells: MumCell[];
  summaries: MumSummary[];
}

export interface MumMatrixData {
  mumMatrix: MumMatrixResult;
}
