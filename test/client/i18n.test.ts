// UI texts are ICU MessageFormat (FormatJS intl-messageformat): every message of both
// dictionaries parses and renders, Russian and English have the same keys and placeholders,
// and the plural texts are word for word what the hand-written plural functions gave before.
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';

import { en } from '../../client/src/i18n/en';
import { formatMessage } from '../../client/src/i18n/format';
import type { Lang } from '../../client/src/i18n/plural';
import { ru, type MessageKey, type Params } from '../../client/src/i18n/ru';

const DICTIONARIES: Record<Lang, Record<MessageKey, string>> = { ru, en };

/** Placeholder name → its kind ('argument', 'plural', 'select', …), nested branches included. */
function placeholders(message: string): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type === TYPE.literal || element.type === TYPE.pound) {
        continue;
      }
      if (element.type === TYPE.tag) {
        throw new Error(`a tag <${element.value}> in «${message}»`);
      }
      found.set(element.value, TYPE[element.type]);
      if (element.type === TYPE.plural || element.type === TYPE.select) {
        for (const option of Object.values(element.options)) {
          walk(option.value);
        }
      }
    }
  };
  walk(parse(message, { ignoreTag: true, requiresOtherClause: true }));
  return found;
}

/** A value for each placeholder: a count for plurals, a marker text for the others. */
function sampleParams(message: string): Params {
  const params: Params = {};
  for (const [name, kind] of placeholders(message)) {
    params[name] = kind === 'plural' ? 2 : `[${name}]`;
  }
  return params;
}

// The console's starting query is GraphQL: its braces are quoted and must come out as braces.
const BRACES_EXPECTED = new Set<MessageKey>(['console.defaultQuery']);

describe('every message', () => {
  for (const lang of ['ru', 'en'] as const) {
    it(`renders every ${lang} message with its placeholders filled`, () => {
      const dictionary = DICTIONARIES[lang];
      for (const key of Object.keys(dictionary) as MessageKey[]) {
        const message = dictionary[key];
        expect(typeof message, key).toBe('string');
        const params = sampleParams(message);
        const text = formatMessage(lang, message, params);
        for (const [name, value] of Object.entries(params)) {
          if (typeof value === 'string') {
            expect(text, `${lang} ${key}`).toContain(value);
          }
        }
        if (!BRACES_EXPECTED.has(key)) {
          expect(text, `${lang} ${key}`).not.toMatch(/[{}]/);
        }
        // Nothing is quoted away: outside the quoted braces no straight apostrophe is meant.
        expect(text, `${lang} ${key}`).not.toContain("'");
      }
    });
  }

  it('has the same keys and the same placeholders in Russian and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(ru).sort());
    for (const key of Object.keys(ru) as MessageKey[]) {
      const inRussian = Object.fromEntries(placeholders(ru[key]));
      const inEnglish = Object.fromEntries(placeholders(en[key]));
      expect(inEnglish, key).toEqual(inRussian);
    }
  });

  it('keeps the GraphQL braces of the console’s starting query', () => {
    expect(formatMessage('en', en['console.defaultQuery'])).toContain(
      '\n\nquery {\n  me {\n    login\n    role\n  }\n}\n',
    );
    expect(formatMessage('ru', ru['console.defaultQuery'])).toMatch(/^# Выберите пример/);
  });
});

describe('formatMessage', () => {
  it('prints numbers as they are, without grouping or a locale decimal comma', () => {
    expect(formatMessage('ru', ru['grid.dirty'], { n: 12345 })).toBe('Изменено: 12345 строк');
    expect(formatMessage('ru', ru['oly.import.more'], { n: 1000 })).toBe('И ещё ошибок: 1000');
    expect(formatMessage('en', en['grid.conflictRows'], { rows: 2.5 })).toBe('Rows: 2.5');
  });

  it('chooses the plural form of a count given as text', () => {
    expect(formatMessage('ru', ru['grid.dirty'], { n: '21' })).toBe('Изменено: 21 строка');
    expect(formatMessage('en', en['grid.dirty'], { n: '1' })).toBe('Changed: 1 row');
  });

  it('takes parameter values literally, braces and apostrophes included', () => {
    expect(formatMessage('en', en['grid.errorRow'], { row: 3, message: "can't be '{x}'" })).toBe(
      "Row 3: can't be '{x}'",
    );
  });

  it('leaves a placeholder without a value as it is written', () => {
    expect(formatMessage('ru', ru['grid.errorRow'], { row: 3 })).toBe('Строка 3: {message}');
    expect(formatMessage('ru', ru['grid.errorRow'])).toBe('Строка {row}: {message}');
  });

  it('renders the same message again from its compiled form', () => {
    for (let i = 0; i < 3; i += 1) {
      expect(formatMessage('en', en['asm.obj.signsCount'], { n: i })).toBe(
        ['0 signs', '1 sign', '2 signs'][i],
      );
    }
  });
});

