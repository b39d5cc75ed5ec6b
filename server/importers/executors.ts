// Responsible cell → executors, with abbreviations expanded from the document's own list.
import type { Abbreviation, ImportedExecutor } from './roadmap.types';
import { collapse } from './text-utils';

/** Splits on «;» and «,» outside quotes/brackets; «Исаева Х.Н., начальник …» stays whole. */
const splitNames = (text: string): string[] => {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '«' || ch === '(') depth += 1;
    if ((ch === '»' || ch === ')') && depth > 0) depth -= 1;
    const afterInitials = ch === ',' && /[А-ЯЁ]\.\s?[А-ЯЁ]\.$/u.test(current.trim());
    if ((ch === ';' || ch === ',') && depth === 0 && !afterInitials) {
      out.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  out.push(current);
  return out.map(collapse).filter(Boolean);
};

// Genitive of the leading nominative words of a full name («образовательные учреждения» →
// «образовательных учреждений», «отдел образования …» → «отдела образования …»).
const GENITIVE: readonly [RegExp, string][] = [
  [/ые$/u, 'ых'],
  [/ие$/u, 'их'],
  [/ый$/u, 'ого'],
  [/ая$/u, 'ой'],
  [/ое$/u, 'ого'],
  [/(?:ия|ии)$/u, 'ий'],
  [/ы$/u, ''],
  [/а$/u, 'ы'],
  [/е$/u, 'я'],
  [/([бвгдзклмнпрстфхжшщц])$/u, '$1а'],
];

const isAdjective = (w: string): boolean => /(?:ые|ие|ый|ий|ая|ое)$/u.test(w);

const genitive = (full: string): string => {
  const words = full.split(' ');
  for (let i = 0; i < words.length; i += 1) {
    const rule = GENITIVE.find(([re]) => re.test(words[i]));
    if (rule) words[i] = words[i].replace(rule[0], rule[1]);
    if (!isAdjective(full.split(' ')[i])) break;
  }
  return words.join(' ');
};

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const expand = (name: string, abbreviations: Abbreviation[]): string | null => {
  let result = name;
  let changed = false;
  const sorted = [...abbreviations].sort((a, b) => b.short.length - a.short.length);
  for (const { short, full } of sorted) {
    const re = new RegExp(`(^|[\\s(«])${escape(short)}(?=$|[\\s,;)»])`, 'u');
    result = result.replace(re, (_m, lead: string) => {
      changed = true;
      // At the start the abbreviation is the subject; after a head noun it is its genitive.
      return lead + (lead === '' && result.startsWith(short) ? full : genitive(full));
    });
  }
  return changed ? result : null;
};

/** Executors named in a responsible cell; fullName only when an abbreviation was expanded. */
export const parseExecutors = (
  responsible: string,
  abbreviations: Abbreviation[],
): ImportedExecutor[] =>
  splitNames(responsible).map((name) => ({ name, fullName: expand(name, abbreviations) }));
