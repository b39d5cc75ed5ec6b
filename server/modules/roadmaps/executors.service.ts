import type { EntityManager } from '@mikro-orm/postgresql';
import type { ImportedExecutor } from '../../importers/roadmap.types';
import type { Municipality } from '../geography/geography.entity';
import { Executor } from './roadmaps.entity';

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
