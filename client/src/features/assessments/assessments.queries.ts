// GraphQL documents of the assessment pages and the shapes they return.

export type ProcedureKind =
  | 'VPR'
  | 'VPR_CONTROLLED'
  | 'OGE'
  | 'EGE'
  | 'GVE_9'
  | 'GVE_11'
  | 'ESSAY_11'
  | 'INTERVIEW_9'
  | 'NIKO'
  | 'FUNCTIONAL_LITERACY'
  | 'REGIONAL_DIAGNOSTIC'
  | 'MUNICIPAL';

export type ObjectivitySignKind =
  | 'HIGH_VS_REGION'
  | 'TASK_PROFILE'
  | 'MARK_VS_JOURNAL'
  | 'MARK_DISTRIBUTION'
  | 'NOT_CONFIRMED_BY_GIA'
  | 'CONTROL_SAMPLE_GAP'
  | 'MEDALIST_NONCONFIRMATION';

export const SIGN_KINDS: readonly ObjectivitySignKind[] = [
  'HIGH_VS_REGION',
  'TASK_PROFILE',
  'MARK_VS_JOURNAL',
  'MARK_DISTRIBUTION',
  'NOT_CONFIRMED_BY_GIA',
  'CONTROL_SAMPLE_GAP',
  'MEDALIST_NONCONFIRMATION',
];

export type LowResultKind = 'SHNOR' | 'SHNSU' | 'RISK_ZONE' | 'OBJECTIVITY_EXCLUDED';

export const LOW_RESULT_KINDS: readonly LowResultKind[] = [
  'SHNOR',
  'SHNSU',
  'RISK_ZONE',
  'OBJECTIVITY_EXCLUDED',
];

/**
 * A paged list query: `field(filter, first, offset)` with its total count and the `nodeFields` of
 * its nodes, as `useAllNodes` pages through it.
 */
export function pagedListQuery(
  operation: string,
  field: string,
  filterType: string,
  nodeFields: string,
): string {
  return /* GraphQL */ `
  query ${operation}($filter: ${filterType}, $first: Int, $offset: Int) {
    ${field}(filter: $filter, first: $first, offset: $offset) {
      totalCount
      nodes {
        ${nodeFields}
      }
    }
  }
`;
}

export const PROCEDURES_QUERY = pagedListQuery(
  'AssessmentProcedures',
  'assessmentProcedures',
  'ProcedureFilter',
  /* GraphQL */ `
    id
    code
    kind
    subject
    grade
    year
    maxScore
    tasks
  `,
);

export interface ProcedureNode {
  id: string;
  code: string;
  kind: ProcedureKind;
  subject: string;
  grade: number | null;
  year: number;
  maxScore: number;
  /** [{ number, maxScore }] */
  tasks: unknown;
}

export interface ProceduresData {
  assessmentProcedures: { totalCount: number; nodes: ProcedureNode[] };
}

export const RESULT_SCHOOLS_QUERY = /* GraphQL */ `
  query AssessmentResultSchools($municipalityId: ID!) {
    organizations(filter: { municipalityId: { eq: $municipalityId }, kind: [SCHOOL] }, first: 500) {
      totalCount
      nodes {
        id
        code
        name
        shortName
        demo
      }
    }
  }
`;

export interface SchoolNode {
  id: string;
  code: string;
  name: string;
  shortName: string | null;
  demo: boolean;
}

export interface ResultSchoolsData {
  organizations: { totalCount: number; nodes: SchoolNode[] };
}

const RESULT_FIELDS = /* GraphQL */ `
  id
  version
  participants
  mark2
  mark3
  mark4
  mark5
  meanScore
  scoreSd
  meanPercent
  taskCompletion
  journalLowered
  journalConfirmed
  journalRaised
  belowMinimum
  medalists
  medalistsBelowRequirement
  procedure {
    code
  }
  organization {
    id
    code
    name
    shortName
    demo
  }
`;

export const ASSESSMENT_RESULTS_QUERY = pagedListQuery(
  'AssessmentResults',
  'assessmentResults',
  'ResultFilter',
  RESULT_FIELDS,
);

export const UPSERT_ASSESSMENT_RESULTS_MUTATION = /* GraphQL */ `
  mutation UpsertAssessmentResults($rows: [AssessmentResultInput!]!, $dryRun: Boolean) {
    upsertAssessmentResults(rows: $rows, dryRun: $dryRun) {
      ok
      created
      updated
      errors {
        index
        id
        field
        code
        message
      }
      rows {
        ${RESULT_FIELDS}
      }
    }
  }
`;

/** The figures of a result the grid shows and writes (same names in node and input). */
export interface ResultFigures {
  participants: number;
  mark2: number | null;
  mark3: number | null;
  mark4: number | null;
  mark5: number | null;
  meanScore: number | null;
  scoreSd: number | null;
  meanPercent: number | null;
  taskCompletion: number[] | null;
  journalLowered: number | null;
  journalConfirmed: number | null;
  journalRaised: number | null;
  belowMinimum: number | null;
  medalists: number | null;
  medalistsBelowRequirement: number | null;
}

export interface ResultNode extends ResultFigures {
  id: string;
  version: number;
  procedure: { code: string };
  organization: SchoolNode;
}

export interface AssessmentResultsData {
  assessmentResults: { totalCount: number; nodes: ResultNode[] };
}

export type AssessmentResultInput = Partial<ResultFigures> & {
  procedureCode: string;
  organizationCode: string;
  participants: number;
  version?: number;
};

export interface BulkRowError {
  index: number;
  id: string | null;
  field: string | null;
  code: string;
  message: string;
}

export interface UpsertAssessmentResultsData {
  upsertAssessmentResults: {
    ok: boolean;
    created: number;
    updated: number;
    errors: BulkRowError[];
    rows: ResultNode[];
  };
}
