// The scope columns of users in a bulk write: parsed, looked up and made consistent per row.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RowErrors } from '../../shared/bulk';
import { validateIds } from '../../shared/validation';
import type { User } from './access.entity';
import {
  loadScopeDirectory,
  missingScope,
  SCOPE_FIELDS,
  type ScopeField,
  type ScopeIds,
  settleScope,
} from './access.scope';
import type { PlannedUser } from './users.admins';

function storedScope(user: User | null): ScopeIds {
  return {
    regionId: user?.region?.id ?? null,
    municipalityId: user?.municipality?.id ?? null,
    organizationId: user?.organization?.id ?? null,
  };
}

/** Each row's scope ids, the request's over the stored ones; null when one is malformed. */
function wantedScopes(plan: readonly PlannedUser[], errors: RowErrors): (ScopeIds | null)[] {
  const inputs = plan.map(({ input }) => input);
  const parsed = SCOPE_FIELDS.map((field) => validateIds(inputs, field, errors));
  return plan.map(({ input, user }, index) => {
    const scope = storedScope(user);
    let malformed = false;
    SCOPE_FIELDS.forEach((field, i) => {
      if (input[field] === null) {
        scope[field] = null;
      } else if (input[field] !== undefined) {
        const id = parsed[i].get(index);
        malformed ||= id === undefined;
        scope[field] = id ?? null;
      }
    });
    return malformed ? null : scope;
  });
}

/**
 * Settles every row's scope (a municipality brings its region along, an organization its
 * municipality); unknown ids, a level outside its parent and a scope the role needs but lacks
 * are errors on that row and field.
 */
export async function settleScopes(
  em: EntityManager,
  plan: readonly PlannedUser[],
  errors: RowErrors,
): Promise<(ScopeIds | null)[]> {
  const wanted = wantedScopes(plan, errors);
  const dir = await loadScopeDirectory(
    em,
    wanted.filter((scope): scope is ScopeIds => scope !== null),
  );
  return plan.map(({ input, user }, index) => {
    const ids = wanted[index];
    if (!ids) {
      return null;
    }
    const given = new Set<ScopeField>(SCOPE_FIELDS.filter((field) => input[field] !== undefined));
    const { scope, problems } = settleScope(dir, ids, given);
    const role = input.role ?? user?.role;
    // A row that leaves role and scope alone is not refused for what was stored before.
    const touched = !user || input.role !== undefined || given.size > 0;
    const missing = role && touched && !problems.length ? missingScope(role, scope) : null;
    for (const problem of missing ? [...problems, missing] : problems) {
      errors.add(index, input.id, problem.field, problem.code, problem.message);
    }
    return scope;
  });
}
