import type { Lang } from './plural';
import type { Entry, Params } from './ru';

/** The Intl locale of a language: Russian, and British English (day before month, 24 h). */
export function localeOf(lang: Lang): string {
  return lang === 'ru' ? 'ru-RU' : 'en-GB';
}

/** Fills `{name}` placeholders; function entries build their own text (plurals). */
export function formatMessage(entry: Entry, params: Params = {}): string {
  if (typeof entry === 'function') {
    return entry(params);
  }
  return entry.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** ISO date (`2024-09-01`, maybe with a time) → `01.09.2024` in Russian, as is in English. */
export function formatDate(lang: Lang, iso: string | null | undefined): string {
  if (!iso) {
    return '';
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) {
    return iso;
  }
  const [, y, m, d] = match;
  return lang === 'ru' ? `${d}.${m}.${y}` : `${y}-${m}-${d}`;
}

// Intl formatters are costly to build and grids format thousands of cells: one per options.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** A figure with at most `digits` decimals in the language's notation; '' when there is none. */
export function formatNumber(lang: Lang, value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) {
    return '';
  }
  const key = `${lang}|${digits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(localeOf(lang), {
      maximumFractionDigits: digits,
      minimumFractionDigits: 0,
    });
    numberFormats.set(key, format);
  }
  return format.format(value);
}

/** A moment (ISO) as a short date and a time of `timeStyle` in the language's notation. */
export function formatDateTime(
  lang: Lang,
  iso: string,
  timeStyle: 'short' | 'medium' = 'short',
): string {
  const key = `${lang}|${timeStyle}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'short', timeStyle });
    dateTimeFormats.set(key, format);
  }
  return format.format(new Date(iso));
}
