// Intermediate rows shared by the text (TAB and PDF layouts) and .docx readers, and their
// conversion to finished cell texts.
import type { Num } from './roadmap-numbering';
import { collapse, isListItem } from './text-utils';

export type Phase = 'text' | 'deadline' | 'resp';

/** One table row as read: a numbered row, or an unnumbered sub-row / stray text after it. */
export interface RawPart {
  line: number;
  paragraphs: string[];
  deadline: string[];
  responsible: string[];
  phase: Phase;
  /** Lines of the text column that continued over a page break (no cells of its own). */
  stray: boolean;
  /** TAB/docx layout: every cell line is a real paragraph / executor line. */
  exact: boolean;
  /** Length of the last text line: a short one ends the wrapped paragraph. */
  lastLen: number;
}

export interface RawRow {
  kind: 'activity';
  num: Num | null;
  line: number;
  parts: RawPart[];
  listCounter: number;
  /** Deadline cell that the previous short fragment line continued (merged PDF cells). */
  fragmentTo: string[] | null;
}

export interface RawHeading {
  kind: 'heading';
  num: Num | null;
  line: number;
  title: string[];
}

export type RawItem = RawRow | RawHeading;

export const newPart = (line: number, exact = false, stray = false): RawPart => ({
  line,
  paragraphs: [],
  deadline: [],
  responsible: [],
  phase: 'text',
  stray,
  exact,
  lastLen: 0,
});

/** Adds a line of the activity column: list items start a paragraph, wrapped lines join. */
export const pushText = (part: RawPart, line: string): void => {
  const t = collapse(line);
  if (!t) return;
  part.lastLen = t.length;
  const last = part.paragraphs.length - 1;
  if (part.exact || last < 0 || isListItem(t)) part.paragraphs.push(t);
  else part.paragraphs[last] = `${part.paragraphs[last]} ${t}`;
};

export const partHasCells = (p: RawPart): boolean =>
  p.deadline.length > 0 || p.responsible.length > 0;

export const joinDeadline = (lines: string[]): string =>
  collapse(lines.join(' '))
    .replace(/\s+([,.)])/gu, '$1')
    .replace(/[;,]$/u, '')
    .trim();

const NEW_EXECUTOR_RE =
  /^(?:методист|образовательн|руководител|замначальник|начальник|заместител|директор|специалист|Управлени[ея] образования|Образовательн|Руководител)/iu;

/** Responsible lines → one text; a line that opens a new body is separated by a comma. */
export const joinResponsible = (lines: string[], exact: boolean): string => {
  let out = '';
  for (const raw of lines) {
    const t = collapse(raw);
    if (!t) continue;
    const endsOpen = /[,;]$/u.test(out) || /[А-ЯЁ]\.\s?[А-ЯЁ]\.,?$/u.test(out);
    const sep = !out ? '' : !endsOpen && (exact || NEW_EXECUTOR_RE.test(t)) ? ', ' : ' ';
    out += sep + t;
  }
  return out.replace(/[;,]\s*$/u, '').trim();
};

export const joinParagraphs = (paragraphs: string[]): string =>
  paragraphs.map(collapse).filter(Boolean).join('\n');
