// Deadline cells → schedules. The table lists every distinct deadline text the importer extracts
// from the three seeded roadmaps; the last test makes sure no new text slips in untested.
import { describe, expect, it } from 'vitest';
import {
  buildSeedJson,
  ROADMAP_SEEDS,
  type RoadmapSeedSlug,
} from '../../server/importers/roadmap-seeds';
import type {
  ImportedRoadmap,
  ParsedSchedule,
  RoadmapPeriod,
} from '../../server/importers/roadmap.types';
import { dueDates, parseSchedule } from '../../server/importers/schedule.parser';

// Kinds written as their string values: the parser's result is compared by value.
type Expected = Partial<Omit<ParsedSchedule, 'raw' | 'kind'>> & {
  kind: `${ParsedSchedule['kind']}`;
};

const DEADLINES: [string, Expected][] = [
  ['декабрь 2020', { kind: 'once', months: [12], years: [2020] }],
  ['февраль 2021', { kind: 'once', months: [2], years: [2021] }],
  ['ежегодно', { kind: 'annual' }],
  ['декабрь 2021', { kind: 'once', months: [12], years: [2021] }],
  ['постоянно', { kind: 'permanent' }],
  ['2021 год', { kind: 'once', years: [2021] }],
  ['в течение года', { kind: 'permanent' }],
  ['в соответствии с графиком проведения МСИ', { kind: 'by_event', event: 'МСИ' }],
  ['ноябрь 2021', { kind: 'once', months: [11], years: [2021] }],
  ['по потребности', { kind: 'on_demand' }],
  ['2021-2022 годы', { kind: 'period', years: [2021, 2022], from: '2021-01-01', to: '2022-12-31' }],
  ['по запросу', { kind: 'on_demand' }],
  ['Декабрь 2021', { kind: 'once', months: [12], years: [2021] }],
  ['с 2021 года', { kind: 'period', years: [2021], from: '2021-01-01' }],
  ['в течение года ежегодно', { kind: 'permanent' }],
  ['сентябрь ежегодно', { kind: 'annual', months: [9] }],
  ['июнь-август ежегодно', { kind: 'annual', months: [6, 7, 8] }],
  ['октябрь, март', { kind: 'semiannual', months: [3, 10] }],
  ['Ежегодно (при наличии)', { kind: 'annual', qualifier: 'при наличии' }],
  ['Ежегодно', { kind: 'annual' }],
  ['2025', { kind: 'once', years: [2025] }],
  [
    'В соответствии с графиком проведения',
    { kind: 'by_event', event: 'В соответствии с графиком проведения' },
  ],
  [
    'Ежегодно в соответствии с графиком проведения',
    { kind: 'annual', event: 'в соответствии с графиком проведения' },
  ],
  [
    '1 раз в 3 года для каждой образовательной организации',
    { kind: 'annual', qualifier: '1 раз в 3 года; для каждой образовательной организации' },
  ],
  ['Постоянно', { kind: 'permanent' }],
  ['Ежегодно, август', { kind: 'annual', months: [8] }],
  ['По итогам проведения', { kind: 'by_event', event: 'По итогам проведения' }],
  ['Декабрь Июнь', { kind: 'semiannual', months: [6, 12] }],
  ['По итогам учебного года', { kind: 'by_event', event: 'учебного года' }],
  ['По итогам проведения оценочных процедур', { kind: 'by_event', event: 'оценочных процедур' }],
  [
    'Апрель-июнь В течение учебного года',
    { kind: 'annual', months: [4, 5, 6], qualifier: 'В течение учебного года' },
  ],
  ['Май 2022', { kind: 'once', months: [5], years: [2022] }],
  ['По итогам учебного года.', { kind: 'by_event', event: 'учебного года' }],
  ['Январь 2025', { kind: 'once', months: [1], years: [2025] }],
  [
    'Январь 2025 – декабрь 2025',
    {
      kind: 'period',
      months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
      years: [2025],
      from: '2025-01-01',
      to: '2025-12-31',
    },
  ],
  [
    'Январь-декабрь 2025',
    {
      kind: 'period',
      months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
      years: [2025],
      from: '2025-01-01',
      to: '2025-12-31',
    },
  ],
  [
    'Апрель-июнь 2025',
    { kind: 'period', months: [4, 5, 6], years: [2025], from: '2025-04-01', to: '2025-06-30' },
  ],
  ['Ежеквартально', { kind: 'quarterly' }],
  ['По плану', { kind: 'by_event', event: 'По плану' }],
  [
    'Июль – август 2025',
    { kind: 'period', months: [7, 8], years: [2025], from: '2025-07-01', to: '2025-08-31' },
  ],
  ['Ежегодно, июль', { kind: 'annual', months: [7] }],
  [
    'Декабрь 2025– февраль 2026',
    {
      kind: 'period',
      months: [1, 2, 12],
      years: [2025, 2026],
      from: '2025-12-01',
      to: '2026-02-28',
    },
  ],
  ['ежегодно по плану МКУ «УО»', { kind: 'annual', event: 'по плану МКУ «УО»' }],
  ['февраль, март 2025', { kind: 'once', months: [2, 3], years: [2025] }],
  ['Сентябрь 2025', { kind: 'once', months: [9], years: [2025] }],
  ['план работы МКУ «УО»', { kind: 'by_event', event: 'план работы МКУ «УО»' }],
  ['Весь период', { kind: 'permanent' }],
  [
    'Январь - апрель 2025г.',
    { kind: 'period', months: [1, 2, 3, 4], years: [2025], from: '2025-01-01', to: '2025-04-30' },
  ],
  ['По мере получения списка с ДИРО', { kind: 'by_event', event: 'списка с ДИРО' }],
  ['Февраль, апрель, июнь 2025', { kind: 'once', months: [2, 4, 6], years: [2025] }],
  ['По итогам четверти, года', { kind: 'by_event', event: 'четверти, года' }],
  [
    'Июнь-июль 2025',
    { kind: 'period', months: [6, 7], years: [2025], from: '2025-06-01', to: '2025-07-31' },
  ],
  [
    'В течение 10 календарных дней после получения результатов независимой оценочной процедуры',
    { kind: 'by_event', event: 'результатов независимой оценочной процедуры' },
  ],
  ['Октябрь 2025г.', { kind: 'once', months: [10], years: [2025] }],
  [
    'постоянно при реализации Дорожной карты по подготовке к проведению ГИА',
    {
      kind: 'permanent',
      qualifier: 'при реализации Дорожной карты по подготовке к проведению ГИА',
    },
  ],
  [
    'Не позднее рабочего дня до проведения оценочной процедуры',
    { kind: 'by_event', event: 'оценочной процедуры' },
  ],
  [
    'Май-июнь 2025',
    { kind: 'period', months: [5, 6], years: [2025], from: '2025-05-01', to: '2025-06-30' },
  ],
  [
    'Постоянно в соответствии с графиком проведения ВсОШ, региональных олимпиад, ВПР, Дорожной картой по подготовке к проведению ГИА',
    {
      kind: 'permanent',
      event: 'ВсОШ, региональных олимпиад, ВПР, Дорожной картой по подготовке к проведению ГИА',
    },
  ],
  ['в соответствии с графиком', { kind: 'by_event', event: 'в соответствии с графиком' }],
  ['по мере необходимости', { kind: 'on_demand' }],
  [
    'апрель-май 2025',
    { kind: 'period', months: [4, 5], years: [2025], from: '2025-04-01', to: '2025-05-31' },
  ],
  [
    'апрель-июнь 2025',
    { kind: 'period', months: [4, 5, 6], years: [2025], from: '2025-04-01', to: '2025-06-30' },
  ],
  ['по графику проведения оценочных процедур', { kind: 'by_event', event: 'оценочных процедур' }],
  ['Июль 2025', { kind: 'once', months: [7], years: [2025] }],
  ['1 раз в квартал', { kind: 'quarterly' }],
];

