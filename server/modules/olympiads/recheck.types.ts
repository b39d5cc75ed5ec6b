import { GraphQLJSON } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Municipality, Organization } from '../geography/geography.entity';
import { OlympiadStage, OutlierDirection } from './olympiads.enums';
import { OlympiadRecord, OlympiadSubject } from './olympiads.entity';

@ObjectType({
  description: 'A paper far from its group: stage, subject and grade performed, region-wide.',
})
export class OutlierWork {
  @Field(() => OlympiadRecord)
  record!: OlympiadRecord;

  @Field(() => OlympiadSubject)
  subject!: OlympiadSubject;

  @Field(() => Organization)
  organization!: Organization;

  @Field(() => OlympiadStage)
  stage!: OlympiadStage;

  @Field(() => Int)
  gradePerformed!: number;

  @Field(() => Float, { description: 'Score as a share of the maximum, in per cent.' })
  percent!: number;

  @Field(() => Int, { description: 'Papers in the group.' })
  groupSize!: number;

  @Field(() => Float, { description: 'Median of the group, in per cent of the maximum.' })
  groupMedian!: number;

  @Field(() => Float, {
    description: 'Median absolute deviation of the group, in percentage points.',
  })
  groupMad!: number;

  @Field(() => Float, { description: 'Modified z-score (Iglewicz–Hoaglin).' })
  robustZ!: number;

  @Field(() => OutlierDirection)
  direction!: OutlierDirection;

  @Field(() => Float, {
    nullable: true,
    description: 'The same pupil’s share of the maximum at the next stage in the subject, if any.',
  })
  nextStagePercent!: number | null;
}

@ObjectType({
  description:
    'A school whose share of winners and prize-winners at a stage is far above the rest of the region.',
})
export class AnomalousSchool {
  @Field(() => Organization)
  organization!: Organization;

  @Field(() => Municipality)
  municipality!: Municipality;

  @Field(() => OlympiadStage)
  stage!: OlympiadStage;

  @Field(() => Int)
  entries!: number;

  @Field(() => Int, { description: 'Winners and prize-winners (entries).' })
  diplomas!: number;

  @Field(() => Float, { description: 'The school’s diplomas per 100 entries.' })
  diplomaShare!: number;

  @Field(() => Float, { description: 'Diplomas per 100 entries of the region’s other schools.' })
  referenceShare!: number;

  @Field(() => Float, { description: 'Binomial z of the school’s diplomas against that share.' })
  z!: number;

  @Field(() => Int, { description: 'Pupils holding the school’s diplomas.' })
  diplomaHolders!: number;

  @Field(() => Int, { description: 'The school’s diplomas whose holder wrote the next stage.' })
  nextStageParticipants!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Of those, per cent with a diploma at the next stage.',
  })
  nextStageDiplomaShare!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'The same for the region’s other schools: the confirmation one would expect.',
  })
  referenceNextStageDiplomaShare!: number | null;
}

@ObjectType({ description: 'Candidates for re-checking, with the thresholds used.' })
export class OlympiadRecheck {
  @Field(() => [OutlierWork])
  works!: OutlierWork[];

  @Field(() => [AnomalousSchool])
  schools!: AnomalousSchool[];

  @Field(() => GraphQLJSON, { description: 'The thresholds in force (olympiadSettings).' })
  thresholds!: Record<string, unknown>;

  @Field(() => ID, { description: 'The region whose distributions were used.' })
  regionId!: string;
}
