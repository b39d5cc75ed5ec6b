// Hierarchical activity numbers («1.», «1.1.1.», «1. 1.») and which number may follow which.
// A line starts a new row only when its number plausibly continues the sequence, so numbered
// prose paragraphs and lists inside a cell («1. Ежегодный доклад …») are not taken for rows.

export type Num = readonly number[];

/** Largest skip still read as the next number (with a NUMBERING_GAP warning). */
const MAX_SKIP = 3;

const NUMBER_RE = /^\s*(\d{1,2}(?:\s*\.\s*\d{1,2})*)\s*(\.?)\s*(?=[\s«"(А-ЯЁA-Zа-яё]|$)/u;

export interface LeadingNumber {
  num: Num;
  rest: string;
}

/** Leading row number of a line, or null; years and «1 раз в …» are not numbers. */
export const leadingNumber = (line: string): LeadingNumber | null => {
  const m = NUMBER_RE.exec(line);
  if (!m) return null;
  const rest = line.slice(m[0].length);
  const unit =
    /^(?:раз|раза|лет|год|года|кл|класс[а-я]*|час[а-я]*|дн[а-я]*|календарн[а-я]*|рабоч[а-я]*|%)(?![а-яё])/iu;
  if (!m[2] && unit.test(rest)) return null;
  if (!m[2] && !m[1].includes('.') && /^[а-яё]/u.test(rest)) return null;
  return { num: m[1].split('.').map((p) => Number(p.trim())), rest: rest.trim() };
};

export const numKey = (n: Num): string => n.join('.');

export const startsWith = (n: Num, prefix: Num): boolean =>
  prefix.length <= n.length && prefix.every((p, i) => n[i] === p);

/** Skipped count when next follows prev (sibling, ascend, or descend to .1); null if not. */
export const successorGap = (prev: Num, next: Num): number | null => {
  if (next.length === prev.length + 1 && startsWith(next, prev)) {
    const first = next[next.length - 1];
    return first >= 1 && first <= 1 + MAX_SKIP ? first - 1 : null;
  }
  if (next.length > prev.length) return null;
  const level = next.length;
  if (!startsWith(next, prev.slice(0, level - 1))) return null;
  const diff = next[level - 1] - prev[level - 1];
  return diff >= 1 && diff <= 1 + MAX_SKIP ? diff - 1 : null;
};

/** Skipped count for the first activity of a section: «1» or «<section>.1». */
export const firstGap = (section: Num | null, next: Num): number | null => {
  const own = section && next.length === section.length + 1 && startsWith(next, section);
  if (!own && next.length !== 1) return null;
  const k = next[next.length - 1];
  return k >= 1 && k <= 1 + MAX_SKIP ? k - 1 : null;
};

/** Skipped count for a section heading after the previous section (null: none yet). */
export const sectionGap = (prev: Num | null, next: Num): number | null => {
  if (!prev)
    return next.length === 1 || next.every((p) => p === 1) ? firstGap(null, next.slice(-1)) : null;
  return successorGap(prev, next);
};
