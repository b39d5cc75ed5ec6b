import type { GraphQLResolveInfo } from 'graphql';
import {
  Arg,
  Args,
  Ctx,
  FieldResolver,
  ID,
  Info,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { Context } from '../../context';
import { selectsField } from '../../shared/selection';
import { Direction } from '../directions/directions.entity';
import { Municipality, Organization } from '../geography/geography.entity';
import { indicatorAggregate } from './aggregate.service';
import { compareIndicators } from './comparison.service';
import { Indicator, IndicatorValue } from './indicators.entity';
import {
  CompareIndicatorsInput,
  IndicatorAggregateInput,
  IndicatorListArgs,
  IndicatorSeriesInput,
  IndicatorValueInput,
  IndicatorValueListArgs,
} from './indicators.inputs';
import {
  AggregateRow,
  IndicatorComparison,
  IndicatorConnection,
  IndicatorValueConnection,
  SeriesPoint,
  UpsertIndicatorValuesResult,
} from './indicators.types';
import { mumMatrix } from './mum.service';
import { MumMatrix } from './mum.types';
import { indicatorSeries } from './series.service';
import { listIndicators, listIndicatorValues } from './values.listing';
import { upsertIndicatorValues } from './values.service';

@Resolver(() => Indicator)
export class IndicatorResolver {
  @Query(() => IndicatorConnection, { description: 'The indicator catalogue.' })
  indicators(
    @Args(() => IndicatorListArgs) args: IndicatorListArgs,
    @Ctx() { em, access }: Context,
  ) {
    return listIndicators(em, args, access);
  }

  @Query(() => IndicatorComparison, {
    description:
      'Units compared on indicators and periods: value, rank, mean, median, z-score, motivating score, change, target (one SQL statement).',
  })
  compareIndicators(
    @Arg('input', () => CompareIndicatorsInput) input: CompareIndicatorsInput,
    @Ctx() { em, access }: Context,
  ) {
    return compareIndicators(em, input, access);
  }

  @Query(() => [SeriesPoint], { description: 'Values of units over periods, oldest first.' })
  indicatorSeries(
    @Arg('input', () => IndicatorSeriesInput) input: IndicatorSeriesInput,
    @Ctx() { em, access }: Context,
  ) {
    return indicatorSeries(em, input, access);
  }

  @Query(() => [AggregateRow], {
    description:
      'Values rolled up by each indicator’s rule, grouped by municipality, period, organization kind or settlement.',
  })
  indicatorAggregate(
    @Arg('input', () => IndicatorAggregateInput) input: IndicatorAggregateInput,
    @Ctx() { em, access }: Context,
  ) {
    return indicatorAggregate(em, input, access);
  }

  @Query(() => MumMatrix, {
    description: 'МУМ self-assessment: direction × management-cycle component per municipality.',
  })
  mumMatrix(
    @Arg('regionId', () => ID, { nullable: true }) regionId: string | null,
    @Arg('municipalityId', () => ID, { nullable: true }) municipalityId: string | null,
    @Ctx() { em, access }: Context,
  ) {
    return mumMatrix(em, { regionId, municipalityId }, access);
  }

  @FieldResolver(() => Direction)
  async direction(@Root() indicator: Indicator, @Ctx() { loaders }: Context): Promise<Direction> {
    return (await loaders.direction.load(indicator.direction.id))!;
  }
}

@Resolver(() => IndicatorValue)
export class IndicatorValueResolver {
  @Query(() => IndicatorValueConnection, {
    description: 'Stored values in your row scope (not for dashboards: they read aggregates).',
  })
  indicatorValues(
    @Args(() => IndicatorValueListArgs) args: IndicatorValueListArgs,
    @Ctx() { em, access }: Context,
  ) {
    return listIndicatorValues(em, args, access);
  }

  @Mutation(() => UpsertIndicatorValuesResult, {
    description:
      'Creates or updates values by natural key (indicator, organization or municipality code, period), atomically.',
  })
  upsertIndicatorValues(
    @Arg('rows', () => [IndicatorValueInput]) rows: IndicatorValueInput[],
    @Arg('dryRun', () => Boolean, { defaultValue: false }) dryRun: boolean,
    @Ctx() { em, access }: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return upsertIndicatorValues(em, rows, dryRun, access, {
      readBack: selectsField(info, 'rows'),
    });
  }

  @FieldResolver(() => Indicator)
  async indicator(@Root() value: IndicatorValue, @Ctx() { loaders }: Context): Promise<Indicator> {
    return (await loaders.indicator.load(value.indicator.id))!;
  }

  @FieldResolver(() => Municipality)
  async municipality(
    @Root() value: IndicatorValue,
    @Ctx() { loaders }: Context,
  ): Promise<Municipality> {
    return (await loaders.municipality.load(value.municipality.id))!;
  }

  @FieldResolver(() => Organization, { nullable: true })
  async organization(
    @Root() value: IndicatorValue,
    @Ctx() { loaders }: Context,
  ): Promise<Organization | null> {
    return value.organization ? loaders.organization.load(value.organization.id) : null;
  }
}
