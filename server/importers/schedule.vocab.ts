// Vocabulary of deadline cells («Сроки исполнения») shared by the schedule parser and the
// column splitter. Patterns are applied to folded (lower-case, ё → е) text.
import { MONTH_ANY, wordRegex } from './text-utils';

// «1 раз в 3 года для каждой организации» is a rolling cycle: the municipality acts every year.
export const ANNUAL_RE = wordRegex(
  'ежегодн[а-я]*|каждый год|(?:1|один) раз в (?:\\d+ )?(?:год|года|лет)',
);
export const QUARTERLY_RE = wordRegex('ежеквартальн[а-я]*|(?:1|один) раз в квартал');
export const MONTHLY_RE = wordRegex('ежемесячн[а-я]*|(?:1|один) раз в месяц');
export const SEMIANNUAL_RE = wordRegex(
  '(?:1|один) раз в полугодие|(?:2|два) раза в год|по полугодиям',
);
export const PERMANENT_RE = wordRegex(
  'постоянно|весь период|в течение (?:всего )?(?:учебного |календарного )?года|систематически',
);
export const ON_DEMAND_RE = wordRegex(
  'по запросу|по потребности|по мере (?:необходимости|потребности)|при необходимости|по необходимости',
);
export const SINCE_RE = /(?<![а-я])с (20\d{2}) ?(?:г\.?|года?)?/u;
export const RANGE_SEP = '\\s*[-–—]\\s*';
export const MONTH_RANGE_RE = new RegExp(
  `${MONTH_ANY}(?:\\s+(20\\d{2}))?(?:\\s*г\\.?)?${RANGE_SEP}${MONTH_ANY}(?:\\s+(20\\d{2}))?`,
  'gu',
);
export const YEAR_RANGE_RE = /(?<!\d)(20\d{2})\s*[-–—]\s*(20\d{2})(?!\d)/u;
export const YEAR_RE = /(?<![\d.])(20\d{2})(?![\d.]\d)/gu;
export const MONTH_RE = new RegExp(`(?<![а-я])${MONTH_ANY}(?![а-я])`, 'gu');

/** Phrases after which the rest of the cell names the event the activity follows. */
export const EVENT_TRIGGERS: readonly string[] = [
  'в соответствии с графиком проведения',
  'в соответствии с графиком',
  'по графику проведения',
  'по графику',
  'по итогам проведения',
  'по итогам',
  'по результатам',
  'по мере получения',
  'после получения',
  'после проведения',
  'до проведения',
  'после',
];

/** Plan references: the whole phrase is the event («по плану МКУ «УО»», «план работы …»). */
export const PLAN_RE =
  /(?<![а-я])(?:по плану|согласно плану|план работы|по плану работы)(?![а-я])/u;

/** Qualifiers kept beside the kind: «(при наличии)», «для каждой …», «1 раз в 3 года». */
export const QUALIFIER_RES: readonly RegExp[] = [
  /(?<![а-я])(?:1|один) раз в \d+ (?:года|лет)/u,
  /(?<![а-я])для (?:каждой|каждого|всех)[^,;()]*/u,
  /(?<![а-я])при (?!необходимости)[^,;()]*/u,
];
