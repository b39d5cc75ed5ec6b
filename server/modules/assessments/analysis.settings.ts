// Settings of the objectivity and low-result analysis: every threshold of DOMAIN.md §3.1–3.2 and
// the choices around them (which procedures make the ШНОР score, which school types are
// selective, which indicators make the social-wellbeing index). Stored in the database as a
// partial override of the defaults, so each server process and each run reads the same rules.
import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInputError } from '../../errors';
import { SchoolType } from '../geography/geography.entity';
import { AppSetting } from '../access/access.entity';
import { ProcedureKind } from './assessments.enums';
import {
  DEFAULT_LOW_RESULT_THRESHOLDS,
  type LowResultScope,
  type LowResultThresholds,
} from './low-results';
import {
  DEFAULT_OBJECTIVITY_THRESHOLDS,
  type ObjectivityThresholds,
} from './objectivity.thresholds';
import type { SocialComponent } from './social-wellbeing';

/** A component of the social-wellbeing index, read from an organization-level indicator. */
export interface SocialIndicatorComponent extends SocialComponent {
  /** The indicator whose value (%) per school and academic year is the component. */
  key: string;
}

export interface AnalysisSettings {
  objectivity: ObjectivityThresholds;
  lowResults: LowResultThresholds;
  /** Procedures whose participant-weighted mean % is a school's ШНОР / risk-zone score. */
  lowResultProcedures: { kinds: ProcedureKind[]; subjects: string[] };
  /** The bottom group is taken over the region or within each municipality. */
  lowResultScope: LowResultScope;
  /** High results are expected there: not checked for high_vs_region (ФИОКО 2018). */
  selectiveSchoolTypes: SchoolType[];
  /** ИСБШ components (DOMAIN.md §3.2). */
  socialComponents: SocialIndicatorComponent[];
}

export const DEFAULT_ANALYSIS_SETTINGS: AnalysisSettings = {
  objectivity: DEFAULT_OBJECTIVITY_THRESHOLDS,
  lowResults: DEFAULT_LOW_RESULT_THRESHOLDS,
  // DOMAIN.md §3.2: ВПР in Russian and mathematics.
  lowResultProcedures: { kinds: [ProcedureKind.VPR], subjects: ['Русский язык', 'Математика'] },
  lowResultScope: 'region',
  selectiveSchoolTypes: [SchoolType.GYMNASIUM, SchoolType.LYCEUM],
  socialComponents: [
    {
      key: '1.2.SOC_PARENTS_HE',
      label: 'доля детей родителей с высшим образованием',
      polarity: 'higher_better',
    },
    { key: '1.2.SOC_SINGLE_PARENT', label: 'доля неполных семей', polarity: 'lower_better' },
    {
      key: '1.2.SOC_PREVENTION',
      label: 'доля состоящих на профилактическом учёте',
      polarity: 'lower_better',
    },
    { key: '1.2.SOC_LOW_INCOME', label: 'доля малообеспеченных семей', polarity: 'lower_better' },
    {
      key: '1.2.SOC_NON_NATIVE',
      label: 'доля детей, для которых русский не родной',
      polarity: 'lower_better',
    },
  ],
};

const SETTING_KEY = 'assessment_analysis';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Allowed range of a numeric setting, by its last path segment. */
const RANGES: Record<string, { min: number; max: number; integer?: boolean; open?: boolean }> = {
  z: { min: 0, max: 10, open: true },
  zThreshold: { min: 0, max: 10, open: true },
  rhoThreshold: { min: -1, max: 1 },
  percentile: { min: 0, max: 100, open: true },
  bottomQuantile: { min: 0, max: 1, open: true },
  shnsuBottomQuantile: { min: 0, max: 1, open: true },
  bunchingRatio: { min: 1, max: 100 },
  consecutiveYears: { min: 1, max: 10, integer: true },
  riskDeclineYears: { min: 1, max: 10, integer: true },
  riskSlopeYears: { min: 2, max: 10, integer: true },
  mathBaseMinMark: { min: 2, max: 5, integer: true },
  maxNoTwosChance: { min: 0, max: 100 },
  // score units per year; a fall is negative
  riskMaxSlope: { min: -100, max: 100 },
  // minShare per journal share, %
  lowered: { min: 0, max: 100 },
  confirmed: { min: 0, max: 100 },
  raised: { min: 0, max: 100 },
};
const DEFAULT_RANGE = { min: 0, max: 1_000_000 };
/** Cohorts, counts and years are whole numbers. */
const INTEGER_PREFIXES = ['min'];

const ENUM_LISTS: Record<string, readonly string[]> = {
  shares: ['lowered', 'confirmed', 'raised'],
  examRule: ['ignore', 'clear_if_above_region', 'require_not_above_region'],
  kinds: Object.values(ProcedureKind),
  lowResultScope: ['region', 'municipality'],
  selectiveSchoolTypes: Object.values(SchoolType),
  polarity: ['higher_better', 'lower_better'],
};

