import type { EntityManager } from '@mikro-orm/postgresql';
import { Teacher } from './teachers.entity';

/** The teachers a bulk write names, by personnel code (one query for the batch). */
export async function teachersByCode(
  em: EntityManager,
  codes: readonly string[],
): Promise<Map<string, Teacher>> {
  const found = await em.find(Teacher, { personnelCode: { $in: [...new Set(codes)] } });
  return new Map(found.map((t) => [t.personnelCode, t]));
}
