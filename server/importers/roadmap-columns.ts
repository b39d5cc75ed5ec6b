// Splitting PDF text lines into the columns «Сроки исполнения» and «Ответственный»: the
// deadline starts at a deadline word, the responsible at a body/job title or a capitalised word
// after the deadline phrase. Bodies that end many rows are also learned from the document itself.
import { isInsideBrackets, MONTH_NOMINATIVE, wordRegex } from './text-utils';

const DEADLINE_WORDS = [
  MONTH_NOMINATIVE,
  'ежегодно',
  'ежеквартально',
  'ежемесячно',
  'еженедельно',
  'постоянно',
  'весь период',
  'в течение',
  'по итогам',
  'по плану',
  'по графику',
  'по мере',
  'по запросу',
  'по потребности',
  'по необходимости',
  'при необходимости',
  'в соответствии с',
  'согласно',
  'не позднее',
  'план работы',
  'с 20\\d{2}',
  '(?:1|один|2|два) раза? в',
  '20\\d{2}(?:\\s*[-–—]\\s*20\\d{2})?(?:\\s*(?:г\\.?|гг\\.?|год[аы]?))?',
].join('|');

const DEADLINE_RE = wordRegex(DEADLINE_WORDS, 'giu');
const DEADLINE_AT_START_RE = new RegExp(`^\\s*(?:${DEADLINE_WORDS})(?![А-Яа-яЁё0-9])`, 'iu');
const STRONG_TOKEN_RE = /^(?:[А-ЯЁ]|\d)/u;

/** Bodies (organisations): after «по плану» they name the plan's owner, not the executor. */
const ORG_WORD_RE = new RegExp(
  '^(?:ГУО|МКУ|МБУ|МАУ|МОУО|МОУ|УО|ОО|ОУ|ДОО|ОМСУ|РМО|ММО|ИМЦ|управлени[ея]|отдел|комитет|' +
    'администраци[яи]|образовательные)(?![а-яё])',
  'iu',
);

/** Job titles and named people («Исаева Х.Н.»): always open a responsible cell. */
const ROLE_WORD_RE = new RegExp(
  '^(?:замначальника|зам\\.|заместител[ья]|начальник(?:а)?|методист(?:ы)?|руководител[ьи]|' +
    'директор(?:а)?|специалист(?:ы)?|[А-ЯЁ][а-яё]+\\s+[А-ЯЁ]\\.\\s?[А-ЯЁ]\\.)(?![а-яё])',
  'iu',
);

const RESPONSIBLE_WORD_RE = {
  test: (s: string): boolean => ORG_WORD_RE.test(s) || ROLE_WORD_RE.test(s),
};

/** Words after which a following body name belongs to the deadline («по плану МКУ «УО»»). */
const PLAN_WORDS = new Set(['план', 'плану', 'работы', 'графику', 'графиком', 'графика']);
/** Words governing a complement: an abbreviation after them («по итогам ВПР») is no body. */
const GOVERNING = new Set([
  'по',
  'с',
  'к',
  'в',
  'до',
  'при',
  'для',
  'после',
  'итогам',
  'проведения',
  'проведению',
  'результатам',
  'получения',
  'реализации',
  'подготовке',
  'течение',
  'соответствии',
]);

export interface ColumnContext {
  learned: Set<string>;
}

const firstWord = (s: string): string => (s.trim().match(/^[^\s,;]+/u) ?? [''])[0];

/** True when the line opens a responsible cell (used at line starts). */
export const startsResponsible = (line: string, ctx: ColumnContext): boolean => {
  const t = line.trim();
  return RESPONSIBLE_WORD_RE.test(t) || ctx.learned.has(firstWord(t).replace(/[,;]$/u, ''));
};

export const startsDeadline = (line: string): boolean => DEADLINE_AT_START_RE.test(line);

