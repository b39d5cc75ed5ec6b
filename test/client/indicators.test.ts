import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import ExcelJS from 'exceljs';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';

import { visiblePages } from '../../client/src/app/router';
import type { ExportTable } from '../../client/src/components/export';
import { BOM, csvNumber, toCsv, toXlsx } from '../../client/src/components/export';
import * as comparisonQueries from '../../client/src/features/comparison/comparison.queries';
import { changeMark } from '../../client/src/features/comparison/change';
import { barChartOption, heatmapData } from '../../client/src/features/comparison/comparison.model';
import type { ComparisonResult } from '../../client/src/features/comparison/comparison.queries';
import {
  NO_SCORE_COLOR,
  SCORE_STOPS,
  scoreColor,
  textColorOn,
} from '../../client/src/features/comparison/score.colors';
import { canWriteValueRow } from '../../client/src/features/indicator-values/valueAccess';
import type { ValueRow } from '../../client/src/features/indicator-values/valueRow';
import {
  parseFigure,
  shownValue,
  toValueRows,
  valueColumnSpecs,
  valueField,
} from '../../client/src/features/indicator-values/valueRow';
import {
  applySavedValues,
  halfClearedRatio,
  toGridErrors,
  toValueInputs,
} from '../../client/src/features/indicator-values/valueSave';
import * as valueQueries from '../../client/src/features/indicator-values/values.queries';
import type { StoredValueNode } from '../../client/src/features/indicator-values/values.queries';
import { ratioValue } from '../../client/src/features/indicators/indicatorFormat';
import * as indicatorQueries from '../../client/src/features/indicators/indicators.queries';
import {
  dominantKind,
  newestFirst,
  periodKindOf,
  periodsForKinds,
  recentPeriods,
} from '../../client/src/features/indicators/periods';
import * as mumQueries from '../../client/src/features/mum/mum.queries';

const SHARE = {
  code: '1.1.VPR_BASIC',
  unit: 'PERCENT',
  level: 'ORGANIZATION',
  aggregation: 'RATIO_OF_SUMS',
} as const;
const MEAN = {
  code: '1.1.EGE_MEAN_RUS',
  unit: 'SCORE',
  level: 'ORGANIZATION',
  aggregation: 'ENROLMENT_WEIGHTED_MEAN',
} as const;
const MUNICIPAL = {
  code: '1.3.EXTRA_COVER',
  unit: 'PERCENT',
  level: 'MUNICIPALITY',
  aggregation: 'RATIO_OF_SUMS',
} as const;
const INDICATORS = [SHARE, MEAN, MUNICIPAL];

const stored = (
  code: string,
  organizationId: string | null,
  figures: Partial<StoredValueNode>,
): StoredValueNode => ({
  id: `v-${code}-${organizationId}`,
  version: 3,
  value: 0,
  numerator: null,
  denominator: null,
  period: '2023/2024',
  indicator: { code },
  organization: organizationId ? { id: organizationId } : null,
  ...figures,
});

function rows(): ValueRow[] {
  return toValueRows({
    municipality: {
      id: 'm1',
      code: '19-chernogorsk',
      name: 'город Черногорск',
      shortName: 'г. Черногорск',
      demo: false,
    },
    organizations: [
      { id: 'o2', code: 'sch-2', name: 'МБОУ СОШ № 2', shortName: 'СОШ № 2', demo: true },
      {
        id: 'o1',
        code: 'sch-1',
        name: 'МБОУ Гимназия № 1',
        shortName: 'Гимназия № 1',
        demo: false,
      },
    ],
    indicators: INDICATORS,
    values: [
      stored(SHARE.code, 'o1', { value: 80, numerator: 40, denominator: 50 }),
      stored(MEAN.code, 'o2', { value: 71.5 }),
      stored(MUNICIPAL.code, null, { value: 50, numerator: 10, denominator: 20 }),
    ],
  });
}

const f = valueField;

