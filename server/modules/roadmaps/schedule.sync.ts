import type { EntityManager } from '@mikro-orm/postgresql';
import type { ParsedSchedule, RoadmapPeriod } from '../../importers/roadmap.types';
import { dueDates, parseSchedule } from '../../importers/schedule.parser';
import {
  type Activity,
  ActivityOccurrence,
  type Roadmap,
  type ScheduleDetails,
} from './roadmaps.entity';
import { OccurrenceStatus } from './roadmaps.enums';

export function roadmapPeriod(roadmap: Pick<Roadmap, 'periodStart' | 'periodEnd'>): RoadmapPeriod {
  return {
    startYear: Number(roadmap.periodStart.slice(0, 4)),
    startMonth: Number(roadmap.periodStart.slice(5, 7)),
    endYear: Number(roadmap.periodEnd.slice(0, 4)),
    endMonth: Number(roadmap.periodEnd.slice(5, 7)),
  };
}

export function scheduleDetails({
  kind: _kind,
  raw: _raw,
  ...details
}: ParsedSchedule): ScheduleDetails {
  return details;
}

/** Stores the parsed schedule of a deadline text on the activity. */
export function applyDeadline(activity: Activity, deadlineText: string): void {
  const parsed = parseSchedule(deadlineText);
  activity.deadlineText = deadlineText;
  activity.scheduleKind = parsed.kind;
  activity.schedule = scheduleDetails(parsed);
}

export function activitySchedule(activity: Activity): ParsedSchedule {
  return { kind: activity.scheduleKind, ...activity.schedule, raw: activity.deadlineText };
}

// An occurrence someone has worked on keeps its data even if the schedule no longer asks for it.
function isUntouched(occurrence: ActivityOccurrence): boolean {
  return (
    occurrence.status === OccurrenceStatus.PLANNED &&
    !occurrence.reportText &&
    !occurrence.evidenceUrl
  );
}

/**
 * Makes the occurrences of the given activities match their schedules over the roadmap period:
 * adds missing due dates, removes untouched ones that are no longer due. One query for all.
 */
export async function syncOccurrences(
  em: EntityManager,
  items: { activity: Activity; period: RoadmapPeriod }[],
): Promise<void> {
  const persistedIds = items
    .map(({ activity }) => activity.id)
    .filter((id): id is number => id != null);
  const existing = persistedIds.length
    ? await em.find(ActivityOccurrence, { activity: { $in: persistedIds } })
    : [];
  const byActivity = new Map<number, ActivityOccurrence[]>();
  for (const occurrence of existing) {
    const list = byActivity.get(occurrence.activity.id) ?? [];
    list.push(occurrence);
    byActivity.set(occurrence.activity.id, list);
  }
  for (const { activity, period } of items) {
    const desired = new Set(dueDates(activitySchedule(activity), period));
    const current = activity.id != null ? (byActivity.get(activity.id) ?? []) : [];
    for (const occurrence of current) {
      if (!desired.has(occurrence.dueDate) && isUntouched(occurrence)) {
        em.remove(occurrence);
      }
    }
    const have = new Set(current.map((occurrence) => occurrence.dueDate));
    for (const dueDate of desired) {
      if (!have.has(dueDate)) {
        em.create(ActivityOccurrence, { activity, dueDate });
      }
    }
  }
}

/** '1.10.2' → '0001.0010.0002', so numbers sort naturally in SQL. */
export function sortKeyFor(number: string): string {
  return number
    .split('.')
    .filter(Boolean)
    .map((part) => part.padStart(4, '0'))
    .join('.');
}

export const ACTIVITY_NUMBER = /^\d{1,4}(\.\d{1,4}){0,5}$/;

/** Normalises a typed number: «1.2.» → «1.2», spaces removed. */
export function normaliseNumber(raw: string): string {
  return raw.replace(/\s+/g, '').replace(/\.+$/, '');
}
