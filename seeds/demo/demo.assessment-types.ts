// Shapes of the demo assessment data: procedures, school results and the planted signs of
// non-objective results, keyed by codes like the rest of the demo set.
import type { ProcedureKind } from '../../server/modules/assessments/assessments.enums';
import type { ObjectivitySignCode } from '../../server/modules/assessments/objectivity.thresholds';

export interface DemoProcedure {
  code: string;
  kind: ProcedureKind;
  subject: string;
  grade: number;
  /** Calendar year the procedure was held (spring of the academic year). */
  year: number;
  maxScore: number;
  tasks: { number: string; maxScore: number }[];
  /** Lowest primary score of each mark; {} for ЕГЭ (test scores, no marks). */
  markThresholds: Record<string, number>;
}

export interface DemoResult {
  procedureCode: string;
  organizationCode: string;
  municipalityCode: string;
  participants: number;
  mark2: number | null;
  mark3: number | null;
  mark4: number | null;
  mark5: number | null;
  meanScore: number;
  scoreSd: number;
  meanPercent: number;
  taskCompletion: number[] | null;
  journalLowered: number | null;
  journalConfirmed: number | null;
  journalRaised: number | null;
  belowMinimum: number | null;
  medalists: number | null;
  medalistsBelowRequirement: number | null;
  scoreHistogram: Record<string, number>;
}

/** A sign the analysis must find: the school, the procedure it is attached to, the year. */
export interface PlantedSign {
  organizationCode: string;
  procedureCode: string;
  year: number;
  sign: ObjectivitySignCode;
}

export interface DemoAssessmentCounts {
  procedures: number;
  results: number;
  planted: number;
}

export interface DemoAssessments {
  procedures: DemoProcedure[];
  results: DemoResult[];
  planted: PlantedSign[];
  counts: DemoAssessmentCounts;
}
