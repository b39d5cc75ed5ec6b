import { ArrayMaxSize, ArrayMinSize, IsOptional, MaxLength } from 'class-validator';
import { ArgsType, Field, Float, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { IdFilter, StringFilter } from '../../shared/filters';
import { PageArgs } from '../../shared/pagination';
import { PeriodKind } from './indicators.enums';

export const MAX_COMPARED_INDICATORS = 20;
export const MAX_COMPARED_PERIODS = 12;

@InputType()
export class IndicatorFilter {
  @Field(() => StringFilter, { nullable: true, description: 'Direction code, e.g. "1.1".' })
  directionCode?: StringFilter;

  @Field(() => StringFilter, { nullable: true })
  code?: StringFilter;
}

@ArgsType()
export class IndicatorListArgs extends PageArgs {
  @Field(() => IndicatorFilter, { nullable: true })
  filter?: IndicatorFilter;
}

@InputType()
export class IndicatorValueFilter {
  @Field(() => StringFilter, { nullable: true, description: 'Indicator codes.' })
  indicatorCode?: StringFilter;

  @Field(() => IdFilter, { nullable: true })
  municipalityId?: IdFilter;

  @Field(() => IdFilter, { nullable: true })
  organizationId?: IdFilter;

  @Field(() => StringFilter, { nullable: true, description: '2024, 2024/2025 or 2024Q1.' })
  period?: StringFilter;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only municipalities’ own values; false: only organizations’ values.',
  })
  municipalityLevel?: boolean;
}

@ArgsType()
export class IndicatorValueListArgs extends PageArgs {
  @Field(() => IndicatorValueFilter, { nullable: true })
  filter?: IndicatorValueFilter;
}

@InputType({
  description:
    'A value by natural key: indicator code, organization or municipality code, period. Updates the existing value when the key exists.',
})
export class IndicatorValueInput {
  @Field(() => String)
  @MaxLength(40)
  indicatorCode!: string;

  @Field(() => String, { nullable: true, description: 'For organization-level indicators.' })
  @IsOptional()
  @MaxLength(40)
  organizationCode?: string | null;

  @Field(() => String, { nullable: true, description: 'For municipality-level indicators.' })
  @IsOptional()
  @MaxLength(40)
  municipalityCode?: string | null;

  @Field(() => String, { description: '2024, 2024/2025 or 2024Q1 (the indicator’s period kind).' })
  @MaxLength(20)
  period!: string;

  @Field(() => Float, {
    nullable: true,
    description: 'Required unless numerator and denominator are given (then computed).',
  })
  value?: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Required for ratio indicators; otherwise left out keeps the stored one.',
  })
  numerator?: number | null;

  @Field(() => Float, { nullable: true })
  denominator?: number | null;

  @Field(() => String, { nullable: true, description: 'Left out: the stored comment stays.' })
  @IsOptional()
  @MaxLength(2000)
  comment?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Version of the value being edited: a stale one is a CONFLICT.',
  })
  version?: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Deletes the stored value of this key (figures are not needed).',
  })
  delete?: boolean | null;
}

@InputType({
  description:
    'Compare the municipalities of a region (regionId) or the organizations of a municipality (municipalityId).',
})
export class CompareIndicatorsInput {
  @Field(() => [String])
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_COMPARED_INDICATORS)
  indicatorCodes!: string[];

  @Field(() => [String])
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_COMPARED_PERIODS)
  periods!: string[];

  @Field(() => ID, { nullable: true })
  regionId?: string | null;

  @Field(() => ID, { nullable: true })
  municipalityId?: string | null;
}

@InputType({ description: 'Values of units over a range of periods.' })
export class IndicatorSeriesInput {
  @Field(() => [String])
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_COMPARED_INDICATORS)
  indicatorCodes!: string[];

  @Field(() => [ID], { nullable: true, description: 'Municipalities (rolled up).' })
  @IsOptional()
  @ArrayMaxSize(500)
  municipalityIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Regions (rolled up).' })
  @IsOptional()
  @ArrayMaxSize(100)
  regionIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Organizations (their own values).' })
  @IsOptional()
  @ArrayMaxSize(500)
  organizationIds?: string[] | null;

  @Field(() => String, { nullable: true, description: 'First period (inclusive).' })
  from?: string | null;

  @Field(() => String, { nullable: true, description: 'Last period (inclusive).' })
  to?: string | null;
}

export enum AggregateGroup {
  MUNICIPALITY = 'municipality',
  PERIOD = 'period',
  ORGANIZATION_KIND = 'organization_kind',
  SETTLEMENT = 'settlement',
}
registerEnumType(AggregateGroup, { name: 'AggregateGroup' });

@InputType({
  description: 'A grouped aggregate for dashboards, rolled up by each indicator’s rule.',
})
export class IndicatorAggregateInput {
  @Field(() => [String])
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_COMPARED_INDICATORS)
  indicatorCodes!: string[];

  @Field(() => [String])
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_COMPARED_PERIODS)
  periods!: string[];

  @Field(() => [AggregateGroup], { description: 'Empty: one total per indicator.' })
  @ArrayMaxSize(4)
  groupBy!: AggregateGroup[];

  @Field(() => ID, { nullable: true })
  regionId?: string | null;

  @Field(() => ID, { nullable: true })
  municipalityId?: string | null;
}

export { PeriodKind };
