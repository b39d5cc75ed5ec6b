import { Entity, Enum, Index, ManyToOne, Property, type Ref, Unique } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { BaseEntity, VersionedEntity } from '../../shared/base.entity';
import { Municipality, Organization, Region } from '../geography/geography.entity';
import { LowResultKind, ObjectivitySignKind, ProcedureKind } from './assessments.enums';

/** One task of a procedure with its maximum primary score. */
export interface ProcedureTask {
  number: string;
  maxScore: number;
}

@ObjectType({
  description: 'An assessment procedure: ВПР, ОГЭ, ЕГЭ… of one subject, grade and year.',
})
@Entity({ tableName: 'assessment_procedure' })
@Unique({ properties: ['kind', 'subject', 'grade', 'year'] })
export class AssessmentProcedure extends VersionedEntity<'grade' | 'tasks' | 'markThresholds'> {
  @Field(() => String, { description: 'Stable code, e.g. "VPR-2024-RUS-5".' })
  @Property({ type: 'string', length: 60, unique: true })
  code!: string;

  @Field(() => ProcedureKind)
  @Enum({ items: () => ProcedureKind, nativeEnumName: 'procedure_kind' })
  kind!: ProcedureKind;

  @Field(() => String, { description: 'Subject, e.g. «Русский язык».' })
  @Property({ type: 'string', length: 120 })
  subject!: string;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'smallint', nullable: true })
  grade: number | null = null;

  @Field(() => Int, { description: 'Calendar year the procedure was held.' })
  @Property({ type: 'smallint' })
  year!: number;

  @Field(() => Float, { description: 'Maximum primary (or test) score.' })
  @Property({ type: 'double', columnType: 'double precision' })
  maxScore!: number;

  @Field(() => GraphQLJSON, {
    description: 'Tasks with their maximum scores: [{ number, maxScore }].',
  })
  @Property({ type: 'json', default: '[]' })
  tasks: ProcedureTask[] = [];

  @Field(() => GraphQLJSON, {
    description: 'Lowest primary score of each mark, e.g. { "3": 6, "4": 11, "5": 15 }.',
  })
  @Property({ type: 'json', default: '{}' })
  markThresholds: Record<string, number> = {};
}

/**
 * A school's result on one procedure: participants, marks, score statistics, per-task
 * completion, comparison with journal marks. Carries the organization's municipality too, so
 * scope filters and regional statistics need no join.
 */
@ObjectType({ description: 'One organization’s aggregated result on one procedure.' })
@Entity({ tableName: 'assessment_result' })
@Unique({ properties: ['procedure', 'organization'] })
@Index({ properties: ['municipality', 'procedure'] })
export class AssessmentResult extends VersionedEntity<
  | 'mark2'
  | 'mark3'
  | 'mark4'
  | 'mark5'
  | 'meanScore'
  | 'scoreSd'
  | 'meanPercent'
  | 'taskCompletion'
  | 'journalLowered'
  | 'journalConfirmed'
  | 'journalRaised'
  | 'belowMinimum'
  | 'medalists'
  | 'medalistsBelowRequirement'
  | 'scoreHistogram'
