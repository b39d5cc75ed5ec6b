// Activity text → component of the management cycle (DOMAIN.md §1):
// 1 Цели, 2 Показатели, 3 Методы сбора и обработки информации, 4 Мониторинг показателей,
// 5 Анализ результатов мониторинга, 6 Адресные рекомендации, 7 Меры, мероприятия,
// 8 Управленческие решения, 9 Анализ эффективности принятых мер.
import { fold, stemRegex } from './text-utils';

// Order breaks ties at the same position: the more specific stem first.
const RULES: readonly [number, RegExp][] = [
  [9, stemRegex('анализ[а-я]* эффективности (?:принят|проведенн|реализ|мер|управленческ)')],
  [8, stemRegex('(?:принят[а-я]* )?управленческ[а-я]* решени')],
  [6, stemRegex('адресн[а-я]* рекомендац')],
  [5, stemRegex('анализ[а-я]* (?:[а-я]+ )?результат[а-я]* мониторинг')],
  [4, stemRegex('мониторинг')],
  [1, stemRegex('цел(?:ей|и|ь) и задач|целевых показател')],
  [2, stemRegex('показател|критери[а-я]* и индикатор')],
  [
    3,
    stemRegex(
      'сбор[а-я]* и обработк|метод[а-я]* сбора|перечн[а-я]* оценочных процедур|сбор[а-я]* (?:информац|данных)',
    ),
  ],
  [5, stemRegex('анализ')],
  [7, stemRegex('мероприяти|мер[аыу]? |комплекс[а-я]* мер|адресн[а-я]* помощ')],
];

const leadingPhrase = (text: string): string => {
  const first = text.split(/\n|(?<=[.!?])\s+(?=[А-ЯЁ])|:\s/u)[0] ?? '';
  return fold(first);
};

/** Cycle component by keyword stems on the activity's leading phrase; null when unclear. */
export const detectCycleComponent = (activityText: string): number | null => {
  const phrase = leadingPhrase(activityText ?? '');
  let best: { component: number; index: number } | null = null;
  for (const [component, re] of RULES) {
    const m = re.exec(phrase);
    if (m && (!best || m.index < best.index)) best = { component, index: m.index };
  }
  return best ? best.component : null;
};
