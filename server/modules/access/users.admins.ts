import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RowErrors } from '../../shared/bulk';
import { User } from './access.entity';
import { Role } from './access.enums';
import type { UserInput } from './access.inputs';

export interface PlannedUser {
  input: UserInput;
  user: User | null;
}

const isActiveAdmin = (role: Role | undefined, active: boolean | undefined) =>
  role === Role.ADMIN && active !== false;

/** The row leaves the user an active admin (a new row is active unless it says otherwise). */
function endsActiveAdmin({ input, user }: PlannedUser): boolean {
  return isActiveAdmin(input.role ?? user?.role, input.active ?? user?.active);
}

/**
 * The hub always keeps an active administrator: a batch that demotes or deactivates the last
 * one (the caller included) is refused on those rows. The active admins are locked, so two
 * concurrent batches cannot each remove a different one of the last two.
 */
export async function keepAnActiveAdmin(
  em: EntityManager,
  plan: readonly PlannedUser[],
  errors: RowErrors,
  actingUserId: number | null,
): Promise<void> {
  const removing = plan.flatMap((row, index) =>
    row.user && row.user.role === Role.ADMIN && row.user.active && !endsActiveAdmin(row)
      ? [{ index, row }]
      : [],
  );
  if (!removing.length) {
    return;
  }
  const admins = await em.find(
    User,
    { role: Role.ADMIN, active: true },
    { lockMode: LockMode.PESSIMISTIC_WRITE },
  );
  const inBatch = new Set(plan.flatMap(({ user }) => (user ? [user.id] : [])));
  const untouched = admins.filter((admin) => !inBatch.has(admin.id)).length;
  if (untouched + plan.filter(endsActiveAdmin).length > 0) {
    return;
  }
  for (const { index, row } of removing) {
    const field = row.input.active === false ? 'active' : 'role';
    const who = row.user!.id === actingUserId ? 'Вы — последний' : 'Это последний';
    errors.add(
      index,
      row.input.id,
      field,
      'BAD_USER_INPUT',
      `${who} активный администратор: сначала назначьте другого администратора`,
    );
  }
}
