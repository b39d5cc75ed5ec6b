import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { bulkResultType, RowError } from '../../shared/bulk';
import { connectionType } from '../../shared/pagination';
import { DateScalar } from '../../shared/scalars';
import { Direction } from '../directions/directions.entity';
import { Municipality } from '../geography/geography.entity';
import { Activity, ActivityOccurrence, Roadmap } from './roadmaps.entity';
import { ScheduleKind } from './roadmaps.enums';

@ObjectType({ description: 'The schedule parsed from an activity’s deadline text.' })
export class Schedule {
  @Field(() => ScheduleKind)
  kind!: ScheduleKind;

  @Field(() => [Int], { description: 'Months (1–12) named or implied.' })
  months!: number[];

  @Field(() => [Int])
  years!: number[];

  @Field(() => DateScalar, { nullable: true })
  from!: string | null;

  @Field(() => DateScalar, { nullable: true })
  to!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'For by_event: the event it follows (ВПР, МСИ…).',
  })
  event!: string | null;

  @Field(() => String, { nullable: true, description: 'Qualifier such as «при наличии».' })
  qualifier!: string | null;
}

export const RoadmapConnection = connectionType(Roadmap, 'Roadmap');
export const ActivityConnection = connectionType(Activity, 'Activity');
export const ActivityOccurrenceConnection = connectionType(
  ActivityOccurrence,
  'ActivityOccurrence',
);
export const UpsertActivitiesResult = bulkResultType(Activity, 'UpsertActivitiesResult');
export const UpsertActivityOccurrencesResult = bulkResultType(
  ActivityOccurrence,
  'UpsertActivityOccurrencesResult',
);

@ObjectType({ description: 'Activities and execution of one municipality in one direction.' })
export class CoverageCell {
  @Field(() => ID)
  municipalityId!: number;

  @Field(() => String)
  directionCode!: string;

  @Field(() => Int)
  activityCount!: number;

  @Field(() => Int, { description: 'Occurrences due on or before asOf, not cancelled.' })
  dueCount!: number;

  @Field(() => Int)
  doneCount!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'doneCount / dueCount (0–1); null when nothing is due.',
  })
  executionRate!: number | null;
}

@ObjectType()
export class CoverageTotal {
  @Field(() => ID)
  municipalityId!: number;

  @Field(() => Int)
  activityCount!: number;

  @Field(() => Int)
  dueCount!: number;

  @Field(() => Int)
  doneCount!: number;

  @Field(() => Float, { nullable: true })
  executionRate!: number | null;
}

@ObjectType({
  description: 'Municipalities × directions: the first cross-municipality comparison.',
})
export class RoadmapCoverage {
  @Field(() => DateScalar)
  asOf!: string;

  @Field(() => [Municipality])
  municipalities!: Municipality[];

  @Field(() => [Direction])
  directions!: Direction[];

  @Field(() => [CoverageCell])
  cells!: CoverageCell[];

  @Field(() => [CoverageTotal], { description: 'One row per municipality over all directions.' })
  totals!: CoverageTotal[];
}
