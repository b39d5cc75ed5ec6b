import { ArgsType, Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import {
  DateFilter,
  IdFilter,
  SortDirection,
  StringFilter,
  TextFilter,
} from '../../shared/filters';
import { PageArgs } from '../../shared/pagination';
import { DateScalar } from '../../shared/scalars';
import { OccurrenceStatus, ScheduleKind } from './roadmaps.enums';

@InputType()
export class RoadmapFilter {
  @Field(() => IdFilter, { nullable: true })
  municipalityId?: IdFilter;

  @Field(() => IdFilter, { nullable: true })
  regionId?: IdFilter;
}

@ArgsType()
export class RoadmapListArgs extends PageArgs {
  @Field(() => RoadmapFilter, { nullable: true })
  filter?: RoadmapFilter;
}

@InputType()
export class ScheduleKindFilter {
  @Field(() => [ScheduleKind], { nullable: true })
  in?: ScheduleKind[];
}

@InputType()
export class OccurrenceStatusFilter {
  @Field(() => [OccurrenceStatus], { nullable: true })
  in?: OccurrenceStatus[];
}

@InputType({ description: 'All given conditions must hold.' })
export class ActivityFilter {
  @Field(() => IdFilter, { nullable: true })
  id?: IdFilter;

  @Field(() => IdFilter, { nullable: true })
  roadmapId?: IdFilter;

  @Field(() => IdFilter, { nullable: true })
  municipalityId?: IdFilter;

  @Field(() => IdFilter, { nullable: true })
  regionId?: IdFilter;

  @Field(() => IdFilter, { nullable: true })
  sectionId?: IdFilter;

  @Field(() => StringFilter, {
    nullable: true,
    description: 'Direction code of the section, e.g. 1.1 or 2.2.MET.',
  })
  directionCode?: StringFilter;

  @Field(() => TextFilter, { nullable: true, description: 'Searches the activity text.' })
  text?: TextFilter;

  @Field(() => ScheduleKindFilter, { nullable: true })
  scheduleKind?: ScheduleKindFilter;

  @Field(() => [Int], { nullable: true, description: 'Management-cycle component codes (1–9).' })
  cycleComponent?: number[];

  @Field(() => IdFilter, { nullable: true })
  executorId?: IdFilter;

  @Field(() => OccurrenceStatusFilter, {
    nullable: true,
    description: 'Has an occurrence in one of these statuses.',
  })
  status?: OccurrenceStatusFilter;

  @Field(() => DateFilter, { nullable: true, description: 'Has an occurrence due in this range.' })
  dueDate?: DateFilter;
}

export enum ActivityOrderField {
  /** Creation order: a stable key for clients that page through everything. */
  ID = 'id',
  NUMBER = 'number',
  TEXT = 'text',
  SECTION = 'section',
  MUNICIPALITY = 'municipality',
  UPDATED_AT = 'updatedAt',
}
registerEnumType(ActivityOrderField, { name: 'ActivityOrderField' });

@InputType()
export class ActivityOrder {
  @Field(() => ActivityOrderField)
  field!: ActivityOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
  direction: SortDirection = SortDirection.ASC;
}

@ArgsType()
export class ActivityListArgs extends PageArgs {
  @Field(() => ActivityFilter, { nullable: true })
  filter?: ActivityFilter;

  @Field(() => [ActivityOrder], {
    nullable: true,
    description: 'Default: municipality, section, number.',
  })
  orderBy?: ActivityOrder[];
}

// Grid rows: no id → create (sectionId, number, text required); id → update (version required).
@InputType()
export class ActivityInput {
  @Field(() => ID, { nullable: true })
  id?: string;

  @Field(() => Int, { nullable: true })
  version?: number;

  @Field(() => ID, { nullable: true })
  sectionId?: string;

  @Field(() => String, { nullable: true })
  number?: string;

  @Field(() => String, { nullable: true })
  text?: string;

  @Field(() => String, { nullable: true })
  deadlineText?: string;

  @Field(() => String, { nullable: true })
  responsibleText?: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Management-cycle component 1–9; null clears it.',
  })
  cycleComponentCode?: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Deletes the row (id and version required), in the same transaction.',
  })
  delete?: boolean;
}

@InputType()
export class ActivityOccurrenceFilter {
  @Field(() => IdFilter, { nullable: true })
  municipalityId?: IdFilter;

  @Field(() => IdFilter, { nullable: true })
  regionId?: IdFilter;

  @Field(() => IdFilter, { nullable: true })
  roadmapId?: IdFilter;

  @Field(() => IdFilter, { nullable: true })
  activityId?: IdFilter;

  @Field(() => StringFilter, { nullable: true })
  directionCode?: StringFilter;

  @Field(() => OccurrenceStatusFilter, { nullable: true })
  status?: OccurrenceStatusFilter;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Past due and not done or cancelled (as of today).',
  })
  overdue?: boolean;

  @Field(() => DateFilter, { nullable: true })
  dueDate?: DateFilter;

  @Field(() => TextFilter, {
    nullable: true,
    description: 'Searches the activity text and the report.',
  })
  text?: TextFilter;
}

export enum OccurrenceOrderField {
  DUE_DATE = 'dueDate',
  STATUS = 'status',
  UPDATED_AT = 'updatedAt',
}
registerEnumType(OccurrenceOrderField, { name: 'OccurrenceOrderField' });

@InputType()
export class OccurrenceOrder {
  @Field(() => OccurrenceOrderField)
  field!: OccurrenceOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
  direction: SortDirection = SortDirection.ASC;
}

@ArgsType()
export class ActivityOccurrenceListArgs extends PageArgs {
  @Field(() => ActivityOccurrenceFilter, { nullable: true })
  filter?: ActivityOccurrenceFilter;

  @Field(() => [OccurrenceOrder], {
    nullable: true,
    description: 'Default: due date, then activity.',
  })
  orderBy?: OccurrenceOrder[];
}

@InputType()
export class ActivityOccurrenceInput {
  @Field(() => ID, { nullable: true })
  id?: string;

  @Field(() => Int, { nullable: true })
  version?: number;

  @Field(() => ID, { nullable: true, description: 'Required to create an occurrence.' })
  activityId?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Required to create an occurrence.' })
  dueDate?: string;

  @Field(() => OccurrenceStatus, { nullable: true })
  status?: OccurrenceStatus;

  @Field(() => String, { nullable: true })
  reportText?: string | null;

  @Field(() => String, { nullable: true })
  evidenceUrl?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Deletes the row (id and version required), in the same transaction.',
  })
  delete?: boolean;
}

@ArgsType()
export class CoverageArgs {
  @Field(() => DateScalar, {
    nullable: true,
    description: 'Occurrences due on or before this date count (default today).',
  })
  asOf?: string;

  @Field(() => IdFilter, { nullable: true })
  regionId?: IdFilter;

  @Field(() => IdFilter, { nullable: true })
  municipalityId?: IdFilter;
}

export const LIMITS = {
  text: 4000,
  deadlineText: 500,
  responsibleText: 1000,
  reportText: 10000,
  evidenceUrl: 1000,
} as const;
