// Empty deadline / responsible cells: in PDF text a vertically merged cell is printed once, so an
// empty cell takes the value of the row above in the same section (warned as an assumption).
import { parseExecutors } from './executors';
import type {
  Abbreviation,
  ImportedActivity,
  ImportedSection,
  ImportWarning,
} from './roadmap.types';
import { parseSchedule } from './schedule.parser';

type Field = 'deadlineText' | 'responsibleText';

const LABEL: Record<Field, { name: string; missing: string }> = {
  deadlineText: { name: 'срок', missing: 'MISSING_DEADLINE' },
  responsibleText: { name: 'ответственный', missing: 'MISSING_RESPONSIBLE' },
};

const setField = (
  a: ImportedActivity,
  field: Field,
  value: string,
  abbreviations: Abbreviation[],
): void => {
  a[field] = value;
  if (field === 'deadlineText') a.schedule = parseSchedule(value);
  else a.executors = parseExecutors(value, abbreviations);
};

const inheritField = (
  s: ImportedSection,
  field: Field,
  abbreviations: Abbreviation[],
  warnings: ImportWarning[],
): void => {
  let owner: ImportedActivity | null = null;
  let run: ImportedActivity[] = [];
  const flush = (): void => {
    if (!run.length) return;
    const numbers = run.map((a) => a.number).join(', ');
    const where = `Раздел ${s.number || 'без номера'}, мероприятия ${numbers}`;
    warnings.push(
      owner
        ? {
            line: run[0].sourceLine,
            code: 'MERGED_CELL_ASSUMED',
            message: `${where}: ${LABEL[field].name} не указан — принят «${owner[field]}» из мероприятия ${owner.number} (объединённая ячейка)`,
          }
        : {
            line: run[0].sourceLine,
            code: LABEL[field].missing,
            message: `${where}: ${LABEL[field].name} не указан`,
          },
    );
    run = [];
  };
  for (const a of s.activities) {
    if (a[field]) {
      flush();
      owner = a;
      continue;
    }
    run.push(a);
    if (owner) setField(a, field, owner[field], abbreviations);
  }
  flush();
};

export const inheritMergedCells = (
  s: ImportedSection,
  abbreviations: Abbreviation[],
  warnings: ImportWarning[],
): void => {
  inheritField(s, 'deadlineText', abbreviations, warnings);
  inheritField(s, 'responsibleText', abbreviations, warnings);
};
