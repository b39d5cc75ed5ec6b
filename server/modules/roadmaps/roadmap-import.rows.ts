// Activities of an imported roadmap as the user corrected them in the preview grid: every row is
// checked (naming its index and field), then the rows become the sections of the roadmap.
import { detectCycleComponent } from '../../importers/cycle-component';
import { parseExecutors } from '../../importers/executors';
import type {
  Abbreviation,
  ImportedActivity,
  ImportedSection,
} from '../../importers/roadmap.types';
import { parseSchedule } from '../../importers/schedule.parser';
import { BadUserInputError } from '../../errors';
import { MAX_BULK_ROWS, RowErrors } from '../../shared/bulk';
import { validateLengths } from '../../shared/validation';
import type { ImportActivityInput } from './roadmap-import.types';
import { LIMITS } from './roadmaps.inputs';
import { ACTIVITY_NUMBER, normaliseNumber } from './schedule.sync';

// Column sizes of roadmap_section.number and executor.name.
const SECTION_NUMBER_LENGTH = 20;
const EXECUTOR_NAME_LENGTH = 300;
const ROW_LIMITS = {
  sectionTitle: LIMITS.text,
  text: LIMITS.text,
  deadlineText: LIMITS.deadlineText,
  responsibleText: LIMITS.responsibleText,
};

interface SectionDraft {
  section: ImportedSection;
  /** Row that named the section first: its title and direction are the section's. */
  firstRow: number;
  numbers: Map<string, number>;
}

export interface EditedRoadmapRows {
  sections: ImportedSection[];
  errors: RowErrors;
}

const trimmed = (value: string | null | undefined): string => (value ?? '').trim();

function checkRowValues(
  index: number,
  row: ImportActivityInput,
  directionCodes: ReadonlySet<string>,
  errors: RowErrors,
): void {
  validateLengths(index, row, ROW_LIMITS, errors);
  const sectionNumber = normaliseNumber(row.sectionNumber);
  if (!sectionNumber) {
    errors.add(index, null, 'sectionNumber', 'REQUIRED', 'Укажите номер раздела');
  } else if (sectionNumber.length > SECTION_NUMBER_LENGTH) {
    errors.add(
      index,
      null,
      'sectionNumber',
      'TOO_LONG',
      `Номер раздела не длиннее ${SECTION_NUMBER_LENGTH} символов`,
    );
  }
  if (!trimmed(row.sectionTitle)) {
    errors.add(index, null, 'sectionTitle', 'REQUIRED', 'Укажите название раздела');
  }
  const direction = trimmed(row.directionCode);
  if (direction && !directionCodes.has(direction)) {
    errors.add(index, null, 'directionCode', 'NOT_FOUND', `Нет направления с кодом «${direction}»`);
  }
  const number = normaliseNumber(row.number);
  if (!number) {
    errors.add(index, null, 'number', 'REQUIRED', 'Укажите номер мероприятия');
  } else if (!ACTIVITY_NUMBER.test(number)) {
    errors.add(
      index,
      null,
      'number',
      'INVALID_FORMAT',
      `Номер «${row.number}» должен иметь вид 1, 1.2 или 1.2.3`,
    );
  }
  if (!trimmed(row.text)) {
    errors.add(index, null, 'text', 'REQUIRED', 'Текст мероприятия не может быть пустым');
  }
  const code = row.cycleComponentCode;
  if (code != null && (!Number.isInteger(code) || code < 1 || code > 9)) {
    errors.add(
      index,
      null,
      'cycleComponentCode',
      'BAD_USER_INPUT',
      'Компонент управленческого цикла — число от 1 до 9',
    );
  }
}

// Rows of one section number must agree on its title and direction; numbers are unique in it.
function checkAgainstSection(
  index: number,
  row: ImportActivityInput,
  draft: SectionDraft,
  errors: RowErrors,
): boolean {
  const { section, firstRow } = draft;
  if (trimmed(row.sectionTitle) && trimmed(row.sectionTitle) !== section.title) {
    errors.add(
      index,
      null,
      'sectionTitle',
      'BAD_USER_INPUT',
      `Раздел ${section.number} в строке ${firstRow + 1} назван иначе: «${section.title}»`,
    );
  }
  if ((trimmed(row.directionCode) || null) !== section.directionCode) {
    errors.add(
      index,
      null,
      'directionCode',
      'BAD_USER_INPUT',
      `У раздела ${section.number} в строке ${firstRow + 1} направление ${section.directionCode ?? 'не указано'}`,
    );
  }
  const number = normaliseNumber(row.number);
  const other = draft.numbers.get(number);
  if (number && other !== undefined) {
    errors.add(
      index,
      null,
      'number',
      'DUPLICATE',
      `Номер ${number} уже есть в разделе ${section.number} (строка ${other + 1})`,
    );
    return false;
  }
  draft.numbers.set(number, index);
  return true;
}

function toActivity(
  index: number,
  row: ImportActivityInput,
  abbreviations: Abbreviation[],
  errors: RowErrors,
): ImportedActivity {
  const text = trimmed(row.text);
  const deadlineText = trimmed(row.deadlineText);
  const responsibleText = trimmed(row.responsibleText);
  const executors = parseExecutors(responsibleText, abbreviations);
  const long = executors.find((executor) => executor.name.length > EXECUTOR_NAME_LENGTH);
  if (long) {
    errors.add(
      index,
      null,
      'responsibleText',
      'TOO_LONG',
      `Исполнитель не длиннее ${EXECUTOR_NAME_LENGTH} символов: «${long.name.slice(0, 60)}…»`,
    );
  }
  return {
    number: normaliseNumber(row.number),
    text,
    deadlineText,
    responsibleText,
    schedule: parseSchedule(deadlineText),
    executors,
    // Omitted: found in the text, as the document reader does; null: none.
    cycleComponent:
      row.cycleComponentCode === undefined
        ? detectCycleComponent(text)
        : (row.cycleComponentCode ?? null),
    sourceLine: 0,
  };
}

/**
 * Checks the corrected rows and groups them into sections in the order sections first appear
 * (the preview grid shows them so). Errors index the rows; any error means nothing is written.
 */
export function editedRoadmapRows(
  rows: readonly ImportActivityInput[],
  directionCodes: ReadonlySet<string>,
  abbreviations: Abbreviation[],
): EditedRoadmapRows {
  if (rows.length === 0) {
    throw new BadUserInputError('В дорожной карте нет ни одного мероприятия', {
      field: 'activities',
    });
  }
  if (rows.length > MAX_BULK_ROWS) {
    throw new BadUserInputError(`At most ${MAX_BULK_ROWS} activities, got ${rows.length}`, {
      field: 'activities',
    });
  }
  const errors = new RowErrors();
  const drafts = new Map<string, SectionDraft>();
  rows.forEach((row, index) => {
    const before = errors.count;
    checkRowValues(index, row, directionCodes, errors);
    if (errors.count > before) {
      return;
    }
    const number = normaliseNumber(row.sectionNumber);
    let draft = drafts.get(number);
    if (!draft) {
      draft = {
        section: {
          number,
          title: trimmed(row.sectionTitle),
          directionCode: trimmed(row.directionCode) || null,
          activities: [],
        },
        firstRow: index,
        numbers: new Map(),
      };
      drafts.set(number, draft);
    }
    if (checkAgainstSection(index, row, draft, errors)) {
      draft.section.activities.push(toActivity(index, row, abbreviations, errors));
    }
  });
  return { sections: [...drafts.values()].map((draft) => draft.section), errors };
}