describe('values grid rows', () => {
  it('puts the municipality first, then organizations by name, with stored figures in their cells', () => {
    const [municipality, gymnasium, school] = rows();
    expect([municipality.id, gymnasium.id, school.id]).toEqual(['m:m1', 'o:o1', 'o:o2']);
    expect(municipality).toMatchObject({ level: 'MUNICIPALITY', unitCode: '19-chernogorsk' });
    expect(municipality[f(MUNICIPAL.code, 'numerator')]).toBe(10);
    // A municipal value does not leak into the organization rows and vice versa.
    expect(gymnasium[f(MUNICIPAL.code, 'value')]).toBeNull();
    expect(municipality[f(SHARE.code, 'value')]).toBeNull();
    expect(gymnasium).toMatchObject({
      [f(SHARE.code, 'numerator')]: 40,
      [f(SHARE.code, 'denominator')]: 50,
      [f(SHARE.code, 'value')]: 80,
    });
    expect(school).toMatchObject({ demo: true, [f(MEAN.code, 'value')]: 71.5 });
    expect(gymnasium.stored[SHARE.code]).toMatchObject({ id: `v-${SHARE.code}-o1`, version: 3 });
  });

  it('gives a ratio three columns (value computed) and any other indicator one; fields carry no dots', () => {
    const specs = valueColumnSpecs([SHARE, MEAN]);
    expect(specs.map((s) => [s.field, s.computed])).toEqual([
      ['1~1~VPR_BASIC:numerator', false],
      ['1~1~VPR_BASIC:denominator', false],
      ['1~1~VPR_BASIC:value', true],
      ['1~1~EGE_MEAN_RUS:value', false],
    ]);
  });

  it('computes the shown share from the numerator and denominator being typed', () => {
    const row = {
      ...rows()[1],
      [f(SHARE.code, 'numerator')]: 45,
      [f(SHARE.code, 'denominator')]: 60,
    };
    expect(shownValue(row, SHARE)).toBe(75);
    expect(ratioValue('PER_1000', 3, 600)).toBe(5);
    expect(ratioValue('PERCENT', 3, 0)).toBeNull();
  });

  it('sends one input per edited indicator by natural key, with the stored version and no comment', () => {
    const [municipality, gymnasium, school] = rows();
    const changes = [
      {
        index: 0,
        row: { ...gymnasium, [f(SHARE.code, 'numerator')]: 45, [f(SHARE.code, 'denominator')]: 60 },
        changedFields: [f(SHARE.code, 'numerator'), f(SHARE.code, 'denominator')],
        isNew: false,
      },
      {
        index: 1,
        row: {
          ...school,
          [f(MEAN.code, 'value')]: 73,
          [f(SHARE.code, 'numerator')]: 5,
          [f(SHARE.code, 'denominator')]: 10,
        },
        changedFields: [
          f(MEAN.code, 'value'),
          f(SHARE.code, 'numerator'),
          f(SHARE.code, 'denominator'),
        ],
        isNew: false,
      },
      {
        index: 2,
        row: { ...municipality, [f(MUNICIPAL.code, 'numerator')]: 12 },
        changedFields: [f(MUNICIPAL.code, 'numerator')],
        isNew: false,
      },
    ];
    const { inputs, origins } = toValueInputs(changes, INDICATORS, '2023/2024');
    expect(inputs).toEqual([
      {
        indicatorCode: SHARE.code,
        period: '2023/2024',
        organizationCode: 'sch-1',
        numerator: 45,
        denominator: 60,
        version: 3,
      },
      // A new ratio: numerator and denominator; the server computes the value.
      {
        indicatorCode: SHARE.code,
        period: '2023/2024',
        organizationCode: 'sch-2',
        numerator: 5,
        denominator: 10,
      },
      {
        indicatorCode: MEAN.code,
        period: '2023/2024',
        organizationCode: 'sch-2',
        value: 73,
        version: 3,
      },
      {
        indicatorCode: MUNICIPAL.code,
        period: '2023/2024',
        municipalityCode: '19-chernogorsk',
        numerator: 12,
        denominator: 20,
        version: 3,
      },
    ]);
    expect(origins).toEqual([
      { changeIndex: 0, rowId: 'o:o1', code: SHARE.code },
      { changeIndex: 1, rowId: 'o:o2', code: SHARE.code },
      { changeIndex: 1, rowId: 'o:o2', code: MEAN.code },
      { changeIndex: 2, rowId: 'm:m1', code: MUNICIPAL.code },
    ]);
  });

  it('leaves out the stored numerator and denominator of a non-ratio: the server keeps them', () => {
    const [, , school] = rows();
    const withFigures = {
      ...school,
      stored: {
        [MEAN.code]: { ...school.stored[MEAN.code], numerator: 715, denominator: 10 },
      },
      [f(MEAN.code, 'value')]: 72,
    };
    const { inputs } = toValueInputs(
      [{ index: 0, row: withFigures, changedFields: [f(MEAN.code, 'value')], isNew: false }],
      INDICATORS,
      '2023/2024',
    );
    expect(inputs).toEqual([
      {
        indicatorCode: MEAN.code,
        period: '2023/2024',
        organizationCode: 'sch-2',
        value: 72,
        version: 3,
      },
    ]);
  });

  it('deletes a stored value whose cell is cleared: a value, or both figures of a ratio', () => {
    const [municipality, gymnasium, school] = rows();
    const changes = [
      {
        index: 0,
        row: {
          ...municipality,
          [f(MUNICIPAL.code, 'numerator')]: null,
          [f(MUNICIPAL.code, 'denominator')]: null,
        },
        changedFields: [f(MUNICIPAL.code, 'numerator'), f(MUNICIPAL.code, 'denominator')],
        isNew: false,
      },
      {
        index: 1,
        row: { ...school, [f(MEAN.code, 'value')]: null },
        changedFields: [f(MEAN.code, 'value')],
        isNew: false,
      },
    ];
    const { inputs, origins } = toValueInputs(changes, INDICATORS, '2023/2024');
    expect(inputs).toEqual([
      {
        indicatorCode: MUNICIPAL.code,
        period: '2023/2024',
        municipalityCode: '19-chernogorsk',
        delete: true,
        version: 3,
      },
      {
        indicatorCode: MEAN.code,
        period: '2023/2024',
        organizationCode: 'sch-2',
        delete: true,
        version: 3,
      },
    ]);
    expect(origins).toEqual([
      { changeIndex: 0, rowId: 'm:m1', code: MUNICIPAL.code },
      { changeIndex: 1, rowId: 'o:o2', code: MEAN.code },
    ]);

    // One figure of a stored ratio cleared is refused before Save; none stored, nothing to check.
    const half = { ...gymnasium, [f(SHARE.code, 'numerator')]: null };
    expect(halfClearedRatio(half, SHARE)).toBe(true);
    expect(halfClearedRatio({ ...half, [f(SHARE.code, 'denominator')]: null }, SHARE)).toBe(false);
    expect(halfClearedRatio(gymnasium, SHARE)).toBe(false);
    expect(halfClearedRatio({ ...school, [f(SHARE.code, 'numerator')]: 5 }, SHARE)).toBe(false);
    expect(halfClearedRatio({ ...school, [f(MEAN.code, 'value')]: null }, MEAN)).toBe(false);
  });

  it('skips a cell that was typed and cleared again where nothing was stored', () => {
    const school = rows()[2];
    const { inputs } = toValueInputs(
      [{ index: 0, row: school, changedFields: [f(SHARE.code, 'numerator')], isNew: false }],
      INDICATORS,
      '2023/2024',
    );
    expect(inputs).toEqual([]);
  });

  it('maps server row errors (input index, field) back to the grid row and cell', () => {
    const origins = [
      { changeIndex: 0, rowId: 'o:o1', code: SHARE.code },
      { changeIndex: 1, rowId: 'o:o2', code: SHARE.code },
      { changeIndex: 1, rowId: 'o:o2', code: MEAN.code },
    ];
    const errors = toGridErrors(
      [
        { index: 1, field: 'denominator', code: 'REQUIRED', message: 'Нужен знаменатель' },
        { index: 2, field: 'value', code: 'INVALID_FORMAT', message: 'Больше 100' },
        { index: 0, field: 'version', code: 'CONFLICT', message: 'Изменено другим' },
        { index: 1, field: 'value', code: 'INVALID_FORMAT', message: 'Больше 100' },
        { index: 2, field: 'delete', code: 'NOT_FOUND', message: 'Такого значения нет' },
      ],
      origins,
      INDICATORS,
    );
    expect(errors).toEqual([
      {
        index: 1,
        field: f(SHARE.code, 'denominator'),
        code: 'REQUIRED',
        message: 'Нужен знаменатель',
      },
      { index: 1, field: f(MEAN.code, 'value'), code: 'INVALID_FORMAT', message: 'Больше 100' },
      // Key fields have no cell of their own: the first figure of the indicator, named in the text.
      {
        index: 0,
        field: f(SHARE.code, 'numerator'),
        code: 'CONFLICT',
        message: 'version: Изменено другим',
      },
      { index: 1, field: f(SHARE.code, 'value'), code: 'INVALID_FORMAT', message: 'Больше 100' },
      // A deletion is the cleared cell's own.
      { index: 1, field: f(MEAN.code, 'value'), code: 'NOT_FOUND', message: 'Такого значения нет' },
    ]);
  });

  it('merges saved values (new ids and versions) into their rows', () => {
    const next = applySavedValues(rows(), [
      stored(SHARE.code, 'o2', {
        id: 'new-1',
        version: 1,
        value: 50,
        numerator: 5,
        denominator: 10,
      }),
      stored(MUNICIPAL.code, null, { version: 4, value: 60, numerator: 12, denominator: 20 }),
    ]);
    expect(next[2].stored[SHARE.code]).toMatchObject({ id: 'new-1', version: 1 });
    expect(next[2][f(SHARE.code, 'value')]).toBe(50);
    expect(next[0].stored[MUNICIPAL.code].version).toBe(4);
    // Rows without saved values are left as they were.
    expect(next[1].stored[SHARE.code].version).toBe(3);
  });

  it('empties the deleted values in their rows: cells and stored figures', () => {
    const before = rows();
    const next = applySavedValues(
      before,
      [],
      [
        { rowId: 'o:o2', code: MEAN.code },
        { rowId: 'm:m1', code: MUNICIPAL.code },
      ],
    );
    expect(next[2].stored[MEAN.code]).toBeUndefined();
    expect(next[2][f(MEAN.code, 'value')]).toBeNull();
    expect(next[0].stored).toEqual({});
    expect(next[0]).toMatchObject({
      [f(MUNICIPAL.code, 'value')]: null,
      [f(MUNICIPAL.code, 'numerator')]: null,
      [f(MUNICIPAL.code, 'denominator')]: null,
    });
    expect(next[1]).toBe(before[1]);
    // The loaded rows are not changed in place.
    expect(before[2].stored[MEAN.code].version).toBe(3);
  });

  it('reads figures as typed in Russian Excel', () => {
    expect(parseFigure('12,5')).toBe(12.5);
    expect(parseFigure(' 1 234 ')).toBe(1234);
    expect(parseFigure('1\u00a0234,75')).toBe(1234.75);
    expect(parseFigure('')).toBeNull();
    expect(() => parseFigure('12 %')).toThrow();
    expect(() => parseFigure('abc')).toThrow();
  });

  it('lets administrators write every row, a methodologist its municipality, a coordinator its school', () => {
    const row = { level: 'ORGANIZATION' as const, unitId: 'o1' };
    const municipal = { level: 'MUNICIPALITY' as const, unitId: 'm1' };
    const writer = (role: any, municipalityId: string | null, organizationId: string | null) => ({
      role,
      municipalityId,
      organizationId,
    });
    expect(canWriteValueRow(writer('ADMIN', null, null), 'm1', row)).toBe(true);
    expect(canWriteValueRow(writer('MUNICIPAL_METHODOLOGIST', 'm1', null), 'm1', municipal)).toBe(
      true,
    );
    expect(canWriteValueRow(writer('MUNICIPAL_METHODOLOGIST', 'm2', null), 'm1', row)).toBe(false);
    expect(canWriteValueRow(writer('SCHOOL_COORDINATOR', 'm1', 'o1'), 'm1', row)).toBe(true);
    expect(canWriteValueRow(writer('SCHOOL_COORDINATOR', 'm1', 'o1'), 'm1', municipal)).toBe(false);
    expect(canWriteValueRow(writer('REGIONAL_ANALYST', null, null), 'm1', row)).toBe(false);
    expect(canWriteValueRow(null, 'm1', row)).toBe(false);
  });
});

