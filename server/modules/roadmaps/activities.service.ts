import type { EntityManager } from '@mikro-orm/postgresql';
import { detectCycleComponent } from '../../importers/cycle-component';
import {
  type BulkResultShape,
  checkVersion,
  refuseRepeatedIds,
  RowErrors,
  runBulk,
} from '../../shared/bulk';
import { validateIds, validateLengths } from '../../shared/validation';
import type { Access } from '../access/viewer';
import { CycleComponent } from '../directions/directions.entity';
import { executorsOfRows } from './executors.service';
import { Activity, RoadmapSection } from './roadmaps.entity';
import { type ActivityInput, LIMITS } from './roadmaps.inputs';
import {
  ACTIVITY_NUMBER,
  applyDeadline,
  normaliseNumber,
  roadmapPeriod,
  sortKeyFor,
  syncOccurrences,
} from './schedule.sync';

interface PlannedRow {
  index: number;
  input: ActivityInput;
  activity: Activity | null;
  section: RoadmapSection | null;
  number: string | null;
}

/** Loads everything the rows refer to: existing activities, sections and their roadmaps. */
async function loadReferences(em: EntityManager, rows: ActivityInput[], errors: RowErrors) {
  const ids = validateIds(rows, 'id', errors);
  const sectionIds = validateIds(rows, 'sectionId', errors);
  const activities = ids.size
    ? await em.find(Activity, { id: { $in: [...ids.values()] } }, { populate: ['section.roadmap'] })
    : [];
  const sections = sectionIds.size
    ? await em.find(
        RoadmapSection,
        { id: { $in: [...sectionIds.values()] } },
        { populate: ['roadmap'] },
      )
    : [];
  const sectionsTouched = [
    ...new Set([...sections.map((s) => s.id), ...activities.map((a) => a.section.id)]),
  ];
  // Numbers already used in the touched sections, to refuse duplicates before the database does.
  const siblings = sectionsTouched.length
    ? await em.find(
        Activity,
        { section: { $in: sectionsTouched } },
        { fields: ['id', 'number', 'section'] },
      )
    : [];
  return {
    ids,
    sectionIds,
    activityById: new Map(activities.map((a) => [a.id, a])),
    sectionById: new Map(sections.map((s) => [s.id, s])),
    siblings,
  };
}

function planRows(
  rows: ActivityInput[],
  refs: Awaited<ReturnType<typeof loadReferences>>,
  errors: RowErrors,
): PlannedRow[] {
  refuseRepeatedIds(rows, errors);
  return rows.map((input, index) => {
    const id = refs.ids.get(index);
    const activity = id != null ? (refs.activityById.get(id) ?? null) : null;
    if (id != null && !activity) {
      errors.add(index, input.id, 'id', 'NOT_FOUND', `Мероприятие ${input.id} не найдено`);
    }
    checkVersion(index, input, activity, errors);
    if (input.delete && input.id == null) {
      errors.add(index, null, 'id', 'REQUIRED', 'Для удаления укажите id строки');
    }
    const sectionId = refs.sectionIds.get(index);
    let section = activity ? activity.section.getEntity() : null;
    if (sectionId != null) {
      section = refs.sectionById.get(sectionId) ?? null;
      if (!section) {
        errors.add(
          index,
          input.id,
          'sectionId',
          'NOT_FOUND',
          `Раздел ${input.sectionId} не найден`,
        );
      } else if (activity && section.roadmap.id !== activity.section.getEntity().roadmap.id) {
        // Executors and occurrences belong to one municipality and period: no moves across roadmaps.
        errors.add(
          index,
          input.id,
          'sectionId',
          'BAD_USER_INPUT',
          'Мероприятие можно перенести только в раздел той же дорожной карты',
        );
      }
    } else if (input.id == null && input.sectionId == null && !input.delete) {
      errors.add(index, null, 'sectionId', 'REQUIRED', 'Укажите раздел дорожной карты');
    }
    return {
      index,
      input,
      activity,
      section,
      number: input.number != null ? normaliseNumber(input.number) : (activity?.number ?? null),
    };
  });
}

function validateValues(plan: PlannedRow[], errors: RowErrors): void {
  for (const { index, input, activity, number } of plan.filter((row) => !row.input.delete)) {
    validateLengths(index, input, LIMITS, errors);
    const creating = input.id == null;
    if (creating && !number) {
      errors.add(index, null, 'number', 'REQUIRED', 'Укажите номер мероприятия');
    } else if (number != null && !ACTIVITY_NUMBER.test(number)) {
      errors.add(
        index,
        input.id,
        'number',
        'INVALID_FORMAT',
        `Номер «${input.number}» должен иметь вид 1, 1.2 или 1.2.3`,
      );
    }
    const text = input.text ?? activity?.text;
    if ((creating || input.text != null) && !text?.trim()) {
      errors.add(index, input.id, 'text', 'REQUIRED', 'Текст мероприятия не может быть пустым');
    }
    const code = input.cycleComponentCode;
    if (code != null && (!Number.isInteger(code) || code < 1 || code > 9)) {
      errors.add(
        index,
        input.id,
        'cycleComponentCode',
        'BAD_USER_INPUT',
        'Компонент управленческого цикла — число от 1 до 9',
      );
    }
  }
}

