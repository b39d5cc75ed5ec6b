import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { PageArgs } from '../../shared/pagination';
import { Role } from '../access/access.enums';
import { Municipality, Organization } from '../geography/geography.entity';
import { isYoungSpecialist } from './deficits';
import { upsertDiagnosticCampaigns, upsertDiagnosticResults } from './diagnostics.service';
import {
  DiagnosticCampaign,
  DiagnosticResult,
  Teacher,
  TeacherAssignment,
} from './teachers.entity';
import {
  DiagnosticCampaignInput,
  DiagnosticResultInput,
  DiagnosticResultListArgs,
  TeacherInput,
  TeacherListArgs,
} from './teachers.inputs';
import { listCampaigns, listDiagnosticResults, listTeachers } from './teachers.listing';
import { upsertTeachers } from './teachers.service';
import {
  DiagnosticCampaignConnection,
  DiagnosticResultConnection,
  TeacherConnection,
  UpsertDiagnosticCampaignsResult,
  UpsertDiagnosticResultsResult,
  UpsertTeachersResult,
} from './teachers.types';

const yearOf = (today: string) => Number(today.slice(0, 4));

@Resolver(() => Teacher)
export class TeacherResolver {
  @Query(() => TeacherConnection, {
    description: 'Teachers in your row scope (not for dashboards).',
  })
  teachers(
    @Args(() => TeacherListArgs) args: TeacherListArgs,
    @Ctx() { em, access, today }: Context,
  ) {
    return listTeachers(em, args, access, yearOf(today));
  }

  @Mutation(() => UpsertTeachersResult, {
    description:
      'Creates or updates teachers by personnel code, atomically; a new organization records a move.',
  })
  upsertTeachers(
    @Arg('rows', () => [TeacherInput]) rows: TeacherInput[],
    @Arg('dryRun', () => Boolean, { defaultValue: false }) dryRun: boolean,
    @Ctx() { em, access, today }: Context,
  ) {
    return upsertTeachers(em, rows, dryRun, access, today);
  }

  @FieldResolver(() => Boolean, {
    description: 'Under 35 this year and at most three years of teaching.',
  })
  youngSpecialist(@Root() teacher: Teacher, @Ctx() { today }: Context): boolean {
    return isYoungSpecialist(teacher, yearOf(today));
  }

  @FieldResolver(() => Organization)
  async organization(@Root() teacher: Teacher, @Ctx() { loaders }: Context): Promise<Organization> {
    return (await loaders.organization.load(teacher.organization.id))!;
  }

  @FieldResolver(() => Municipality)
  async municipality(@Root() teacher: Teacher, @Ctx() { loaders }: Context): Promise<Municipality> {
    return (await loaders.municipality.load(teacher.municipality.id))!;
  }

  @FieldResolver(() => [TeacherAssignment], {
    description: 'Where the teacher worked, oldest first.',
  })
  assignments(@Root() teacher: Teacher, @Ctx() { loaders }: Context): Promise<TeacherAssignment[]> {
    return loaders.assignmentsByTeacher.load(teacher.id);
  }

  @FieldResolver(() => DiagnosticResult, {
    nullable: true,
    description:
      'The most recent diagnostic result in your row scope (by the campaign’s date, then the later result); null when none.',
  })
  async latestDiagnostic(
    @Root() teacher: Teacher,
    @Ctx() { loaders, access }: Context,
  ): Promise<DiagnosticResult | null> {
    // Results are rows, not aggregates: never for dashboards, as the results list.
    if (access.requireViewer().role === Role.DASHBOARD) {
      return null;
    }
    return loaders.latestDiagnosticByTeacher.load({ id: teacher.id, params: access.rowScope() });
  }
}

@Resolver(() => TeacherAssignment)
export class TeacherAssignmentResolver {
  @FieldResolver(() => Organization)
  async organization(
    @Root() assignment: TeacherAssignment,
    @Ctx() { loaders }: Context,
  ): Promise<Organization> {
    return (await loaders.organization.load(assignment.organization.id))!;
  }
}

@Resolver(() => DiagnosticResult)
export class DiagnosticResolver {
  @Query(() => DiagnosticCampaignConnection, { description: 'Diagnostic campaigns.' })
  diagnosticCampaigns(@Args(() => PageArgs) args: PageArgs, @Ctx() { em, access }: Context) {
    return listCampaigns(em, args, access);
  }

  @Mutation(() => UpsertDiagnosticCampaignsResult, {
    description: 'Creates or updates campaigns by code, atomically (administrators).',
  })
  upsertDiagnosticCampaigns(
    @Arg('rows', () => [DiagnosticCampaignInput])
    rows: DiagnosticCampaignInput[],
    @Arg('dryRun', () => Boolean, { defaultValue: false }) dryRun: boolean,
    @Ctx() { em, access }: Context,
  ) {
    return upsertDiagnosticCampaigns(em, rows, dryRun, access);
  }

  @Query(() => DiagnosticResultConnection, {
    description: 'Teachers’ diagnostic results in your row scope (not for dashboards).',
  })
  diagnosticResults(
    @Args(() => DiagnosticResultListArgs) args: DiagnosticResultListArgs,
    @Ctx() { em, access }: Context,
  ) {
    return listDiagnosticResults(em, args, access);
  }

  @Mutation(() => UpsertDiagnosticResultsResult, {
    description:
      'Creates or updates results by campaign code and personnel code, atomically; deficits are detected from the campaign’s thresholds.',
  })
  upsertDiagnosticResults(
    @Arg('rows', () => [DiagnosticResultInput]) rows: DiagnosticResultInput[],
    @Arg('dryRun', () => Boolean, { defaultValue: false }) dryRun: boolean,
    @Ctx() { em, access }: Context,
  ) {
    return upsertDiagnosticResults(em, rows, dryRun, access);
  }

  @FieldResolver(() => DiagnosticCampaign)
  async campaign(
    @Root() result: DiagnosticResult,
    @Ctx() { loaders }: Context,
  ): Promise<DiagnosticCampaign> {
    return (await loaders.diagnosticCampaign.load(result.campaign.id))!;
  }

  @FieldResolver(() => Teacher)
  async teacher(@Root() result: DiagnosticResult, @Ctx() { loaders }: Context): Promise<Teacher> {
    return (await loaders.teacher.load(result.teacher.id))!;
  }

  @FieldResolver(() => Organization, { description: 'Where the teacher worked when diagnosed.' })
  async organization(
    @Root() result: DiagnosticResult,
    @Ctx() { loaders }: Context,
  ): Promise<Organization> {
    return (await loaders.organization.load(result.organization.id))!;
  }

  @FieldResolver(() => Municipality)
  async municipality(
    @Root() result: DiagnosticResult,
    @Ctx() { loaders }: Context,
  ): Promise<Municipality> {
    return (await loaders.municipality.load(result.municipality.id))!;
  }
}
