import { GraphQLJSON } from 'graphql-scalars';
import { Arg, Args, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { Municipality, Organization } from '../geography/geography.entity';
import { upsertGradeEnrolments } from './enrolment.service';
import { loadOlympiadSettings, saveOlympiadSettings } from './olympiad.settings';
import { upsertOlympiads } from './olympiads.directory';
import {
  GradeEnrolment,
  Olympiad,
  OlympiadRecord,
  OlympiadSubject,
  Student,
} from './olympiads.entity';
import { isDiploma } from './olympiads.enums';
import {
  GradeEnrolmentInput,
  GradeEnrolmentListArgs,
  OlympiadInput,
  OlympiadRecordInput,
  OlympiadRecordListArgs,
  TalentBankArgs,
} from './olympiads.inputs';
import { listGradeEnrolments, listOlympiadRecords } from './olympiads.listing';
import { academicYearCode } from './olympiads.rules';
import {
  GradeEnrolmentConnection,
  OlympiadRecordConnection,
  StudentConnection,
  UpsertGradeEnrolmentsResult,
  UpsertOlympiadRecordsResult,
  UpsertOlympiadsResult,
} from './olympiads.types';
import { upsertOlympiadRecords } from './records.service';
import { talentBank } from './talent.service';

/** The academic year a date falls in (it starts on 1 September). */
export function currentAcademicYear(today: string): number {
  const year = Number(today.slice(0, 4));
  return Number(today.slice(5, 7)) >= 9 ? year : year - 1;
}

@Resolver(() => OlympiadRecord)
export class OlympiadRecordResolver {
  @Query(() => [Olympiad], { description: 'Olympiads and contests (a directory).' })
  olympiads(@Ctx() { em, access }: Context) {
    access.requireViewer();
    return em.find(Olympiad, {}, { orderBy: { kind: 'asc', code: 'asc' } });
  }

  @Mutation(() => UpsertOlympiadsResult, {
    description: 'Creates or updates olympiads by code, atomically (administrators).',
  })
  upsertOlympiads(
    @Arg('rows', () => [OlympiadInput]) rows: OlympiadInput[],
    @Arg('dryRun', () => Boolean, { defaultValue: false }) dryRun: boolean,
    @Ctx() { em, access }: Context,
  ) {
    return upsertOlympiads(em, rows, dryRun, access);
  }

  @Query(() => [OlympiadSubject], { description: 'The 24 subjects of ВсОШ, in the usual order.' })
  olympiadSubjects(@Ctx() { em, access }: Context) {
    access.requireViewer();
    return em.find(OlympiadSubject, {}, { orderBy: { position: 'asc' } });
  }

  @Query(() => OlympiadRecordConnection, {
    description: 'Protocol entries in your row scope (not for dashboards).',
  })
  olympiadRecords(
    @Args(() => OlympiadRecordListArgs) args: OlympiadRecordListArgs,
    @Ctx() { em, access }: Context,
  ) {
    return listOlympiadRecords(em, args, access);
  }

  @Mutation(() => UpsertOlympiadRecordsResult, {
    description:
      'Writes a protocol: entries by (olympiad, year, subject, stage, pupil code), all or none, up to 10,000 rows; pupils are created or updated from the rows. ВсОШ stage grades and admission are checked. An existing entry needs its version, unless replaceExisting re-imports the protocol.',
  })
  upsertOlympiadRecords(
    @Arg('rows', () => [OlympiadRecordInput]) rows: OlympiadRecordInput[],
    @Arg('dryRun', () => Boolean, { defaultValue: false }) dryRun: boolean,
    @Arg('replaceExisting', () => Boolean, {
      defaultValue: false,
      description: 'Update entries that exist from the file without versions.',
    })
    replaceExisting: boolean,
    @Ctx() { em, access }: Context,
  ) {
    return upsertOlympiadRecords(em, rows, dryRun, access, { replaceExisting });
  }

  @Query(() => GradeEnrolmentConnection, {
    description: 'Pupils per grade of schools in your row scope (form ОО-1).',
  })
  gradeEnrolments(
    @Args(() => GradeEnrolmentListArgs) args: GradeEnrolmentListArgs,
    @Ctx() { em, access }: Context,
  ) {
    return listGradeEnrolments(em, args, access);
  }

  @Mutation(() => UpsertGradeEnrolmentsResult, {
    description: 'Writes pupils per grade by (school, academic year, grade), atomically.',
  })
  upsertGradeEnrolments(
    @Arg('rows', () => [GradeEnrolmentInput]) rows: GradeEnrolmentInput[],
    @Arg('dryRun', () => Boolean, { defaultValue: false }) dryRun: boolean,
    @Ctx() { em, access }: Context,
  ) {
    return upsertGradeEnrolments(em, rows, dryRun, access);
  }

  @Query(() => StudentConnection, {
    description:
      'The talent bank: pupils in your row scope with a diploma of the configured stage or higher in the configured years (olympiadSettings); names only within your scope.',
  })
  async talentBank(
    @Args(() => TalentBankArgs) args: TalentBankArgs,
    @Ctx() { em, access, today }: Context,
  ) {
    access.rowScope();
    return talentBank(em, args, access, await loadOlympiadSettings(em), currentAcademicYear(today));
  }

  @Query(() => GraphQLJSON, { description: 'Settings of the olympiad module in force.' })
  olympiadSettings(@Ctx() { em, access }: Context) {
    access.requireViewer();
    return loadOlympiadSettings(em);
  }

  @Mutation(() => GraphQLJSON, {
    description: 'Replaces the olympiad module settings (administrators).',
  })
  updateOlympiadSettings(
    // Free-form JSON: checked by saveOlympiadSettings, not class-validator.
    @Arg('settings', () => GraphQLJSON, { validate: false }) settings: unknown,
    @Ctx() { em, access }: Context,
  ) {
    access.requireAdmin();
    return saveOlympiadSettings(em, settings);
  }

  @FieldResolver(() => String, { description: 'Academic year, e.g. "2024/2025".' })
  academicYear(@Root() record: OlympiadRecord): string {
    return academicYearCode(record.year);
  }

  @FieldResolver(() => Olympiad)
  async olympiad(@Root() record: OlympiadRecord, @Ctx() { loaders }: Context): Promise<Olympiad> {
    return (await loaders.olympiad.load(record.olympiad.id))!;
  }

  @FieldResolver(() => OlympiadSubject)
  async subject(
    @Root() record: OlympiadRecord,
    @Ctx() { loaders }: Context,
  ): Promise<OlympiadSubject> {
    return (await loaders.olympiadSubject.load(record.subject.id))!;
  }

  @FieldResolver(() => Student)
  async student(@Root() record: OlympiadRecord, @Ctx() { loaders }: Context): Promise<Student> {
    return (await loaders.student.load(record.student.id))!;
  }

  @FieldResolver(() => Organization, { description: 'The school the pupil represented that year.' })
  async organization(
    @Root() record: OlympiadRecord,
    @Ctx() { loaders }: Context,
  ): Promise<Organization> {
    return (await loaders.organization.load(record.organization.id))!;
  }

  @FieldResolver(() => Municipality)
  async municipality(
    @Root() record: OlympiadRecord,
    @Ctx() { loaders }: Context,
  ): Promise<Municipality> {
    return (await loaders.municipality.load(record.municipality.id))!;
  }
}

@Resolver(() => Student)
export class StudentResolver {
  @FieldResolver(() => Organization, { description: 'Current school.' })
  async organization(@Root() student: Student, @Ctx() { loaders }: Context): Promise<Organization> {
    return (await loaders.organization.load(student.organization.id))!;
  }

  @FieldResolver(() => Municipality)
  async municipality(@Root() student: Student, @Ctx() { loaders }: Context): Promise<Municipality> {
    return (await loaders.municipality.load(student.municipality.id))!;
  }

  @FieldResolver(() => [OlympiadRecord], { description: 'Every entry of the pupil, newest first.' })
  olympiadRecords(
    @Root() student: Student,
    @Ctx() { loaders }: Context,
  ): Promise<OlympiadRecord[]> {
    return loaders.recordsByStudent.load(student.id);
  }

  @FieldResolver(() => Int, {
    description: 'Winner and prize-winner diplomas, all stages and years.',
  })
  async diplomas(@Root() student: Student, @Ctx() { loaders }: Context): Promise<number> {
    const records = await loaders.recordsByStudent.load(student.id);
    return records.filter((r) => isDiploma(r.status)).length;
  }
}

@Resolver(() => GradeEnrolment)
export class GradeEnrolmentResolver {
  @FieldResolver(() => String)
  academicYear(@Root() row: GradeEnrolment): string {
    return academicYearCode(row.year);
  }

  @FieldResolver(() => Organization)
  async organization(
    @Root() row: GradeEnrolment,
    @Ctx() { loaders }: Context,
  ): Promise<Organization> {
    return (await loaders.organization.load(row.organization.id))!;
  }
}
