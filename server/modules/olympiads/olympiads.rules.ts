// ВсОШ rules checked on every protocol row (DOMAIN.md §3.4; Порядок проведения ВсОШ, приказ
// Минпросвещения России от 27.11.2020 № 678): grades allowed per stage, admission to a later
// stage, and the grade a pupil keeps once an older grade's paper was chosen.
import { BadUserInputError } from '../../errors';
import { PeriodKind } from '../indicators/indicators.enums';
import { parsePeriod } from '../indicators/period';
import { isDiploma, OlympiadStage, OlympiadStatus, STAGE_ORDER } from './olympiads.enums';

// Stage adjectives by case, for messages that read as Russian sentences.
const STAGE_WORDS: Record<OlympiadStage, { nom: string; gen: string; dat: string; prep: string }> =
  {
    [OlympiadStage.SCHOOL]: {
      nom: 'Школьный',
      gen: 'школьного',
      dat: 'школьному',
      prep: 'школьном',
    },
    [OlympiadStage.MUNICIPAL]: {
      nom: 'Муниципальный',
      gen: 'муниципального',
      dat: 'муниципальному',
      prep: 'муниципальном',
    },
    [OlympiadStage.REGIONAL]: {
      nom: 'Региональный',
      gen: 'регионального',
      dat: 'региональному',
      prep: 'региональном',
    },
    [OlympiadStage.FINAL]: {
      nom: 'Заключительный',
      gen: 'заключительного',
      dat: 'заключительному',
      prep: 'заключительном',
    },
  };

/** A rule broken, with the input field it belongs to. */
export interface RuleProblem {
  field: string;
  message: string;
}

/** Grades that may write each stage [R, S18–S19]: school 4–11, municipal 7–11, later 9–11. */
export const STAGE_GRADES: Record<OlympiadStage, readonly [number, number]> = {
  [OlympiadStage.SCHOOL]: [4, 11],
  [OlympiadStage.MUNICIPAL]: [7, 11],
  [OlympiadStage.REGIONAL]: [9, 11],
  [OlympiadStage.FINAL]: [9, 11],
};

/** "2024/2025" → 2024 (the first year), or null. */
export function academicYearStart(code: string): number | null {
  const period = parsePeriod(code);
  return period?.kind === PeriodKind.ACADEMIC_YEAR ? Number(period.code.slice(0, 4)) : null;
}

/** "2024/2025" → 2024, or BAD_USER_INPUT naming the academicYear field. */
export function requireAcademicYear(code: string): number {
  const year = academicYearStart(code);
  if (year === null) {
    throw new BadUserInputError('Учебный год в формате 2024/2025', { field: 'academicYear' });
  }
  return year;
}

export const academicYearCode = (start: number): string => `${start}/${start + 1}`;

/** The stage before (null for the school stage). */
export function previousStage(stage: OlympiadStage): OlympiadStage | null {
  const index = STAGE_ORDER.indexOf(stage);
  return index > 0 ? STAGE_ORDER[index - 1] : null;
}

export function nextStage(stage: OlympiadStage): OlympiadStage | null {
  return STAGE_ORDER[STAGE_ORDER.indexOf(stage) + 1] ?? null;
}

export interface GradedPaper {
  stage: OlympiadStage;
  gradeActual: number;
  gradePerformed: number;
  subject: { name: string; gradeFourAllowed: boolean };
}

/**
 * Grades of a paper: the grade performed is never below the actual one, and for ВсОШ lies in the
 * stage's range, grade 4 writing the school stage only in Russian and mathematics.
 */
export function gradeProblem(paper: GradedPaper, enforceStageRules: boolean): RuleProblem | null {
  const { stage, gradeActual, gradePerformed, subject } = paper;
  if (gradePerformed < gradeActual) {
    return {
      field: 'gradePerformed',
      message: `Класс выполнения (${gradePerformed}) не может быть ниже класса обучения (${gradeActual})`,
    };
  }
  if (!enforceStageRules) {
    return null;
  }
  const [low, high] = STAGE_GRADES[stage];
  if (gradePerformed < low || gradePerformed > high) {
    return {
      field: 'gradePerformed',
      message: `${STAGE_WORDS[stage].nom} этап ВсОШ проводится для ${low}–${high} классов, указан ${gradePerformed}`,
    };
  }
  if (stage === OlympiadStage.SCHOOL && gradePerformed === 4 && !subject.gradeFourAllowed) {
    return {
      field: 'gradePerformed',
      message: `В 4 классе школьный этап ВсОШ проводится только по русскому языку и математике, указан предмет «${subject.name}»`,
    };
  }
  return null;
}

/** What admission to a stage looks at: the same pupil's and subject's neighbouring entries. */
export interface AdmissionEvidence {
  /** The entry of the stage before in the same year, if any. */
  previousStage: { gradePerformed: number } | null;
  /** The entry of the same stage in the year before, if any. */
  previousYear: { status: OlympiadStatus } | null;
}

/**
 * Admission to a stage after the school one [K, Порядок № 678]: the pupil took the stage before in
 * the same year (reaching its threshold is the organiser's business), or holds last year's
 * diploma of this stage. A pupil keeps the grade chosen at an earlier stage or goes higher.
 */
export function admissionProblem(
  entry: { stage: OlympiadStage; year: number; gradePerformed: number; subjectName: string },
  evidence: AdmissionEvidence,
): RuleProblem | null {
  const before = previousStage(entry.stage);
  if (!before) {
    return null;
  }
  if (evidence.previousStage) {
    const chosen = evidence.previousStage.gradePerformed;
    return entry.gradePerformed < chosen
      ? {
          field: 'gradePerformed',
          message: `На ${STAGE_WORDS[before].prep} этапе ученик выполнял задания ${chosen} класса: на следующих этапах — не ниже ${chosen} класса, указан ${entry.gradePerformed}`,
        }
      : null;
  }
  if (evidence.previousYear && isDiploma(evidence.previousYear.status)) {
    return null;
  }
  return {
    field: 'stage',
    message: `Нет записи ${STAGE_WORDS[before].gen} этапа ${academicYearCode(entry.year)} по предмету «${entry.subjectName}» и нет диплома ${STAGE_WORDS[entry.stage].gen} этапа ${academicYearCode(entry.year - 1)}: ученик не мог быть допущен к ${STAGE_WORDS[entry.stage].dat} этапу`,
  };
}
