// GraphQL shapes of the teacher analytics: aggregates only, no personal data (dashboards may read
// them). Shares are percentages (100·numerator/denominator), null when the denominator is 0.
import { ArrayMaxSize, ArrayMinSize, IsOptional, MaxLength } from 'class-validator';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ComparedUnitKind } from '../indicators/indicators.types';
import { CompetencyArea } from './teachers.enums';

@InputType({
  description:
    'Deficit heatmap: give campaigns or an academic year, and a region or a municipality.',
})
export class DeficitHeatmapInput {
  @Field(() => [String], { nullable: true, description: 'Campaign codes.' })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  campaignCodes?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'Every campaign held in the academic year, e.g. "2024/2025".',
  })
  @IsOptional()
  @MaxLength(9)
  academicYear?: string | null;

  @Field(() => ID, { nullable: true })
  regionId?: string | null;

  @Field(() => ID, { nullable: true })
  municipalityId?: string | null;
}

@ObjectType({
  description:
    'Teachers of a subject diagnosed in an area in a municipality (where they worked when diagnosed), and how many show a deficit there.',
})
export class DeficitHeatmapCell {
  @Field(() => ID)
  municipalityId!: string;

  @Field(() => String)
  municipalityName!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'A subject the teachers teach (each teacher counts under each subject); null: none recorded.',
  })
  subject!: string | null;

  @Field(() => CompetencyArea)
  area!: CompetencyArea;

  @Field(() => Int, { description: 'Distinct teachers with a result measuring the area.' })
  diagnosed!: number;

  @Field(() => Int, { description: 'Of them, with the area a deficit in their latest result.' })
  withDeficit!: number;

  @Field(() => Float, { description: '100 · withDeficit / diagnosed.' })
  share!: number;
}

@InputType({
  description:
    'Teacher analytics of an academic year: per municipality of a region, or for a municipality and each of its organizations.',
})
export class TeacherAnalyticsInput {
  @Field(() => String, {
    description: 'Academic year, e.g. "2024/2025" (1 September – 31 August).',
  })
  @MaxLength(9)
  academicYear!: string;

  @Field(() => ID, { nullable: true })
  regionId?: string | null;

  @Field(() => ID, { nullable: true })
  municipalityId?: string | null;
}

@ObjectType({
  description:
    'Teacher development figures of a unit for an academic year. Diagnoses count where the teacher was when diagnosed, routes where they were opened, mentorships in their municipality; teacher populations are the teachers who worked in the unit at any time of the year.',
})
export class TeacherAnalyticsRow {
  @Field(() => ID)
  unitId!: string;

  @Field(() => String)
  unitName!: string;

  @Field(() => ComparedUnitKind)
  unitKind!: ComparedUnitKind;

  @Field(() => Int, { description: 'Teachers working in the unit now.' })
  teachers!: number;

  @Field(() => Int, { description: 'Distinct teachers with a result in the year, taken here.' })
  diagnosed!: number;

  @Field(() => Float, { nullable: true, description: '100 · diagnosed / teachers.' })
  diagnosedShare!: number | null;

  @Field(() => Int, {
    description: 'Diagnosed teachers whose latest result of the year here shows a deficit.',
  })
  withDeficits!: number;

  @Field(() => Int, {
    description:
      'Of those, following a route in the year (opened by its end, not closed before its start, not cancelled).',
  })
  withRoute!: number;

  @Field(() => Float, { nullable: true, description: '100 · withRoute / withDeficits.' })
  routeShare!: number | null;

  @Field(() => Int, { description: 'Routes opened in the year here (cancelled ones too).' })
  routesOpened!: number;

  @Field(() => Int, { description: 'Of those, closed by the end of the year.' })
  routesClosed!: number;

  @Field(() => Float, { nullable: true, description: '100 · routesClosed / routesOpened.' })
  routeCompletion!: number | null;

  @Field(() => Int, {
    description:
      'Young specialists working here now (under 35 in the year’s first calendar year, at most 3 years of teaching).',
  })
  youngSpecialists!: number;

  @Field(() => Int, {
    description: 'Of them, mentees of an active or completed mentorship overlapping the year.',
  })
  youngWithMentor!: number;

  @Field(() => Float, { nullable: true, description: '100 · youngWithMentor / youngSpecialists.' })
  mentoredShare!: number | null;

  @Field(() => Int, { description: 'Mentors of active mentorships overlapping the year here.' })
  mentors!: number;

  @Field(() => Int, { nullable: true })
  maxMenteesPerMentor!: number | null;

  @Field(() => Float, { nullable: true })
  meanMenteesPerMentor!: number | null;

  @Field(() => Int, { description: 'Teachers diagnosed here before 1 January.' })
  diagnosedAtStart!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Share of them with a deficit (their latest result before 1 January).',
  })
  deficitShareAtStart!: number | null;

  @Field(() => Int, { description: 'Teachers diagnosed here from 1 January.' })
  diagnosedAtEnd!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Share of them with a deficit (their latest result from 1 January).',
  })
  deficitShareAtEnd!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'deficitShareAtEnd − deficitShareAtStart, percentage points; null without both.',
  })
  deficitShareChange!: number | null;
}