// Two rows may not end up with one number in one section, counting rows already stored.
function validateUniqueNumbers(
  plan: PlannedRow[],
  siblings: Pick<Activity, 'id' | 'number' | 'section'>[],
  errors: RowErrors,
): void {
  const moving = new Set(plan.map((row) => row.activity?.id).filter((id) => id != null));
  const taken = new Map<string, number | null>();
  for (const sibling of siblings) {
    if (!moving.has(sibling.id)) {
      taken.set(`${sibling.section.id}/${sibling.number}`, null);
    }
  }
  for (const row of plan) {
    if (!row.section || !row.number || row.input.delete || errors.hasRow(row.index)) {
      continue;
    }
    const key = `${row.section.id}/${row.number}`;
    if (taken.has(key)) {
      const other = taken.get(key);
      const where = other == null ? 'уже есть в разделе' : `повторяется в строке ${other + 1}`;
      errors.add(
        row.index,
        row.input.id,
        'number',
        'DUPLICATE',
        `Номер ${row.number} ${where} ${row.section.number}`,
      );
    } else {
      taken.set(key, row.index);
    }
  }
}

async function applyRows(em: EntityManager, plan: PlannedRow[]): Promise<Activity[]> {
  const synced: { activity: Activity; period: ReturnType<typeof roadmapPeriod> }[] = [];
  const result: Activity[] = [];
  const executors = await executorsOfRows(
    em,
    plan.flatMap(({ index, input, activity, section }) =>
      input.delete || input.responsibleText == null
        ? []
        : [{ index, activity, section: section!, responsibleText: input.responsibleText.trim() }],
    ),
  );
  for (const { index, input, activity: existing, section, number } of plan) {
    if (input.delete) {
      em.remove(existing!);
      continue;
    }
    const roadmap = section!.roadmap.getEntity();
    const period = roadmapPeriod(roadmap);
    const activity =
      existing ??
      em.create(Activity, {
        section: section!,
        number: number!,
        sortKey: sortKeyFor(number!),
        text: input.text!.trim(),
        deadlineText: '',
        responsibleText: '',
      });
    if (existing && section && existing.section.id !== section.id) {
      activity.section = em.getReference(RoadmapSection, section.id, { wrapped: true });
    }
    activity.number = number!;
    activity.sortKey = sortKeyFor(number!);
    if (input.text != null) {
      activity.text = input.text.trim();
      if (!existing && input.cycleComponentCode === undefined) {
        const detected = detectCycleComponent(activity.text);
        activity.cycleComponent = detected
          ? em.getReference(CycleComponent, detected, { wrapped: true })
          : null;
      }
    }
    if (input.cycleComponentCode !== undefined) {
      const code = input.cycleComponentCode;
      activity.cycleComponent =
        code == null ? null : em.getReference(CycleComponent, code, { wrapped: true });
    }
    if (input.deadlineText != null || !existing) {
      applyDeadline(activity, (input.deadlineText ?? '').trim());
      synced.push({ activity, period });
    }
    if (input.responsibleText != null) {
      activity.responsibleText = input.responsibleText.trim();
      activity.executors.set(executors.get(index)!);
    }
    result.push(activity);
  }
  await em.flush();
  await syncOccurrences(em, synced);
  await em.flush();
  return result;
}

/** Atomic bulk upsert of activities: every row is validated first; one bad row writes nothing. */
export function upsertActivities(
  em: EntityManager,
  rows: ActivityInput[],
  dryRun: boolean,
  access: Access,
): Promise<BulkResultShape<Activity>> {
  return runBulk(em, rows, dryRun, access.auditActor(), async (tem) => {
    const errors = new RowErrors();
    const refs = await loadReferences(tem, rows, errors);
    // Any row outside the writer's municipality refuses the whole batch.
    access.assertCanWrite([
      ...[...refs.sectionById.values()].map(
        (section) => section.roadmap.getEntity().municipality.id,
      ),
      ...[...refs.activityById.values()].map(
        (activity) => activity.section.getEntity().roadmap.getEntity().municipality.id,
      ),
    ]);
    const plan = planRows(rows, refs, errors);
    validateValues(plan, errors);
    validateUniqueNumbers(plan, refs.siblings, errors);
    return {
      errors,
      write: async () => ({
        rows: await applyRows(tem, plan),
        created: plan.filter((row) => !row.activity).length,
        deleted: plan.filter((row) => row.input.delete).length,
        total: plan.length,
      }),
    };
  });
}
