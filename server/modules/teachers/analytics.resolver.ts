import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { deficitHeatmapFor, runTeacherIndicators, teacherAnalyticsFor } from './analytics.service';
import {
  DeficitHeatmapCell,
  DeficitHeatmapInput,
  TeacherAnalyticsInput,
  TeacherAnalyticsRow,
} from './analytics.types';

@Resolver()
export class TeacherAnalyticsResolver {
  @Query(() => [DeficitHeatmapCell], {
    description:
      'Share of diagnosed teachers with a deficit per area, subject and municipality (where they worked when diagnosed); one SQL statement.',
  })
  deficitHeatmap(
    @Arg('input', () => DeficitHeatmapInput) input: DeficitHeatmapInput,
    @Ctx() { em, access }: Context,
  ) {
    return deficitHeatmapFor(em, input, access);
  }

  @Query(() => [TeacherAnalyticsRow], {
    description:
      'Diagnostics, deficits, routes (ИОМ) and mentoring of an academic year per municipality of a region, or for a municipality and its organizations; one SQL statement.',
  })
  teacherAnalytics(
    @Arg('input', () => TeacherAnalyticsInput) input: TeacherAnalyticsInput,
    @Ctx() { em, access }: Context,
  ) {
    return teacherAnalyticsFor(em, input, access);
  }

  @Mutation(() => Int, {
    description:
      'Writes the academic year’s 2.2.DIAGNOSED, 2.2.IOM and 2.2.MENTORED of every organization of a region as computed indicator values (administrators, the region’s analysts); returns the values written.',
  })
  writeTeacherIndicators(
    @Arg('regionCode', () => String) regionCode: string,
    @Arg('academicYear', () => String) academicYear: string,
    @Arg('dryRun', () => Boolean, { defaultValue: false }) dryRun: boolean,
    @Ctx() { em, access }: Context,
  ) {
    return runTeacherIndicators(em, access, { regionCode, academicYear, dryRun });
  }
}
