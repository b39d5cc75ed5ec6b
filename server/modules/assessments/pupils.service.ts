// Pupil-level results under pseudonymous codes (no names), and the school aggregates recomputed
// from them in SQL: counts of marks, mean and sd of the primary score, per-task completion,
// the journal comparison and the score histogram — the figures the objectivity signs read.
import type { EntityManager } from '@mikro-orm/postgresql';
import { type BulkResultShape, RowErrors, runBulk } from '../../shared/bulk';
import { pgArray } from '../../shared/pg-array';
import type { Access } from '../access/viewer';
import { type AssessmentProcedure, AssessmentResult, PupilResult } from './assessments.entity';
import { resolveProcedureRows } from './assessments.lookup';
import type { PupilResultInput } from './assessments.inputs';

// Codes such as ФИС ОКО participant codes: Latin letters, digits and separators, with a digit —
// a surname or a full name cannot pass.
const PUPIL_CODE = /^(?=.*\d)[A-Za-z0-9._\-/]{1,40}$/;
const MARKS = new Set([2, 3, 4, 5]);

function checkPupil(
  index: number,
  input: PupilResultInput,
  procedure: AssessmentProcedure,
  errors: RowErrors,
): boolean {
  const before = errors.count;
  const fail = (field: string, message: string) =>
    errors.add(index, null, field, 'INVALID_FORMAT', message);
  if (!PUPIL_CODE.test(input.pupilCode)) {
    fail(
      'pupilCode',
      'Код участника — латинские буквы, цифры и . _ - / с хотя бы одной цифрой (не ФИО)',
    );
  }
  if (!(input.primaryScore >= 0 && input.primaryScore <= procedure.maxScore)) {
    fail('primaryScore', `Первичный балл — от 0 до ${procedure.maxScore}`);
  }
  for (const field of ['mark', 'journalMark'] as const) {
    if (input[field] != null && !MARKS.has(input[field]!)) {
      fail(field, 'Отметка — 2, 3, 4 или 5');
    }
  }
  const scores = input.taskScores;
  if (scores != null && procedure.tasks.length > 0) {
    if (scores.length !== procedure.tasks.length) {
      fail(
        'taskScores',
        `Заданий в процедуре ${procedure.tasks.length}, а баллов ${scores.length}`,
      );
    } else {
      const bad = scores.findIndex((s, j) => !(s >= 0 && s <= procedure.tasks[j].maxScore));
      const total = scores.reduce((sum, s) => sum + s, 0);
      if (bad >= 0) {
        fail(
          'taskScores',
          `Задание ${procedure.tasks[bad].number}: балл от 0 до ${procedure.tasks[bad].maxScore}`,
        );
      } else if (Math.abs(total - input.primaryScore) > 1e-9) {
        fail(
          'taskScores',
          `Сумма баллов за задания ${total} ≠ первичному баллу ${input.primaryScore}`,
        );
      }
    }
  }
  return errors.count === before;
}

/**
 * Recomputes the results of the given (procedure, organization) pairs from their pupil rows,
 * in one statement; pairs left without pupils keep their stored result. Returns their ids.
 */
export async function recomputeResults(
  em: EntityManager,
  pairs: readonly { procedureId: number; organizationId: number }[],
): Promise<number[]> {
  if (pairs.length === 0) {
    return [];
  }
  const rows = await em.execute<{ id: number }[]>(
    `with pairs as (
       select * from unnest(?::int[], ?::int[]) as x(procedure_id, organization_id)
     ), pupils as (
       select pr.* from pupil_result pr
         join pairs using (procedure_id, organization_id)
     ), marks as (
       select procedure_id, organization_id, count(*) as participants,
              avg(primary_score) as mean_score, stddev_samp(primary_score) as score_sd,
              count(mark) as marked, count(*) filter (where mark = 2) as mark2,
              count(*) filter (where mark = 3) as mark3, count(*) filter (where mark = 4) as mark4,
              count(*) filter (where mark = 5) as mark5,
              count(*) filter (where mark is not null and journal_mark is not null) as journal,
              count(*) filter (where mark < journal_mark) as lowered,
              count(*) filter (where mark = journal_mark) as confirmed,
              count(*) filter (where mark > journal_mark) as raised
         from pupils group by procedure_id, organization_id
     ), tasks as (
       select procedure_id, organization_id,
              jsonb_agg(completion order by position) as task_completion
         from (select pu.procedure_id, pu.organization_id, t.position,
                      100 * avg(t.score::float8) / nullif(
                        (p.tasks -> (t.position::int - 1) ->> 'maxScore')::float8, 0) as completion
                 from pupils pu
                 join assessment_procedure p on p.id = pu.procedure_id
                 cross join lateral jsonb_array_elements_text(
                   case when jsonb_typeof(pu.task_scores) = 'array' then pu.task_scores else '[]' end
                 ) with ordinality t(score, position)
                group by pu.procedure_id, pu.organization_id, t.position, p.tasks) per_task
        group by procedure_id, organization_id
     ), histogram as (
       select procedure_id, organization_id, jsonb_object_agg(score, pupils) as score_histogram
         from (select procedure_id, organization_id, primary_score::numeric::text as score,
                      count(*) as pupils
                 from pupils group by procedure_id, organization_id, primary_score) per_score
        group by procedure_id, organization_id
     )
     insert into assessment_result (procedure_id, organization_id, municipality_id, participants,
       mark2, mark3, mark4, mark5, mean_score, score_sd, mean_percent, task_completion,
       journal_lowered, journal_confirmed, journal_raised, score_histogram)
     select m.procedure_id, m.organization_id, o.municipality_id, m.participants,
            case when m.marked > 0 then m.mark2 end, case when m.marked > 0 then m.mark3 end,
            case when m.marked > 0 then m.mark4 end, case when m.marked > 0 then m.mark5 end,
            m.mean_score, m.score_sd, 100 * m.mean_score / p.max_score, t.task_completion,
            case when m.journal > 0 then m.lowered end, case when m.journal > 0 then m.confirmed end,
            case when m.journal > 0 then m.raised end, h.score_histogram
       from marks m
       join assessment_procedure p on p.id = m.procedure_id
       join organization o on o.id = m.organization_id
       left join tasks t using (procedure_id, organization_id)
       left join histogram h using (procedure_id, organization_id)
     on conflict (procedure_id, organization_id) do update set
       participants = excluded.participants, mark2 = excluded.mark2, mark3 = excluded.mark3,
       mark4 = excluded.mark4, mark5 = excluded.mark5, mean_score = excluded.mean_score,
       score_sd = excluded.score_sd, mean_percent = excluded.mean_percent,
       task_completion = excluded.task_completion, journal_lowered = excluded.journal_lowered,
       journal_confirmed = excluded.journal_confirmed, journal_raised = excluded.journal_raised,
       score_histogram = excluded.score_histogram,
       version = assessment_result.version + 1, updated_at = now()
     returning assessment_result.id`,
    [pgArray(pairs.map((p) => p.procedureId)), pgArray(pairs.map((p) => p.organizationId))],
  );
  return rows.map((row) => Number(row.id));
}

