import { Entity, Enum, Index, ManyToOne, Property, type Ref, Unique } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { BaseEntity, VersionedEntity } from '../../shared/base.entity';
import { PersonalData } from '../access/personal-data';
import { Municipality, Organization } from '../geography/geography.entity';
import type { CampaignArea } from './deficits';
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

/**
 * A teacher under a pseudonymous personnel code; the name is personal data. The organization
 * is the current one: moves are kept in TeacherAssignment, and diagnostics remember where the
 * teacher worked when diagnosed.
 */
@ObjectType({ description: 'A teacher (the name is personal data).' })
@Entity({ tableName: 'teacher' })
@Index({ properties: ['municipality', 'organization'] })
export class Teacher extends VersionedEntity<
  | 'fullName'
  | 'birthYear'
  | 'subjects'
  | 'position'
  | 'category'
  | 'totalExperienceYears'
  | 'teachingExperienceYears'
  | 'hireDate'
> {
  @Field(() => String, { description: 'Pseudonymous personnel code, the natural key.' })
  @Property({ type: 'string', length: 40, unique: true })
  personnelCode!: string;

  @ManyToOne(() => Organization, { ref: true, deleteRule: 'restrict', index: true })
  organization!: Ref<Organization>;

  @ManyToOne(() => Municipality, { ref: true, deleteRule: 'restrict' })
  municipality!: Ref<Municipality>;

  @Field(() => String, { nullable: true, description: 'ФИО (personal data).' })
  @PersonalData<Teacher>(async (teacher, { loaders }) => {
    const municipality = await loaders.municipality.load(teacher.municipality.id);
    return municipality ? { id: municipality.id, regionId: municipality.region.id } : null;
  })
  @Property({ type: 'string', length: 300, nullable: true })
  fullName: string | null = null;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'smallint', nullable: true })
  birthYear: number | null = null;

  @Field(() => [String], { description: 'Subjects taught, e.g. «Математика».' })
  @Property({ type: 'json', default: '[]' })
  subjects: string[] = [];

  @Field(() => String, { nullable: true, description: 'Position, e.g. «учитель».' })
  @Property({ type: 'string', length: 120, nullable: true })
  position: string | null = null;

  @Field(() => QualificationCategory)
  @Enum({
    items: () => QualificationCategory,
    nativeEnumName: 'qualification_category',
    default: QualificationCategory.NONE,
  })
  category: QualificationCategory = QualificationCategory.NONE;

  @Field(() => Float, { nullable: true })
  @Property({ type: 'double', columnType: 'double precision', nullable: true })
  totalExperienceYears: number | null = null;

  @Field(() => Float, { nullable: true })
  @Property({ type: 'double', columnType: 'double precision', nullable: true })
  teachingExperienceYears: number | null = null;

  @Field(() => String, { nullable: true, description: 'Hired at the current organization.' })
  @Property({ type: 'date', columnType: 'date', nullable: true })
  hireDate: string | null = null;
}

/** Where a teacher worked, from when to when: a move closes one row and opens the next. */
@ObjectType({ description: 'A period of a teacher’s work at one organization.' })
@Entity({ tableName: 'teacher_assignment' })
@Index({ properties: ['teacher', 'startedOn'] })
export class TeacherAssignment extends BaseEntity<'endedOn'> {
  @ManyToOne(() => Teacher, { ref: true, deleteRule: 'cascade' })
  teacher!: Ref<Teacher>;

  @ManyToOne(() => Organization, { ref: true, deleteRule: 'restrict' })
  organization!: Ref<Organization>;

  @Field(() => String)
  @Property({ type: 'date', columnType: 'date' })
  startedOn!: string;

  @Field(() => String, { nullable: true, description: 'Null while the teacher works there.' })
  @Property({ type: 'date', columnType: 'date', nullable: true })
  endedOn: string | null = null;
}

