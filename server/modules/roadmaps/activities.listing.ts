import type { EntityManager, QueryBuilder } from '@mikro-orm/postgresql';
import { containsPattern, dateCondition, idCondition, stringCondition } from '../../shared/filters';
import { readOnlyEntities } from '../../shared/read-only';
import { type ConnectionShape, lookahead, toLazyConnection, toPage } from '../../shared/pagination';
import type { Access } from '../access/viewer';
import { andWhereDefined, joinRoadmapChain } from './roadmap-rows.query';
import { Activity, ActivityOccurrence } from './roadmaps.entity';
import { type ActivityFilter, type ActivityListArgs, ActivityOrderField } from './roadmaps.inputs';

// Occurrence conditions become an `id in (subquery)` so one activity never repeats in a page.
function occurrenceSubquery(em: EntityManager, filter: ActivityFilter) {
  const status = filter.status?.in;
  const due = dateCondition(filter.dueDate);
  if (!status?.length && !due) {
    return null;
  }
  const sub = em.createQueryBuilder(ActivityOccurrence, 'o').select('o.activity_id');
  if (status?.length) {
    sub.andWhere({ status: { $in: status } });
  }
  if (due) {
    sub.andWhere({ dueDate: due });
  }
  return sub.getKnexQuery();
}

function executorSubquery(em: EntityManager, filter: ActivityFilter) {
  const ids = idCondition(filter.executorId, 'filter.executorId');
  if (!ids) {
    return null;
  }
  return em
    .getKnex()
    .select('activity_id')
    .from('activity_executor')
    .whereIn('executor_id', ids.$in);
}

export function applyActivityFilter(
  em: EntityManager,
  qb: QueryBuilder<Activity>,
  filter: ActivityFilter = {},
): void {
  const conditions: Record<string, unknown>[] = [
    { 'a.id': idCondition(filter.id, 'filter.id') },
    { 'r.id': idCondition(filter.roadmapId, 'filter.roadmapId') },
    { 'r.municipality': idCondition(filter.municipalityId, 'filter.municipalityId') },
    { 'm.region': idCondition(filter.regionId, 'filter.regionId') },
    { 's.id': idCondition(filter.sectionId, 'filter.sectionId') },
    { 'd.code': stringCondition(filter.directionCode) },
    { 'a.scheduleKind': filter.scheduleKind?.in ? { $in: filter.scheduleKind.in } : undefined },
    { 'a.cycleComponent': filter.cycleComponent ? { $in: filter.cycleComponent } : undefined },
  ];
  const text = containsPattern(filter.text);
  if (text) {
    conditions.push({ 'a.text': { $ilike: text } });
  }
  const occurrences = occurrenceSubquery(em, filter);
  if (occurrences) {
    conditions.push({ 'a.id': { $in: occurrences } });
  }
  const executors = executorSubquery(em, filter);
  if (executors) {
    conditions.push({ 'a.id': { $in: executors } });
  }
  andWhereDefined(qb, conditions);
}

const ORDER_COLUMNS: Record<ActivityOrderField, string[]> = {
  [ActivityOrderField.ID]: ['a.id'],
  [ActivityOrderField.NUMBER]: ['a.sortKey'],
  [ActivityOrderField.TEXT]: ['a.text'],
  [ActivityOrderField.SECTION]: ['s.sortOrder'],
  [ActivityOrderField.MUNICIPALITY]: ['m.name'],
  [ActivityOrderField.UPDATED_AT]: ['a.updatedAt'],
};

export async function listActivities(
  em: EntityManager,
  args: ActivityListArgs,
  access: Access,
): Promise<ConnectionShape<Activity>> {
  const page = toPage(args);
  const qb = joinRoadmapChain(em.createQueryBuilder(Activity, 'a').select('a.*'), access);
  applyActivityFilter(em, qb, args.filter);
  const order: Record<string, 'asc' | 'desc'>[] = [];
  for (const { field, direction } of args.orderBy ?? []) {
    order.push(...ORDER_COLUMNS[field].map((column) => ({ [column]: direction })));
  }
  // A stable tail makes offset pages deterministic.
  order.push(
    { 'm.name': 'asc' },
    { 'r.id': 'asc' },
    { 's.sortOrder': 'asc' },
    { 'a.sortKey': 'asc' },
    { 'a.id': 'asc' },
  );
  const counted = qb.clone();
  const rows = await qb
    .orderBy(order)
    .limit(lookahead(page))
    .offset(page.offset)
    .execute<Record<string, unknown>[]>('all', true);
  return toLazyConnection(readOnlyEntities(em, Activity, rows), () => counted.getCount(), page);
}
