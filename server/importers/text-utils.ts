// Small text helpers shared by the importer modules (Cyrillic-aware, since JS \b is ASCII-only).

const LETTER = 'A-Za-zА-Яа-яЁё0-9';

/** Builds a regex whose alternatives must stand as whole words (Cyrillic-aware boundaries). */
export const wordRegex = (body: string, flags = 'iu'): RegExp =>
  new RegExp(`(?<![${LETTER}])(?:${body})(?![${LETTER}])`, flags);

/** Like wordRegex but only the start must be a word boundary (stems such as «объективн»). */
export const stemRegex = (body: string, flags = 'iu'): RegExp =>
  new RegExp(`(?<![${LETTER}])(?:${body})`, flags);

export const collapse = (s: string): string => s.replace(/[\s\u00a0]+/g, ' ').trim();

/** Lower-case and fold ё → е so keyword stems match either spelling. */
export const fold = (s: string): string => collapse(s).toLowerCase().replace(/ё/g, 'е');

export const MONTH_STEMS: readonly string[] = [
  'январ',
  'феврал',
  'март',
  'апрел',
  'ма[йя]',
  'июн',
  'июл',
  'август',
  'сентябр',
  'октябр',
  'ноябр',
  'декабр',
];

/** Any inflected month name; group 1 is the stem. */
export const MONTH_ANY = `(${MONTH_STEMS.join('|')})[а-яё]*`;

/** Nominative month names only — the form a deadline cell starts with. */
export const MONTH_NOMINATIVE =
  'январь|февраль|март|апрель|май|июнь|июль|август|сентябрь|октябрь|ноябрь|декабрь';

export const monthOf = (word: string): number | null => {
  const w = word.toLowerCase().replace(/ё/g, 'е');
  const i = MONTH_STEMS.findIndex((stem) => new RegExp(`^${stem}`).test(w));
  return i < 0 ? null : i + 1;
};

/** Unbalanced «» or () in s — a split point inside them is not a column boundary. */
export const isInsideBrackets = (s: string): boolean => {
  const count = (re: RegExp): number => (s.match(re) ?? []).length;
  return count(/«/g) > count(/»/g) || count(/\(/g) > count(/\)/g);
};

export const isListItem = (line: string): boolean => /^\s*(?:[-‐–—·•]|\d{1,2}[.)]\s)/.test(line);

export const isoDate = (y: number, m: number, d: number): string =>
  `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

export const lastDayOfMonth = (y: number, m: number): number =>
  new Date(Date.UTC(y, m, 0)).getUTCDate();

export const uniqueSorted = <T>(values: T[]): T[] =>
  [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
