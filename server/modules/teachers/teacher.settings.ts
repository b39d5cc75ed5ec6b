// Settings of the teachers module kept in the database (every server process reads the same):
// the limit of mentees per mentor (issue #6: «limits such as mentees per mentor configurable»).
import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInputError } from '../../errors';
import { AppSetting } from '../access/access.entity';

export interface TeacherSettings {
  /** Planned or active mentees one mentor may have. Ours: 3. */
  maxMenteesPerMentor: number;
}

export const DEFAULT_TEACHER_SETTINGS: TeacherSettings = { maxMenteesPerMentor: 3 };

const KEY = 'teacher_settings';

function check(value: unknown): TeacherSettings {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new BadUserInputError('Настройки — объект', { field: 'settings' });
  }
  const unknown = Object.keys(value).find((k) => !(k in DEFAULT_TEACHER_SETTINGS));
  if (unknown) {
    throw new BadUserInputError(`Настройка ${unknown}: неизвестная настройка`, { field: unknown });
  }
  const merged = { ...DEFAULT_TEACHER_SETTINGS, ...(value as Partial<TeacherSettings>) };
  const max = merged.maxMenteesPerMentor;
  if (!Number.isInteger(max) || max < 1 || max > 50) {
    throw new BadUserInputError('Настройка maxMenteesPerMentor: целое от 1 до 50', {
      field: 'maxMenteesPerMentor',
    });
  }
  return merged;
}

export async function loadTeacherSettings(em: EntityManager): Promise<TeacherSettings> {
  const stored = await em.findOne(AppSetting, { key: KEY });
  return check(stored ? JSON.parse(stored.value) : {});
}

/** Replaces the stored override after checking it; returns the settings in force. */
export async function saveTeacherSettings(
  em: EntityManager,
  value: unknown,
): Promise<TeacherSettings> {
  const merged = check(value ?? {});
  await em.execute(
    'insert into app_setting (key, value) values (?, ?) on conflict (key) do update set value = excluded.value',
    [KEY, JSON.stringify(value ?? {})],
  );
  return merged;
}
