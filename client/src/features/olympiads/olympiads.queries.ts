// GraphQL documents of the olympiad pages (Протоколы, Воронка, Перепроверка, Банк талантов) and
// the shapes they return.
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

// ---------------------------------------------------------------------------------------------
// Funnel

export const OLYMPIAD_FUNNEL_QUERY = /* GraphQL */ `
  query OlympiadFunnel($input: OlympiadFunnelInput!) {
    olympiadFunnel(input: $input) {
      unitKind
      unitId
      unitName
      isTotal
      pupils4to11
      pupils7to11
      pupils9to11
      coverage
      previousCoverage
      coverageChange
      stages {
        stage
        participants
        entries
        winners
        prizeWinners
        diplomaShare
        passThrough
        diplomasPer1000
        contributionShare
        previousParticipants
        previousDiplomas
        participantsChange
      }
    }
  }
`;

/** Shares are percentages; null when the base is 0 or unknown. */
export interface StageFigures {
  stage: OlympiadStage;
  participants: number;
  entries: number;
  winners: number;
  prizeWinners: number;
  diplomaShare: number | null;
  passThrough: number | null;
  diplomasPer1000: number | null;
  contributionShare: number | null;
  previousParticipants: number;
  previousDiplomas: number;
  participantsChange: number | null;
}

export interface FunnelRow {
  unitKind: string;
  unitId: string;
  unitName: string;
  isTotal: boolean;
  pupils4to11: number | null;
  pupils7to11: number | null;
  pupils9to11: number | null;
  coverage: number | null;
  previousCoverage: number | null;
  coverageChange: number | null;
  stages: StageFigures[];
}

export interface OlympiadFunnelData {
  olympiadFunnel: FunnelRow[];
}

// ---------------------------------------------------------------------------------------------
// Re-check candidates

export const OLYMPIAD_RECHECK_QUERY = /* GraphQL */ `
  query OlympiadRecheck($input: OlympiadRecheckInput!) {
    olympiadRecheck(input: $input) {
      thresholds
      works {
        record {
          id
          score
          maxScore
          student {
            code
            fullName
          }
        }
        subject {
          name
        }
        organization {
          shortName
          name
        }
        stage
        gradePerformed
        percent
        groupSize
        groupMedian
        groupMad
        robustZ
        direction
        nextStagePercent
      }
      schools {
        organization {
          id
          shortName
          name
        }
        municipality {
          shortName
        }
        stage
        entries
        diplomas
        diplomaShare
        referenceShare
        z
        diplomaHolders
        nextStageParticipants
        nextStageDiplomaShare
        referenceNextStageDiplomaShare
      }
    }
  }
`;

export interface OutlierWorkNode {
  record: {
    id: string;
    score: number;
    maxScore: number;
    student: { code: string; fullName: string | null };
  };
  subject: { name: string };
  organization: { shortName: string | null; name: string };
  stage: OlympiadStage;
  gradePerformed: number;
  percent: number;
  groupSize: number;
  groupMedian: number;
  groupMad: number;
  robustZ: number;
  direction: 'HIGH' | 'LOW';
  nextStagePercent: number | null;
}

export interface AnomalousSchoolNode {
  organization: { id: string; shortName: string | null; name: string };
  municipality: { shortName: string | null };
  stage: OlympiadStage;
  entries: number;
  diplomas: number;
  diplomaShare: number;
  referenceShare: number;
  z: number;
  diplomaHolders: number;
  nextStageParticipants: number;
  nextStageDiplomaShare: number | null;
  referenceNextStageDiplomaShare: number | null;
}

export interface OlympiadRecheckData {
  olympiadRecheck: {
    thresholds: Record<string, unknown>;
    works: OutlierWorkNode[];
    schools: AnomalousSchoolNode[];
  };
}

// ---------------------------------------------------------------------------------------------
// Talent bank

export const TALENT_BANK_QUERY = /* GraphQL */ `
  query TalentBank($filter: TalentBankFilter, $first: Int, $offset: Int) {
    talentBank(filter: $filter, first: $first, offset: $offset) {
      totalCount
      nodes {
        id
        code
        fullName
        grade
        diplomas
        organization {
          shortName
          name
        }
        municipality {
          shortName
        }
        olympiadRecords {
          id
          academicYear
          stage
          status
          score
          maxScore
          subject {
            name
          }
        }
      }
    }
  }
`;

export interface TalentRecordNode {
  id: string;
  academicYear: string;
  stage: OlympiadStage;
  status: OlympiadStatus;
  score: number;
  maxScore: number;
  subject: { name: string };
}

export interface TalentNode {
  id: string;
  code: string;
  /** Null for pupils outside the viewer's scope (personal data). */
  fullName: string | null;
  grade: number;
  diplomas: number;
  organization: { shortName: string | null; name: string };
  municipality: { shortName: string | null };
  olympiadRecords: TalentRecordNode[];
}

export interface TalentBankData {
  talentBank: { totalCount: number; nodes: TalentNode[] };
}
