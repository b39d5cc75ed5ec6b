import { ArrayMaxSize, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { GraphQLJSON } from 'graphql-scalars';
import { ArgsType, Field, Float, InputType, Int } from 'type-graphql';
import { IdFilter, StringFilter } from '../../shared/filters';
import { PageArgs } from '../../shared/pagination';
import { LowResultKind, ObjectivitySignKind, ProcedureKind } from './assessments.enums';

@InputType()
export class ProcedureFilter {
  @Field(() => [ProcedureKind], { nullable: true })
  kind?: ProcedureKind[];

  @Field(() => Int, { nullable: true })
  year?: number;

  @Field(() => Int, { nullable: true })
  grade?: number;

  @Field(() => StringFilter, { nullable: true })
  subject?: StringFilter;
}

@ArgsType()
export class ProcedureListArgs extends PageArgs {
  @Field(() => ProcedureFilter, { nullable: true })
  filter?: ProcedureFilter;
}

@InputType()
export class ResultFilter {
  @Field(() => StringFilter, { nullable: true, description: 'Procedure codes.' })
  procedureCode?: StringFilter;

  @Field(() => [ProcedureKind], { nullable: true })
  kind?: ProcedureKind[];

  @Field(() => Int, { nullable: true })
  year?: number;

  @Field(() => IdFilter, { nullable: true })
  municipalityId?: IdFilter;

  @Field(() => IdFilter, { nullable: true })
  organizationId?: IdFilter;
}

@ArgsType()
export class ResultListArgs extends PageArgs {
  @Field(() => ResultFilter, { nullable: true })
  filter?: ResultFilter;
}

@InputType({ description: 'A procedure by its code (created, or updated when the code exists).' })
export class AssessmentProcedureInput {
  @Field(() => String)
  @MaxLength(60)
  code!: string;

  @Field(() => ProcedureKind)
  kind!: ProcedureKind;

  @Field(() => String)
  @MaxLength(120)
  subject!: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(1)
  @Max(11)
  grade?: number | null;

  @Field(() => Int)
  @Min(2000)
  @Max(2100)
  year!: number;

  @Field(() => Float)
  @Min(1)
  maxScore!: number;

  @Field(() => GraphQLJSON, { nullable: true, description: '[{ number, maxScore }]' })
  tasks?: { number: string; maxScore: number }[] | null;

  @Field(() => GraphQLJSON, { nullable: true, description: '{ "3": 6, "4": 11, "5": 15 }' })
  markThresholds?: Record<string, number> | null;

  @Field(() => Int, { nullable: true })
  version?: number | null;
}

@InputType({
  description:
    'A school’s result by natural key (procedure code, organization code); updates the stored one when the key exists.',
})
export class AssessmentResultInput {
  @Field(() => String)
  @MaxLength(60)
  procedureCode!: string;

  @Field(() => String)
  @MaxLength(40)
  organizationCode!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Required for a new result; left out keeps the stored one.',
  })
  participants?: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Deletes the stored result of this key (send its version).',
  })
  delete?: boolean | null;

  @Field(() => Int, { nullable: true })
  mark2?: number | null;

  @Field(() => Int, { nullable: true })
  mark3?: number | null;

  @Field(() => Int, { nullable: true })
  mark4?: number | null;

  @Field(() => Int, { nullable: true })
  mark5?: number | null;

  @Field(() => Float, { nullable: true })
  meanScore?: number | null;

  @Field(() => Float, { nullable: true })
  scoreSd?: number | null;

  @Field(() => Float, { nullable: true })
  meanPercent?: number | null;

  @Field(() => [Float], {
    nullable: true,
    description: 'Completion of each task, %, in task order.',
  })
  @IsOptional()
  @ArrayMaxSize(100)
  taskCompletion?: number[] | null;

  @Field(() => Int, { nullable: true })
  journalLowered?: number | null;

  @Field(() => Int, { nullable: true })
  journalConfirmed?: number | null;

  @Field(() => Int, { nullable: true })
  journalRaised?: number | null;

  @Field(() => Int, { nullable: true })
  belowMinimum?: number | null;

  @Field(() => Int, { nullable: true })
  medalists?: number | null;

  @Field(() => Int, { nullable: true })
  medalistsBelowRequirement?: number | null;

  @Field(() => GraphQLJSON, { nullable: true, description: '{ "<primary score>": pupils }' })
  scoreHistogram?: Record<string, number> | null;

  @Field(() => Int, { nullable: true, description: 'Version of the result being edited.' })
  version?: number | null;
}

@InputType({ description: 'Which signs of non-objective results to list.' })
export class ObjectivitySignFilter {
  @Field(() => [Int], { nullable: true, description: 'Calendar years of the procedures.' })
  @IsOptional()
  @ArrayMaxSize(50)
  year?: number[];

  @Field(() => [ObjectivitySignKind], { nullable: true })
  sign?: ObjectivitySignKind[];

  @Field(() => [ProcedureKind], { nullable: true })
  procedureKind?: ProcedureKind[];

  @Field(() => StringFilter, { nullable: true, description: 'Subjects of the procedures.' })
  subject?: StringFilter;

  @Field(() => IdFilter, { nullable: true })
  municipalityId?: IdFilter;

  @Field(() => IdFilter, { nullable: true })
  organizationId?: IdFilter;
}

@ArgsType()
export class ObjectivitySignListArgs extends PageArgs {
  @Field(() => ObjectivitySignFilter, { nullable: true })
  filter?: ObjectivitySignFilter;
}

@InputType({ description: 'Which low-result statuses to list.' })
export class LowResultFilter {
  @Field(() => [Int], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  year?: number[];

  @Field(() => [LowResultKind], { nullable: true })
  kind?: LowResultKind[];

  @Field(() => IdFilter, { nullable: true })
  municipalityId?: IdFilter;

  @Field(() => IdFilter, { nullable: true })
  organizationId?: IdFilter;
}

@ArgsType()
export class LowResultListArgs extends PageArgs {
  @Field(() => LowResultFilter, { nullable: true })
  filter?: LowResultFilter;
}

@InputType({
  description: 'A pupil’s result under a pseudonymous code (never a name), by procedure and code.',
})
export class PupilResultInput {
  @Field(() => String)
  @MaxLength(60)
  procedureCode!: string;

  @Field(() => String, { description: 'The school the pupil wrote in.' })
  @MaxLength(40)
  organizationCode!: string;

  @Field(() => String, { description: 'Pseudonymous participant code, e.g. the ФИС ОКО code.' })
  @MaxLength(40)
  pupilCode!: string;

  @Field(() => Float)
  primaryScore!: number;

  @Field(() => Int, { nullable: true })
  mark?: number | null;

  @Field(() => Int, { nullable: true, description: 'The school’s own term mark.' })
  journalMark?: number | null;

  @Field(() => [Float], { nullable: true, description: 'Score of each task, in task order.' })
  @IsOptional()
  @ArrayMaxSize(200)
  taskScores?: number[] | null;
}
