import { Check, Entity, Enum, Index, ManyToOne, Property, type Ref, Unique } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { BaseEntity, VersionedEntity } from '../../shared/base.entity';
import { PersonalData } from '../access/personal-data';
import { Municipality, Organization } from '../geography/geography.entity';
import { OlympiadKind, OlympiadStage, OlympiadStatus } from './olympiads.enums';

/** An olympiad or contest records belong to: ВсОШ, a regional olympiad, another listed contest. */
@ObjectType({ description: 'An olympiad or contest (ВсОШ, regional olympiads, listed contests).' })
@Entity({ tableName: 'olympiad' })
export class Olympiad extends VersionedEntity {
  @Field(() => String, { description: 'Stable code, e.g. "VSOSH".' })
  @Property({ type: 'string', length: 40, unique: true })
  code!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 300 })
  name!: string;

  @Field(() => OlympiadKind)
  @Enum({ items: () => OlympiadKind, nativeEnumName: 'olympiad_kind' })
  kind!: OlympiadKind;
}

/** One of the 24 ВсОШ subjects (DOMAIN.md §2 [R, S18]); contests use the same directory. */
@ObjectType({ description: 'An olympiad subject (the 24 subjects of ВсОШ).' })
@Entity({ tableName: 'olympiad_subject' })
export class OlympiadSubject extends BaseEntity {
  @Field(() => String, { description: 'Stable code, e.g. "MATH".' })
  @Property({ type: 'string', length: 20, unique: true })
  code!: string;

  @Field(() => String, { description: 'Russian name, e.g. «Математика».' })
  @Property({ type: 'string', length: 120 })
  name!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 120 })
  nameEn!: string;

  @Field(() => Boolean, {
    description: 'Grade 4 may write the school stage (only Russian and mathematics).',
  })
  @Property({ type: 'boolean', default: false })
  gradeFourAllowed = false;

  @Field(() => Boolean, { description: 'The school stage runs online on «Сириус» (since 2021).' })
  @Property({ type: 'boolean', default: false })
  siriusOnline = false;

  @Field(() => Int)
  @Property({ type: 'smallint' })
  position!: number;
}

/**
 * A pupil under a pseudonymous code, the natural key protocols carry; the name is personal data.
 * Organization and grade are the current ones; records keep those of their year.
 */
@ObjectType({ description: 'A pupil (the name is personal data).' })
@Entity({ tableName: 'student' })
@Check({ name: 'student_grade_check', expression: '((grade >= 1) AND (grade <= 11))' })
@Index({ properties: ['municipality', 'organization'] })
export class Student extends VersionedEntity<'fullName' | 'birthYear'> {
  @Field(() => String, { description: 'Pseudonymous code, the natural key.' })
  @Property({ type: 'string', length: 40, unique: true })
  code!: string;

  @ManyToOne(() => Organization, { ref: true, deleteRule: 'restrict', index: true })
  organization!: Ref<Organization>;

  @ManyToOne(() => Municipality, { ref: true, deleteRule: 'restrict' })
  municipality!: Ref<Municipality>;

  @Field(() => Int, { description: 'Current grade (1–11).' })
  @Property({ type: 'smallint' })
  grade!: number;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'smallint', nullable: true })
  birthYear: number | null = null;

  @Field(() => String, { nullable: true, description: 'ФИО (personal data).' })
  @PersonalData<Student>(async (student, { loaders }) => {
    const municipality = await loaders.municipality.load(student.municipality.id);
    return municipality ? { id: municipality.id, regionId: municipality.region.id } : null;
  })
  @Property({ type: 'string', length: 300, nullable: true })
  fullName: string | null = null;
}

/**
 * One entry of a protocol: a pupil's paper in one subject at one stage of an academic year, with
 * the school and grade of that year. The grade performed may be above the actual one (a pupil may
 * write an older grade's paper and keeps it at later stages).
 */
