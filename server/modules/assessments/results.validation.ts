import type { RowErrors } from '../../shared/bulk';
import type { AssessmentProcedure } from './assessments.entity';
import type { AssessmentResultInput } from './assessments.inputs';

type CountField =
  | 'participants'
  | 'mark2'
  | 'mark3'
  | 'mark4'
  | 'mark5'
  | 'journalLowered'
  | 'journalConfirmed'
  | 'journalRaised'
  | 'belowMinimum'
  | 'medalists'
  | 'medalistsBelowRequirement';

const COUNTS: readonly CountField[] = [
  'participants',
  'mark2',
  'mark3',
  'mark4',
  'mark5',
  'journalLowered',
  'journalConfirmed',
  'journalRaised',
  'belowMinimum',
  'medalists',
  'medalistsBelowRequirement',
];

const sum = (values: (number | null | undefined)[]) =>
  values.reduce<number>((total, value) => total + (value ?? 0), 0);

/**
 * Checks one result against its procedure: counts are whole and non-negative and fit in the
 * participants, shares are percentages, scores fit the maximum, task completion has one entry per
 * task. Every problem is reported on its field; returns whether the row is valid.
 */
export function checkResult(
  index: number,
  input: AssessmentResultInput,
  procedure: AssessmentProcedure,
  errors: RowErrors,
): boolean {
  const before = errors.count;
  const fail = (field: string, message: string) =>
    errors.add(index, null, field, 'INVALID_FORMAT', message);
  for (const field of COUNTS) {
    const value = input[field];
    if (value != null && (!Number.isInteger(value) || value < 0)) {
      fail(field, 'Нужно целое неотрицательное число');
    }
  }
  const participants = input.participants;
  if (participants == null) {
    errors.add(index, null, 'participants', 'REQUIRED', 'Укажите число участников');
    return false;
  }
  if (!Number.isInteger(participants) || participants < 0) {
    // Nothing can be compared with an impossible number of participants.
    return false;
  }
  const marks = sum([input.mark2, input.mark3, input.mark4, input.mark5]);
  if (marks > participants) {
    fail('mark2', `Отметок (${marks}) больше, чем участников (${participants})`);
  }
  const journal = sum([input.journalLowered, input.journalConfirmed, input.journalRaised]);
  if (journal > participants) {
    fail(
      'journalLowered',
      `Сравнений с журналом (${journal}) больше, чем участников (${participants})`,
    );
  }
  if ((input.belowMinimum ?? 0) > participants) {
    fail('belowMinimum', 'Больше, чем участников');
  }
  if ((input.medalistsBelowRequirement ?? 0) > (input.medalists ?? 0)) {
    fail('medalistsBelowRequirement', 'Больше, чем медалистов');
  }
  if (input.meanPercent != null && !(input.meanPercent >= 0 && input.meanPercent <= 100)) {
    fail('meanPercent', 'Процент выполнения — от 0 до 100');
  }
  if (input.meanScore != null && !(input.meanScore >= 0 && input.meanScore <= procedure.maxScore)) {
    fail('meanScore', `Средний балл — от 0 до ${procedure.maxScore}`);
  }
  if (input.scoreSd != null && !(input.scoreSd >= 0)) {
    fail('scoreSd', 'Стандартное отклонение не может быть отрицательным');
  }
  checkTasks(input, procedure, fail);
  checkHistogram(input, procedure, fail);
  return errors.count === before;
}

function checkTasks(
  input: AssessmentResultInput,
  procedure: AssessmentProcedure,
  fail: (field: string, message: string) => void,
): void {
  const completion = input.taskCompletion;
  if (completion == null) {
    return;
  }
  if (procedure.tasks.length > 0 && completion.length !== procedure.tasks.length) {
    fail(
      'taskCompletion',
      `Заданий в процедуре ${procedure.tasks.length}, а значений ${completion.length}`,
    );
  } else if (completion.some((value) => !(value >= 0 && value <= 100))) {
    fail('taskCompletion', 'Выполнение заданий — проценты от 0 до 100');
  }
}

function checkHistogram(
  input: AssessmentResultInput,
  procedure: AssessmentProcedure,
  fail: (field: string, message: string) => void,
): void {
  const histogram = input.scoreHistogram;
  if (histogram == null) {
    return;
  }
  const entries = Object.entries(histogram);
  const bad = entries.find(
    ([score, pupils]) =>
      !/^\d+(\.\d+)?$/.test(score) ||
      Number(score) > procedure.maxScore ||
      !Number.isInteger(pupils) ||
      pupils < 0,
  );
  if (bad) {
    fail('scoreHistogram', `Неверная запись «${bad[0]}: ${String(bad[1])}»`);
  } else if (sum(entries.map(([, pupils]) => pupils)) > (input.participants ?? 0)) {
    fail('scoreHistogram', 'Учеников в распределении больше, чем участников');
  }
}
