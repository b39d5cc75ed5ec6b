import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { User } from './access.entity';
import { Role } from './access.enums';
import { hashPassword } from './passwords';

export const ADMIN_LOGIN = 'admin';

/**
 * On a database without users, creates the administrator. The password comes from
 * ADMIN_PASSWORD or is generated and reported once — there is no fixed default.
 */
export async function ensureAdmin(
  em: EntityManager,
  configuredPassword: string | null,
  report: (message: string) => void,
): Promise<boolean> {
  if ((await em.count(User, {})) > 0) {
    return false;
  }
  const password = configuredPassword ?? randomBytes(12).toString('base64url');
  em.create(User, {
    login: ADMIN_LOGIN,
    displayName: 'Администратор',
    role: Role.ADMIN,
    passwordHash: await hashPassword(password),
  });
  await em.flush();
  report(
    configuredPassword
      ? `Created the administrator «${ADMIN_LOGIN}» with the password from ADMIN_PASSWORD`
      : `Created the administrator «${ADMIN_LOGIN}»; password (shown only now): ${password}`,
  );
  return true;
}
