import type { EntityManager } from '@mikro-orm/postgresql';
import {
  type BulkResultShape,
  checkVersion,
  refuseRepeatedIds,
  RowErrors,
  runBulk,
} from '../../shared/bulk';
import { containsPattern, dateCondition, idCondition, stringCondition } from '../../shared/filters';
import { type ConnectionShape, toConnection, toPage } from '../../shared/pagination';
import { pgArray } from '../../shared/pg-array';
import { isIsoDate } from '../../shared/scalars';
import { validateIds, validateLengths } from '../../shared/validation';
import type { Access } from '../access/viewer';
import { andWhereDefined, joinRoadmapChain } from './roadmap-rows.query';
import { Activity, ActivityOccurrence } from './roadmaps.entity';
import { OccurrenceStatus } from './roadmaps.enums';
import {
  type ActivityOccurrenceInput,
  type ActivityOccurrenceListArgs,
  LIMITS,
} from './roadmaps.inputs';

export const OPEN_STATUSES = [OccurrenceStatus.PLANNED, OccurrenceStatus.IN_PROGRESS];

export function isOverdue(
  occurrence: Pick<ActivityOccurrence, 'dueDate' | 'status'>,
  today: string,
): boolean {
  return occurrence.dueDate < today && OPEN_STATUSES.includes(occurrence.status);
}

export async function listOccurrences(
  em: EntityManager,
  args: ActivityOccurrenceListArgs,
  today: string,
  access: Access,
): Promise<ConnectionShape<ActivityOccurrence>> {
  const page = toPage(args);
  const filter = args.filter ?? {};
  const qb = em.createQueryBuilder(ActivityOccurrence, 'o').select('o.*').join('o.activity', 'a');
  joinRoadmapChain(qb, access);
  const conditions: Record<string, unknown>[] = [
    { 'r.municipality': idCondition(filter.municipalityId, 'filter.municipalityId') },
    { 'm.region': idCondition(filter.regionId, 'filter.regionId') },
    { 'r.id': idCondition(filter.roadmapId, 'filter.roadmapId') },
    { 'a.id': idCondition(filter.activityId, 'filter.activityId') },
    { 'd.code': stringCondition(filter.directionCode) },
    { 'o.status': filter.status?.in ? { $in: filter.status.in } : undefined },
    { 'o.dueDate': dateCondition(filter.dueDate) },
  ];
  andWhereDefined(qb, conditions);
  if (filter.overdue != null) {
    const overdue = { 'o.dueDate': { $lt: today }, 'o.status': { $in: OPEN_STATUSES } };
    qb.andWhere(filter.overdue ? overdue : { $not: overdue });
  }
  const text = containsPattern(filter.text);
  if (text) {
    qb.andWhere({ $or: [{ 'a.text': { $ilike: text } }, { 'o.reportText': { $ilike: text } }] });
  }
  const order: Record<string, 'asc' | 'desc'>[] = (args.orderBy ?? []).map(
    ({ field, direction }) => ({ [`o.${field}`]: direction }),
  );
  order.push(
    { 'o.dueDate': 'asc' },
    { 'm.name': 'asc' },
    { 's.sortOrder': 'asc' },
    { 'a.sortKey': 'asc' },
    { 'o.id': 'asc' },
  );
  const [items, total] = await qb
    .orderBy(order)
    .limit(page.limit)
    .offset(page.offset)
    .getResultAndCount();
  return toConnection(items, total, page);
}

function validateEvidence(index: number, input: ActivityOccurrenceInput, errors: RowErrors): void {
  if (!input.evidenceUrl) {
    return;
  }
  try {
    const url = new URL(input.evidenceUrl);
    if (!['http:', 'https:'].includes(url.protocol)) {
      throw new Error('protocol');
    }
  } catch {
    errors.add(
      index,
      input.id,
      'evidenceUrl',
      'INVALID_FORMAT',
      'Ссылка на подтверждение должна начинаться с http:// или https://',
    );
  }
}

