import { ArrayMaxSize, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { GraphQLJSON } from 'graphql-scalars';
import { ArgsType, Field, Float, InputType, Int } from 'type-graphql';
import { IdFilter, StringFilter, TextFilter } from '../../shared/filters';
import { PageArgs } from '../../shared/pagination';
import { CompetencyArea, QualificationCategory } from './teachers.enums';

@InputType()
export class TeacherFilter {
  @Field(() => IdFilter, { nullable: true })
  municipalityId?: IdFilter;

  @Field(() => IdFilter, { nullable: true })
  organizationId?: IdFilter;

  @Field(() => StringFilter, { nullable: true })
  personnelCode?: StringFilter;

  @Field(() => TextFilter, { nullable: true, description: 'A subject taught contains the text.' })
  subject?: TextFilter;

  @Field(() => [QualificationCategory], { nullable: true })
  category?: QualificationCategory[];

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only young specialists (under 35, at most three years of teaching) or others.',
  })
  youngSpecialist?: boolean;
}

@ArgsType()
export class TeacherListArgs extends PageArgs {
  @Field(() => TeacherFilter, { nullable: true })
  filter?: TeacherFilter;
}

@InputType({ description: 'A teacher by personnel code (created, or updated when it exists).' })
export class TeacherInput {
  @Field(() => String, { description: 'Pseudonymous personnel code, the natural key.' })
  @MaxLength(40)
  personnelCode!: string;

  @Field(() => String, { description: 'Current organization; a new one records a move.' })
  @MaxLength(40)
  organizationCode!: string;

  @Field(() => String, { nullable: true, description: 'Date of a move (default: today).' })
  movedOn?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(300)
  fullName?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(1930)
  @Max(2015)
  birthYear?: number | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  subjects?: string[] | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(120)
  position?: string | null;

  @Field(() => QualificationCategory, { nullable: true })
  category?: QualificationCategory | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(0)
  @Max(70)
  totalExperienceYears?: number | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(0)
  @Max(70)
  teachingExperienceYears?: number | null;

  @Field(() => String, { nullable: true })
  hireDate?: string | null;

  @Field(() => Int, { nullable: true, description: 'Version of the row being edited.' })
  version?: number | null;
}

@InputType({ description: 'A diagnostic campaign by code.' })
export class DiagnosticCampaignInput {
  @Field(() => String)
  @MaxLength(60)
  code!: string;

  @Field(() => String)
  @MaxLength(300)
  name!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(300)
  operator?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(300)
  instrument?: string | null;

  @Field(() => String, { description: 'Date held (YYYY-MM-DD).' })
  heldOn!: string;

  @Field(() => GraphQLJSON, { description: '[{ area, maxScore, deficitBelow }]' })
  areas!: unknown;

  @Field(() => Int, { nullable: true })
  version?: number | null;
}

@InputType({
  description: 'A teacher’s result in a campaign, by campaign code and personnel code.',
})
export class DiagnosticResultInput {
  @Field(() => String)
  @MaxLength(60)
  campaignCode!: string;

  @Field(() => String)
  @MaxLength(40)
  personnelCode!: string;

  @Field(() => GraphQLJSON, {
    description: 'Score per area, e.g. { "SUBJECT": 72, "METHODICAL": 40 }.',
  })
  scores!: unknown;

  @Field(() => Int, { nullable: true })
  version?: number | null;
}

@InputType()
export class DiagnosticResultFilter {
  @Field(() => StringFilter, { nullable: true })
  campaignCode?: StringFilter;

  @Field(() => IdFilter, { nullable: true, description: 'Where the teacher was when diagnosed.' })
  municipalityId?: IdFilter;

  @Field(() => IdFilter, { nullable: true })
  organizationId?: IdFilter;

  @Field(() => IdFilter, { nullable: true })
  teacherId?: IdFilter;

  @Field(() => [CompetencyArea], { nullable: true, description: 'Has any of these deficits.' })
  deficit?: CompetencyArea[];
}

@ArgsType()
export class DiagnosticResultListArgs extends PageArgs {
  @Field(() => DiagnosticResultFilter, { nullable: true })
  filter?: DiagnosticResultFilter;
}
