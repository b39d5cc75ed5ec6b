// GraphQL documents of the analysis: objectivity signs, low-result statuses, runs, settings.
import type { LowResultKind, ObjectivitySignKind, ProcedureNode } from './assessments.queries';
import { pagedListQuery } from './assessments.queries';

const PLACE_FIELDS = /* GraphQL */ `
  organization {
    id
    name
    shortName
    demo
  }
  municipality {
    id
    shortName
    name
  }
`;

export const OBJECTIVITY_SIGNS_QUERY = pagedListQuery(
  'ObjectivitySigns',
  'objectivitySigns',
  'ObjectivitySignFilter',
  /* GraphQL */ `
    id
    year
    sign
    criterion
    metric
    threshold
    methodVersion
    evidence
    ${PLACE_FIELDS}
    procedure {
      code
      kind
      subject
      grade
      year
    }
  `,
);

/** The newest year that has signs (the list is ordered newest year first). */
export const LATEST_SIGN_YEAR_QUERY = /* GraphQL */ `
  query LatestObjectivitySignYear {
    objectivitySigns(first: 1) {
      nodes {
        year
      }
    }
  }
`;

export interface LatestSignYearData {
  objectivitySigns: { nodes: { year: number }[] };
}

export interface PlaceOrganization {
  id: string;
  name: string;
  shortName: string | null;
  demo: boolean;
}

export interface PlaceMunicipality {
  id: string;
  name: string;
  shortName: string | null;
}

export interface ObjectivitySignNode {
  id: string;
  year: number;
  sign: ObjectivitySignKind;
  criterion: string;
  metric: number;
  threshold: number;
  methodVersion: string;
  evidence: string;
  organization: PlaceOrganization;
  municipality: PlaceMunicipality;
  procedure: Pick<ProcedureNode, 'code' | 'kind' | 'subject' | 'grade' | 'year'>;
}

export interface ObjectivitySignsData {
  objectivitySigns: { totalCount: number; nodes: ObjectivitySignNode[] };
}

export const LOW_RESULT_SCHOOLS_QUERY = pagedListQuery(
  'LowResultSchools',
  'lowResultSchools',
  'LowResultFilter',
  /* GraphQL */ `
    id
    year
    kind
    rule
    metric
    threshold
    evidence
    ${PLACE_FIELDS}
  `,
);

export interface LowResultStatusNode {
  id: string;
  year: number;
  kind: LowResultKind;
  rule: string;
  metric: number | null;
  threshold: number | null;
  evidence: string;
  organization: PlaceOrganization;
  municipality: PlaceMunicipality;
}

export interface LowResultSchoolsData {
  lowResultSchools: { totalCount: number; nodes: LowResultStatusNode[] };
}

const RUN_FIELDS = /* GraphQL */ `
  id
  year
  results
  signs
  flaggedSchools
  shnor
  shnsu
  riskZone
  objectivityExcluded
  indicatorValues
  createdAt
  actor
  region {
    id
    code
    name
  }
`;

export const ANALYSIS_RUNS_QUERY = /* GraphQL */ `
  query AssessmentAnalysisRuns($first: Int) {
    assessmentAnalysisRuns(first: $first) {
      totalCount
      nodes {
        ${RUN_FIELDS}
      }
    }
  }
`;

export const RUN_ANALYSIS_MUTATION = /* GraphQL */ `
  mutation RunAssessmentAnalysis($regionCode: String!, $year: Int!, $dryRun: Boolean) {
    runAssessmentAnalysis(regionCode: $regionCode, year: $year, dryRun: $dryRun) {
      ${RUN_FIELDS}
    }
  }
`;

export interface AnalysisRunNode {
  id: string;
  year: number;
  results: number;
  signs: number;
  flaggedSchools: number;
  shnor: number;
  shnsu: number;
  riskZone: number;
  objectivityExcluded: number;
  indicatorValues: number;
  createdAt: string;
  actor: string;
  region: { id: string; code: string; name: string };
}

export interface AnalysisRunsData {
  assessmentAnalysisRuns: { totalCount: number; nodes: AnalysisRunNode[] };
}

export interface RunAnalysisData {
  runAssessmentAnalysis: AnalysisRunNode;
}

export const ANALYSIS_SETTINGS_QUERY = /* GraphQL */ `
  query AssessmentAnalysisSettings {
    assessmentAnalysisSettings
  }
`;

export interface AnalysisSettingsData {
  assessmentAnalysisSettings: unknown;
}

/** Regions with their codes: the analysis is run by region code. */
export const ANALYSIS_REGIONS_QUERY = /* GraphQL */ `
  query AnalysisRegions {
    regions {
      id
      code
      name
    }
  }
`;

export interface AnalysisRegionsData {
  regions: { id: string; code: string; name: string }[];
}
