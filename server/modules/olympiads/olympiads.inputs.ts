import { ArrayMaxSize, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, Float, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { IdFilter, SortDirection, StringFilter } from '../../shared/filters';
import { PageArgs } from '../../shared/pagination';
import { FunnelGrouping, OlympiadKind, OlympiadStage, OlympiadStatus } from './olympiads.enums';

@InputType({ description: 'An olympiad or contest by code (administrators).' })
export class OlympiadInput {
  @Field(() => String)
  @MaxLength(40)
  code!: string;

  @Field(() => String)
  @MaxLength(300)
  name!: string;

  @Field(() => OlympiadKind)
  kind!: OlympiadKind;

  @Field(() => Int, { nullable: true, description: 'Required to change an existing olympiad.' })
  version?: number | null;
}

@InputType({
  description:
    'One protocol entry by its natural key (olympiad, academic year, subject, stage, pupil code); the pupil is created or updated from the row.',
})
export class OlympiadRecordInput {
  @Field(() => String, { nullable: true, description: 'Olympiad code (default "VSOSH").' })
  @IsOptional()
  @MaxLength(40)
  olympiadCode?: string | null;

  @Field(() => String, { description: 'Academic year, e.g. "2024/2025".' })
  @MaxLength(9)
  academicYear!: string;

  @Field(() => String, {
    description: 'Subject code ("MATH") or its Russian name («Математика»), any case.',
  })
  @MaxLength(120)
  subject!: string;

  @Field(() => OlympiadStage)
  stage!: OlympiadStage;

  @Field(() => String, { description: 'Pseudonymous pupil code (the participant code).' })
  @MaxLength(40)
  studentCode!: string;

  @Field(() => String, { nullable: true, description: 'ФИО (personal data), kept on the pupil.' })
  @IsOptional()
  @MaxLength(300)
  fullName?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(1990)
  @Max(2025)
  birthYear?: number | null;

  @Field(() => String, { description: 'The school the pupil represents that year.' })
  @MaxLength(40)
  organizationCode!: string;

  @Field(() => Int, { description: 'The grade the pupil studies in (1–11).' })
  @Min(1)
  @Max(11)
  gradeActual!: number;

  @Field(() => Int, {
    nullable: true,
    description: 'The grade whose paper was written (default: the actual grade).',
  })
  @IsOptional()
  @Min(1)
  @Max(11)
  gradePerformed?: number | null;

  @Field(() => Float)
  @Min(0)
  score!: number;

  @Field(() => Float)
  @Min(0.5)
  @Max(10000)
  maxScore!: number;

  @Field(() => OlympiadStatus, { nullable: true, description: 'Default PARTICIPANT.' })
  status?: OlympiadStatus | null;

  @Field(() => Int, { nullable: true, description: 'Required to change an existing record.' })
  version?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Delete the record (version required).' })
  delete?: boolean | null;
}

@InputType()
export class OlympiadRecordFilter {
  @Field(() => String, { nullable: true, description: 'Olympiad code (default: all).' })
  olympiadCode?: string;

  @Field(() => String, { nullable: true, description: 'Academic year, e.g. "2024/2025".' })
  academicYear?: string;

  @Field(() => [OlympiadStage], { nullable: true })
  stage?: OlympiadStage[];

  @Field(() => StringFilter, { nullable: true, description: 'Subject codes.' })
  subjectCode?: StringFilter;

  @Field(() => [OlympiadStatus], { nullable: true })
  status?: OlympiadStatus[];

  @Field(() => IdFilter, { nullable: true })
  municipalityId?: IdFilter;

  @Field(() => IdFilter, { nullable: true })
  organizationId?: IdFilter;

  @Field(() => IdFilter, { nullable: true })
  studentId?: IdFilter;

  @Field(() => StringFilter, { nullable: true, description: 'Pupil codes.' })
  studentCode?: StringFilter;
}

/** Columns a protocol list sorts by (the grid's sortable columns). */
export enum OlympiadRecordOrderField {
  ACADEMIC_YEAR = 'academicYear',
  STAGE = 'stage',
  SUBJECT = 'subject',
  SCORE = 'score',
  STATUS = 'status',
  GRADE = 'grade',
  STUDENT_CODE = 'studentCode',
  ORGANIZATION = 'organization',
  MUNICIPALITY = 'municipality',
}
registerEnumType(OlympiadRecordOrderField, {
  name: 'OlympiadRecordOrderField',
  valuesConfig: {
    STAGE: { description: 'School, municipal, regional, final.' },
    SUBJECT: { description: 'In the order of the subject directory.' },
    GRADE: { description: 'The grade the pupil studies in.' },
    ORGANIZATION: { description: 'By the school’s short name, else its full name.' },
    MUNICIPALITY: { description: 'By the municipality’s name.' },
  },
});

export const MAX_RECORD_ORDERS = 4;

@InputType()
export class OlympiadRecordOrder {
  @Field(() => OlympiadRecordOrderField)
  field!: OlympiadRecordOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
  direction: SortDirection = SortDirection.ASC;
}

@ArgsType()
export class OlympiadRecordListArgs extends PageArgs {
  @Field(() => OlympiadRecordFilter, { nullable: true })
  filter?: OlympiadRecordFilter;

  @Field(() => [OlympiadRecordOrder], {
    nullable: true,
    description: `Up to ${MAX_RECORD_ORDERS} columns, each once; the id always breaks ties, so offset pages are stable. Default: year (newest first), stage, subject, score (highest first).`,
  })
  @ArrayMaxSize(MAX_RECORD_ORDERS)
  orderBy?: OlympiadRecordOrder[];
}

@InputType({ description: 'Pupils of one grade of a school in an academic year (form ОО-1).' })
export class GradeEnrolmentInput {
  @Field(() => String)
  @MaxLength(40)
  organizationCode!: string;

  @Field(() => String, { description: 'Academic year, e.g. "2024/2025".' })
  @MaxLength(9)
  academicYear!: string;

  @Field(() => Int)
  @Min(1)
  @Max(11)
  grade!: number;

  @Field(() => Int)
  @Min(0)
  @Max(100000)
  pupils!: number;

  @Field(() => Int, { nullable: true, description: 'Required to change an existing figure.' })
  version?: number | null;
}

@InputType()
export class GradeEnrolmentFilter {
  @Field(() => String, { nullable: true })
  academicYear?: string;

  @Field(() => IdFilter, { nullable: true })
  municipalityId?: IdFilter;

  @Field(() => IdFilter, { nullable: true })
  organizationId?: IdFilter;
}

@ArgsType()
export class GradeEnrolmentListArgs extends PageArgs {
  @Field(() => GradeEnrolmentFilter, { nullable: true })
  filter?: GradeEnrolmentFilter;
}

/** Where an analytic query looks: a region, or a municipality (with its schools). */
@InputType()
export class OlympiadUnitInput {
  @Field(() => String, { description: 'Academic year, e.g. "2024/2025".' })
  @MaxLength(9)
  academicYear!: string;

  @Field(() => ID, { nullable: true })
  regionId?: string | null;

  @Field(() => ID, { nullable: true })
  municipalityId?: string | null;

  @Field(() => String, { nullable: true, description: 'Olympiad code (default "VSOSH").' })
  @IsOptional()
  @MaxLength(40)
  olympiadCode?: string | null;
}

@InputType()
export class OlympiadFunnelInput extends OlympiadUnitInput {
  @Field(() => String, { nullable: true, description: 'Only this subject code.' })
  @IsOptional()
  @MaxLength(20)
  subjectCode?: string | null;

  @Field(() => FunnelGrouping, { nullable: true, description: 'Default UNIT.' })
  groupBy?: FunnelGrouping | null;
}

@InputType()
export class OlympiadRecheckInput extends OlympiadUnitInput {
  @Field(() => [OlympiadStage], { nullable: true, description: 'Stages to check (default all).' })
  stages?: OlympiadStage[] | null;
}

@InputType({ description: 'Who is in the talent bank: where, which years, which subject.' })
export class TalentBankFilter {
  @Field(() => ID, { nullable: true })
  regionId?: string | null;

  @Field(() => ID, { nullable: true })
  municipalityId?: string | null;

  @Field(() => ID, { nullable: true })
  organizationId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Latest academic year counted (default: the current one).',
  })
  @IsOptional()
  @MaxLength(9)
  academicYear?: string | null;

  @Field(() => String, { nullable: true, description: 'Only diplomas in this subject code.' })
  @IsOptional()
  @MaxLength(20)
  subjectCode?: string | null;
}

@ArgsType()
export class TalentBankArgs extends PageArgs {
  @Field(() => TalentBankFilter, { nullable: true })
  filter?: TalentBankFilter;
}