/**
 * Creates or updates pupil rows by (procedure code, pupil code), atomically, and recomputes the
 * results of every school they touch (a pupil moved to another school leaves the old one too).
 */
export function upsertPupilResults(
  em: EntityManager,
  rows: PupilResultInput[],
  dryRun: boolean,
  access: Access,
): Promise<BulkResultShape<AssessmentResult>> {
  return runBulk(em, rows, dryRun, access.auditActor(), async (tem) => {
    const errors = new RowErrors();
    const seen = new Map<string, number>();
    const planned = (await resolveProcedureRows(tem, rows, errors)).filter(
      ({ index, procedure }) => {
        const input = rows[index];
        if (!checkPupil(index, input, procedure, errors)) {
          return false;
        }
        const key = `${procedure.id}|${input.pupilCode}`;
        const first = seen.get(key);
        if (first !== undefined) {
          errors.add(
            index,
            null,
            'pupilCode',
            'DUPLICATE',
            `Этот участник уже есть в запросе (строка ${first + 1})`,
          );
          return false;
        }
        seen.set(key, index);
        return true;
      },
    );
    const existing = planned.length
      ? await tem.find(
          PupilResult,
          {
            $or: planned.map((p) => ({
              procedure: p.procedure.id,
              pupilCode: rows[p.index].pupilCode,
            })),
          },
          { populate: ['organization'] },
        )
      : [];
    const stored = new Map(existing.map((r) => [`${r.procedure.id}|${r.pupilCode}`, r]));
    // The writer must reach both the school a pupil is written to and the one it leaves.
    access.assertCanWriteUnits(
      [
        ...planned.map((p) => p.organization),
        ...existing.map((r) => r.organization.getEntity()),
      ].map((o) => ({ municipalityId: o.municipality.id, organizationId: o.id })),
    );
    return {
      errors,
      async write() {
        const touched = new Map<string, { procedureId: number; organizationId: number }>();
        const touch = (procedureId: number, organizationId: number) =>
          touched.set(`${procedureId}|${organizationId}`, { procedureId, organizationId });
        let created = 0;
        for (const { index, procedure, organization } of planned) {
          const input = rows[index];
          const current = stored.get(`${procedure.id}|${input.pupilCode}`);
          if (current) {
            touch(procedure.id, current.organization.id);
          } else {
            created += 1;
          }
          const pupil =
            current ??
            tem.create(PupilResult, {
              procedure,
              organization,
              pupilCode: input.pupilCode,
              primaryScore: input.primaryScore,
            });
          tem.assign(pupil, {
            organization,
            primaryScore: input.primaryScore,
            mark: input.mark ?? null,
            journalMark: input.journalMark ?? null,
            taskScores: input.taskScores ?? null,
          });
          touch(procedure.id, organization.id);
        }
        await tem.flush();
        const ids = await recomputeResults(tem, [...touched.values()]);
        const results = await tem.find(
          AssessmentResult,
          { id: { $in: ids } },
          { orderBy: { id: 'asc' }, refresh: true },
        );
        return { rows: results, created, deleted: 0, total: planned.length };
      },
    };
  });
}