function isObject(value: unknown): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail(path: string, message: string): never {
  throw new BadUserInputError(`Настройка ${path}: ${message}`, { field: path });
}

function checkNumber(path: string, key: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    fail(path, 'нужно число');
  }
  const range = RANGES[key] ?? DEFAULT_RANGE;
  const integer =
    range.integer ?? (INTEGER_PREFIXES.some((p) => key.startsWith(p)) && !key.includes('Share'));
  if (integer && !Number.isInteger(value)) {
    fail(path, 'нужно целое число');
  }
  const below = range.open ? value <= range.min : value < range.min;
  const above = range.open ? value >= range.max : value > range.max;
  if (below || above) {
    const [open, close] = range.open ? ['(', ')'] : ['[', ']'];
    fail(path, `допустимо ${open}${range.min}; ${range.max}${close}, получено ${value}`);
  }
  return value;
}

/**
 * Checks a patch against the shape of the defaults (unknown keys, wrong types, out-of-range
 * numbers and unknown enum values are refused with the setting's path) and returns the merged
 * settings. Arrays replace the default array whole.
 */
function mergeChecked(defaults: unknown, patch: unknown, path: string, key: string): unknown {
  if (patch === undefined) {
    return defaults;
  }
  if (key === 'riskMaxSlope') {
    // Null turns the slope rule off.
    return patch === null ? null : checkNumber(path, key, patch);
  }
  if (typeof defaults === 'number') {
    return checkNumber(path, key, patch);
  }
  if (typeof defaults === 'boolean') {
    return typeof patch === 'boolean' ? patch : fail(path, 'нужно true или false');
  }
  if (typeof defaults === 'string') {
    const allowed = ENUM_LISTS[key];
    if (typeof patch !== 'string' || (allowed && !allowed.includes(patch))) {
      fail(path, allowed ? `одно из: ${allowed.join(', ')}` : 'нужна строка');
    }
    return patch;
  }
  if (Array.isArray(defaults)) {
    if (!Array.isArray(patch)) {
      fail(path, 'нужен список');
    }
    if (key === 'socialComponents') {
      return patch.map((item, i) => {
        const missing = ['key', 'label', 'polarity'].find((k) => !isObject(item) || !(k in item));
        if (missing) {
          fail(`${path}[${i}].${missing}`, 'обязательное поле');
        }
        return mergeChecked(defaults[0], item, `${path}[${i}]`, 'component');
      });
    }
    const allowed = ENUM_LISTS[key];
    return patch.map((item, i) => {
      if (typeof item !== 'string' || item.trim() === '' || (allowed && !allowed.includes(item))) {
        fail(`${path}[${i}]`, allowed ? `одно из: ${allowed.join(', ')}` : 'нужна непустая строка');
      }
      return item;
    });
  }
  if (isObject(defaults)) {
    if (!isObject(patch)) {
      fail(path || 'settings', 'нужен объект');
    }
    const unknown = Object.keys(patch).find((k) => !(k in defaults));
    if (unknown) {
      fail(path ? `${path}.${unknown}` : unknown, 'неизвестная настройка');
    }
    return Object.fromEntries(
      Object.entries(defaults).map(([k, v]) => [
        k,
        mergeChecked(v, patch[k], path ? `${path}.${k}` : k, k),
      ]),
    );
  }
  return patch;
}

/** Defaults with the patch applied; throws BAD_USER_INPUT naming the first bad setting. */
export function mergeAnalysisSettings(patch: unknown): AnalysisSettings {
  const merged = mergeChecked(DEFAULT_ANALYSIS_SETTINGS, patch ?? {}, '', '') as AnalysisSettings;
  const { lowResults } = merged;
  if (lowResults.riskSlopeYears < 2) {
    fail('lowResults.riskSlopeYears', 'нужно не меньше 2 лет');
  }
  return merged;
}

/** The stored override (an empty object when none). */
export async function loadSettingsOverride(em: EntityManager): Promise<Record<string, Json>> {
  const stored = await em.findOne(AppSetting, { key: SETTING_KEY });
  return stored ? (JSON.parse(stored.value) as Record<string, Json>) : {};
}

/** The settings in force: the defaults with the stored override. */
export async function loadAnalysisSettings(em: EntityManager): Promise<AnalysisSettings> {
  return mergeAnalysisSettings(await loadSettingsOverride(em));
}

/**
 * Replaces the stored override after checking it; returns the settings now in force. Stored
 * as given (not merged), so later changes of the defaults reach every setting left unset.
 */
export async function saveAnalysisSettings(
  em: EntityManager,
  override: unknown,
): Promise<AnalysisSettings> {
  const merged = mergeAnalysisSettings(override);
  await em.execute(
    'insert into app_setting (key, value) values (?, ?) on conflict (key) do update set value = excluded.value',
    [SETTING_KEY, JSON.stringify(override ?? {})],
  );
  return merged;
}
