// ВсОШ rules on their own (DOMAIN.md §3.4, Порядок № 678): grades per stage, grade 4 only in
// Russian and mathematics, admission to a later stage, the grade kept from an earlier stage.
import { describe, expect, it } from 'vitest';
import { OlympiadStage, OlympiadStatus } from '../../server/modules/olympiads/olympiads.enums';
import {
  academicYearStart,
  admissionProblem,
  gradeProblem,
  nextStage,
  previousStage,
} from '../../server/modules/olympiads/olympiads.rules';

const MATH = { name: 'Математика', gradeFourAllowed: true };
const PHYSICS = { name: 'Физика', gradeFourAllowed: false };
const { SCHOOL, MUNICIPAL, REGIONAL, FINAL } = OlympiadStage;

const paper = (
  stage: OlympiadStage,
  gradePerformed: number,
  subject = MATH,
  gradeActual = gradePerformed,
) => gradeProblem({ stage, gradeActual, gradePerformed, subject }, true);

describe('grades allowed per stage', () => {
  it.each([
    [SCHOOL, 4],
    [SCHOOL, 11],
    [MUNICIPAL, 7],
    [MUNICIPAL, 11],
    [REGIONAL, 9],
    [FINAL, 11],
  ])('%s stage accepts grade %i', (stage, grade) => {
    expect(paper(stage, grade)).toBeNull();
  });

  it.each([
    [SCHOOL, 3, 'Школьный этап ВсОШ проводится для 4–11 классов, указан 3'],
    [MUNICIPAL, 6, 'Муниципальный этап ВсОШ проводится для 7–11 классов, указан 6'],
    [REGIONAL, 8, 'Региональный этап ВсОШ проводится для 9–11 классов, указан 8'],
    [FINAL, 8, 'Заключительный этап ВсОШ проводится для 9–11 классов, указан 8'],
  ])('%s stage refuses grade %i', (stage, grade, message) => {
    expect(paper(stage, grade)).toEqual({ field: 'gradePerformed', message });
  });

  it('grade 4 writes the school stage only in Russian and mathematics', () => {
    expect(paper(SCHOOL, 4, MATH)).toBeNull();
    expect(paper(SCHOOL, 4, PHYSICS)).toEqual({
      field: 'gradePerformed',
      message:
        'В 4 классе школьный этап ВсОШ проводится только по русскому языку и математике, указан предмет «Физика»',
    });
    // A fourth-grader may write grade 5's paper in physics.
    expect(paper(SCHOOL, 5, PHYSICS, 4)).toBeNull();
  });

  it('an older grade’s paper is allowed, a younger one is not', () => {
    expect(paper(MUNICIPAL, 9, MATH, 7)).toBeNull();
    expect(paper(MUNICIPAL, 8, MATH, 9)?.message).toBe(
      'Класс выполнения (8) не может быть ниже класса обучения (9)',
    );
  });

  it('other contests are not held to the ВсОШ grades', () => {
    expect(
      gradeProblem({ stage: REGIONAL, gradeActual: 5, gradePerformed: 5, subject: PHYSICS }, false),
    ).toBeNull();
  });
});

describe('admission to a later stage', () => {
  const entry = (stage: OlympiadStage, gradePerformed = 9) => ({
    stage,
    year: 2024,
    gradePerformed,
    subjectName: 'Физика',
  });

  it('the school stage needs nothing before it', () => {
    expect(admissionProblem(entry(SCHOOL), { previousStage: null, previousYear: null })).toBeNull();
  });

  it('a later stage is admitted by the stage before in the same year', () => {
    expect(
      admissionProblem(entry(MUNICIPAL), {
        previousStage: { gradePerformed: 9 },
        previousYear: null,
      }),
    ).toBeNull();
  });

  it('or by last year’s diploma of the same stage, not by a participant’s entry', () => {
    expect(
      admissionProblem(entry(REGIONAL), {
        previousStage: null,
        previousYear: { status: OlympiadStatus.PRIZE_WINNER },
      }),
    ).toBeNull();
    expect(
      admissionProblem(entry(REGIONAL), {
        previousStage: null,
        previousYear: { status: OlympiadStatus.PARTICIPANT },
      }),
    ).toEqual({
      field: 'stage',
      message:
        'Нет записи муниципального этапа 2024/2025 по предмету «Физика» и нет диплома регионального этапа 2023/2024: ученик не мог быть допущен к региональному этапу',
    });
  });

  it('a pupil keeps the older grade chosen at the stage before', () => {
    expect(
      admissionProblem(entry(MUNICIPAL, 9), {
        previousStage: { gradePerformed: 10 },
        previousYear: null,
      }),
    ).toEqual({
      field: 'gradePerformed',
      message:
        'На школьном этапе ученик выполнял задания 10 класса: на следующих этапах — не ниже 10 класса, указан 9',
    });
    expect(
      admissionProblem(entry(MUNICIPAL, 11), {
        previousStage: { gradePerformed: 10 },
        previousYear: null,
      }),
    ).toBeNull();
  });

  it('stages follow one another; academic years parse strictly', () => {
    expect([previousStage(SCHOOL), previousStage(FINAL), nextStage(FINAL)]).toEqual([
      null,
      REGIONAL,
      null,
    ]);
    expect(academicYearStart('2024/2025')).toBe(2024);
    expect(academicYearStart('2024/2026')).toBeNull();
    expect(academicYearStart('2024')).toBeNull();
  });
});