const full = (e: Expected): Omit<ParsedSchedule, 'raw' | 'kind'> & Pick<Expected, 'kind'> => ({
  months: [],
  years: [],
  from: null,
  to: null,
  event: null,
  qualifier: null,
  ...e,
});

describe('parseSchedule: deadline texts of the seeded roadmaps', () => {
  it.each(DEADLINES)('%s', (text, expected) => {
    const { raw, ...rest } = parseSchedule(text);
    expect(rest).toEqual(full(expected));
    expect(raw).toBe(text.replace(/\s+/g, ' ').trim());
  });

  it('covers every deadline text the importer extracts', () => {
    const known = new Set(DEADLINES.map(([t]) => t));
    const slugs = Object.keys(ROADMAP_SEEDS) as RoadmapSeedSlug[];
    const texts = slugs.flatMap((slug) => {
      const roadmap = JSON.parse(buildSeedJson(slug)) as ImportedRoadmap;
      return roadmap.sections.flatMap((s) => s.activities.map((a) => a.deadlineText));
    });
    expect(texts.length).toBeGreaterThan(200);
    expect([...new Set(texts)].filter((t) => !known.has(t))).toEqual([]);
  });
});

describe('parseSchedule: other wording and garbage', () => {
  it.each([
    ['ежемесячно', 'monthly'],
    ['1 раз в полугодие', 'semiannual'],
    ['по итогам ВПР', 'by_event'],
    ['при необходимости', 'on_demand'],
    ['IV квартал 2023 г.', 'once'],
    ['на 2024-2026 годы', 'period'],
  ])('%s → %s', (text, kind) => {
    expect(parseSchedule(text).kind).toBe(kind);
  });

  it('keeps the event of «по итогам ВПР»', () => {
    expect(parseSchedule('по итогам ВПР').event).toBe('ВПР');
  });

  it.each(['', '   ', '—', 'ывапролд', '12345', '?!', 'см. приложение'])(
    '«%s» → unknown, never throws',
    (text) => {
      const s = parseSchedule(text);
      expect(s.kind).toBe('unknown');
      expect(s.raw).toBe(text.replace(/\s+/g, ' ').trim());
      expect(s.event).toBeNull();
    },
  );

  it('survives non-string input', () => {
    expect(parseSchedule(undefined as unknown as string).kind).toBe('unknown');
  });
});

