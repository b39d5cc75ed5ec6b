import type { EntityManager } from '@mikro-orm/postgresql';
import { parseExecutors } from '../../importers/executors';
import type { ImportedExecutor } from '../../importers/roadmap.types';
import { Municipality } from '../geography/geography.entity';
import { type Activity, Executor, type RoadmapSection } from './roadmaps.entity';

/**
 * Returns the municipality's executors with these names, creating the missing ones
 * (one query for all names; new ones are persisted with the caller's flush).
 */
export async function resolveExecutors(
  em: EntityManager,
  municipality: Municipality,
  wanted: ImportedExecutor[],
): Promise<Map<string, Executor>> {
  const names = [...new Set(wanted.map((executor) => executor.name))];
  const found = names.length ? await em.find(Executor, { municipality, name: { $in: names } }) : [];
  const byName = new Map(found.map((executor) => [executor.name, executor]));
  for (const executor of wanted) {
    if (!byName.has(executor.name)) {
      byName.set(
        executor.name,
        em.create(Executor, { municipality, name: executor.name, fullName: executor.fullName }),
      );
    } else if (!byName.get(executor.name)!.fullName && executor.fullName) {
      byName.get(executor.name)!.fullName = executor.fullName;
    }
  }
  return byName;
}

/** A written row whose responsible text names its executors. */
export interface ExecutorRow {
  index: number;
  /** The stored activity, null for a new one. */
  activity: Activity | null;
  /** With its roadmap loaded (abbreviations, municipality). */
  section: RoadmapSection;
  responsibleText: string;
}

/**
 * The executors each row's responsible text names, by row index: every text is parsed first,
 * then the names are resolved with one lookup per municipality, not one per row.
 */
export async function executorsOfRows(
  em: EntityManager,
  rows: ExecutorRow[],
): Promise<Map<number, Executor[]>> {
  const named = rows.map(({ index, activity, section, responsibleText }) => {
    const roadmap = section.roadmap.getEntity();
    const wanted = parseExecutors(responsibleText, roadmap.abbreviations);
    return { index, activity, municipalityId: roadmap.municipality.id, wanted };
  });
  // set() on a stored row needs its current executors: loaded for all rows in one query.
  const stored = named.flatMap(({ activity }) => (activity ? [activity] : []));
  if (stored.length) {
    await em.populate(stored, ['executors']);
  }
  const wantedBy = new Map<number, ImportedExecutor[]>();
  for (const { municipalityId, wanted } of named) {
    wantedBy.set(municipalityId, [...(wantedBy.get(municipalityId) ?? []), ...wanted]);
  }
  const resolved = new Map<number, Map<string, Executor>>();
  for (const [municipalityId, wanted] of wantedBy) {
    const municipality = em.getReference(Municipality, municipalityId);
    resolved.set(municipalityId, await resolveExecutors(em, municipality, wanted));
  }
  return new Map(
    named.map(({ index, municipalityId, wanted }) => [
      index,
      wanted.map((executor) => resolved.get(municipalityId)!.get(executor.name)!),
    ]),
  );
}
