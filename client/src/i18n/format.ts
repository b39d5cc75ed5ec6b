import type { Entry, Params } from './ru';

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
export function formatDate(lang: 'ru' | 'en', iso: string | null | undefined): string {
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