describe('change arrows and polarity', () => {
  it('points the arrow with the figure and colours it by polarity', () => {
    expect(changeMark(13.75, 'HIGHER_BETTER')).toEqual({ arrow: '▲', tone: 'good' });
    expect(changeMark(-10, 'HIGHER_BETTER')).toEqual({ arrow: '▼', tone: 'bad' });
    expect(changeMark(2, 'LOWER_BETTER')).toEqual({ arrow: '▲', tone: 'bad' });
    expect(changeMark(-2, 'LOWER_BETTER')).toEqual({ arrow: '▼', tone: 'good' });
    expect(changeMark(0, 'LOWER_BETTER')).toEqual({ arrow: '=', tone: 'neutral' });
    expect(changeMark(null, 'HIGHER_BETTER')).toBeNull();
  });
});

describe('score colour scale', () => {
  it('runs from red (0) through yellow (50) to green (100), grey without a score', () => {
    expect(scoreColor(0)).toBe(SCORE_STOPS[0]);
    expect(scoreColor(50)).toBe(SCORE_STOPS[2]);
    expect(scoreColor(100)).toBe(SCORE_STOPS[4]);
    expect(scoreColor(null)).toBe(NO_SCORE_COLOR);
    // Clamped, and halfway between two stops is their mean colour.
    expect(scoreColor(150)).toBe(SCORE_STOPS[4]);
    expect(scoreColor(-5)).toBe(SCORE_STOPS[0]);
    expect(scoreColor(12.5)).toBe('#ea5f40');
  });

  it('writes dark text on light cells and white on dark ones', () => {
    expect(textColorOn(scoreColor(50))).toBe('#111827');
    expect(textColorOn(scoreColor(0))).toBe('#ffffff');
  });
});