describe('dueDates', () => {
  const p2122 = { startYear: 2021, endYear: 2022 };
  const due = (text: string, period: RoadmapPeriod = p2122): string[] =>
    dueDates(parseSchedule(text), period);

  it('once: month end, Dec 31 for a bare year, clipped to the period', () => {
    expect(due('ноябрь 2021')).toEqual(['2021-11-30']);
    expect(due('2021 год')).toEqual(['2021-12-31']);
    expect(due('декабрь 2020')).toEqual([]);
    expect(due('декабрь 2020', { startYear: 2020, startMonth: 12, endYear: 2022 })).toEqual([
      '2020-12-31',
    ]);
    expect(due('Февраль, апрель, июнь 2025', { startYear: 2025, endYear: 2025 })).toEqual([
      '2025-02-28',
      '2025-04-30',
      '2025-06-30',
    ]);
  });

  it('annual: each year, at the named months else Dec 31', () => {
    expect(due('ежегодно')).toEqual(['2021-12-31', '2022-12-31']);
    expect(due('сентябрь ежегодно')).toEqual(['2021-09-30', '2022-09-30']);
    expect(
      due('ежегодно', { startYear: 2020, startMonth: 12, endYear: 2021, endMonth: 6 }),
    ).toEqual(['2020-12-31']);
  });

  it('semiannual, quarterly, monthly', () => {
    expect(due('1 раз в полугодие')).toEqual([
      '2021-06-30',
      '2021-12-31',
      '2022-06-30',
      '2022-12-31',
    ]);
    expect(due('октябрь, март', { startYear: 2021, endYear: 2021 })).toEqual([
      '2021-03-31',
      '2021-10-31',
    ]);
    expect(due('Ежеквартально', { startYear: 2025, endYear: 2025 })).toEqual([
      '2025-03-31',
      '2025-06-30',
      '2025-09-30',
      '2025-12-31',
    ]);
    expect(due('ежемесячно', { startYear: 2024, endYear: 2024, startMonth: 11 })).toEqual([
      '2024-11-30',
      '2024-12-31',
    ]);
  });

  it('permanent: a yearly report', () => {
    expect(due('постоянно')).toEqual(['2021-12-31', '2022-12-31']);
  });

  it('by_event: Dec 31, or Jun 30 after the school year', () => {
    expect(due('в соответствии с графиком проведения МСИ')).toEqual(['2021-12-31', '2022-12-31']);
    expect(due('По итогам учебного года')).toEqual(['2021-06-30', '2022-06-30']);
  });

  it('period: year ends inside the range, or the range end', () => {
    expect(due('2021-2022 годы')).toEqual(['2021-12-31', '2022-12-31']);
    expect(due('Апрель-июнь 2025', { startYear: 2025, endYear: 2025 })).toEqual(['2025-06-30']);
    expect(due('Декабрь 2025– февраль 2026', { startYear: 2025, endYear: 2025 })).toEqual([
      '2025-12-31',
    ]);
    expect(due('Декабрь 2025– февраль 2026', { startYear: 2025, endYear: 2026 })).toEqual([
      '2025-12-31',
      '2026-02-28',
    ]);
    expect(due('с 2021 года', { startYear: 2020, endYear: 2022 })).toEqual([
      '2021-12-31',
      '2022-12-31',
    ]);
  });

  it('on_demand and unknown: none', () => {
    expect(due('по запросу')).toEqual([]);
    expect(due('ывапролд')).toEqual([]);
  });

  it('is sorted and unique', () => {
    const dates = due('Декабрь Июнь');
    expect(dates).toEqual([...new Set(dates)].sort());
  });
});