async function planOccurrences(
  em: EntityManager,
  rows: ActivityOccurrenceInput[],
  errors: RowErrors,
) {
  const ids = validateIds(rows, 'id', errors);
  const activityIds = validateIds(rows, 'activityId', errors);
  const existing = ids.size
    ? await em.find(ActivityOccurrence, { id: { $in: [...ids.values()] } })
    : [];
  const activities = activityIds.size
    ? await em.find(Activity, { id: { $in: [...activityIds.values()] } })
    : [];
  const byId = new Map(existing.map((o) => [o.id, o]));
  const activityById = new Map(activities.map((a) => [a.id, a]));
  refuseRepeatedIds(rows, errors);
  return rows.map((input, index) => {
    validateLengths(
      index,
      input,
      { reportText: LIMITS.reportText, evidenceUrl: LIMITS.evidenceUrl },
      errors,
    );
    validateEvidence(index, input, errors);
    if (input.id != null) {
      const occurrence = byId.get(ids.get(index) ?? -1) ?? null;
      if (!occurrence && ids.has(index)) {
        errors.add(index, input.id, 'id', 'NOT_FOUND', `Запись исполнения ${input.id} не найдена`);
      }
      checkVersion(index, input, occurrence, errors);
      // The due date identifies the occurrence; a different one is a new occurrence, not an edit.
      if (occurrence && input.dueDate != null && input.dueDate !== occurrence.dueDate) {
        errors.add(
          index,
          input.id,
          'dueDate',
          'BAD_USER_INPUT',
          'Срок существующей записи не меняется: создайте новую запись',
        );
      }
      if (
        occurrence &&
        input.activityId != null &&
        input.activityId !== String(occurrence.activity.id)
      ) {
        errors.add(
          index,
          input.id,
          'activityId',
          'BAD_USER_INPUT',
          'Запись исполнения нельзя перенести к другому мероприятию',
        );
      }
      return { index, input, occurrence, activity: null };
    }
    const activity = activityById.get(activityIds.get(index) ?? -1) ?? null;
    if (input.delete) {
      errors.add(index, null, 'id', 'REQUIRED', 'Для удаления укажите id строки');
    } else if (input.activityId == null) {
      errors.add(index, null, 'activityId', 'REQUIRED', 'Укажите мероприятие');
    } else if (!activity && activityIds.has(index)) {
      errors.add(
        index,
        null,
        'activityId',
        'NOT_FOUND',
        `Мероприятие ${input.activityId} не найдено`,
      );
    }
    if (!input.dueDate || !isIsoDate(input.dueDate)) {
      errors.add(index, null, 'dueDate', 'REQUIRED', 'Укажите срок (дату)');
    }
    return { index, input, occurrence: null, activity };
  });
}

/** Municipalities whose roadmaps the planned rows belong to (one query). */
async function municipalitiesOf(
  em: EntityManager,
  plan: Awaited<ReturnType<typeof planOccurrences>>,
): Promise<number[]> {
  const activityIds = plan
    .flatMap((row) => [row.occurrence?.activity.id, row.activity?.id])
    .filter((id): id is number => id != null);
  if (!activityIds.length) {
    return [];
  }
  // em.execute runs inside the surrounding transaction (the pool may hold one connection).
  const rows: { municipality_id: number }[] = await em.execute(
    `select distinct r.municipality_id from activity a join roadmap_section s on s.id = a.section_id join roadmap r on r.id = s.roadmap_id where a.id = any(?::int[])`,
    [pgArray(activityIds)],
  );
  return rows.map((row) => row.municipality_id);
}

async function refuseDuplicateDates(
  em: EntityManager,
  plan: Awaited<ReturnType<typeof planOccurrences>>,
  errors: RowErrors,
) {
  const creating = plan.filter((row) => row.activity && row.input.dueDate && !row.input.delete);
  if (!creating.length) {
    return;
  }
  const taken = await em.find(
    ActivityOccurrence,
    { activity: { $in: creating.map((row) => row.activity!.id) } },
    { fields: ['activity', 'dueDate'] },
  );
  const keys = new Set(taken.map((o) => `${o.activity.id}/${o.dueDate}`));
  for (const row of creating) {
    const key = `${row.activity!.id}/${row.input.dueDate}`;
    if (keys.has(key)) {
      errors.add(
        row.index,
        null,
        'dueDate',
        'DUPLICATE',
        `У мероприятия уже есть срок ${row.input.dueDate}`,
      );
    }
    keys.add(key);
  }
}

function applyFields(occurrence: ActivityOccurrence, input: ActivityOccurrenceInput): void {
  if (input.status != null && input.status !== occurrence.status) {
    occurrence.status = input.status;
    occurrence.completedAt = input.status === OccurrenceStatus.DONE ? new Date() : null;
  }
  if (input.reportText !== undefined) {
    occurrence.reportText = input.reportText?.trim() || null;
  }
  if (input.evidenceUrl !== undefined) {
    occurrence.evidenceUrl = input.evidenceUrl?.trim() || null;
  }
}

async function writeOccurrences(
  em: EntityManager,
  plan: Awaited<ReturnType<typeof planOccurrences>>,
): Promise<ActivityOccurrence[]> {
  const written: ActivityOccurrence[] = [];
  for (const { input, occurrence, activity } of plan) {
    if (input.delete) {
      em.remove(occurrence!);
      continue;
    }
    const target =
      occurrence ?? em.create(ActivityOccurrence, { activity: activity!, dueDate: input.dueDate! });
    applyFields(target, input);
    written.push(target);
  }
  await em.flush();
  return written;
}

/** Atomic bulk upsert of execution records; same contract as upsertActivities. */
export function upsertOccurrences(
  em: EntityManager,
  rows: ActivityOccurrenceInput[],
  dryRun: boolean,
  access: Access,
): Promise<BulkResultShape<ActivityOccurrence>> {
  return runBulk(em, rows, dryRun, access.auditActor(), async (tem) => {
    const errors = new RowErrors();
    const plan = await planOccurrences(tem, rows, errors);
    access.assertCanWrite(await municipalitiesOf(tem, plan));
    await refuseDuplicateDates(tem, plan, errors);
    return {
      errors,
      write: async () => ({
        rows: await writeOccurrences(tem, plan),
        created: plan.filter((row) => !row.occurrence).length,
        deleted: plan.filter((row) => row.input.delete).length,
        total: plan.length,
      }),
    };
  });
}
