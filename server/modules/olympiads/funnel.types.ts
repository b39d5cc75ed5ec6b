import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { OlympiadStage } from './olympiads.enums';

@ObjectType({ description: 'One stage of the funnel for a unit and academic year.' })
export class OlympiadStageFigures {
  @Field(() => OlympiadStage)
  stage!: OlympiadStage;

  @Field(() => Int, {
    description: 'Unique participants (a pupil counts once however many subjects).',
  })
  participants!: number;

  @Field(() => Int, { description: 'Entries (pupil × subject).' })
  entries!: number;

  @Field(() => Int)
  winners!: number;

  @Field(() => Int)
  prizeWinners!: number;

  @Field(() => Float, { nullable: true, description: 'Winners and prize-winners per 100 entries.' })
  diplomaShare!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Participants of the next stage per 100 participants of this one (conversion).',
  })
  passThrough!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Winners and prize-winners per 1,000 pupils of the stage’s grades (school 4–11, municipal 7–11, regional and final 9–11).',
  })
  diplomasPer1000!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'This part’s share of the scope’s winners and prize-winners (schools’ contribution).',
  })
  contributionShare!: number | null;

  @Field(() => Int, { description: 'Unique participants in the year before.' })
  previousParticipants!: number;

  @Field(() => Int, { description: 'Winners and prize-winners in the year before.' })
  previousDiplomas!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Change of unique participants against the year before, in per cent.',
  })
  participantsChange!: number | null;
}

@ObjectType({
  description: 'The olympiad funnel of one unit: the scope, a municipality, a school or a subject.',
})
export class OlympiadFunnelRow {
  @Field(() => String, { description: 'region, municipality, organization or subject.' })
  unitKind!: string;

  @Field(() => ID)
  unitId!: string;

  @Field(() => String)
  unitName!: string;

  @Field(() => Boolean, { description: 'The row of the whole scope asked for.' })
  isTotal!: boolean;

  @Field(() => Int, {
    nullable: true,
    description: 'Pupils of grades 4–11 (form ОО-1); null when unknown.',
  })
  pupils4to11!: number | null;

  @Field(() => Int, { nullable: true })
  pupils7to11!: number | null;

  @Field(() => Int, { nullable: true })
  pupils9to11!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Coverage of the school stage: unique participants of grades 4–11 per 100 pupils of grades 4–11.',
  })
  coverage!: number | null;

  @Field(() => Float, { nullable: true, description: 'Coverage in the year before.' })
  previousCoverage!: number | null;

  @Field(() => Float, { nullable: true, description: 'Coverage change in percentage points.' })
  coverageChange!: number | null;

  @Field(() => [OlympiadStageFigures], { description: 'School, municipal, regional, final.' })
  stages!: OlympiadStageFigures[];
}
