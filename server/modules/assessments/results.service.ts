import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { type BulkResultShape, checkKeyedVersion, RowErrors, runBulk } from '../../shared/bulk';
import type { Access } from '../access/viewer';
import { AssessmentResult } from './assessments.entity';
import { resolveProcedureRows } from './assessments.lookup';
import type { AssessmentResultInput } from './assessments.inputs';
import { checkResult } from './results.validation';

// Fields copied from the input onto the stored result; left-out ones keep their stored values.
const FIGURES = [
  'participants',
  'mark2',
  'mark3',
  'mark4',
  'mark5',
  'meanScore',
  'scoreSd',
  'meanPercent',
  'taskCompletion',
  'journalLowered',
  'journalConfirmed',
  'journalRaised',
  'belowMinimum',
  'medalists',
  'medalistsBelowRequirement',
  'scoreHistogram',
] as const;

/** The input's figures over the stored ones (left-out fields keep their stored values). */
function mergedFigures(
  stored: AssessmentResult | null,
  input: AssessmentResultInput,
): AssessmentResultInput {
  if (!stored) {
    return input;
  }
  const merged = { ...input };
  for (const field of FIGURES) {
    if (input[field] == null && field === 'participants') {
      merged.participants = stored.participants;
    } else if (input[field] === undefined) {
      (merged as Record<string, unknown>)[field] = stored[field];
    }
  }
  return merged;
}

/**
 * Creates or updates schools' results by natural key (procedure code, organization code):
 * atomic, dry run, per-row errors, audited, scoped to the writer's municipality or organization.
 */
export function upsertAssessmentResults(
  em: EntityManager,
  rows: AssessmentResultInput[],
  dryRun: boolean,
  access: Access,
): Promise<BulkResultShape<AssessmentResult>> {
  return runBulk(em, rows, dryRun, access.auditActor(), async (tem) => {
    const errors = new RowErrors();
    const planned = await resolveProcedureRows(tem, rows, errors);
    access.assertCanWriteUnits(
      planned.map((p) => ({
        municipalityId: p.organization.municipality.id,
        organizationId: p.organization.id,
      })),
    );
    // Locked for this transaction, so the version check holds until the write.
    const existing = planned.length
      ? await tem.find(
          AssessmentResult,
          {
            $or: planned.map((p) => ({
              procedure: p.procedure.id,
              organization: p.organization.id,
            })),
          },
          { lockMode: LockMode.PESSIMISTIC_WRITE },
        )
      : [];
    const stored = new Map(existing.map((r) => [`${r.procedure.id}|${r.organization.id}`, r]));
    const seen = new Map<string, number>();
    const targets = planned.flatMap((p) => {
      const input = rows[p.index];
      const current = stored.get(`${p.procedure.id}|${p.organization.id}`) ?? null;
      if (input.delete) {
        if (!current) {
          errors.add(p.index, null, 'delete', 'NOT_FOUND', 'Удалять нечего: результата нет');
          return [];
        }
      } else if (!checkResult(p.index, mergedFigures(current, input), p.procedure, errors)) {
        // Cross-field rules (marks ≤ participants…) hold for the row as it will be stored: the
        // figures sent over the stored ones.
        return [];
      }
      const key = `${p.procedure.id}|${p.organization.id}`;
      const first = seen.get(key);
      if (first !== undefined) {
        errors.add(
          p.index,
          null,
          'organizationCode',
          'DUPLICATE',
          `Этот результат уже есть в запросе (строка ${first + 1})`,
        );
        return [];
      }
      seen.set(key, p.index);
      checkKeyedVersion(p.index, input.version, current, errors, {
        conflict: `Результат изменён другим пользователем (версия ${current?.version}, у вас ${input.version})`,
        gone: 'Результат уже удалён: обновите таблицу',
      });
      return [{ ...p, input, existing: current }];
    });
    return {
      errors,
      async write() {
        let created = 0;
        const removed = targets.filter((t) => t.input.delete).map((t) => t.existing!);
        removed.forEach((result) => tem.remove(result));
        const kept = targets.filter((t) => !t.input.delete);
        const written = kept.map(({ input, existing, procedure, organization }) => {
          const result =
            existing ??
            tem.create(AssessmentResult, {
              procedure,
              organization,
              municipality: organization.municipality,
              participants: input.participants!,
            });
          if (!existing) {
            created += 1;
          }
          for (const field of FIGURES) {
            // participants is never cleared: null means «keep», as left out does.
            if (input[field] !== undefined && !(field === 'participants' && input[field] == null)) {
              (result as unknown as Record<string, unknown>)[field] = input[field];
            }
          }
          return result;
        });
        await tem.flush();
        return {
          rows: written,
          created,
          deleted: removed.length,
          total: written.length + removed.length,
        };
      },
    };
  });
}