/** A diagnostic campaign of professional deficits (e.g. the regional ЦНППМ, autumn 2024). */
@ObjectType({ description: 'A diagnostic campaign of teachers’ professional deficits.' })
@Entity({ tableName: 'diagnostic_campaign' })
export class DiagnosticCampaign extends VersionedEntity<'operator' | 'instrument'> {
  @Field(() => String, { description: 'Stable code, e.g. "CNPPM-2024-09".' })
  @Property({ type: 'string', length: 60, unique: true })
  code!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 300 })
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Operator, e.g. «ЦНППМ Республики Дагестан».',
  })
  @Property({ type: 'string', length: 300, nullable: true })
  operator: string | null = null;

  @Field(() => String, {
    nullable: true,
    description: 'Instrument, e.g. «25 заданий, 0–100 баллов».',
  })
  @Property({ type: 'string', length: 300, nullable: true })
  instrument: string | null = null;

  @Field(() => String, { description: 'Date the diagnostic was held.' })
  @Property({ type: 'date', columnType: 'date' })
  heldOn!: string;

  @Field(() => GraphQLJSON, {
    description: 'Areas measured: [{ area, maxScore, deficitBelow }] (a score below is a deficit).',
  })
  @Property({ type: 'json' })
  areas!: CampaignArea[];
}

/**
 * A teacher's result in a campaign: a score per area and the deficits found. Keeps the
 * organization and municipality of the time, so analytics count it where the teacher was.
 */
@ObjectType({ description: 'A teacher’s diagnostic result: scores per area and deficits.' })
@Entity({ tableName: 'diagnostic_result' })
@Unique({ properties: ['campaign', 'teacher'] })
@Index({ properties: ['municipality', 'campaign'] })
export class DiagnosticResult extends VersionedEntity<'deficits'> {
  @ManyToOne(() => DiagnosticCampaign, { ref: true, deleteRule: 'cascade' })
  campaign!: Ref<DiagnosticCampaign>;

  @ManyToOne(() => Teacher, { ref: true, deleteRule: 'cascade', index: true })
  teacher!: Ref<Teacher>;

  @ManyToOne(() => Organization, { ref: true, deleteRule: 'restrict' })
  organization!: Ref<Organization>;

  @ManyToOne(() => Municipality, { ref: true, deleteRule: 'restrict' })
  municipality!: Ref<Municipality>;

  @Field(() => GraphQLJSON, { description: 'Score per area, e.g. { "subject": 72 }.' })
  @Property({ type: 'json' })
  scores!: Partial<Record<CompetencyArea, number>>;

  @Field(() => [CompetencyArea], { description: 'Areas below the campaign’s threshold.' })
  @Enum({ items: () => CompetencyArea, array: true, nativeEnumName: 'competency_area' })
  deficits: CompetencyArea[] = [];
}

/**
 * An individual educational route (ИОМ) of a teacher: the deficits it targets and its steps.
 * It closes when a later diagnosis no longer shows any of them.
 */
@ObjectType({ description: 'An individual educational route (ИОМ) of a teacher.' })
@Entity({ tableName: 'individual_route' })
@Index({ properties: ['municipality', 'status'] })
export class IndividualRoute extends VersionedEntity<'status' | 'closedOn' | 'tutor'> {
  @ManyToOne(() => Teacher, { ref: true, deleteRule: 'cascade', index: true })
  teacher!: Ref<Teacher>;

  @ManyToOne(() => DiagnosticResult, { ref: true, deleteRule: 'set null', nullable: true })
  diagnostic: Ref<DiagnosticResult> | null = null;

  /** Where the teacher worked when the route was opened (scope and analytics). */
  @ManyToOne(() => Municipality, { ref: true, deleteRule: 'restrict' })
  municipality!: Ref<Municipality>;

  @Field(() => [CompetencyArea], { description: 'Deficits the route works on.' })
  @Enum({ items: () => CompetencyArea, array: true, nativeEnumName: 'competency_area' })
  targetedDeficits!: CompetencyArea[];