const RESULT: ComparisonResult = {
  unitKind: 'MUNICIPALITY',
  periods: ['2023/2024'],
  rows: [
    {
      indicatorCode: 'A',
      period: '2023/2024',
      unitId: 'c',
      unitName: 'C',
      demo: false,
      rank: 1,
      value: 50,
      numerator: 100,
      denominator: 200,
      score: 100,
      zScore: 1.41,
      previousValue: null,
      change: null,
      targetMet: true,
    },
    {
      indicatorCode: 'A',
      period: '2023/2024',
      unitId: 'a',
      unitName: 'A',
      demo: true,
      rank: 2,
      value: 40,
      numerator: 160,
      denominator: 400,
      score: 80,
      zScore: -0.71,
      previousValue: 26.25,
      change: 13.75,
      targetMet: false,
    },
    {
      indicatorCode: 'A',
      period: '2023/2024',
      unitId: 'd',
      unitName: 'D',
      demo: false,
      rank: null,
      value: null,
      numerator: null,
      denominator: null,
      score: null,
      zScore: null,
      previousValue: null,
      change: null,
      targetMet: null,
    },
    {
      indicatorCode: 'B',
      period: '2023/2024',
      unitId: 'a',
      unitName: 'A',
      demo: true,
      rank: 1,
      value: 3,
      numerator: null,
      denominator: null,
      score: 100,
      zScore: 1,
      previousValue: 4,
      change: -1,
      targetMet: null,
    },
    {
      indicatorCode: 'B',
      period: '2023/2024',
      unitId: 'c',
      unitName: 'C',
      demo: false,
      rank: 2,
      value: 6,
      numerator: null,
      denominator: null,
      score: 50,
      zScore: -1,
      previousValue: null,
      change: null,
      targetMet: null,
    },
  ],
  summaries: [
    {
      indicatorCode: 'A',
      period: '2023/2024',
      count: 2,
      mean: 45,
      median: 45,
      standardDeviation: 5,
      parentValue: 42.5,
      parentNumerator: 340,
      parentDenominator: 800,
    },
  ],
};

