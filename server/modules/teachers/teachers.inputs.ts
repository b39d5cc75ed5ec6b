import { ArrayMaxSize, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { GraphQLJSON } from 'graphql-scalars';
import { ArgsType, Field, Float, ID, InputType, Int } from 'type-graphql';
import { IdFilter, StringFilter, TextFilter } from '../../shared/filters';
import { PageArgs } from '../../shared/pagination';
import {
  CompetencyArea,
  MentorshipDelivery,
  MentorshipForm,
  MentorshipStatus,
  QualificationCategory,
  RouteStatus,
  RouteStepKind,
  StepStatus,
} from './teachers.enums';

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

@InputType({ description: 'A step of a route.' })
export class RouteStepInput {
  @Field(() => RouteStepKind)
  kind!: RouteStepKind;

  @Field(() => String)
  @MaxLength(500)
  title!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(300)
  provider?: string | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(0)
  @Max(2000)
  hours?: number | null;

  @Field(() => String, { nullable: true })
  dueDate?: string | null;

  @Field(() => StepStatus, { nullable: true })
  status?: StepStatus | null;
}

@InputType({ description: 'A route (ИОМ): new without id, an edit with id and version.' })
export class IndividualRouteInput {
  @Field(() => ID, { nullable: true })
  id?: string | null;

  @Field(() => Int, { nullable: true })
  version?: number | null;

  @Field(() => String)
  @MaxLength(40)
  personnelCode!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The diagnosis the route starts from; targeted deficits default to its deficits.',
  })
  @IsOptional()
  @MaxLength(60)
  campaignCode?: string | null;

  @Field(() => [CompetencyArea], { nullable: true })
  targetedDeficits?: CompetencyArea[] | null;

  @Field(() => String)
  openedOn!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(300)
  tutor?: string | null;

  @Field(() => RouteStatus, {
    nullable: true,
    description: 'OPEN or CANCELLED; a route is closed by a later diagnosis, not by hand.',
  })
  status?: RouteStatus | null;

  @Field(() => [RouteStepInput], { nullable: true, description: 'Replaces the steps when given.' })
  @IsOptional()
  @ArrayMaxSize(50)
  steps?: RouteStepInput[] | null;
}

@InputType()
export class RouteFilter {
  @Field(() => IdFilter, { nullable: true })
  municipalityId?: IdFilter;

  @Field(() => IdFilter, { nullable: true })
  teacherId?: IdFilter;

  @Field(() => [RouteStatus], { nullable: true })
  status?: RouteStatus[];
}

@ArgsType()
export class RouteListArgs extends PageArgs {
  @Field(() => RouteFilter, { nullable: true })
  filter?: RouteFilter;
}

@InputType({ description: 'A mentorship pair: new without id, an edit with id and version.' })
export class MentorshipInput {
  @Field(() => ID, { nullable: true })
  id?: string | null;

  @Field(() => Int, { nullable: true })
  version?: number | null;

  @Field(() => String, { description: 'Personnel code of the mentor.' })
  @MaxLength(40)
  mentorCode!: string;

  @Field(() => String, { description: 'Personnel code of the mentee.' })
  @MaxLength(40)
  menteeCode!: string;

  @Field(() => MentorshipForm)
  form!: MentorshipForm;

  @Field(() => MentorshipDelivery, { nullable: true })
  deliveryType?: MentorshipDelivery | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  programme?: string | null;

  @Field(() => String)
  startedOn!: string;

  @Field(() => String, { nullable: true })
  endedOn?: string | null;

  @Field(() => MentorshipStatus, { nullable: true })
  status?: MentorshipStatus | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  outcome?: string | null;
}

@InputType()
export class MentorshipFilter {
  @Field(() => IdFilter, { nullable: true })
  municipalityId?: IdFilter;

  @Field(() => IdFilter, { nullable: true })
  mentorId?: IdFilter;

  @Field(() => IdFilter, { nullable: true })
  menteeId?: IdFilter;

  @Field(() => [MentorshipStatus], { nullable: true })
  status?: MentorshipStatus[];
}

@ArgsType()
export class MentorshipListArgs extends PageArgs {
  @Field(() => MentorshipFilter, { nullable: true })
  filter?: MentorshipFilter;
}
