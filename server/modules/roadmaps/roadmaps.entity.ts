import {
  Collection,
  Entity,
  Enum,
  Index,
  ManyToMany,
  ManyToOne,
  OneToMany,
  Property,
  type Ref,
  Unique,
} from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import type { Abbreviation, ParsedSchedule } from '../../importers/roadmap.types';
import { BaseEntity, VersionedEntity } from '../../shared/base.entity';
import { DateScalar } from '../../shared/scalars';
import { CycleComponent, Direction } from '../directions/directions.entity';
import { PersonalData } from '../access/personal-data';
import { Municipality } from '../geography/geography.entity';
import { OccurrenceStatus, ScheduleKind } from './roadmaps.enums';

/** The parsed schedule minus what has its own column (kind) or is the deadline text (raw). */
export type ScheduleDetails = Omit<ParsedSchedule, 'kind' | 'raw'>;

@ObjectType({ description: 'A municipal roadmap («дорожная карта»), approved by an order.' })
@Entity({ tableName: 'roadmap' })
export class Roadmap extends VersionedEntity<'abbreviations'> {
  @ManyToOne(() => Municipality, { ref: true, deleteRule: 'restrict', index: true })
  municipality!: Ref<Municipality>;

  @Field(() => String)
  @Property({ type: 'text' })
  title!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Number of the approving order, e.g. «1798а».',
  })
  @Property({ type: 'string', length: 50, nullable: true })
  orderNumber: string | null = null;

  @Field(() => DateScalar, { nullable: true, description: 'Date of the approving order.' })
  @Property({ type: 'date', nullable: true })
  orderDate: string | null = null;

  @Field(() => DateScalar, { description: 'First day of the roadmap period.' })
  @Property({ type: 'date' })
  periodStart!: string;

  @Field(() => DateScalar, { description: 'Last day of the roadmap period.' })
  @Property({ type: 'date' })
  periodEnd!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 300, nullable: true })
  sourceFileName: string | null = null;

  // The document's own list of abbreviations, used to expand executors on later edits.
  @Property({ type: 'json' })
  abbreviations: Abbreviation[] = [];

  @OneToMany(() => RoadmapSection, (section) => section.roadmap, { orderBy: { sortOrder: 'asc' } })
  sections = new Collection<RoadmapSection>(this);
}

@ObjectType({ description: 'A numbered section of a roadmap, mapped to a canonical direction.' })
@Entity({ tableName: 'roadmap_section' })
@Unique({ properties: ['roadmap', 'number'] })
export class RoadmapSection extends VersionedEntity {
  @ManyToOne(() => Roadmap, { ref: true, deleteRule: 'cascade' })
  roadmap!: Ref<Roadmap>;

  @Field(() => String)
  @Property({ type: 'string', length: 20 })
  number!: string;

  @Field(() => String)
  @Property({ type: 'text' })
  title!: string;

  @ManyToOne(() => Direction, { ref: true, nullable: true, deleteRule: 'set null', index: true })
  direction: Ref<Direction> | null = null;

  @Property({ type: 'integer' })
  sortOrder!: number;

  @OneToMany(() => Activity, (activity) => activity.section, { orderBy: { sortKey: 'asc' } })
  activities = new Collection<Activity>(this);
}

@ObjectType({ description: 'A body or person responsible for activities in one municipality.' })
@Entity({ tableName: 'executor' })
@Unique({ properties: ['municipality', 'name'] })
export class Executor extends BaseEntity {
  @ManyToOne(() => Municipality, { ref: true, deleteRule: 'cascade' })
  municipality!: Ref<Municipality>;

  @Field(() => String, { description: 'As written in the roadmap, e.g. «ОО АМГО».' })
  @Property({ type: 'string', length: 300 })
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Expanded from the document’s abbreviations.',
  })
  // Names people («Исаева Х.Н., начальник МКУ «УО»») in some roadmaps.
  @PersonalData<Executor>(async (executor, { loaders }) => {
    const municipality = await loaders.municipality.load(executor.municipality.id);
    return municipality ? { id: municipality.id, regionId: municipality.region.id } : null;
  })
  @Property({ type: 'text', nullable: true })
  fullName: string | null = null;
}

@ObjectType({ description: 'One numbered activity («мероприятие») of a roadmap section.' })
@Entity({ tableName: 'activity' })
@Unique({ properties: ['section', 'number'] })
export class Activity extends VersionedEntity<'schedule' | 'scheduleKind'> {
  @ManyToOne(() => RoadmapSection, { ref: true, deleteRule: 'cascade' })
  section!: Ref<RoadmapSection>;

  @Field(() => String, { description: 'Hierarchical number within the section, e.g. 1.2.1.' })
  @Property({ type: 'string', length: 30 })
  number!: string;

  // Zero-padded number so that 1.10 sorts after 1.9 in SQL.
  @Index()
  @Property({ type: 'string', length: 60 })
  sortKey!: string;

  @Field(() => String)
  @Property({ type: 'text' })
  text!: string;

  @Field(() => String, { description: 'Deadline exactly as written («ежегодно», «Декабрь 2021»).' })
  @Property({ type: 'text', default: '' })
  deadlineText: string = '';

  @Field(() => String, { description: 'Responsible parties exactly as written.' })
  @Property({ type: 'text', default: '' })
  responsibleText: string = '';

  @Enum({
    items: () => ScheduleKind,
    nativeEnumName: 'schedule_kind',
    default: ScheduleKind.unknown,
  })
  scheduleKind: ScheduleKind = ScheduleKind.unknown;

  @Property({ type: 'json' })
  schedule: ScheduleDetails = {
    months: [],
    years: [],
    from: null,
    to: null,
    event: null,
    qualifier: null,
  };

  @ManyToOne(() => CycleComponent, { ref: true, nullable: true, deleteRule: 'set null' })
  cycleComponent: Ref<CycleComponent> | null = null;

  @ManyToMany({ entity: () => Executor, pivotTable: 'activity_executor', owner: true })
  executors = new Collection<Executor>(this);

  @OneToMany(() => ActivityOccurrence, (occurrence) => occurrence.activity, {
    orderBy: { dueDate: 'asc' },
  })
  occurrences = new Collection<ActivityOccurrence>(this);
}

@ObjectType({
  description: 'One due instance of an activity over the roadmap period, with its execution.',
})
@Entity({ tableName: 'activity_occurrence' })
@Unique({ properties: ['activity', 'dueDate'] })
export class ActivityOccurrence extends VersionedEntity<'status'> {
  @ManyToOne(() => Activity, { ref: true, deleteRule: 'cascade' })
  activity!: Ref<Activity>;

  @Field(() => DateScalar)
  @Index()
  @Property({ type: 'date' })
  dueDate!: string;

  @Field(() => OccurrenceStatus)
  @Enum({
    items: () => OccurrenceStatus,
    nativeEnumName: 'occurrence_status',
    default: OccurrenceStatus.PLANNED,
  })
  status: OccurrenceStatus = OccurrenceStatus.PLANNED;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  reportText: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 1000, nullable: true })
  evidenceUrl: string | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  completedAt: Date | null = null;
}
