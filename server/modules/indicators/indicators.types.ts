import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { bulkResultType } from '../../shared/bulk';
import { connectionType } from '../../shared/pagination';
import { Indicator, IndicatorValue } from './indicators.entity';

export enum ComparedUnitKind {
  MUNICIPALITY = 'municipality',
  ORGANIZATION = 'organization',
}
registerEnumType(ComparedUnitKind, { name: 'ComparedUnitKind' });

/** A rolled-up value with the numerator and denominator it came from (null when no data). */
@ObjectType()
abstract class RolledUpFigures {
  @Field(() => Float, { nullable: true, description: 'Rolled-up value; null when no data.' })
  value!: number | null;

  @Field(() => Float, { nullable: true })
  numerator!: number | null;

  @Field(() => Float, { nullable: true })
  denominator!: number | null;
}

@ObjectType({ description: 'One unit (municipality or organization) on one indicator and period.' })
export class ComparisonRow extends RolledUpFigures {
  @Field(() => String)
  indicatorCode!: string;

  @Field(() => String)
  period!: string;

  @Field(() => ID)
  unitId!: string;

  @Field(() => String)
  unitName!: string;

  @Field(() => Boolean, { description: 'Synthetic demonstration unit.' })
  demo!: boolean;

  @Field(() => Int, {
    nullable: true,
    description: 'Rank by polarity (1 = best); ties share a rank and skip the next (1, 2, 2, 4).',
  })
  rank!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: '(value − mean) / population standard deviation of the compared units.',
  })
  zScore!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Motivating score 0–100, best = 100: 100·x/best (higher is better) or 100·best/x (lower is better).',
  })
  score!: number | null;

  @Field(() => Float, { nullable: true, description: 'Value of the previous period of its kind.' })
  previousValue!: number | null;

  @Field(() => Float, { nullable: true, description: 'value − previousValue.' })
  change!: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Null when the indicator has no target.' })
  targetMet!: boolean | null;
}

@ObjectType({ description: 'Statistics of one indicator and period over the compared units.' })
export class ComparisonSummary {
  @Field(() => String)
  indicatorCode!: string;

  @Field(() => String)
  period!: string;

  @Field(() => Int, { description: 'Units with a value.' })
  count!: number;

  @Field(() => Float, { nullable: true })
  mean!: number | null;

  @Field(() => Float, { nullable: true })
  median!: number | null;

  @Field(() => Float, { nullable: true, description: 'Population standard deviation.' })
  standardDeviation!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'The parent unit’s own value (region or municipality), rolled up by the rule.',
  })
  parentValue!: number | null;

  @Field(() => Float, { nullable: true })
  parentNumerator!: number | null;

  @Field(() => Float, { nullable: true })
  parentDenominator!: number | null;
}

@ObjectType()
export class IndicatorComparison {
  @Field(() => ComparedUnitKind)
  unitKind!: ComparedUnitKind;

  @Field(() => [Indicator])
  indicators!: Indicator[];

  @Field(() => [String])
  periods!: string[];

  @Field(() => [ComparisonRow], { description: 'Indicator, period, then rank order.' })
  rows!: ComparisonRow[];

  @Field(() => [ComparisonSummary])
  summaries!: ComparisonSummary[];
}

@ObjectType({ description: 'One point of a time series.' })
export class SeriesPoint extends RolledUpFigures {
  @Field(() => String)
  indicatorCode!: string;

  @Field(() => ID)
  unitId!: string;

  @Field(() => String)
  unitName!: string;

  @Field(() => String)
  period!: string;

  @Field(() => String, { description: 'First day of the period.' })
  periodStart!: string;
}

@ObjectType({
  description: 'One group of a dashboard aggregate; grouping fields not asked for are null.',
})
export class AggregateRow extends RolledUpFigures {
  @Field(() => String)
  indicatorCode!: string;

  @Field(() => String, { nullable: true })
  period!: string | null;

  @Field(() => ID, { nullable: true })
  municipalityId!: string | null;

  @Field(() => String, { nullable: true })
  municipalityName!: string | null;

  @Field(() => String, { nullable: true })
  organizationKind!: string | null;

  @Field(() => String, { nullable: true })
  settlement!: string | null;

  @Field(() => Int, { description: 'Values combined into this group.' })
  valueCount!: number;
}

export const IndicatorConnection = connectionType(Indicator, 'IndicatorConnection');
export const IndicatorValueConnection = connectionType(IndicatorValue, 'IndicatorValueConnection');
export const UpsertIndicatorValuesResult = bulkResultType(
  IndicatorValue,
  'UpsertIndicatorValuesResult',
);