> {
  @ManyToOne(() => AssessmentProcedure, { ref: true, deleteRule: 'cascade' })
  procedure!: Ref<AssessmentProcedure>;

  @ManyToOne(() => Organization, { ref: true, deleteRule: 'cascade', index: true })
  organization!: Ref<Organization>;

  @ManyToOne(() => Municipality, { ref: true, deleteRule: 'cascade' })
  municipality!: Ref<Municipality>;

  @Field(() => Int)
  @Property({ type: 'integer' })
  participants!: number;

  @Field(() => Int, { nullable: true, description: 'Pupils with mark «2».' })
  @Property({ type: 'integer', nullable: true })
  mark2: number | null = null;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  mark3: number | null = null;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  mark4: number | null = null;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  mark5: number | null = null;

  @Field(() => Float, { nullable: true, description: 'Mean primary (or test) score.' })
  @Property({ type: 'double', columnType: 'double precision', nullable: true })
  meanScore: number | null = null;

  @Field(() => Float, { nullable: true, description: 'Standard deviation of the scores.' })
  @Property({ type: 'double', columnType: 'double precision', nullable: true })
  scoreSd: number | null = null;

  @Field(() => Float, { nullable: true, description: 'Mean share of the maximum score, %.' })
  @Property({ type: 'double', columnType: 'double precision', nullable: true })
  meanPercent: number | null = null;

  @Field(() => [Float], {
    nullable: true,
    description: 'Completion of each task, %, in task order.',
  })
  @Property({ type: 'json', nullable: true })
  taskCompletion: number[] | null = null;

  @Field(() => Int, {
    nullable: true,
    description: 'Pupils whose mark is below their journal mark.',
  })
  @Property({ type: 'integer', nullable: true })
  journalLowered: number | null = null;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  journalConfirmed: number | null = null;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  journalRaised: number | null = null;

  @Field(() => Int, { nullable: true, description: 'Participants below the minimum score.' })
  @Property({ type: 'integer', nullable: true })
  belowMinimum: number | null = null;

  @Field(() => Int, { nullable: true, description: 'Medal holders (ЕГЭ procedures).' })
  @Property({ type: 'integer', nullable: true })
  medalists: number | null = null;

  @Field(() => Int, {
    nullable: true,
    description: 'Medal holders below the score the medal requires on this procedure.',
  })
  @Property({ type: 'integer', nullable: true })
  medalistsBelowRequirement: number | null = null;

  @Field(() => GraphQLJSON, {
    nullable: true,
    description: 'Pupils per primary score, e.g. { "14": 3, "15": 9 } (bunching at thresholds).',
  })
  @Property({ type: 'json', nullable: true })
  scoreHistogram: Record<string, number> | null = null;
}

/** A pupil's result under a pseudonymous code (never a name); aggregates recompute from these. */
@Entity({ tableName: 'pupil_result' })
@Unique({ properties: ['procedure', 'pupilCode'] })
export class PupilResult extends BaseEntity<'mark' | 'journalMark' | 'taskScores'> {
  @ManyToOne(() => AssessmentProcedure, { ref: true, deleteRule: 'cascade' })
  procedure!: Ref<AssessmentProcedure>;

  @ManyToOne(() => Organization, { ref: true, deleteRule: 'cascade', index: true })
  organization!: Ref<Organization>;

  @Property({ type: 'string', length: 40 })
  pupilCode!: string;

  @Property({ type: 'double', columnType: 'double precision' })
  primaryScore!: number;

  @Property({ type: 'smallint', nullable: true })
  mark: number | null = null;

  @Property({ type: 'smallint', nullable: true })
  journalMark: number | null = null;

  @Property({ type: 'json', nullable: true })
  taskScores: number[] | null = null;
}

/**
 * One run of the analysis for a region and year: the thresholds it used and what it found.
 * Signs and statuses point at the run that produced them, so a result can be explained later
 * even after the thresholds change.
 */
@ObjectType({ description: 'One run of the objectivity and low-result analysis.' })
@Entity({ tableName: 'assessment_analysis_run' })
@Index({ properties: ['region', 'year'] })
export class AssessmentAnalysisRun extends BaseEntity {
  @ManyToOne(() => Region, { ref: true, deleteRule: 'cascade' })
  region!: Ref<Region>;

  @Field(() => Int, { description: 'Calendar year of the procedures analysed.' })
  @Property({ type: 'smallint' })
  year!: number;

  @Field(() => GraphQLJSON, {
    description: 'The thresholds in force (defaults merged with settings).',
  })
  @Property({ type: 'json' })
  thresholds!: Record<string, unknown>;

  @Field(() => String, { description: 'Who started it.' })
  @Property({ type: 'string', length: 200 })
  actor!: string;

  @Field(() => Int, { description: 'Results read.' })
  @Property({ type: 'integer' })
  results!: number;

  @Field(() => Int, { description: 'Objectivity signs found.' })
  @Property({ type: 'integer' })
  signs!: number;

  @Field(() => Int, { description: 'Schools with at least one sign.' })
  @Property({ type: 'integer' })
  flaggedSchools!: number;

  @Field(() => Int)
  @Property({ type: 'integer' })
  shnor!: number;

  @Field(() => Int)
  @Property({ type: 'integer' })
  shnsu!: number;

