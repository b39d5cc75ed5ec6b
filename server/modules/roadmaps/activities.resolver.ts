import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { parseId } from '../../shared/filters';
import { CycleComponent } from '../directions/directions.entity';
import { listActivities } from './activities.listing';
import { visibleActivity } from './roadmaps.scope';
import { upsertActivities } from './activities.service';
import { Activity, ActivityOccurrence, Executor, Roadmap, RoadmapSection } from './roadmaps.entity';
import { ActivityInput, ActivityListArgs } from './roadmaps.inputs';
import { ActivityConnection, Schedule, UpsertActivitiesResult } from './roadmaps.types';

@Resolver(() => Activity)
export class ActivityResolver {
  @Query(() => ActivityConnection)
  activities(@Args(() => ActivityListArgs) args: ActivityListArgs, @Ctx() { em, access }: Context) {
    return listActivities(em, args, access);
  }

  @Query(() => Activity, { nullable: true })
  async activity(
    @Arg('id', () => ID) id: string,
    @Ctx() { loaders, access }: Context,
  ): Promise<Activity | null> {
    return visibleActivity(loaders, access, await loaders.activity.load(parseId(id)));
  }

  @Mutation(() => UpsertActivitiesResult, {
    description: 'Creates or updates activities atomically (all rows or none).',
  })
  upsertActivities(
    @Arg('rows', () => [ActivityInput]) rows: ActivityInput[],
    @Arg('dryRun', () => Boolean, { defaultValue: false }) dryRun: boolean,
    @Ctx() { em, access }: Context,
  ) {
    return upsertActivities(em, rows, dryRun, access);
  }

  @FieldResolver(() => Schedule)
  schedule(@Root() activity: Activity): Schedule {
    return { kind: activity.scheduleKind, ...activity.schedule };
  }

  @FieldResolver(() => RoadmapSection)
  async section(@Root() activity: Activity, @Ctx() { loaders }: Context): Promise<RoadmapSection> {
    return (await loaders.section.load(activity.section.id))!;
  }

  @FieldResolver(() => Roadmap)
  async roadmap(@Root() activity: Activity, @Ctx() { loaders }: Context): Promise<Roadmap> {
    const section = (await loaders.section.load(activity.section.id))!;
    return (await loaders.roadmap.load(section.roadmap.id))!;
  }

  @FieldResolver(() => CycleComponent, { nullable: true })
  cycleComponent(
    @Root() activity: Activity,
    @Ctx() { loaders }: Context,
  ): Promise<CycleComponent | null> {
    return activity.cycleComponent
      ? loaders.cycleComponent.load(activity.cycleComponent.code)
      : Promise.resolve(null);
  }

  // Rows just written (dry runs too, whose data is rolled back) carry their relations;
  // rows read from lists load them in batches.
  @FieldResolver(() => [Executor])
  async executors(@Root() activity: Activity, @Ctx() { loaders }: Context): Promise<Executor[]> {
    if (activity.executors.isInitialized()) {
      return activity.executors.getItems();
    }
    const ids = await loaders.executorIdsByActivity.load(activity.id);
    const executors = await loaders.executor.loadMany(ids);
    return executors.filter((executor): executor is Executor => executor instanceof Executor);
  }

  @FieldResolver(() => [ActivityOccurrence])
  occurrences(
    @Root() activity: Activity,
    @Ctx() { loaders }: Context,
  ): Promise<ActivityOccurrence[]> {
    if (activity.occurrences.isInitialized()) {
      const items = [...activity.occurrences.getItems()];
      return Promise.resolve(items.sort((a, b) => a.dueDate.localeCompare(b.dueDate)));
    }
    return loaders.occurrencesByActivity.load(activity.id);
  }
}
