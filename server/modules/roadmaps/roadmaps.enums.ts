import { registerEnumType } from 'type-graphql';

// Lowercase names on purpose: they are the parser's vocabulary and read well in queries.
export enum ScheduleKind {
  once = 'once',
  annual = 'annual',
  semiannual = 'semiannual',
  quarterly = 'quarterly',
  monthly = 'monthly',
  permanent = 'permanent',
  by_event = 'by_event',
  on_demand = 'on_demand',
  period = 'period',
  unknown = 'unknown',
}
registerEnumType(ScheduleKind, {
  name: 'ScheduleKind',
  description: 'How often an activity is due, parsed from its deadline text.',
});

export enum OccurrenceStatus {
  PLANNED = 'planned',
  IN_PROGRESS = 'in_progress',
  DONE = 'done',
  CANCELLED = 'cancelled',
}
registerEnumType(OccurrenceStatus, { name: 'OccurrenceStatus' });
