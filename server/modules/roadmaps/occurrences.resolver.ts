import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { isOverdue, listOccurrences, upsertOccurrences } from './occurrences.service';
import { Activity, ActivityOccurrence } from './roadmaps.entity';
import { ActivityOccurrenceInput, ActivityOccurrenceListArgs } from './roadmaps.inputs';
import { ActivityOccurrenceConnection, UpsertActivityOccurrencesResult } from './roadmaps.types';

@Resolver(() => ActivityOccurrence)
export class ActivityOccurrenceResolver {
  @Query(() => ActivityOccurrenceConnection)
  activityOccurrences(
    @Args(() => ActivityOccurrenceListArgs) args: ActivityOccurrenceListArgs,
    @Ctx() { em, today, access }: Context,
  ) {
    return listOccurrences(em, args, today, access);
  }

  @Mutation(() => UpsertActivityOccurrencesResult, {
    description: 'Records execution atomically (all rows or none).',
  })
  upsertActivityOccurrences(
    @Arg('rows', () => [ActivityOccurrenceInput]) rows: ActivityOccurrenceInput[],
    @Arg('dryRun', () => Boolean, { defaultValue: false }) dryRun: boolean,
    @Ctx() { em, access }: Context,
  ) {
    return upsertOccurrences(em, rows, dryRun, access);
  }

  @FieldResolver(() => Boolean, {
    description: 'Due date passed while still planned or in progress.',
  })
  overdue(@Root() occurrence: ActivityOccurrence, @Ctx() { today }: Context): boolean {
    return isOverdue(occurrence, today);
  }

  @FieldResolver(() => Activity)
  async activity(
    @Root() occurrence: ActivityOccurrence,
    @Ctx() { loaders }: Context,
  ): Promise<Activity> {
    return (await loaders.activity.load(occurrence.activity.id))!;
  }
}
