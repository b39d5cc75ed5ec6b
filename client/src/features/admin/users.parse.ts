// Text typed or pasted into the role and active cells → the stored value.
import { en } from '../../i18n/en';
import type { Translate } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/ru';
import { ru } from '../../i18n/ru';
import type { RoleName } from '../auth/auth.queries';
import { ROLE_NAMES } from './admin.queries';

export const roleKey = (role: RoleName) => `role.${role}` as MessageKey;

/** Accepts the enum value in any case or the role's name in either language. */
export function parseRole(text: string, t: Translate): RoleName {
  const value = text.trim().toLowerCase();
  const found = ROLE_NAMES.find(
    (role) =>
      role.toLowerCase() === value ||
      String(ru[roleKey(role)]).toLowerCase() === value ||
      String(en[roleKey(role)]).toLowerCase() === value,
  );
  if (!found) {
    throw new Error(t('grid.badValue', { text: text.trim() }));
  }
  return found;
}

const YES = ['true', '1', 'да', 'yes', '+'];
const NO = ['false', '0', 'нет', 'no', '-', ''];

export function parseActive(text: string, t: Translate): boolean {
  const value = text.trim().toLowerCase();
  if (YES.includes(value)) {
    return true;
  }
  if (NO.includes(value)) {
    return false;
  }
  throw new Error(t('grid.badValue', { text: text.trim() }));
}
