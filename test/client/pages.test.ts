import { describe, expect, it } from 'vitest';

import { formatHash, parseHash } from '../../client/src/app/router';
import type { ActivityRow } from '../../client/src/features/roadmaps/activityRow';
import { sectionLabel, toActivityInput } from '../../client/src/features/roadmaps/activityRow';
import { buildActivityColumns } from '../../client/src/features/roadmaps/roadmaps.columns';
import {
  toOccurrenceFilter,
  toOccurrenceInput,
} from '../../client/src/features/occurrences/occurrenceRow';
import type { OccurrenceRow } from '../../client/src/features/occurrences/occurrenceRow';
import { en } from '../../client/src/i18n/en';
import { formatDate, formatMessage } from '../../client/src/i18n/format';
import type { Translate } from '../../client/src/i18n/I18nProvider';
import { ru } from '../../client/src/i18n/ru';

const activity: ActivityRow = {
  id: 'act-1',
  version: 4,
  sectionId: 'sec-1',
  sectionLabel: '1. Нормативно-правовое обеспечение',
  number: '1.2',
  text: 'Разработка положения',
  deadlineText: '',
  responsibleText: 'Управление образования',
  scheduleKind: 'once',
  cycleComponentCode: 2,
  executors: 'УО',
};

describe('activity rows', () => {
  it('sends id, version and only the changed fields of an edited row; a cleared text as empty', () => {
    expect(
      toActivityInput({
        index: 0,
        row: activity,
        changedFields: ['deadlineText', 'text'],
        isNew: false,
      }),
    ).toEqual({ id: 'act-1', version: 4, text: 'Разработка положения', deadlineText: '' });
  });

  it('sends section, number and texts for a new row, without id', () => {
    const row = { ...activity, id: null, version: null, cycleComponentCode: null };
    expect(toActivityInput({ index: 0, row, changedFields: [], isNew: true })).toEqual({
      sectionId: 'sec-1',
      number: '1.2',
      text: 'Разработка положения',
      deadlineText: '',
      responsibleText: 'Управление образования',
    });
  });

  it('shows a recorded schedule kind (lower case, as in the database) by its label', () => {
    const t: Translate = (key, params) => formatMessage('ru', ru[key], params);
    const schedule = buildActivityColumns(t, []).find((c) => c.field === 'scheduleKind');
    expect(schedule?.formatHistoryValue?.('monthly')).toBe('ежемесячно');
  });

  it('labels sections with their number once', () => {
    expect(sectionLabel({ number: '1', title: 'Нормативно-правовое обеспечение' })).toBe(
      '1. Нормативно-правовое обеспечение',
    );
    expect(sectionLabel({ number: '1', title: '1. Нормативно-правовое обеспечение' })).toBe(
      '1. Нормативно-правовое обеспечение',
    );
  });
});

describe('occurrence rows', () => {
  it('builds the API filter from the form, leaving out empty fields', () => {
    expect(
      toOccurrenceFilter({
        municipalityId: 'm1',
        status: 'DONE',
        overdueOnly: true,
        dueFrom: '2025-01-01',
        dueTo: '',
        text: '  ВПР ',
      }),
    ).toEqual({
      municipalityId: { eq: 'm1' },
      status: { in: ['DONE'] },
      overdue: true,
      dueDate: { gte: '2025-01-01' },
      text: { contains: 'ВПР' },
    });
    expect(
      toOccurrenceFilter({
        municipalityId: '',
        status: '',
        overdueOnly: false,
        dueFrom: '',
        dueTo: '',
        text: '',
      }),
    ).toEqual({});
  });

  it('sends only changed fields with id and version', () => {
    const row: OccurrenceRow = {
      id: 'o1',
      version: 2,
      activityId: 'act-1',
      dueDate: '2025-03-01',
      number: '1.2',
      text: 'x',
      municipalityName: 'Город',
      status: 'DONE',
      overdue: false,
      reportText: ' Проведено ',
      evidenceUrl: '',
    };
    expect(
      toOccurrenceInput({
        index: 0,
        row,
        changedFields: ['status', 'reportText', 'evidenceUrl'],
        isNew: false,
      }),
    ).toEqual({ id: 'o1', version: 2, status: 'DONE', reportText: 'Проведено', evidenceUrl: null });
  });
});

describe('i18n and routing', () => {
  it('has an English text for every Russian key', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(ru).sort());
  });

  it('formats placeholders and Russian plurals', () => {
    expect(formatMessage('ru', ru['grid.dirty'], { n: 1 })).toBe('Изменено: 1 строка');
    expect(formatMessage('ru', ru['grid.dirty'], { n: 3 })).toBe('Изменено: 3 строки');
    expect(formatMessage('ru', ru['grid.dirty'], { n: 11 })).toBe('Изменено: 11 строк');
    expect(
      formatMessage('ru', ru['grid.errorCell'], { row: 3, field: 'Сроки', message: 'пусто' }),
    ).toBe('Строка 3, поле «Сроки»: пусто');
    expect(formatDate('ru', '2024-09-01')).toBe('01.09.2024');
  });

  it('parses and formats hash routes', () => {
    const route = parseHash('#/occurrences?municipality=m1');
    expect(route.page).toBe('occurrences');
    expect(route.params.get('municipality')).toBe('m1');
    expect(parseHash('#/nowhere').page).toBe('roadmaps');
    expect(formatHash('roadmaps', { municipality: 'm1', roadmap: '' })).toBe(
      '#/roadmaps?municipality=m1',
    );
  });
});
