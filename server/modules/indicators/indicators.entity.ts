import { Entity, Enum, Index, ManyToOne, Property, type Ref, Unique } from '@mikro-orm/core';
import { Field, Float, ObjectType } from 'type-graphql';
import { VersionedEntity } from '../../shared/base.entity';
import { Direction } from '../directions/directions.entity';
import { Municipality, Organization } from '../geography/geography.entity';
import {
  AggregationRule,
  IndicatorLevel,
  IndicatorUnit,
  PeriodKind,
  Polarity,
  ValueSource,
} from './indicators.enums';

@ObjectType({
  description: 'A measured quantity of the catalogue (DHIS2-style: numerator/denominator).',
})
@Entity({ tableName: 'indicator' })
export class Indicator extends VersionedEntity<'target' | 'denominatorDefinition' | 'description'> {
  @Field(() => String, { description: 'Stable code, e.g. "1.1.VPR_BASIC".' })
  @Property({ type: 'string', length: 40, unique: true })
  code!: string;

  @Field(() => String, { description: 'Russian name, as in regional methodologies.' })
  @Property({ type: 'string', length: 500 })
  name!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 500 })
  nameEn!: string;

  @Field(() => String)
  @Property({ type: 'text', default: '' })
  description: string = '';

  @ManyToOne(() => Direction, { ref: true, deleteRule: 'restrict', index: true })
  direction!: Ref<Direction>;

  @Field(() => IndicatorUnit)
  @Enum({ items: () => IndicatorUnit, nativeEnumName: 'indicator_unit' })
  unit!: IndicatorUnit;

  @Field(() => Polarity)
  @Enum({ items: () => Polarity, nativeEnumName: 'polarity' })
  polarity!: Polarity;

  @Field(() => IndicatorLevel, { description: 'Where values are entered.' })
  @Enum({ items: () => IndicatorLevel, nativeEnumName: 'indicator_level' })
  level!: IndicatorLevel;

  @Field(() => AggregationRule, { description: 'How values roll up to higher units.' })
  @Enum({ items: () => AggregationRule, nativeEnumName: 'aggregation_rule' })
  aggregation!: AggregationRule;

  @Field(() => PeriodKind, { description: 'The kind of period its values are reported for.' })
  @Enum({ items: () => PeriodKind, nativeEnumName: 'period_kind' })
  periodKind!: PeriodKind;

  @Field(() => String)
  @Property({ type: 'text' })
  numeratorDefinition!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  denominatorDefinition: string | null = null;

  @Field(() => String, { description: 'Where the figures come from (ФИС ОКО, ОО-1, …).' })
  @Property({ type: 'string', length: 300 })
  source!: string;

  @Field(() => Float, { nullable: true, description: 'Target value; met per polarity.' })
  @Property({ type: 'double', columnType: 'double precision', nullable: true })
  target: number | null = null;
}

/**
 * One figure: indicator × (organization or municipality) × period. Organization values carry
 * their organization's municipality too, so scope filters and roll-ups need no join.
 */
@ObjectType({
  description: 'A value of an indicator for one organization or municipality and period.',
})
@Entity({ tableName: 'indicator_value' })
@Index({ properties: ['indicator', 'period', 'municipality'] })
// Natural keys (partial: an organization's value, or a municipality's own value).
@Unique({
  name: 'indicator_value_organization_key',
  expression:
    'create unique index "indicator_value_organization_key" on "indicator_value" ("indicator_id", "organization_id", "period") where "organization_id" is not null',
})
@Unique({
  name: 'indicator_value_municipality_key',
  expression:
    'create unique index "indicator_value_municipality_key" on "indicator_value" ("indicator_id", "municipality_id", "period") where "organization_id" is null',
})
export class IndicatorValue extends VersionedEntity<'comment' | 'numerator' | 'denominator'> {
  @ManyToOne(() => Indicator, { ref: true, deleteRule: 'cascade' })
  indicator!: Ref<Indicator>;

  @ManyToOne(() => Municipality, { ref: true, deleteRule: 'cascade' })
  municipality!: Ref<Municipality>;

  @ManyToOne(() => Organization, { ref: true, nullable: true, deleteRule: 'cascade', index: true })
  organization: Ref<Organization> | null = null;

  @Field(() => String, { description: '2024, 2024/2025 or 2024Q1.' })
  @Property({ type: 'string', length: 9 })
  period!: string;

  @Field(() => PeriodKind)
  @Enum({ items: () => PeriodKind, nativeEnumName: 'period_kind' })
  periodKind!: PeriodKind;

  @Field(() => String, { description: 'First day of the period (orders a time series).' })
  @Property({ type: 'date', columnType: 'date' })
  periodStart!: string;

  @Field(() => Float)
  @Property({ type: 'double', columnType: 'double precision' })
  value!: number;

  @Field(() => Float, { nullable: true })
  @Property({ type: 'double', columnType: 'double precision', nullable: true })
  numerator: number | null = null;

  @Field(() => Float, { nullable: true })
  @Property({ type: 'double', columnType: 'double precision', nullable: true })
  denominator: number | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  comment: string | null = null;

  @Field(() => ValueSource)
  @Enum({ items: () => ValueSource, nativeEnumName: 'value_source' })
  source!: ValueSource;
}
