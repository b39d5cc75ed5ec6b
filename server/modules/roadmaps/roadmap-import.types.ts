import { MaxLength } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { ImportedRoadmap } from '../../importers/roadmap.types';
import { periodBounds } from '../../importers/schedule.due-dates';
import { RowError } from '../../shared/bulk';
import { DateScalar } from '../../shared/scalars';
import { Roadmap } from './roadmaps.entity';
import { ScheduleKind } from './roadmaps.enums';

const MAX_DOCUMENT_CHARS = 3_000_000;

// One row of a roadmap as the user corrected it after a preview: the section it belongs to is
// named on every row (rows of one section number share its title and direction).
@InputType({
  description:
    'An activity of an imported roadmap as corrected after the preview (replaces the parsed ones).',
})
export class ImportActivityInput {
  @Field(() => String, { description: 'Section number, e.g. 1 or 10.' })
  sectionNumber!: string;

  @Field(() => String)
  sectionTitle!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Direction code of the section (1.1 … 2.4, NORM…); empty when unclassified.',
  })
  directionCode?: string | null;

  @Field(() => String, { description: 'Activity number, e.g. 1.2 or 1.2.3.' })
  number!: string;

  @Field(() => String)
  text!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Deadline as written; parsed into a schedule.',
  })
  deadlineText?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Responsible as written; names the executors (abbreviations of the document).',
  })
  responsibleText?: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Management-cycle component 1–9; null for none, omitted to detect it from the text.',
  })
  cycleComponentCode?: number | null;
}

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

  @Field(() => [ImportActivityInput], {
    nullable: true,
    description:
      'The activities to store instead of those parsed from the document (the document still gives ' +
      'the title, order, period and abbreviations). Every row is checked; one bad row writes nothing ' +
      'and is reported in errors by its index here.',
  })
  activities?: ImportActivityInput[];
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
  @Field(() => Int, {
    nullable: true,
    description: 'Line of the document the activity starts on (warnings name lines too).',
  })
  line!: number | null;
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
  @Field(() => Boolean, {
    description:
      'False when a row of input.activities was refused (see errors); nothing is written.',
  })
  ok!: boolean;

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

  @Field(() => [RowError], {
    description: 'Refused rows of input.activities (index into it, field at fault).',
  })
  errors!: RowError[];
}

export function importPreview(
  imported: ImportedRoadmap,
): Omit<ImportRoadmapResult, 'ok' | 'dryRun' | 'roadmap' | 'errors'> {
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
        line: activity.sourceLine || null,
        executors: activity.executors.map((executor) => executor.name),
      })),
    })),
    warnings: imported.warnings,
  };
}