describe('comparison charts', () => {
  it('orders heatmap units by mean score and keeps one cell per unit and indicator with a score', () => {
    const data = heatmapData(RESULT, ['A', 'B', 'Z']);
    expect(data.codes).toEqual(['A', 'B']);
    // C: (100 + 50) / 2 = 75; A: (80 + 100) / 2 = 90; D: none.
    expect(data.units.map((u) => [u.id, u.meanScore])).toEqual([
      ['a', 90],
      ['c', 75],
      ['d', null],
    ]);
    expect(data.cells).toEqual([
      [0, 1, 100],
      [0, 0, 80],
      [1, 0, 100],
      [1, 1, 50],
    ]);
  });

  it('draws one bar per unit with a value, best first, and the region as a reference line', () => {
    const option = barChartOption(
      RESULT.rows.filter((r) => r.indicatorCode === 'A'),
      RESULT.summaries[0],
      { unitLabel: (r) => r.unitName, valueText: (v) => String(v), referenceName: 'Регион' },
    );
    expect(option.yAxis.data).toEqual(['C', 'A']);
    expect(option.series[0].data.map((d) => d.value)).toEqual([50, 40]);
    expect(option.series[0].markLine!.data).toEqual([{ xAxis: 42.5 }]);
    expect(option.series[0].markLine!.label.formatter).toBe('Регион: 42.5');
  });
});