/** Index where the responsible starts inside a string that begins with a deadline, or -1. */
export const responsibleIndex = (rest: string, ctx: ColumnContext, continuing = false): number => {
  const tokens = [...rest.matchAll(/\S+/gu)].map((m) => ({ word: m[0], at: m.index ?? 0 }));
  for (let i = continuing ? 0 : 1; i < tokens.length; i += 1) {
    const prev = i > 0 ? tokens[i - 1].word.toLowerCase().replace(/[,.]$/u, '') : '';
    const tail = tokens
      .slice(i)
      .map((t) => t.word)
      .join(' ');
    if (ROLE_WORD_RE.test(tail)) return tokens[i].at;
    if (PLAN_WORDS.has(prev)) continue;
    if (ORG_WORD_RE.test(tail) || ctx.learned.has(tokens[i].word.replace(/[,;]$/u, '')))
      return tokens[i].at;
    const capital = /^[А-ЯЁA-Z]/u.test(tokens[i].word);
    if (!continuing && capital && !GOVERNING.has(prev) && !DEADLINE_AT_START_RE.test(tail))
      return tokens[i].at;
  }
  return -1;
};

/** After a deadline ending in «по плану» a body name still belongs to the deadline. */
export const endsWithPlanWord = (deadline: string): boolean =>
  PLAN_WORDS.has(
    (deadline
      .trim()
      .toLowerCase()
      .match(/[а-яё]+$/u) ?? [''])[0],
  );

export const startsRole = (line: string): boolean => ROLE_WORD_RE.test(line.trim());

const ABBREVIATION_START_RE = /^(?:[А-ЯЁ]{2,}|[А-ЯЁ][а-яё]+\s+[А-ЯЁ]\.\s?[А-ЯЁ]\.)(?![а-яё])/u;

/** Stricter test for a line inside the activity text: a job title or a body's abbreviation. */
export const startsResponsibleInText = (line: string, ctx: ColumnContext): boolean => {
  const t = line.trim();
  const abbreviation = ABBREVIATION_START_RE.test(t) && ORG_WORD_RE.test(t);
  return (
    ROLE_WORD_RE.test(t) || abbreviation || ctx.learned.has(firstWord(t).replace(/[,;]$/u, ''))
  );
};

/** Position where a deadline column starts in a text line, or -1. */
export const deadlineIndex = (line: string, textSoFar: string, ctx: ColumnContext): number => {
  for (const m of line.matchAll(DEADLINE_RE)) {
    const at = m.index ?? 0;
    const before = line.slice(0, at);
    const rest = line.slice(at);
    if (before.trim() === '') {
      if (rest.trim().length <= 45 || responsibleIndex(rest, ctx) > 0) return at;
      continue;
    }
    if (isInsideBrackets(textSoFar + ' ' + before) || rest.length > 70) continue;
    const gapBefore = /\s{2,}$/u.test(before);
    if (gapBefore || STRONG_TOKEN_RE.test(m[0])) return at;
  }
  return -1;
};

/** A deadline that still needs its complement («по графику проведения», «… независимой»). */
export const isOpenDeadline = (deadline: string): boolean => {
  const t = deadline.trim();
  if (/[,(]$/u.test(t)) return true;
  const last = (t.toLowerCase().match(/[а-яё]+$/u) ?? [''])[0];
  return GOVERNING.has(last) || PLAN_WORDS.has(last) || /(?:ой|ей)$/u.test(last);
};

/** Learns the words that open responsible cells: the first word after simple deadlines. */
export const learnResponsibleWords = (lines: string[]): Set<string> => {
  const counts = new Map<string, number>();
  const simple = new RegExp(
    `^(?:.*\\s)?(?:${MONTH_NOMINATIVE}|ежегодно|ежеквартально|постоянно|весь период)(?:\\s+20\\d{2}\\s*г?\\.?)?[,]?\\s+([А-ЯЁ][^\\s,;]*)`,
    'iu',
  );
  for (const line of lines) {
    const m = simple.exec(line.trim());
    if (m && /^[А-ЯЁ]/u.test(m[1]) && !DEADLINE_AT_START_RE.test(m[1])) {
      counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
    }
  }
  return new Set([...counts].filter(([, n]) => n >= 3).map(([w]) => w));
};