  @Field(() => RouteStatus)
  @Enum({ items: () => RouteStatus, nativeEnumName: 'route_status', default: RouteStatus.OPEN })
  status: RouteStatus = RouteStatus.OPEN;

  @Field(() => String)
  @Property({ type: 'date', columnType: 'date' })
  openedOn!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'date', columnType: 'date', nullable: true })
  closedOn: string | null = null;

  @ManyToOne(() => DiagnosticResult, { ref: true, deleteRule: 'set null', nullable: true })
  closedBy: Ref<DiagnosticResult> | null = null;

  @Field(() => String, { nullable: true, description: 'Tutor or curator of the route.' })
  @Property({ type: 'string', length: 300, nullable: true })
  tutor: string | null = null;
}

/** One step of a route: a course, an internship, mentoring… with provider, hours and due date. */
@ObjectType({ description: 'A step of an individual educational route.' })
@Entity({ tableName: 'route_step' })
export class RouteStep extends VersionedEntity<'provider' | 'hours' | 'dueDate' | 'status'> {
  @ManyToOne(() => IndividualRoute, { ref: true, deleteRule: 'cascade', index: true })
  route!: Ref<IndividualRoute>;

  @Field(() => RouteStepKind)
  @Enum({ items: () => RouteStepKind, nativeEnumName: 'route_step_kind' })
  kind!: RouteStepKind;

  @Field(() => String)
  @Property({ type: 'string', length: 500 })
  title!: string;

  @Field(() => String, { nullable: true, description: 'E.g. «ЦНППМ», «ИРО».' })
  @Property({ type: 'string', length: 300, nullable: true })
  provider: string | null = null;

  @Field(() => Float, { nullable: true })
  @Property({ type: 'double', columnType: 'double precision', nullable: true })
  hours: number | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'date', columnType: 'date', nullable: true })
  dueDate: string | null = null;

  @Field(() => StepStatus)
  @Enum({ items: () => StepStatus, nativeEnumName: 'step_status', default: StepStatus.PLANNED })
  status: StepStatus = StepStatus.PLANNED;
}

/** A mentor and one mentee (a group is several rows with one programme). */
@ObjectType({ description: 'A mentorship pair: mentor, mentee, form, programme, dates, outcome.' })
@Entity({ tableName: 'mentorship' })
@Index({ properties: ['municipality', 'status'] })
export class Mentorship extends VersionedEntity<
  'deliveryType' | 'programme' | 'endedOn' | 'status' | 'outcome'
> {
  @ManyToOne(() => Teacher, { ref: true, deleteRule: 'cascade', index: true })
  mentor!: Ref<Teacher>;

  @ManyToOne(() => Teacher, { ref: true, deleteRule: 'cascade', index: true })
  mentee!: Ref<Teacher>;

  /** The mentee's municipality when the mentorship started (scope and analytics). */
  @ManyToOne(() => Municipality, { ref: true, deleteRule: 'restrict' })
  municipality!: Ref<Municipality>;

  @Field(() => MentorshipForm)
  @Enum({ items: () => MentorshipForm, nativeEnumName: 'mentorship_form' })
  form!: MentorshipForm;

  @Field(() => MentorshipDelivery)
  @Enum({
    items: () => MentorshipDelivery,
    nativeEnumName: 'mentorship_delivery',
    default: MentorshipDelivery.TRADITIONAL,
  })
  deliveryType: MentorshipDelivery = MentorshipDelivery.TRADITIONAL;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  programme: string | null = null;

  @Field(() => String)
  @Property({ type: 'date', columnType: 'date' })
  startedOn!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'date', columnType: 'date', nullable: true })
  endedOn: string | null = null;

  @Field(() => MentorshipStatus)
  @Enum({
    items: () => MentorshipStatus,
    nativeEnumName: 'mentorship_status',
    default: MentorshipStatus.ACTIVE,
  })
  status: MentorshipStatus = MentorshipStatus.ACTIVE;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  outcome: string | null = null;
}
