import { MaxLength } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { ImportedRoadmap } from '../../importers/roadmap.types';
import { periodBounds } from '../../importers/schedule.due-dates';
import { DateScalar } from '../../shared/scalars';
import { Roadmap } from './roadmaps.entity';
import { ScheduleKind } from './roadmaps.enums';

const MAX_DOCUMENT_CHARS = 3_000_000;

@InputType()
export class ImportRoadmapInput {
  @Field(() => ID)
  municipalityId!: string;

  @Field(() => String, {
    description: 'Original file name; .docx is read as Word, anything else as text.',
  })
  @MaxLength(300)
  fileName!: string;

  @Field(() => String, { nullable: true, description: 'The document as plain text.' })
  @MaxLength(MAX_DOCUMENT_CHARS)
  text?: string;

  @Field(() => String, { nullable: true, description: 'The document file (.docx) in base64.' })
  @MaxLength(MAX_DOCUMENT_CHARS)
  contentBase64?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Overrides the title found in the document.',
  })
  @MaxLength(1000)
  title?: string;

  @Field(() => ID, {
    nullable: true,
    description: 'A roadmap of the same municipality that this import replaces (same transaction).',
  })
  replaceRoadmapId?: string;
}

@ObjectType()
class ImportWarningType {
  @Field(() => Int, { nullable: true })
  line!: number | null;

  @Field(() => String)
  code!: string;

  @Field(() => String)
  message!: string;
}

@ObjectType('ImportedActivityPreview')
class ImportedActivityPreview {
  @Field(() => String) number!: string;
  @Field(() => String) text!: string;
  @Field(() => String) deadlineText!: string;
  @Field(() => String) responsibleText!: string;
  @Field(() => ScheduleKind) scheduleKind!: ScheduleKind;
  @Field(() => [String]) executors!: string[];
  @Field(() => Int, { nullable: true }) cycleComponent!: number | null;
}

@ObjectType('ImportedSectionPreview')
class ImportedSectionPreview {
  @Field(() => String) number!: string;
  @Field(() => String) title!: string;
  @Field(() => String, { nullable: true }) directionCode!: string | null;
  @Field(() => [ImportedActivityPreview]) activities!: ImportedActivityPreview[];
}

@ObjectType()
export class ImportRoadmapResult {
  @Field(() => Boolean)
  dryRun!: boolean;

  @Field(() => Roadmap, { nullable: true, description: 'The stored roadmap (null on dryRun).' })
  roadmap!: Roadmap | null;

  @Field(() => String, { nullable: true }) title!: string | null;
  @Field(() => String, { nullable: true }) orderNumber!: string | null;
  @Field(() => DateScalar, { nullable: true }) orderDate!: string | null;
  @Field(() => DateScalar, { nullable: true }) periodStart!: string | null;
  @Field(() => DateScalar, { nullable: true }) periodEnd!: string | null;
  @Field(() => Int) activityCount!: number;
  @Field(() => [ImportedSectionPreview]) sections!: ImportedSectionPreview[];
  @Field(() => [ImportWarningType]) warnings!: ImportWarningType[];
}

export function importPreview(
  imported: ImportedRoadmap,
): Omit<ImportRoadmapResult, 'dryRun' | 'roadmap'> {
  const period = imported.period ? periodBounds(imported.period) : null;
  return {
    title: imported.title,
    orderNumber: imported.orderNumber,
    orderDate: imported.orderDate,
    periodStart: period?.start ?? null,
    periodEnd: period?.end ?? null,
    activityCount: imported.sections.reduce((sum, section) => sum + section.activities.length, 0),
    sections: imported.sections.map((section) => ({
      ...section,
      activities: section.activities.map((activity) => ({
        ...activity,
        scheduleKind: activity.schedule.kind,
        executors: activity.executors.map((executor) => executor.name),
      })),
    })),
    warnings: imported.warnings,
  };
}
