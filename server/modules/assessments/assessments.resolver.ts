import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { Municipality, Organization } from '../geography/geography.entity';
import { AssessmentProcedure, AssessmentResult } from './assessments.entity';
import {
  AssessmentProcedureInput,
  AssessmentResultInput,
  ProcedureListArgs,
  PupilResultInput,
  ResultListArgs,
} from './assessments.inputs';
import { listProcedures, listResults } from './assessments.listing';
import {
  AssessmentProcedureConnection,
  AssessmentResultConnection,
  UpsertAssessmentProceduresResult,
  UpsertAssessmentResultsResult,
  UpsertPupilResultsResult,
} from './assessments.types';
import { upsertAssessmentProcedures } from './procedures.service';
import { upsertPupilResults } from './pupils.service';
import { upsertAssessmentResults } from './results.service';

@Resolver(() => AssessmentProcedure)
export class AssessmentProcedureResolver {
  @Query(() => AssessmentProcedureConnection, { description: 'Assessment procedures.' })
  assessmentProcedures(
    @Args(() => ProcedureListArgs) args: ProcedureListArgs,
    @Ctx() { em, access }: Context,
  ) {
    return listProcedures(em, args, access);
  }

  @Mutation(() => UpsertAssessmentProceduresResult, {
    description: 'Creates or updates procedures by code, atomically (administrators).',
  })
  upsertAssessmentProcedures(
    @Arg('rows', () => [AssessmentProcedureInput]) rows: AssessmentProcedureInput[],
    @Arg('dryRun', () => Boolean, { defaultValue: false }) dryRun: boolean,
    @Ctx() { em, access }: Context,
  ) {
    return upsertAssessmentProcedures(em, rows, dryRun, access);
  }
}

@Resolver(() => AssessmentResult)
export class AssessmentResultResolver {
  @Query(() => AssessmentResultConnection, {
    description: 'Schools’ results in your row scope (not for dashboards).',
  })
  assessmentResults(
    @Args(() => ResultListArgs) args: ResultListArgs,
    @Ctx() { em, access }: Context,
  ) {
    return listResults(em, args, access);
  }

  @Mutation(() => UpsertAssessmentResultsResult, {
    description:
      'Creates or updates results by natural key (procedure code, organization code), atomically.',
  })
  upsertAssessmentResults(
    @Arg('rows', () => [AssessmentResultInput]) rows: AssessmentResultInput[],
    @Arg('dryRun', () => Boolean, { defaultValue: false }) dryRun: boolean,
    @Ctx() { em, access }: Context,
  ) {
    return upsertAssessmentResults(em, rows, dryRun, access);
  }

  @Mutation(() => UpsertPupilResultsResult, {
    description:
      'Creates or updates pupils’ results (pseudonymous codes) atomically and recomputes the results of the schools they touch; created/updated count pupils, rows are the recomputed school results.',
  })
  upsertPupilResults(
    @Arg('rows', () => [PupilResultInput]) rows: PupilResultInput[],
    @Arg('dryRun', () => Boolean, { defaultValue: false }) dryRun: boolean,
    @Ctx() { em, access }: Context,
  ) {
    return upsertPupilResults(em, rows, dryRun, access);
  }

  @FieldResolver(() => AssessmentProcedure)
  async procedure(
    @Root() result: AssessmentResult,
    @Ctx() { loaders }: Context,
  ): Promise<AssessmentProcedure> {
    return (await loaders.assessmentProcedure.load(result.procedure.id))!;
  }

  @FieldResolver(() => Organization)
  async organization(
    @Root() result: AssessmentResult,
    @Ctx() { loaders }: Context,
  ): Promise<Organization> {
    return (await loaders.organization.load(result.organization.id))!;
  }

  @FieldResolver(() => Municipality)
  async municipality(
    @Root() result: AssessmentResult,
    @Ctx() { loaders }: Context,
  ): Promise<Municipality> {
    return (await loaders.municipality.load(result.municipality.id))!;
  }
}
