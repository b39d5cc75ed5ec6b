import type { EntityManager } from '@mikro-orm/postgresql';
import type { ImportedRoadmap, ImportWarning } from '../../importers/roadmap.types';
import { dueDates, periodBounds } from '../../importers/schedule.due-dates';
import { BadUserInputError } from '../../errors';
import { CycleComponent, Direction } from '../directions/directions.entity';
import type { Municipality } from '../geography/geography.entity';
import { resolveExecutors } from './executors.service';
import { Activity, ActivityOccurrence, Roadmap, RoadmapSection } from './roadmaps.entity';
import { scheduleDetails, sortKeyFor } from './schedule.sync';

export interface PersistOptions {
  title?: string | null;
  sourceFileName?: string | null;
}

function checkSectionNumbers(imported: ImportedRoadmap): void {
  const seen = new Set<string>();
  for (const section of imported.sections) {
    if (seen.has(section.number)) {
      throw new BadUserInputError(`Раздел ${section.number} встречается в документе дважды`, {
        field: 'sections',
      });
    }
    seen.add(section.number);
  }
}

/**
 * Writes an imported roadmap (sections, activities, executors, occurrences) for a municipality.
 * The caller owns the transaction and the flush. Returns warnings for rows it had to skip.
 */
export async function persistImportedRoadmap(
  em: EntityManager,
  municipality: Municipality,
  imported: ImportedRoadmap,
  options: PersistOptions = {},
): Promise<{ roadmap: Roadmap; warnings: ImportWarning[] }> {
  const period = imported.period;
  if (!period) {
    throw new BadUserInputError('Не удалось определить период дорожной карты: укажите его явно', {
      field: 'period',
    });
  }
  checkSectionNumbers(imported);
  const warnings: ImportWarning[] = [];
  const bounds = periodBounds(period);
  const roadmap = em.create(Roadmap, {
    municipality,
    title: options.title ?? imported.title ?? 'Дорожная карта',
    orderNumber: imported.orderNumber,
    orderDate: imported.orderDate,
    sourceFileName: options.sourceFileName ?? null,
    abbreviations: imported.abbreviations,
    periodStart: bounds.start,
    periodEnd: bounds.end,
  });
  const directions = new Map(
    (await em.find(Direction, {})).map((direction) => [direction.code, direction]),
  );
  const allExecutors = imported.sections.flatMap((section) =>
    section.activities.flatMap((activity) => activity.executors),
  );
  const executors = await resolveExecutors(em, municipality, allExecutors);
  imported.sections.forEach((importedSection, sectionIndex) => {
    const section = em.create(RoadmapSection, {
      roadmap,
      number: importedSection.number,
      title: importedSection.title,
      direction: importedSection.directionCode
        ? (directions.get(importedSection.directionCode) ?? null)
        : null,
      sortOrder: sectionIndex + 1,
    });
    const numbers = new Set<string>();
    for (const item of importedSection.activities) {
      if (numbers.has(item.number)) {
        warnings.push({
          line: item.sourceLine,
          code: 'DUPLICATE_NUMBER',
          message: `Пропущен повтор номера ${item.number} в разделе ${importedSection.number}`,
        });
        continue;
      }
      numbers.add(item.number);
      const activity = em.create(Activity, {
        section,
        number: item.number,
        sortKey: sortKeyFor(item.number),
        text: item.text,
        deadlineText: item.deadlineText,
        responsibleText: item.responsibleText,
        scheduleKind: item.schedule.kind,
        schedule: scheduleDetails(item.schedule),
        cycleComponent: item.cycleComponent
          ? em.getReference(CycleComponent, item.cycleComponent, { wrapped: true })
          : null,
      });
      activity.executors.set([
        ...new Set(item.executors.map((executor) => executors.get(executor.name)!)),
      ]);
      for (const dueDate of dueDates(item.schedule, period)) {
        em.create(ActivityOccurrence, { activity, dueDate });
      }
    }
  });
  return { roadmap, warnings };
}
