// Nested lists of the directory, batched per request: one statement per level of a query,
// whatever the number of parents in the page.
import type { EntityManager } from '@mikro-orm/postgresql';
import { groupRows, paramsLoader } from '../../shared/loaders';
import { pgArray } from '../../shared/pg-array';
import { Organization, type OrganizationKind } from './geography.entity';

export interface OrganizationsParams {
  kind: OrganizationKind | null;
  first: number;
}

// The first N organizations of each municipality by code; the window keeps every parent's own N.
const ORGANIZATIONS_SQL = (byKind: boolean) => `
  select o.*
    from (select o.*,
                 row_number() over (partition by o.municipality_id order by o.code, o.id) as rn
            from organization o
           where o.municipality_id = any(?::int[])${byKind ? ' and o.kind = ?' : ''}) o
   where o.rn <= ?
   order by o.municipality_id, o.code, o.id`;

/** Organizations per municipality, ordered by code, `first` of each, of one kind if given. */
export function organizationsByMunicipalityLoader(em: EntityManager) {
  return paramsLoader<OrganizationsParams, Organization[]>(
    async (ids, { kind, first }) => {
      const rows = await em.execute<Record<string, unknown>[]>(ORGANIZATIONS_SQL(kind !== null), [
        pgArray(ids),
        ...(kind !== null ? [kind] : []),
        first,
      ]);
      return groupRows(em, Organization, rows, 'municipality_id');
    },
    () => [],
  );
}
