// Document text → numbered lines, layout detection and the landmarks of a roadmap table.
import { fold, stemRegex } from './text-utils';

export interface SourceLine {
  no: number;
  text: string;
  /** Blank lines directly above: 2+ usually means a page break in PDF text. */
  gap: number;
}

export type Layout = 'tab' | 'flow';

export const toLines = (text: string): SourceLine[] => {
  const raw = text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .split('\n');
  const out: SourceLine[] = [];
  let gap = 0;
  raw.forEach((t, i) => {
    if (t.trim() === '' && !t.includes('\t')) {
      gap += 1;
      return;
    }
    out.push({ no: i + 1, text: t.replace(/\s+$/u, (s) => (t.trim() === '' ? s : '')), gap });
    gap = 0;
  });
  return out;
};

/** Word exports put each cell on its own TAB-led line; PDF text runs columns together. */
export const detectLayout = (lines: SourceLine[]): Layout => {
  const tabbed = lines.filter((l) => l.text.startsWith('\t')).length;
  return tabbed >= 8 && tabbed >= lines.length * 0.3 ? 'tab' : 'flow';
};

const HEADING_RE = stemRegex(
  '^(?:система|нормативн|организационн[а-я]* мер|меры|механизм|направлени|раздел|блок)',
);

/** Text that reads as a section heading rather than an activity. */
export const isHeadingText = (text: string): boolean => HEADING_RE.test(fold(text));

/** Header row of the table: «№ … Мероприятие … Сроки … Ответственный». */
export const isHeaderLine = (text: string): boolean => {
  const t = fold(text);
  return /мероприяти/.test(t) && (/срок/.test(t) || /(^|\s)№/.test(t) || /ответствен/.test(t));
};

export const isHeaderTail = (text: string): boolean =>
  /^(?:№|п\/п|сроки?|исполнения|ответственн[а-я]*|исполнител[ьи]|\d(?:\s+\d){1,5})$/u.test(
    fold(text),
  );

export const ABBREVIATIONS_RE =
  /^\s*(?:принятые\s+)?(?:список\s+(?:принятых\s+)?)?сокращени[яй]\s*:?/iu;
