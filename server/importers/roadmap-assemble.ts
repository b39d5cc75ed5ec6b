// Headings and rows → sections of activities, with the numbering and cell warnings.
import { detectCycleComponent } from './cycle-component';
import { classifyDirection } from './direction-classifier';
import { parseExecutors } from './executors';
import { inheritMergedCells } from './roadmap-inherit';
import type { SourceLine } from './roadmap-lines';
import { findOrder, findPeriod, findTitle } from './roadmap-meta';
import { firstGap, numKey, type Num, sectionGap, successorGap } from './roadmap-numbering';
import {
  joinDeadline,
  joinParagraphs,
  joinResponsible,
  partHasCells,
  type RawItem,
  type RawRow,
} from './roadmap-rows';
import type {
  Abbreviation,
  ImportedActivity,
  ImportedRoadmap,
  ImportedSection,
  ImportWarning,
} from './roadmap.types';
import { parseSchedule } from './schedule.parser';
import { collapse, isListItem } from './text-utils';

interface Draft {
  section: ImportedSection;
  sectionNum: Num | null;
  last: Num | null;
  seen: Set<string>;
}

const mergeParts = (row: RawRow, sectionNo: string, warnings: ImportWarning[]): string[] => {
  const [main, ...rest] = row.parts;
  const paragraphs = [...main.paragraphs];
  const subRows = rest.filter(partHasCells);
  for (const part of rest) {
    const [first, ...more] = part.paragraphs;
    if (first === undefined) continue;
    if (partHasCells(part) || isListItem(first) || !paragraphs.length) paragraphs.push(first);
    else paragraphs[paragraphs.length - 1] = `${paragraphs[paragraphs.length - 1]} ${first}`;
    paragraphs.push(...more);
  }
  if (subRows.length) {
    const own = joinDeadline(main.deadline);
    const other = [
      ...new Set(subRows.map((p) => joinDeadline(p.deadline)).filter((d) => d && d !== own)),
    ];
    const note = other.length
      ? `; их срок «${other.join('», «')}» отличается от срока мероприятия «${own}»`
      : '';
    warnings.push({
      line: subRows[0].line,
      code: 'UNNUMBERED_ROWS_MERGED',
      message:
        `Раздел ${sectionNo || 'без номера'}: строки без номера (стр. ${subRows.map((p) => p.line).join(', ')}) ` +
        `объединены с мероприятием ${numKey(row.num ?? [])}${note}`,
    });
  }
  return paragraphs;
};

const checkNumber = (d: Draft, num: Num, line: number, warnings: ImportWarning[]): void => {
  const key = numKey(num);
  const where = `Раздел ${d.section.number || 'без номера'}`;
  const gap = d.last ? successorGap(d.last, num) : firstGap(d.sectionNum, num);
  if (d.seen.has(key)) {
    warnings.push({
      line,
      code: 'DUPLICATE_NUMBER',
      message: `${where}: номер ${key} повторяется`,
    });
  } else if (gap === null || gap > 0) {
    const after = d.last ? `после ${numKey(d.last)}` : 'в начале раздела';
    warnings.push({
      line,
      code: 'NUMBERING_GAP',
      message: `${where}: ${after} идёт ${key} — пропуск в нумерации`,
    });
  }
  d.seen.add(key);
  d.last = num;
};

const toActivity = (
  row: RawRow,
  d: Draft,
  abbreviations: Abbreviation[],
  warnings: ImportWarning[],
): ImportedActivity => {
  const text = joinParagraphs(mergeParts(row, d.section.number, warnings));
  const main = row.parts[0];
  const deadlineText = joinDeadline(main.deadline);
  const responsibleText = joinResponsible(main.responsible, main.exact);
  return {
    number: numKey(row.num ?? []),
    text,
    deadlineText,
    responsibleText,
    schedule: parseSchedule(deadlineText),
    executors: parseExecutors(responsibleText, abbreviations),
    cycleComponent: detectCycleComponent(text),
    sourceLine: row.line,
  };
};

const openSection = (num: Num | null, title: string): Draft => ({
  section: {
    number: num ? numKey(num) : '',
    title,
    directionCode: classifyDirection(title),
    activities: [],
  },
  sectionNum: num,
  last: null,
  seen: new Set(),
});

/** Builds the sections; warnings are appended to the given list. */
export const assembleSections = (
  items: RawItem[],
  abbreviations: Abbreviation[],
  warnings: ImportWarning[],
): ImportedSection[] => {
  const drafts: Draft[] = [];
  for (const item of items) {
    if (item.kind === 'heading') {
      const prev = drafts[drafts.length - 1]?.sectionNum ?? null;
      const gap = item.num ? sectionGap(prev, item.num) : 0;
      if (item.num && gap !== 0) {
        const after = prev ? `идёт после раздела ${numKey(prev)}` : 'открывает документ';
        warnings.push({
          line: item.line,
          code: 'NUMBERING_GAP',
          message: `Раздел ${numKey(item.num)} ${after}: пропуск в нумерации разделов`,
        });
      }
      drafts.push(openSection(item.num, collapse(item.title.join(' '))));
      continue;
    }
    if (!drafts.length) {
      drafts.push(openSection(null, ''));
      warnings.push({
        line: item.line,
        code: 'MISSING_SECTION',
        message: `Мероприятия со стр. ${item.line} стоят до первого раздела и собраны в раздел без номера`,
      });
    }
    const d = drafts[drafts.length - 1];
    if (item.num) checkNumber(d, item.num, item.line, warnings);
    d.section.activities.push(toActivity(item, d, abbreviations, warnings));
  }
  const sections = drafts.map((d) => d.section);
  sections.forEach((s) => inheritMergedCells(s, abbreviations, warnings));
  return sections;
};

/**
 * The roadmap around its sections: title, order and period from the prose before the table
 * (the period also from the schedules). Warns when no activity was found; warnings keep their order.
 */
export const finishRoadmap = (
  sections: ImportedSection[],
  abbreviations: Abbreviation[],
  warnings: ImportWarning[],
  before: SourceLine[],
): ImportedRoadmap => {
  if (!sections.some((s) => s.activities.length)) {
    warnings.push({
      line: null,
      code: 'NO_TABLE_FOUND',
      message: 'В документе не найдена таблица мероприятий дорожной карты',
    });
  }
  const title = findTitle(before);
  const order = findOrder(before);
  const schedules = sections.flatMap((s) => s.activities.map((a) => a.schedule));
  return {
    title,
    ...order,
    period: findPeriod(title, schedules, order.orderDate),
    abbreviations,
    sections,
    warnings,
  };
};