@ObjectType({ description: 'A protocol entry: a pupil’s paper at one stage of an olympiad.' })
@Entity({ tableName: 'olympiad_record' })
// Grades 1–11, the paper at or above the actual grade, the score within the maximum (written as
// PostgreSQL prints them, so the schema comparison sees no change).
@Check({
  name: 'olympiad_record_grades_check',
  expression:
    '(((grade_actual >= 1) AND (grade_actual <= 11)) AND ((grade_performed >= grade_actual) AND (grade_performed <= 11)))',
})
@Check({
  name: 'olympiad_record_score_check',
  expression:
    '((max_score > (0)::double precision) AND ((score >= (0)::double precision) AND (score <= max_score)))',
})
@Unique({ properties: ['olympiad', 'year', 'subject', 'stage', 'student'] })
@Index({ properties: ['municipality', 'year', 'stage'] })
@Index({ properties: ['organization', 'year'] })
@Index({ properties: ['student'] })
// The protocol list's default order: a page deep in 100,000 entries is read off the index, not
// sorted (MikroORM 6 declares column directions only as an expression).
@Index({
  name: 'olympiad_record_listing_order_index',
  expression:
    'create index "olympiad_record_listing_order_index" on "olympiad_record" ("year" desc, "stage", "subject_id", "score" desc, "id")',
})
export class OlympiadRecord extends VersionedEntity {
  @ManyToOne(() => Olympiad, { ref: true, deleteRule: 'restrict' })
  olympiad!: Ref<Olympiad>;

  @Field(() => Int, { description: 'First calendar year of the academic year (2024 = 2024/2025).' })
  @Property({ type: 'smallint' })
  year!: number;

  @ManyToOne(() => OlympiadSubject, { ref: true, deleteRule: 'restrict' })
  subject!: Ref<OlympiadSubject>;

  @Field(() => OlympiadStage)
  @Enum({ items: () => OlympiadStage, nativeEnumName: 'olympiad_stage' })
  stage!: OlympiadStage;

  @ManyToOne(() => Student, { ref: true, deleteRule: 'restrict' })
  student!: Ref<Student>;

  @ManyToOne(() => Organization, { ref: true, deleteRule: 'restrict' })
  organization!: Ref<Organization>;

  @ManyToOne(() => Municipality, { ref: true, deleteRule: 'restrict' })
  municipality!: Ref<Municipality>;

  @Field(() => Int, { description: 'The grade the pupil studies in.' })
  @Property({ type: 'smallint' })
  gradeActual!: number;

  @Field(() => Int, { description: 'The grade whose paper the pupil wrote (≥ the actual one).' })
  @Property({ type: 'smallint' })
  gradePerformed!: number;

  @Field(() => Float)
  @Property({ type: 'double', columnType: 'double precision' })
  score!: number;

  @Field(() => Float)
  @Property({ type: 'double', columnType: 'double precision' })
  maxScore!: number;

  @Field(() => OlympiadStatus)
  @Enum({ items: () => OlympiadStatus, nativeEnumName: 'olympiad_status' })
  status!: OlympiadStatus;
}

/** Pupils of one grade of a school in an academic year (form ОО-1): the funnel's denominators. */
@ObjectType({ description: 'Pupils of one grade of a school in an academic year (form ОО-1).' })
@Entity({ tableName: 'grade_enrolment' })
@Check({
  name: 'grade_enrolment_grade_check',
  expression: '(((grade >= 1) AND (grade <= 11)) AND (pupils >= 0))',
})
@Unique({ properties: ['organization', 'year', 'grade'] })
// The funnel reads a region's or a municipality's pupils per year (EXPLAIN at 10 regions: a
// sequential scan of every region's enrolments, 35 ms, growing with the country).
@Index({ properties: ['municipality', 'year'] })
export class GradeEnrolment extends VersionedEntity {
  @ManyToOne(() => Organization, { ref: true, deleteRule: 'cascade' })
  organization!: Ref<Organization>;

  @ManyToOne(() => Municipality, { ref: true, deleteRule: 'restrict' })
  municipality!: Ref<Municipality>;

  @Field(() => Int, { description: 'First calendar year of the academic year.' })
  @Property({ type: 'smallint' })
  year!: number;

  @Field(() => Int)
  @Property({ type: 'smallint' })
  grade!: number;

  @Field(() => Int)
  @Property({ type: 'integer' })
  pupils!: number;
}