// The texts the plural functions of the dictionaries produced before the move to ICU, for
// n = 0, 1, 2, 5, 11, 21, 22, 25, 101 and 1.5 (a fraction took the «many» form in Russian).
const COUNTS = [0, 1, 2, 5, 11, 21, 22, 25, 101, 1.5];
const PARAMS: Partial<Record<MessageKey, (n: number) => Params>> = {
  'asm.obj.summary': (n) => ({ year: 2024, schools: n, signs: n }),
  'oly.recheck.workEvidence': (n) => ({ percent: '62 %', median: '48 %', n, z: '2,1' }),
  'oly.recheck.schoolEvidence': (n) => ({
    diplomas: n,
    entries: n,
    share: '40 %',
    reference: '12 %',
    z: '3,0',
  }),
};

const BEFORE: Record<Lang, Partial<Record<MessageKey, string[]>>> = {
  ru: {
    'grid.dirty': [
      'Изменено: 0 строк',
      'Изменено: 1 строка',
      'Изменено: 2 строки',
      'Изменено: 5 строк',
      'Изменено: 11 строк',
      'Изменено: 21 строка',
      'Изменено: 22 строки',
      'Изменено: 25 строк',
      'Изменено: 101 строка',
      'Изменено: 1.5 строк',
    ],
    'grid.unreadable': [
      'Не распознано: 0 ячеек — исправьте отмеченные ячейки, до этого сохранить нельзя:',
      'Не распознано: 1 ячейка — исправьте отмеченные ячейки, до этого сохранить нельзя:',
      'Не распознано: 2 ячейки — исправьте отмеченные ячейки, до этого сохранить нельзя:',
      'Не распознано: 5 ячеек — исправьте отмеченные ячейки, до этого сохранить нельзя:',
      'Не распознано: 11 ячеек — исправьте отмеченные ячейки, до этого сохранить нельзя:',
      'Не распознано: 21 ячейка — исправьте отмеченные ячейки, до этого сохранить нельзя:',
      'Не распознано: 22 ячейки — исправьте отмеченные ячейки, до этого сохранить нельзя:',
      'Не распознано: 25 ячеек — исправьте отмеченные ячейки, до этого сохранить нельзя:',
      'Не распознано: 101 ячейка — исправьте отмеченные ячейки, до этого сохранить нельзя:',
      'Не распознано: 1.5 ячеек — исправьте отмеченные ячейки, до этого сохранить нельзя:',
    ],
    'history.older': [
      'И ещё 0 более ранних записей',
      'И ещё 1 более ранняя запись',
      'И ещё 2 более ранние записи',
      'И ещё 5 более ранних записей',
      'И ещё 11 более ранних записей',
      'И ещё 21 более ранняя запись',
      'И ещё 22 более ранние записи',
      'И ещё 25 более ранних записей',
      'И ещё 101 более ранняя запись',
      'И ещё 1.5 более ранних записей',
    ],
    'import.activityCount': [
      '0 мероприятий',
      '1 мероприятие',
      '2 мероприятия',
      '5 мероприятий',
      '11 мероприятий',
      '21 мероприятие',
      '22 мероприятия',
      '25 мероприятий',
      '101 мероприятие',
      '1.5 мероприятий',
    ],
    'import.warningsTitle': [
      '0 предупреждений',
      '1 предупреждение',
      '2 предупреждения',
      '5 предупреждений',
      '11 предупреждений',
      '21 предупреждение',
      '22 предупреждения',
      '25 предупреждений',
      '101 предупреждение',
      '1.5 предупреждений',
    ],
    'asm.obj.summary': [
      '2024 год: 0 школ с признаками, 0 признаков',
      '2024 год: 1 школа с признаками, 1 признак',
      '2024 год: 2 школы с признаками, 2 признака',
      '2024 год: 5 школ с признаками, 5 признаков',
      '2024 год: 11 школ с признаками, 11 признаков',
      '2024 год: 21 школа с признаками, 21 признак',
      '2024 год: 22 школы с признаками, 22 признака',
      '2024 год: 25 школ с признаками, 25 признаков',
      '2024 год: 101 школа с признаками, 101 признак',
      '2024 год: 1.5 школ с признаками, 1.5 признаков',
    ],
    'asm.obj.signsCount': [
      '0 признаков',
      '1 признак',
      '2 признака',
      '5 признаков',
      '11 признаков',
      '21 признак',
      '22 признака',
      '25 признаков',
      '101 признак',
      '1.5 признаков',
    ],
    'tch.import.problems': [
      'Найдено 0 ошибок: ничего не записано. Исправьте файл или сопоставление столбцов и проверьте снова.',
      'Найдено 1 ошибка: ничего не записано. Исправьте файл или сопоставление столбцов и проверьте снова.',
      'Найдено 2 ошибки: ничего не записано. Исправьте файл или сопоставление столбцов и проверьте снова.',
      'Найдено 5 ошибок: ничего не записано. Исправьте файл или сопоставление столбцов и проверьте снова.',
      'Найдено 11 ошибок: ничего не записано. Исправьте файл или сопоставление столбцов и проверьте снова.',
      'Найдено 21 ошибка: ничего не записано. Исправьте файл или сопоставление столбцов и проверьте снова.',
      'Найдено 22 ошибки: ничего не записано. Исправьте файл или сопоставление столбцов и проверьте снова.',
      'Найдено 25 ошибок: ничего не записано. Исправьте файл или сопоставление столбцов и проверьте снова.',
      'Найдено 101 ошибка: ничего не записано. Исправьте файл или сопоставление столбцов и проверьте снова.',
      'Найдено 1.5 ошибок: ничего не записано. Исправьте файл или сопоставление столбцов и проверьте снова.',
    ],
    'oly.import.problems': [
      'Найдено 0 ошибок: ничего не записано. Исправьте файл или сопоставление столбцов и проверьте снова.',
      'Найдено 1 ошибка: ничего не записано. Исправьте файл или сопоставление столбцов и проверьте снова.',
      'Найдено 2 ошибки: ничего не записано. Исправьте файл или сопоставление столбцов и проверьте снова.',
      'Найдено 5 ошибок: ничего не записано. Исправьте файл или сопоставление столбцов и проверьте снова.',
      'Найдено 11 ошибок: ничего не записано. Исправьте файл или сопоставление столбцов и проверьте снова.',
      'Найдено 21 ошибка: ничего не записано. Исправьте файл или сопоставление столбцов и проверьте снова.',
      'Найдено 22 ошибки: ничего не записано. Исправьте файл или сопоставление столбцов и проверьте снова.',
      'Найдено 25 ошибок: ничего не записано. Исправьте файл или сопоставление столбцов и проверьте снова.',
      'Найдено 101 ошибка: ничего не записано. Исправьте файл или сопоставление столбцов и проверьте снова.',
      'Найдено 1.5 ошибок: ничего не записано. Исправьте файл или сопоставление столбцов и проверьте снова.',
    ],
    'oly.recheck.workEvidence': [
      'балл 62 % при медиане 48 % группы из 0 работ, z = 2,1',
      'балл 62 % при медиане 48 % группы из 1 работы, z = 2,1',
      'балл 62 % при медиане 48 % группы из 2 работ, z = 2,1',
      'балл 62 % при медиане 48 % группы из 5 работ, z = 2,1',
      'балл 62 % при медиане 48 % группы из 11 работ, z = 2,1',
      'балл 62 % при медиане 48 % группы из 21 работы, z = 2,1',
      'балл 62 % при медиане 48 % группы из 22 работ, z = 2,1',
      'балл 62 % при медиане 48 % группы из 25 работ, z = 2,1',
      'балл 62 % при медиане 48 % группы из 101 работы, z = 2,1',
      'балл 62 % при медиане 48 % группы из 1.5 работ, z = 2,1',
    ],
    'oly.recheck.schoolEvidence': [
      '0 дипломов на 0 участий (40 %) при 12 % у остальных школ региона, z = 3,0',
      '1 диплом на 1 участие (40 %) при 12 % у остальных школ региона, z = 3,0',
      '2 диплома на 2 участия (40 %) при 12 % у остальных школ региона, z = 3,0',
      '5 дипломов на 5 участий (40 %) при 12 % у остальных школ региона, z = 3,0',
      '11 дипломов на 11 участий (40 %) при 12 % у остальных школ региона, z = 3,0',
      '21 диплом на 21 участие (40 %) при 12 % у остальных школ региона, z = 3,0',
      '22 диплома на 22 участия (40 %) при 12 % у остальных школ региона, z = 3,0',
      '25 дипломов на 25 участий (40 %) при 12 % у остальных школ региона, z = 3,0',
      '101 диплом на 101 участие (40 %) при 12 % у остальных школ региона, z = 3,0',
      '1.5 дипломов на 1.5 участий (40 %) при 12 % у остальных школ региона, z = 3,0',
    ],
  },
  en: {
    'grid.dirty': [
      'Changed: 0 rows',
      'Changed: 1 row',
      'Changed: 2 rows',
      'Changed: 5 rows',
      'Changed: 11 rows',
      'Changed: 21 rows',
      'Changed: 22 rows',
      'Changed: 25 rows',
      'Changed: 101 rows',
      'Changed: 1.5 rows',
    ],
    'grid.unreadable': [
      'Not understood: 0 cells — fix the marked cells; until then the grid cannot be saved:',
      'Not understood: 1 cell — fix the marked cells; until then the grid cannot be saved:',
      'Not understood: 2 cells — fix the marked cells; until then the grid cannot be saved:',
      'Not understood: 5 cells — fix the marked cells; until then the grid cannot be saved:',
      'Not understood: 11 cells — fix the marked cells; until then the grid cannot be saved:',
      'Not understood: 21 cells — fix the marked cells; until then the grid cannot be saved:',
      'Not understood: 22 cells — fix the marked cells; until then the grid cannot be saved:',
      'Not understood: 25 cells — fix the marked cells; until then the grid cannot be saved:',
      'Not understood: 101 cells — fix the marked cells; until then the grid cannot be saved:',
      'Not understood: 1.5 cells — fix the marked cells; until then the grid cannot be saved:',
    ],
    'history.older': [
      'and 0 earlier entries',
      'and 1 earlier entry',
      'and 2 earlier entries',
      'and 5 earlier entries',
      'and 11 earlier entries',
      'and 21 earlier entries',
      'and 22 earlier entries',
      'and 25 earlier entries',
      'and 101 earlier entries',
      'and 1.5 earlier entries',
    ],
    'import.activityCount': [
      '0 activities',
      '1 activity',
      '2 activities',
      '5 activities',
      '11 activities',
      '21 activities',
      '22 activities',
      '25 activities',
      '101 activities',
      '1.5 activities',
    ],
    'import.warningsTitle': [
      '0 warnings',
      '1 warning',
      '2 warnings',
      '5 warnings',
      '11 warnings',
      '21 warnings',
      '22 warnings',
      '25 warnings',
      '101 warnings',
      '1.5 warnings',
    ],
    'asm.obj.summary': [
      '2024: 0 schools with signs, 0 signs',
      '2024: 1 school with signs, 1 sign',
      '2024: 2 schools with signs, 2 signs',
      '2024: 5 schools with signs, 5 signs',
      '2024: 11 schools with signs, 11 signs',
      '2024: 21 schools with signs, 21 signs',
      '2024: 22 schools with signs, 22 signs',
      '2024: 25 schools with signs, 25 signs',
      '2024: 101 schools with signs, 101 signs',
      '2024: 1.5 schools with signs, 1.5 signs',
    ],
    'asm.obj.signsCount': [
      '0 signs',
      '1 sign',
      '2 signs',
      '5 signs',
      '11 signs',
      '21 signs',
      '22 signs',
      '25 signs',
      '101 signs',
      '1.5 signs',
    ],
    'tch.import.problems': [
      '0 problems found: nothing was written. Fix the file or the column mapping and check again.',
      '1 problem found: nothing was written. Fix the file or the column mapping and check again.',
      '2 problems found: nothing was written. Fix the file or the column mapping and check again.',
      '5 problems found: nothing was written. Fix the file or the column mapping and check again.',
      '11 problems found: nothing was written. Fix the file or the column mapping and check again.',
      '21 problems found: nothing was written. Fix the file or the column mapping and check again.',
      '22 problems found: nothing was written. Fix the file or the column mapping and check again.',
      '25 problems found: nothing was written. Fix the file or the column mapping and check again.',
      '101 problems found: nothing was written. Fix the file or the column mapping and check again.',
      '1.5 problems found: nothing was written. Fix the file or the column mapping and check again.',
    ],
    'oly.import.problems': [
      '0 problems found: nothing was written. Fix the file or the column mapping and check again.',
      '1 problem found: nothing was written. Fix the file or the column mapping and check again.',
      '2 problems found: nothing was written. Fix the file or the column mapping and check again.',
      '5 problems found: nothing was written. Fix the file or the column mapping and check again.',
      '11 problems found: nothing was written. Fix the file or the column mapping and check again.',
      '21 problems found: nothing was written. Fix the file or the column mapping and check again.',
      '22 problems found: nothing was written. Fix the file or the column mapping and check again.',
      '25 problems found: nothing was written. Fix the file or the column mapping and check again.',
      '101 problems found: nothing was written. Fix the file or the column mapping and check again.',
      '1.5 problems found: nothing was written. Fix the file or the column mapping and check again.',
    ],
    'oly.recheck.workEvidence': [
      'score 62 % against a median of 48 % in a group of 0 papers, z = 2,1',
      'score 62 % against a median of 48 % in a group of 1 paper, z = 2,1',
      'score 62 % against a median of 48 % in a group of 2 papers, z = 2,1',
      'score 62 % against a median of 48 % in a group of 5 papers, z = 2,1',
      'score 62 % against a median of 48 % in a group of 11 papers, z = 2,1',
      'score 62 % against a median of 48 % in a group of 21 papers, z = 2,1',
      'score 62 % against a median of 48 % in a group of 22 papers, z = 2,1',
      'score 62 % against a median of 48 % in a group of 25 papers, z = 2,1',
      'score 62 % against a median of 48 % in a group of 101 papers, z = 2,1',
      'score 62 % against a median of 48 % in a group of 1.5 papers, z = 2,1',
    ],
    'oly.recheck.schoolEvidence': [
      '0 diplomas in 0 entries (40 %) against 12 % at the region’s other schools, z = 3,0',
      '1 diploma in 1 entry (40 %) against 12 % at the region’s other schools, z = 3,0',
      '2 diplomas in 2 entries (40 %) against 12 % at the region’s other schools, z = 3,0',
      '5 diplomas in 5 entries (40 %) against 12 % at the region’s other schools, z = 3,0',
      '11 diplomas in 11 entries (40 %) against 12 % at the region’s other schools, z = 3,0',
      '21 diplomas in 21 entries (40 %) against 12 % at the region’s other schools, z = 3,0',
      '22 diplomas in 22 entries (40 %) against 12 % at the region’s other schools, z = 3,0',
      '25 diplomas in 25 entries (40 %) against 12 % at the region’s other schools, z = 3,0',
      '101 diplomas in 101 entries (40 %) against 12 % at the region’s other schools, z = 3,0',
      '1.5 diplomas in 1.5 entries (40 %) against 12 % at the region’s other schools, z = 3,0',
    ],
  },
};

describe('plural texts', () => {
  for (const lang of ['ru', 'en'] as const) {
    for (const [key, texts] of Object.entries(BEFORE[lang]) as [MessageKey, string[]][]) {
      it(`${lang} ${key}`, () => {
        const params = PARAMS[key] ?? ((n: number) => ({ n }));
        expect(COUNTS.map((n) => formatMessage(lang, DICTIONARIES[lang][key], params(n)))).toEqual(
          texts,
        );
      });
    }
  }
});
