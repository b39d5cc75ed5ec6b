// UI texts are ICU MessageFormat, rendered by FormatJS's intl-messageformat:
//   placeholder  Строка {row}: {message}         a number prints as is: 1000, 1.5
//   plural       {n} {n, plural, one {строка} few {строки} many {строк} other {строк}}
//                Russian: one (1, 21, 101), few (2–4, 22), many (0, 5–20, 25), other (1.5);
//                English: one (1) and other. Print the count with {n}, not #: # formats it
//                for the locale (1 000, 1,5) where {n} prints it as the other placeholders.
//   select       {kind, select, school {школа} other {муниципалитет}}
//   quoting      an apostrophe before { or } quotes up to the next apostrophe: query '{ me }'
//                prints query { me }; two apostrophes print one. In texts write ’ and «»,
//                not a straight ', and keep literal braces quoted.
// test/client/i18n.test.ts renders every message of both languages.
import { IntlMessageFormat } from 'intl-messageformat';

import type { Lang } from './plural';
import type { Params } from './ru';

/** The Intl locale of a language: Russian, and British English (day before month, 24 h). */
export function localeOf(lang: Lang): string {
  return lang === 'ru' ? 'ru-RU' : 'en-GB';
}

interface Compiled {
  format: IntlMessageFormat;
  /** Names the message may read; a missing one is printed as `{name}`, as before ICU. */
  args: string[];
}

// Parsing a message is far dearer than formatting it and grids call `t` thousands of times:
// each language keeps its compiled messages, keyed by the message text (one per key).
const compiled: Record<Lang, Map<string, Compiled>> = { ru: new Map(), en: new Map() };

function compile(lang: Lang, message: string): Compiled {
  let entry = compiled[lang].get(message);
  if (!entry) {
    // Tags are not used in our texts: `<` stays a plain character.
    const format = new IntlMessageFormat(message, localeOf(lang), undefined, { ignoreTag: true });
    // Every `{name}` and `{name, plural…` (a quoted brace may add a name that is never read).
    const args = [...new Set(Array.from(message.matchAll(/\{\s*(\w+)\s*[,}]/g), (m) => m[1]))];
    entry = { format, args };
    compiled[lang].set(message, entry);
  }
  return entry;
}

/** Renders an ICU message of `lang` with `params`. */
export function formatMessage(lang: Lang, message: string, params: Params = {}): string {
  if (!message.includes('{') && !message.includes("'")) {
    return message; // Nothing to fill or unquote: most labels.
  }
  const { format, args } = compile(lang, message);
  let values = params;
  for (const name of args) {
    if (!(name in values)) {
      values = values === params ? { ...params } : values;
      values[name] = `{${name}}`;
    }
  }
  return String(format.format(values));
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
