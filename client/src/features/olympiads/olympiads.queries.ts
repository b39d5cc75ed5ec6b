// GraphQL documents of the olympiad protocols (Протоколы) and the directories the pages share,
// and the shapes they return.
import { pagedListQuery } from '../assessments/assessments.queries';
import type { BulkRowError } from '../teachers/teachers.queries';

export type OlympiadStage = 'SCHOOL' | 'MUNICIPAL' | 'REGIONAL' | 'FINAL';
export const STAGES: readonly OlympiadStage[] = ['SCHOOL', 'MUNICIPAL', 'REGIONAL', 'FINAL'];

export type OlympiadStatus = 'PARTICIPANT' | 'PRIZE_WINNER' | 'WINNER';
export const STATUSES: readonly OlympiadStatus[] = ['PARTICIPANT', 'PRIZE_WINNER', 'WINNER'];

/** The olympiad the pages show and imports write by default. */
export const VSOSH = 'VSOSH';

const BULK_ERRORS = /* GraphQL */ `
  errors {
    index
    id
    field
    code
    message
  }
`;

// ---------------------------------------------------------------------------------------------
// Directories

export const OLYMPIAD_SUBJECTS_QUERY = /* GraphQL */ `
  query OlympiadSubjects {
    olympiadSubjects {
      code
      name
      nameEn
    }
  }
`;

export interface SubjectNode {
  code: string;
  name: string;
  nameEn: string;
}

export interface OlympiadSubjectsData {
  olympiadSubjects: SubjectNode[];
}

// ---------------------------------------------------------------------------------------------
// Protocol entries

const RECORD_FIELDS = /* GraphQL */ `
  id
  version
  academicYear
  stage
  gradeActual
  gradePerformed
  score
  maxScore
  status
  olympiad {
    code
  }
  subject {
    code
    name
  }
  student {
    code
    fullName
    birthYear
  }
  organization {
    id
    code
    shortName
    name
  }
  municipality {
    id
    shortName
  }
`;

export const OLYMPIAD_RECORDS_QUERY = pagedListQuery(
  'OlympiadRecords',
  'olympiadRecords',
  'OlympiadRecordFilter',
  RECORD_FIELDS,
);

/** The newest entry (the list is ordered by year, newest first): the year the pages open on. */
export const NEWEST_RECORD_QUERY = /* GraphQL */ `
  query NewestOlympiadRecord($filter: OlympiadRecordFilter) {
    olympiadRecords(filter: $filter, first: 1) {
      nodes {
        academicYear
      }
    }
  }
`;

export interface NewestRecordData {
  olympiadRecords: { nodes: { academicYear: string }[] };
}

export interface RecordNode {
  id: string;
  version: number;
  academicYear: string;
  stage: OlympiadStage;
  gradeActual: number;
  gradePerformed: number;
  score: number;
  maxScore: number;
  status: OlympiadStatus;
  olympiad: { code: string };
  subject: { code: string; name: string };
  /** fullName is null when the viewer may not see personal data. */
  student: { code: string; fullName: string | null; birthYear: number | null };
  organization: { id: string; code: string; shortName: string | null; name: string };
  municipality: { id: string; shortName: string | null };
}

export interface OlympiadRecordsData {
  olympiadRecords: { totalCount: number; nodes: RecordNode[] };
}

export interface OlympiadRecordInput {
  olympiadCode?: string;
  academicYear: string;
  subject: string;
  stage: OlympiadStage;
  studentCode: string;
  fullName?: string;
  birthYear?: number;
  organizationCode: string;
  gradeActual: number;
  gradePerformed?: number;
  score: number;
  maxScore: number;
  status?: OlympiadStatus;
  version?: number;
  delete?: boolean;
}

export const UPSERT_RECORDS_MUTATION = /* GraphQL */ `
  mutation UpsertOlympiadRecords($rows: [OlympiadRecordInput!]!, $dryRun: Boolean! = false) {
    upsertOlympiadRecords(rows: $rows, dryRun: $dryRun) {
      ok
      created
      updated
      deleted
      ${BULK_ERRORS}
      rows {
        ${RECORD_FIELDS}
      }
    }
  }
`;

export interface UpsertRecordsData {
  upsertOlympiadRecords: {
    ok: boolean;
    created: number;
    updated: number;
    deleted: number;
    errors: BulkRowError[];
    rows: RecordNode[];
  };
}

// A whole protocol in one request: the answer leaves the rows out (thousands of them).
export const IMPORT_PROTOCOL_MUTATION = /* GraphQL */ `
  mutation ImportOlympiadProtocol(
    $rows: [OlympiadRecordInput!]!
    $dryRun: Boolean!
    $replaceExisting: Boolean!
  ) {
    upsertOlympiadRecords(rows: $rows, dryRun: $dryRun, replaceExisting: $replaceExisting) {
      ok
      dryRun
      created
      updated
      deleted
      ${BULK_ERRORS}
    }
  }
`;

export interface ImportProtocolData {
  upsertOlympiadRecords: {
    ok: boolean;
    dryRun: boolean;
    created: number;
    updated: number;
    deleted: number;
    errors: BulkRowError[];
  };
}
