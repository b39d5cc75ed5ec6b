import type { EntityManager } from '@mikro-orm/postgresql';
import {
  type BulkResultShape,
  checkVersion,
  refuseRepeatedIds,
  RowErrors,
  runBulk,
} from '../../shared/bulk';
import { type ConnectionShape, findConnection } from '../../shared/pagination';
import { Municipality, Organization, Region } from '../geography/geography.entity';
import { validateIds, validateLengths } from '../../shared/validation';
import { User } from './access.entity';
import type { UserInput, UserListArgs } from './access.inputs';
import type { ScopeIds } from './access.scope';
import { hashPassword, MIN_PASSWORD_LENGTH } from './passwords';
import { keepAnActiveAdmin } from './users.admins';
import { settleScopes } from './users.scope';
import type { Access } from './viewer';

export async function listUsers(
  em: EntityManager,
  args: UserListArgs,
): Promise<ConnectionShape<User>> {
  return findConnection(em, User, {}, [{ login: 'asc' }], args);
}

function validateUser(index: number, input: UserInput, user: User | null, errors: RowErrors): void {
  const creating = !user;
  for (const field of ['login', 'displayName', 'role', 'password'] as const) {
    if (creating && !input[field]) {
      errors.add(index, null, field, 'REQUIRED', `Укажите ${field}`);
    }
  }
  if (input.login != null && !/^[a-z0-9._-]{3,100}$/i.test(input.login)) {
    errors.add(
      index,
      input.id,
      'login',
      'INVALID_FORMAT',
      'Логин: 3–100 латинских букв, цифр, точек, дефисов',
    );
  }
  if (input.password != null && input.password.length < MIN_PASSWORD_LENGTH) {
    errors.add(
      index,
      input.id,
      'password',
      'INVALID_FORMAT',
      `Пароль не короче ${MIN_PASSWORD_LENGTH} символов`,
    );
  }
}

/**
 * Logins are unique: a login already taken by another user, or given to two rows of the request,
 * is a row error on `login` instead of a unique-constraint failure of the whole request.
 */
async function checkLogins(
  em: EntityManager,
  plan: readonly { input: UserInput; user: User | null }[],
  errors: RowErrors,
): Promise<void> {
  const wanted = plan.flatMap(({ input, user }, index) =>
    input.login != null && input.login !== user?.login ? [{ index, login: input.login, user }] : [],
  );
  if (!wanted.length) {
    return;
  }
  const taken = await em.find(
    User,
    { login: { $in: wanted.map((w) => w.login) } },
    { fields: ['login'] },
  );
  const owner = new Map(taken.map((user) => [user.login, user.id]));
  const first = new Map<string, number>();
  for (const { index, login, user } of wanted) {
    const id = plan[index].input.id;
    const ownerId = owner.get(login);
    if (ownerId !== undefined && ownerId !== user?.id) {
      errors.add(index, id, 'login', 'DUPLICATE', `Логин ${login} уже занят`);
    } else if (first.has(login)) {
      errors.add(
        index,
        id,
        'login',
        'DUPLICATE',
        `Логин ${login} уже есть в запросе (строка ${first.get(login)! + 1})`,
      );
    } else {
      first.set(login, index);
    }
  }
}

async function applyUser(
  em: EntityManager,
  input: UserInput,
  existing: User | null,
  scope: ScopeIds,
): Promise<User> {
  const user =
    existing ??
    em.create(User, {
      login: input.login!,
      displayName: input.displayName!,
      role: input.role!,
      passwordHash: '',
    });
  if (input.login != null) user.login = input.login;
  if (input.displayName != null) user.displayName = input.displayName;
  if (input.role != null) user.role = input.role;
  if (input.active != null) user.active = input.active;
  if (input.password != null) user.passwordHash = await hashPassword(input.password);
  const { regionId, municipalityId, organizationId } = scope;
  user.region = regionId === null ? null : em.getReference(Region, regionId, { wrapped: true });
  user.municipality =
    municipalityId === null
      ? null
      : em.getReference(Municipality, municipalityId, { wrapped: true });
  user.organization =
    organizationId === null
      ? null
      : em.getReference(Organization, organizationId, { wrapped: true });
  return user;
}

/** Atomic bulk create/update of users (admins only; checked by the caller). */
export function upsertUsers(
  em: EntityManager,
  rows: UserInput[],
  dryRun: boolean,
  access: Access,
): Promise<BulkResultShape<User>> {
  return runBulk(em, rows, dryRun, access.auditActor(), async (tem) => {
    const errors = new RowErrors();
    refuseRepeatedIds(rows, errors);
    const ids = validateIds(rows, 'id', errors);
    const users = ids.size ? await tem.find(User, { id: { $in: [...ids.values()] } }) : [];
    const byId = new Map(users.map((user) => [user.id, user]));
    const plan = rows.map((input, index) => {
      const user = ids.has(index) ? (byId.get(ids.get(index)!) ?? null) : null;
      if (ids.has(index) && !user) {
        errors.add(index, input.id, 'id', 'NOT_FOUND', `Пользователь ${input.id} не найден`);
      }
      checkVersion(index, input, user, errors);
      validateUser(index, input, user, errors);
      validateLengths(index, input, { displayName: 200 }, errors);
      return { input, user };
    });
    const scopes = await settleScopes(tem, plan, errors);
    await checkLogins(tem, plan, errors);
    await keepAnActiveAdmin(tem, plan, errors, access.auditActor().userId);
    return {
      errors,
      write: async () => {
        const written: User[] = [];
        for (const [index, { input, user }] of plan.entries()) {
          written.push(await applyUser(tem, input, user, scopes[index]!));
        }
        await tem.flush();
        return {
          rows: written,
          created: plan.filter((row) => !row.user).length,
          deleted: 0,
          total: plan.length,
        };
      },
    };
  });
}
