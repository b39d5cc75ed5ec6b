// GraphQL documents of the olympiad analytics (Воронка, Перепроверка, Банк талантов) and the
// shapes they return.
import type { OlympiadStage, OlympiadStatus } from './olympiads.queries';

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
