import { GraphQLJSON } from 'graphql-scalars';
import { Arg, Args, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { PageArgs } from '../../shared/pagination';
import { Municipality, Organization, Region } from '../geography/geography.entity';
import { runAssessmentAnalysis } from './analysis.service';
import { loadAnalysisSettings, saveAnalysisSettings } from './analysis.settings';
import {
  AssessmentAnalysisRun,
  AssessmentProcedure,
  LowResultStatus,
  ObjectivitySign,
} from './assessments.entity';
import { LowResultListArgs, ObjectivitySignListArgs } from './assessments.inputs';
import {
  listAnalysisRuns,
  listLowResultStatuses,
  listObjectivitySigns,
} from './assessments.listing';
import {
  AssessmentAnalysisRunConnection,
  LowResultStatusConnection,
  ObjectivitySignConnection,
} from './assessments.types';

/** Where a finding is: the school and its municipality, resolved through the request loaders. */
interface Located {
  organization: { id: number };
  municipality: { id: number };
}

async function organizationOf(row: Located, { loaders }: Context): Promise<Organization> {
  return (await loaders.organization.load(row.organization.id))!;
}

async function municipalityOf(row: Located, { loaders }: Context): Promise<Municipality> {
  return (await loaders.municipality.load(row.municipality.id))!;
}

@Resolver(() => AssessmentAnalysisRun)
export class AssessmentAnalysisResolver {
  @Query(() => ObjectivitySignConnection, {
    description: 'Schools’ signs of non-objective results, with evidence (your row scope).',
  })
  objectivitySigns(
    @Args(() => ObjectivitySignListArgs) args: ObjectivitySignListArgs,
    @Ctx() { em, access }: Context,
  ) {
    return listObjectivitySigns(em, args, access);
  }

  @Query(() => LowResultStatusConnection, {
    description: 'ШНОР, ШНСУ and risk-zone schools by year, with the rule and evidence.',
  })
  lowResultSchools(
    @Args(() => LowResultListArgs) args: LowResultListArgs,
    @Ctx() { em, access }: Context,
  ) {
    return listLowResultStatuses(em, args, access);
  }

  @Query(() => AssessmentAnalysisRunConnection, { description: 'Runs of the analysis.' })
  assessmentAnalysisRuns(@Args(() => PageArgs) args: PageArgs, @Ctx() { em, access }: Context) {
    return listAnalysisRuns(em, args, access);
  }

  @Query(() => GraphQLJSON, {
    description:
      'Thresholds and rules of the analysis in force (defaults with the stored changes).',
  })
  assessmentAnalysisSettings(@Ctx() { em, access }: Context) {
    access.requireViewer();
    return loadAnalysisSettings(em);
  }

  @Mutation(() => GraphQLJSON, {
    description:
      'Replaces the stored changes of the analysis settings (administrators). Settings left out keep their defaults; returns the settings in force.',
  })
  updateAssessmentAnalysisSettings(
    // Free-form JSON: checked against the settings' shape by saveAnalysisSettings, not class-validator.
    @Arg('settings', () => GraphQLJSON, { validate: false }) settings: unknown,
    @Ctx() { em, access }: Context,
  ) {
    access.requireAdmin();
    return saveAnalysisSettings(em, settings);
  }

  @Mutation(() => AssessmentAnalysisRun, {
    description:
      'Finds objectivity signs, ШНОР, ШНСУ and risk-zone schools of a region for a year, stores them with their evidence and writes the shares as indicator values (administrators, the region’s analysts).',
  })
  runAssessmentAnalysis(
    @Arg('regionCode', () => String) regionCode: string,
    @Arg('year', () => Int) year: number,
    @Arg('dryRun', () => Boolean, { defaultValue: false }) dryRun: boolean,
    @Ctx() { em, access }: Context,
  ) {
    return runAssessmentAnalysis(em, access, { regionCode, year, dryRun });
  }

  @FieldResolver(() => Region)
  async region(@Root() run: AssessmentAnalysisRun, @Ctx() { loaders }: Context): Promise<Region> {
    return (await loaders.region.load(run.region.id))!;
  }
}

@Resolver(() => ObjectivitySign)
export class ObjectivitySignResolver {
  @FieldResolver(() => Organization)
  organization(@Root() sign: ObjectivitySign, @Ctx() context: Context) {
    return organizationOf(sign, context);
  }

  @FieldResolver(() => Municipality)
  municipality(@Root() sign: ObjectivitySign, @Ctx() context: Context) {
    return municipalityOf(sign, context);
  }

  @FieldResolver(() => AssessmentProcedure)
  async procedure(
    @Root() sign: ObjectivitySign,
    @Ctx() { loaders }: Context,
  ): Promise<AssessmentProcedure> {
    return (await loaders.assessmentProcedure.load(sign.procedure.id))!;
  }
}

@Resolver(() => LowResultStatus)
export class LowResultStatusResolver {
  @FieldResolver(() => Organization)
  organization(@Root() status: LowResultStatus, @Ctx() context: Context) {
    return organizationOf(status, context);
  }

  @FieldResolver(() => Municipality)
  municipality(@Root() status: LowResultStatus, @Ctx() context: Context) {
    return municipalityOf(status, context);
  }
}
