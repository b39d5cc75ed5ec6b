// GraphQL documents of the pupils per grade (form ОО-1), the funnel's denominators, and the
// shapes they return.
import type { BulkRowError } from '../teachers/teachers.queries';

const ENROLMENT_FIELDS = /* GraphQL */ `
  id
  version
  academicYear
  grade
  pupils
  organization {
    id
    code
    shortName
    name
  }
`;

export const GRADE_ENROLMENTS_QUERY = /* GraphQL */ `
  query GradeEnrolments($filter: GradeEnrolmentFilter, $first: Int, $offset: Int) {
    gradeEnrolments(filter: $filter, first: $first, offset: $offset) {
      totalCount
      nodes {
        ${ENROLMENT_FIELDS}
      }
    }
  }
`;

export interface EnrolmentNode {
  id: string;
  version: number;
  academicYear: string;
  grade: number;
  pupils: number;
  organization: { id: string; code: string; shortName: string | null; name: string };
}

export interface GradeEnrolmentsData {
  gradeEnrolments: { totalCount: number; nodes: EnrolmentNode[] };
}

export interface GradeEnrolmentInput {
  organizationCode: string;
  academicYear: string;
  grade: number;
  pupils: number;
  version?: number;
}

export const UPSERT_ENROLMENTS_MUTATION = /* GraphQL */ `
  mutation UpsertGradeEnrolments($rows: [GradeEnrolmentInput!]!, $dryRun: Boolean! = false) {
    upsertGradeEnrolments(rows: $rows, dryRun: $dryRun) {
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
        ${ENROLMENT_FIELDS}
      }
    }
  }
`;

export interface UpsertEnrolmentsData {
  upsertGradeEnrolments: {
    ok: boolean;
    created: number;
    updated: number;
    errors: BulkRowError[];
    rows: EnrolmentNode[];
  };
}
