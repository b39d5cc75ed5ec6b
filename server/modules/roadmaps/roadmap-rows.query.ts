import type { QueryBuilder } from '@mikro-orm/postgresql';
import { type Access, scopeCondition } from '../access/viewer';

/**
 * Joins an activity alias `a` up to its section `s`, roadmap `r`, municipality `m` and direction
 * `d`, and keeps only rows in the viewer's scope — shared by the activity and occurrence lists.
 */
export function joinRoadmapChain<T extends object>(
  qb: QueryBuilder<T>,
  access: Access,
): QueryBuilder<T> {
  qb.join('a.section', 's')
    .join('s.roadmap', 'r')
    .join('r.municipality', 'm')
    .leftJoin('s.direction', 'd');
  const scope = scopeCondition(access.rowScope(), {
    municipality: 'r.municipality',
    region: 'm.region',
  });
  if (scope) {
    qb.andWhere(scope);
  }
  return qb;
}

/** Adds each `{ column: condition }` whose condition is defined (an absent filter adds nothing). */
export function andWhereDefined<T extends object>(
  qb: QueryBuilder<T>,
  conditions: Record<string, unknown>[],
): void {
  for (const condition of conditions) {
    if (Object.values(condition)[0] !== undefined) {
      qb.andWhere(condition);
    }
  }
}
