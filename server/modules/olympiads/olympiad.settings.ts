// Settings of the olympiad module kept in the database (every server process reads the same):
// the re-check thresholds and who enters the talent bank (issue #7: «diplomas (or configurable
// criteria)»).
import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInputError } from '../../errors';
import { AppSetting } from '../access/access.entity';
import { OlympiadStage, STAGE_ORDER } from './olympiads.enums';

export interface OlympiadSettings {
  /** Papers in a group (stage, subject, grade) before its outliers are judged. */
  outlierMinGroup: number;
  /** Robust z (Iglewicz–Hoaglin modified z-score) from which a paper is an outlier. */
  outlierZ: number;
  /** Entries of a school at a stage before its share of diplomas is judged. */
  schoolMinEntries: number;
  /** Binomial z of a school's diplomas against the rest of the region from which it is anomalous. */
  schoolZ: number;
  /** Lowest stage whose diploma puts a pupil into the talent bank. */
  talentMinStage: OlympiadStage;
  /** Academic years a diploma counts for (final-stage diplomas are valid 4 years [R, S19]). */
  talentYears: number;
}

export const DEFAULT_OLYMPIAD_SETTINGS: OlympiadSettings = {
  outlierMinGroup: 30,
  outlierZ: 3.5,
  schoolMinEntries: 20,
  schoolZ: 3,
  talentMinStage: OlympiadStage.MUNICIPAL,
  talentYears: 4,
};

const KEY = 'olympiad_settings';

const RANGES: Record<
  Exclude<keyof OlympiadSettings, 'talentMinStage'>,
  [number, number, boolean]
> = {
  outlierMinGroup: [5, 10000, true],
  outlierZ: [1, 20, false],
  schoolMinEntries: [5, 10000, true],
  schoolZ: [1, 20, false],
  talentYears: [1, 11, true],
};

function check(value: unknown): OlympiadSettings {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new BadUserInputError('Настройки — объект', { field: 'settings' });
  }
  const unknown = Object.keys(value).find((k) => !(k in DEFAULT_OLYMPIAD_SETTINGS));
  if (unknown) {
    throw new BadUserInputError(`Настройка ${unknown}: неизвестная настройка`, { field: unknown });
  }
  const merged = { ...DEFAULT_OLYMPIAD_SETTINGS, ...(value as Partial<OlympiadSettings>) };
  for (const [field, [min, max, integer]] of Object.entries(RANGES)) {
    const number = merged[field as keyof typeof RANGES];
    if (
      typeof number !== 'number' ||
      number < min ||
      number > max ||
      (integer && !Number.isInteger(number))
    ) {
      throw new BadUserInputError(
        `Настройка ${field}: ${integer ? 'целое' : 'число'} от ${min} до ${max}`,
        { field },
      );
    }
  }
  if (!STAGE_ORDER.includes(merged.talentMinStage)) {
    throw new BadUserInputError(`Настройка talentMinStage: один из ${STAGE_ORDER.join(', ')}`, {
      field: 'talentMinStage',
    });
  }
  return merged;
}

export async function loadOlympiadSettings(em: EntityManager): Promise<OlympiadSettings> {
  const stored = await em.findOne(AppSetting, { key: KEY });
  return check(stored ? JSON.parse(stored.value) : {});
}

/** Replaces the stored override after checking it; returns the settings in force. */
export async function saveOlympiadSettings(
  em: EntityManager,
  value: unknown,
): Promise<OlympiadSettings> {
  const merged = check(value ?? {});
  await em.execute(
    'insert into app_setting (key, value) values (?, ?) on conflict (key) do update set value = excluded.value',
    [KEY, JSON.stringify(value ?? {})],
  );
  return merged;
}
