import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { parseId } from '../../shared/filters';
import { Direction } from '../directions/directions.entity';
import { Municipality } from '../geography/geography.entity';
import { roadmapCoverage } from './coverage.service';
import { visibleRoadmap } from './roadmaps.scope';
import { listRoadmaps } from './roadmaps.service';
import { Activity, Roadmap, RoadmapSection } from './roadmaps.entity';
import { CoverageArgs, RoadmapListArgs } from './roadmaps.inputs';
import { RoadmapConnection, RoadmapCoverage } from './roadmaps.types';

@Resolver(() => Roadmap)
export class RoadmapResolver {
  @Query(() => RoadmapConnection)
  roadmaps(@Args(() => RoadmapListArgs) args: RoadmapListArgs, @Ctx() { em, access }: Context) {
    return listRoadmaps(em, args, access);
  }

  @Query(() => Roadmap, { nullable: true })
  async roadmap(
    @Arg('id', () => ID) id: string,
    @Ctx() { loaders, access }: Context,
  ): Promise<Roadmap | null> {
    return visibleRoadmap(loaders, access, await loaders.roadmap.load(parseId(id)));
  }

  @Query(() => RoadmapCoverage, {
    description: 'Activity counts and execution rate per municipality and direction.',
  })
  roadmapCoverage(
    @Args(() => CoverageArgs) args: CoverageArgs,
    @Ctx() { em, today, access }: Context,
  ) {
    return roadmapCoverage(em, args, today, access);
  }

  @FieldResolver(() => Municipality)
  async municipality(@Root() roadmap: Roadmap, @Ctx() { loaders }: Context): Promise<Municipality> {
    return (await loaders.municipality.load(roadmap.municipality.id))!;
  }

  @FieldResolver(() => [RoadmapSection])
  sections(@Root() roadmap: Roadmap, @Ctx() { loaders }: Context): Promise<RoadmapSection[]> {
    return loaders.sectionsByRoadmap.load(roadmap.id);
  }
}

@Resolver(() => RoadmapSection)
export class RoadmapSectionResolver {
  @FieldResolver(() => Roadmap)
  async roadmap(@Root() section: RoadmapSection, @Ctx() { loaders }: Context): Promise<Roadmap> {
    return (await loaders.roadmap.load(section.roadmap.id))!;
  }

  @FieldResolver(() => Direction, { nullable: true })
  direction(
    @Root() section: RoadmapSection,
    @Ctx() { loaders }: Context,
  ): Promise<Direction | null> {
    return section.direction ? loaders.direction.load(section.direction.id) : Promise.resolve(null);
  }

  @FieldResolver(() => Int)
  sortOrder(@Root() section: RoadmapSection): number {
    return section.sortOrder;
  }

  @FieldResolver(() => [Activity])
  activities(@Root() section: RoadmapSection, @Ctx() { loaders }: Context): Promise<Activity[]> {
    return loaders.activitiesBySection.load(section.id);
  }
}
