// Section heading → direction code of server/modules/directions/directions.catalog.ts.
// Keyword stems on the heading text; a leading number («1.2. Система …») is ignored on purpose,
// because documents number their sections freely.
import { fold, stemRegex } from './text-utils';

// First match wins: specific topics before the broad «оценка качества подготовки».
const RULES: readonly [string, RegExp][] = [
  ['NORM', stemRegex('нормативн')],
  ['2.4', stemRegex('дошкольн')],
  ['1.1.OBJ', stemRegex('(?:не)?объективн')],
  ['1.2', stemRegex('низк[а-я]* (?:[а-я]+ )?результат|неблагоприятн[а-я]* социальн|шнор')],
  ['1.3', stemRegex('талант|одарен|способност')],
  ['1.4', stemRegex('профориентац|профессиональн[а-я]* ориентац|самоопределен')],
  ['2.1', stemRegex('руководител')],
  ['2.2.MET', stemRegex('методическ[а-я]* (?:работ|служб)')],
  [
    '2.2',
    stemRegex(
      'повышени[а-я]* квалификац|профессионального развития|компетентност|педагогическ[а-я]* (?:кадр|работник)',
    ),
  ],
  ['2.3', stemRegex('воспитан')],
  [
    '1.1',
    stemRegex(
      'оценк[а-я]* качества (?:подготовки|образовательных результатов)|качества подготовки',
    ),
  ],
];

/** Direction code for a section heading, or null when no stem matches. */
export const classifyDirection = (sectionTitle: string): string | null => {
  const text = fold((sectionTitle ?? '').replace(/^\s*[\d.\s]+(?=[А-ЯЁA-Zа-яё])/u, ''));
  const hit = RULES.find(([, re]) => re.test(text));
  return hit ? hit[0] : null;
};