interface Line {
  name: string;
  rank: number | null;
  value: number | null;
  ok: boolean | null;
}

const TABLE: ExportTable<Line> = {
  sheetName: 'Сравнение: 2023/2024',
  caption: ['Сравнение: Республика Хакасия, период 2023/2024'],
  columns: [
    { header: 'Место', value: (r) => r.rank, kind: 'integer' },
    { header: 'Муниципалитет', value: (r) => r.name },
    { header: 'Значение', value: (r) => r.value, kind: 'decimal', digits: 2 },
    { header: 'Цель достигнута', value: (r) => r.ok },
  ],
  rows: [
    { name: 'г. Черногорск', rank: 1, value: 42.857142857, ok: true },
    { name: 'Демо-ГО "Север"; 2', rank: 2, value: 1234.5, ok: false },
    { name: 'Без данных', rank: null, value: null, ok: null },
  ],
};

describe('export', () => {
  it('writes CSV for Russian Excel: BOM, semicolons, decimal commas, quoted texts', () => {
    const csv = toCsv(TABLE);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'Сравнение: Республика Хакасия, период 2023/2024',
      'Место;Муниципалитет;Значение;Цель достигнута',
      '1;г. Черногорск;42,86;да',
      '2;"Демо-ГО ""Север""; 2";1234,50;нет',
      ';Без данных;;',
      '',
    ]);
    expect(csvNumber(1e-7)).toBe('0,0000001');
    expect(csvNumber(-3.5)).toBe('-3,5');
  });

  it('writes XLSX with Russian headers and number cells that read back as numbers', async () => {
    const bytes = await toXlsx([TABLE]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    // Excel refuses ":" in sheet names.
    expect(sheet.name).toBe('Сравнение  2023 2024');
    expect(sheet.getCell('A1').value).toBe('Сравнение: Республика Хакасия, период 2023/2024');
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      'Место',
      'Муниципалитет',
      'Значение',
      'Цель достигнута',
    ]);
    expect(sheet.getRow(2).font?.bold).toBe(true);
    expect(sheet.getCell('A3').value).toBe(1);
    expect(sheet.getCell('A3').type).toBe(ExcelJS.ValueType.Number);
    expect(sheet.getCell('C3').value).toBeCloseTo(42.857142857, 9);
    expect(sheet.getCell('C3').type).toBe(ExcelJS.ValueType.Number);
    expect(sheet.getCell('C3').numFmt).toBe('0.00');
    expect(sheet.getCell('C4').value).toBe(1234.5);
    expect(sheet.getCell('B4').value).toBe('Демо-ГО "Север"; 2');
    expect(sheet.getCell('D3').value).toBe('да');
    expect(sheet.getCell('C5').type).toBe(ExcelJS.ValueType.Null);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
  });
});