  @Field(() => Int)
  @Property({ type: 'integer' })
  riskZone!: number;

  @Field(() => Int, {
    description: 'Schools left out of the ШНОР selection for objectivity signs.',
  })
  @Property({ type: 'integer' })
  objectivityExcluded!: number;

  @Field(() => Int, { description: 'Indicator values written (shares per school).' })
  @Property({ type: 'integer' })
  indicatorValues!: number;
}

/** A sign of non-objective results found by the analysis, with its evidence. */
@ObjectType({
  description: 'A sign of non-objective results, with metric, threshold and evidence.',
})
@Entity({ tableName: 'objectivity_sign' })
@Unique({ properties: ['organization', 'procedure', 'sign'] })
export class ObjectivitySign extends BaseEntity {
  @ManyToOne(() => Organization, { ref: true, deleteRule: 'cascade', index: true })
  organization!: Ref<Organization>;

  @ManyToOne(() => Municipality, { ref: true, deleteRule: 'cascade', index: true })
  municipality!: Ref<Municipality>;

  @ManyToOne(() => AssessmentProcedure, { ref: true, deleteRule: 'cascade' })
  procedure!: Ref<AssessmentProcedure>;

  @ManyToOne(() => AssessmentAnalysisRun, { ref: true, deleteRule: 'set null', nullable: true })
  run: Ref<AssessmentAnalysisRun> | null = null;

  @Field(() => Int)
  @Property({ type: 'smallint' })
  year!: number;

  @Field(() => ObjectivitySignKind)
  @Enum({ items: () => ObjectivitySignKind, nativeEnumName: 'objectivity_sign_kind' })
  sign!: ObjectivitySignKind;

  @Field(() => String, {
    description: 'Which rule of the sign fired, e.g. "bunching" or "rank_correlation".',
  })
  @Property({ type: 'string', length: 40 })
  criterion!: string;

  @Field(() => Float)
  @Property({ type: 'double', columnType: 'double precision' })
  metric!: number;

  @Field(() => Float)
  @Property({ type: 'double', columnType: 'double precision' })
  threshold!: number;

  @Field(() => String, {
    description: 'Rule and version that produced it, e.g. "high_vs_region/1".',
  })
  @Property({ type: 'string', length: 60 })
  methodVersion!: string;

  @Field(() => String, { description: 'Why, by how much, compared to what.' })
  @Property({ type: 'text' })
  evidence!: string;
}

/** ШНОР, ШНСУ or risk-zone status of a school in a year, with the rule that produced it. */
@ObjectType({
  description: 'A low-result status of a school in a year, with its rule and evidence.',
})
@Entity({ tableName: 'low_result_status' })
@Unique({ properties: ['organization', 'year', 'kind'] })
export class LowResultStatus extends BaseEntity<'metric' | 'threshold'> {
  @ManyToOne(() => Organization, { ref: true, deleteRule: 'cascade', index: true })
  organization!: Ref<Organization>;

  @ManyToOne(() => Municipality, { ref: true, deleteRule: 'cascade', index: true })
  municipality!: Ref<Municipality>;

  @Field(() => Int)
  @Property({ type: 'smallint' })
  year!: number;

  @Field(() => LowResultKind)
  @Enum({ items: () => LowResultKind, nativeEnumName: 'low_result_kind' })
  kind!: LowResultKind;

  @ManyToOne(() => AssessmentAnalysisRun, { ref: true, deleteRule: 'set null', nullable: true })
  run: Ref<AssessmentAnalysisRun> | null = null;

  @Field(() => String, { description: 'Rule and version, e.g. "shnor/bottom-quartile-2y/1".' })
  @Property({ type: 'string', length: 80 })
  rule!: string;

  @Field(() => Float, { nullable: true, description: 'The measured value (score, index, fall).' })
  @Property({ type: 'double', columnType: 'double precision', nullable: true })
  metric: number | null = null;

  @Field(() => Float, { nullable: true, description: 'The cutoff it was compared with.' })
  @Property({ type: 'double', columnType: 'double precision', nullable: true })
  threshold: number | null = null;

  @Field(() => String)
  @Property({ type: 'text' })
  evidence!: string;
}
