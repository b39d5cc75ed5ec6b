import { GraphQLJSON } from 'graphql-scalars';
import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { upsertMentorships } from './mentorships.service';
import { upsertIndividualRoutes } from './routes.service';
import { loadTeacherSettings, saveTeacherSettings } from './teacher.settings';
import {
  DiagnosticResult,
  IndividualRoute,
  Mentorship,
  RouteStep,
  Teacher,
} from './teachers.entity';
import {
  IndividualRouteInput,
  MentorshipInput,
  MentorshipListArgs,
  RouteListArgs,
} from './teachers.inputs';
import { listMentorships, listRoutes } from './teachers.listing';
import {
  IndividualRouteConnection,
  MentorshipConnection,
  UpsertIndividualRoutesResult,
  UpsertMentorshipsResult,
} from './teachers.types';

async function teacherOf(id: number, { loaders }: Context): Promise<Teacher> {
  return (await loaders.teacher.load(id))!;
}

@Resolver(() => IndividualRoute)
export class IndividualRouteResolver {
  @Query(() => IndividualRouteConnection, { description: 'Individual educational routes (ИОМ).' })
  individualRoutes(@Args(() => RouteListArgs) args: RouteListArgs, @Ctx() { em, access }: Context) {
    return listRoutes(em, args, access);
  }

  @Mutation(() => UpsertIndividualRoutesResult, {
    description:
      'Creates routes (no id) or edits them (id and version), atomically; steps given replace the stored ones. A route closes when a later diagnosis no longer shows its deficits.',
  })
  upsertIndividualRoutes(
    @Arg('rows', () => [IndividualRouteInput]) rows: IndividualRouteInput[],
    @Arg('dryRun', () => Boolean, { defaultValue: false }) dryRun: boolean,
    @Ctx() { em, access }: Context,
  ) {
    return upsertIndividualRoutes(em, rows, dryRun, access);
  }

  @FieldResolver(() => Teacher)
  teacher(@Root() route: IndividualRoute, @Ctx() context: Context) {
    return teacherOf(route.teacher.id, context);
  }

  @FieldResolver(() => DiagnosticResult, {
    nullable: true,
    description: 'The diagnosis it starts from.',
  })
  async diagnostic(@Root() route: IndividualRoute, @Ctx() { loaders }: Context) {
    return route.diagnostic ? loaders.diagnosticResult.load(route.diagnostic.id) : null;
  }

  @FieldResolver(() => DiagnosticResult, {
    nullable: true,
    description: 'The later diagnosis that closed it.',
  })
  async closedBy(@Root() route: IndividualRoute, @Ctx() { loaders }: Context) {
    return route.closedBy ? loaders.diagnosticResult.load(route.closedBy.id) : null;
  }

  @FieldResolver(() => [RouteStep])
  steps(@Root() route: IndividualRoute, @Ctx() { loaders }: Context): Promise<RouteStep[]> {
    return loaders.stepsByRoute.load(route.id);
  }
}

@Resolver(() => Mentorship)
export class MentorshipResolver {
  @Query(() => MentorshipConnection, { description: 'Mentorship pairs (by the mentee’s scope).' })
  mentorships(
    @Args(() => MentorshipListArgs) args: MentorshipListArgs,
    @Ctx() { em, access }: Context,
  ) {
    return listMentorships(em, args, access);
  }

  @Mutation(() => UpsertMentorshipsResult, {
    description:
      'Creates pairs (no id) or edits them (id and version), atomically; refuses a mentor over the configured limit of mentees.',
  })
  upsertMentorships(
    @Arg('rows', () => [MentorshipInput]) rows: MentorshipInput[],
    @Arg('dryRun', () => Boolean, { defaultValue: false }) dryRun: boolean,
    @Ctx() { em, access }: Context,
  ) {
    return upsertMentorships(em, rows, dryRun, access);
  }

  @Query(() => GraphQLJSON, { description: 'Settings of the teachers module in force.' })
  teacherSettings(@Ctx() { em, access }: Context) {
    access.requireViewer();
    return loadTeacherSettings(em);
  }

  @Mutation(() => GraphQLJSON, {
    description: 'Replaces the teachers module settings (administrators).',
  })
  updateTeacherSettings(
    // Free-form JSON: checked by saveTeacherSettings, not class-validator.
    @Arg('settings', () => GraphQLJSON, { validate: false }) settings: unknown,
    @Ctx() { em, access }: Context,
  ) {
    access.requireAdmin();
    return saveTeacherSettings(em, settings);
  }

  @FieldResolver(() => Teacher)
  mentor(@Root() pair: Mentorship, @Ctx() context: Context) {
    return teacherOf(pair.mentor.id, context);
  }

  @FieldResolver(() => Teacher)
  mentee(@Root() pair: Mentorship, @Ctx() context: Context) {
    return teacherOf(pair.mentee.id, context);
  }
}