describe('periods', () => {
  it('tells period kinds apart and lists recent ones, newest first', () => {
    expect(['2024', '2024/2025', '2024Q1', '2024/2026', 'x'].map(periodKindOf)).toEqual([
      'YEAR',
      'ACADEMIC_YEAR',
      'QUARTER',
      null,
      null,
    ]);
    const today = new Date(2025, 9, 15);
    expect(recentPeriods('ACADEMIC_YEAR', today, 2)).toEqual(['2025/2026', '2024/2025']);
    expect(recentPeriods('ACADEMIC_YEAR', new Date(2025, 5, 1), 1)).toEqual(['2024/2025']);
    expect(recentPeriods('QUARTER', new Date(2025, 1, 1), 3)).toEqual([
      '2025Q1',
      '2024Q4',
      '2024Q3',
    ]);
    expect(newestFirst(['2023', '2024Q2', '2023/2024', '2024'])).toEqual([
      '2024Q2',
      '2024',
      '2023/2024',
      '2023',
    ]);
  });
});

describe('periods of a mixed selection', () => {
  const today = new Date(2025, 9, 15);

  it('picks one period per kind: the one asked for, else the newest with data, else the latest', () => {
    expect(
      periodsForKinds(
        ['ACADEMIC_YEAR', 'QUARTER', 'YEAR'],
        ['2022/2023'],
        ['2024Q4', '2024/2025', '2023/2024', '2024Q3'],
        false,
        today,
      ),
    ).toEqual([
      { kind: 'ACADEMIC_YEAR', period: '2022/2023' },
      { kind: 'QUARTER', period: '2024Q4' },
      { kind: 'YEAR', period: '2025' },
    ]);
  });

  it('finds the kind most indicators are kept for', () => {
    const kinds = ['QUARTER', 'ACADEMIC_YEAR', 'ACADEMIC_YEAR', 'YEAR'] as const;
    expect(dominantKind(kinds.map((periodKind) => ({ periodKind })))).toBe('ACADEMIC_YEAR');
    expect(dominantKind([])).toBeNull();
  });

  it('waits for the periods with data rather than guessing', () => {
    expect(periodsForKinds(['YEAR'], [], [], true, today)).toEqual([
      { kind: 'YEAR', period: null },
    ]);
  });
});

describe('navigation', () => {
  it('shows the indicator pages to signed-in roles; dashboards get no stored values page', () => {
    for (const role of [
      'ADMIN',
      'REGIONAL_ANALYST',
      'MUNICIPAL_METHODOLOGIST',
      'SCHOOL_COORDINATOR',
    ]) {
      expect(visiblePages(role)).toEqual(
        expect.arrayContaining(['indicators', 'comparison', 'mum']),
      );
    }
    expect(visiblePages('DASHBOARD')).toEqual(expect.arrayContaining(['comparison', 'mum']));
    expect(visiblePages('DASHBOARD')).not.toContain('indicators');
  });
});

const schema = buildSchema(readFileSync(resolve(__dirname, '../../schema/schema.graphql'), 'utf8'));
const documents = Object.entries({
  ...indicatorQueries,
  ...valueQueries,
  ...comparisonQueries,
  ...mumQueries,
})
  .filter(([name, value]) => /_(QUERY|MUTATION)$/.test(name) && typeof value === 'string')
  .map(([name, value]) => [name, value as string] as const);

describe('indicator GraphQL documents', () => {
  it.each(documents)('%s is valid against schema/schema.graphql', (_name, source) => {
    expect(validate(schema, parse(source)).map((e) => e.message)).toEqual([]);
  });
});
