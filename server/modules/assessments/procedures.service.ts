import type { EntityManager } from '@mikro-orm/postgresql';
import { type BulkResultShape, RowErrors, runBulk } from '../../shared/bulk';
import type { Access } from '../access/viewer';
import { AssessmentProcedure } from './assessments.entity';
import type { AssessmentProcedureInput } from './assessments.inputs';

/** Checks tasks and mark thresholds of a procedure against its maximum score. */
function checkProcedure(
  index: number,
  input: AssessmentProcedureInput,
  errors: RowErrors,
): boolean {
  const before = errors.count;
  const tasks = input.tasks ?? [];
  if (
    !Array.isArray(tasks) ||
    tasks.some((t) => typeof t?.number !== 'string' || !(Number(t.maxScore) > 0))
  ) {
    errors.add(
      index,
      null,
      'tasks',
      'INVALID_FORMAT',
      'Задания: [{ number: "1", maxScore: 2 }, …]',
    );
  } else if (tasks.length > 0) {
    const total = tasks.reduce((sum, t) => sum + Number(t.maxScore), 0);
    if (total !== input.maxScore) {
      errors.add(
        index,
        null,
        'tasks',
        'INVALID_FORMAT',
        `Сумма баллов заданий ${total} ≠ максимальному баллу ${input.maxScore}`,
      );
    }
  }
  const thresholds = Object.entries(input.markThresholds ?? {});
  const bad = thresholds.find(
    ([mark, score]) => !/^[2-5]$/.test(mark) || !(score >= 0 && score <= input.maxScore),
  );
  if (bad) {
    errors.add(
      index,
      null,
      'markThresholds',
      'INVALID_FORMAT',
      `Порог «${bad[0]}: ${String(bad[1])}» неверен`,
    );
  }
  return errors.count === before;
}

/** Creates or updates procedures by code (administrators: procedures are a shared directory). */
export function upsertAssessmentProcedures(
  em: EntityManager,
  rows: AssessmentProcedureInput[],
  dryRun: boolean,
  access: Access,
): Promise<BulkResultShape<AssessmentProcedure>> {
  access.requireAdmin();
  return runBulk(em, rows, dryRun, access.auditActor(), async (tem) => {
    const errors = new RowErrors();
    const stored = new Map(
      (await tem.find(AssessmentProcedure, { code: { $in: rows.map((r) => r.code) } })).map((p) => [
        p.code,
        p,
      ]),
    );
    const seen = new Set<string>();
    rows.forEach((input, index) => {
      if (seen.has(input.code)) {
        errors.add(index, null, 'code', 'DUPLICATE', `Код ${input.code} уже есть в запросе`);
      }
      seen.add(input.code);
      checkProcedure(index, input, errors);
      const current = stored.get(input.code);
      if (input.version != null && current && current.version !== input.version) {
        errors.add(
          index,
          String(current.id),
          'version',
          'CONFLICT',
          'Процедура изменена другим пользователем',
        );
      }
    });
    return {
      errors,
      async write() {
        let created = 0;
        const written = rows.map((input) => {
          const data = {
            kind: input.kind,
            subject: input.subject.trim(),
            grade: input.grade ?? null,
            year: input.year,
            maxScore: input.maxScore,
            tasks: input.tasks ?? [],
            markThresholds: input.markThresholds ?? {},
          };
          const current = stored.get(input.code);
          if (current) {
            return tem.assign(current, data);
          }
          created += 1;
          return tem.create(AssessmentProcedure, { code: input.code, ...data });
        });
        await tem.flush();
        return { rows: written, created, deleted: 0, total: written.length };
      },
    };
  });
}
