import { afterEach, describe, expect, it } from 'vitest';

import {
  findHeaderRow,
  guessMapping,
  normalizeHeader,
  rememberedMapping,
  rememberMapping,
} from '../../client/src/components/table-import/mapping';
import type { ImportColumn } from '../../client/src/components/table-import/plan';
import { planImport, serverProblems } from '../../client/src/components/table-import/plan';

interface Row {
  id: string | null;
  version: number | null;
  code: string;
  done: number | null;
  total: number | null;
  locked?: boolean;
}

const figure = (text: string) => {
  const clean = text.replace(/\s/g, '').replace(',', '.');
  if (clean === '') {
    return null;
  }
  if (!/^\d+(\.\d+)?$/.test(clean)) {
    throw new Error(`Не число: «${text}»`);
  }
  return Number(clean);
};
const columns: ImportColumn<Row>[] = [
  { field: 'done', header: 'Выполнили', isEditable: (r) => !r.locked, parse: figure },
  {
    field: 'total',
    header: 'Всего',
    isEditable: () => true,
    parse: figure,
    validate: (value, row) =>
      typeof value === 'number' && typeof row.done === 'number' && row.done > value
        ? 'Выполнивших больше, чем всего'
        : null,
  },
];
const targets = [
  { field: 'code', header: 'Код организации', aliases: ['код оо'] },
  ...columns.map((c) => ({ field: c.field, header: c.header })),
];
const table: Row[] = [
  { id: '1', version: 3, code: 'S-01', done: 10, total: 20 },
  { id: '2', version: 1, code: 'S-02', done: null, total: null },
  { id: '3', version: 1, code: 'S-03', done: 5, total: 9, locked: true },
];
const byKey = new Map(table.map((r) => [r.id!, r]));
const messages = {
  missingKey: 'нет кода',
  unknownKey: (t: string) => `нет строки ${t}`,
  duplicateKey: (t: string, l: number) => `${t} уже в строке ${l}`,
  readOnly: 'нельзя',
};
const plan = (rows: { line: number; cells: string[] }[], mapping: (string | null)[]) =>
  planImport<Row>({
    rows,
    mapping,
    keyField: 'code',
    tableKeys: [...byKey.keys()],
    rowAt: (k) => byKey.get(k)!,
    columns,
    messages,
  });

// Node has no Web Storage; the mapping memory is tested against a plain in-memory one.
if (typeof globalThis.localStorage === 'undefined') {
  const items = new Map<string, string>();
  globalThis.localStorage = {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, String(v)),
    removeItem: (k: string) => void items.delete(k),
    clear: () => items.clear(),
    key: (i: number) => [...items.keys()][i] ?? null,
    get length() {
      return items.size;
    },
  } as Storage;
}

describe('column mapping', () => {
  afterEach(() => localStorage.clear());

  it('finds the header row under title lines and maps headers by name or alias', () => {
    const rows = [
      { line: 1, cells: ['Результаты ВПР, 2024/2025'] },
      { line: 3, cells: ['Код ОО', 'Школа', 'Всего', 'выполнили'] },
      { line: 4, cells: ['S-01', 'Школа 1', '20', '10'] },
    ];
    expect(normalizeHeader('  Код  ОО: ')).toBe('код оо');
    expect(findHeaderRow(rows, targets)).toBe(1);
    expect(guessMapping(rows[1].cells, targets)).toEqual(['code', null, 'total', 'done']);
  });

  it('remembers the user’s choices per table, and they win over guesses next time', () => {
    const headers = ['Код ОО', 'ВПР: с 3–5', 'ВПР: всего работ'];
    expect(guessMapping(headers, targets, rememberedMapping('t1'))).toEqual(['code', null, null]);
    rememberMapping('t1', headers, ['code', 'done', 'total']);
    expect(guessMapping(headers, targets, rememberedMapping('t1'))).toEqual([
      'code',
      'done',
      'total',
    ]);
    // Another table keeps its own memory; a column the user skipped stays skipped.
    expect(guessMapping(headers, targets, rememberedMapping('t2'))).toEqual(['code', null, null]);
    rememberMapping('t1', ['Код ОО', 'Всего'], [null, 'total']);
    expect(guessMapping(['Код ОО', 'Всего'], targets, rememberedMapping('t1'))).toEqual([
      null,
      'total',
    ]);
  });
});

describe('planImport', () => {
  it('turns differing cells into one change per row, with the row’s version and file line', () => {
    const result = plan(
      [
        { line: 5, cells: ['s-01', '12', '20'] },
        { line: 6, cells: ['S-02', '1 000', '1500,5'] },
        { line: 7, cells: ['S-03', '5', '9'] },
      ],
      ['code', 'done', 'total'],
    );
    expect(result.problems).toEqual([]);
    expect(result.changes).toEqual([
      { index: 0, row: { ...table[0], done: 12 }, changedFields: ['done'], isNew: false },
      {
        index: 1,
        row: { ...table[1], done: 1000, total: 1500.5 },
        changedFields: ['done', 'total'],
        isNew: false,
      },
    ]);
    expect(result.changeLines).toEqual([5, 6]);
    expect([result.changedCells, result.sameCells]).toEqual([3, 3]);
    // The same file against the table as saved: nothing to do (a re-import is idempotent).
    byKey.set('1', { ...table[0], done: 12 });
    byKey.set('2', { ...table[1], done: 1000, total: 1500.5 });
    try {
      const again = plan(
        [
          { line: 5, cells: ['s-01', '12', '20'] },
          { line: 6, cells: ['S-02', '1 000', '1500,5'] },
        ],
        ['code', 'done', 'total'],
      );
      expect(again.changes).toEqual([]);
      expect(again.sameCells).toBe(4);
    } finally {
      byKey.set('1', table[0]);
      byKey.set('2', table[1]);
    }
  });

  it('names the file row and column of every problem and leaves such rows out', () => {
    const result = plan(
      [
        { line: 2, cells: ['S-09', '1', '2'] },
        { line: 3, cells: ['', '1', '2'] },
        { line: 4, cells: ['S-01', 'много', '20'] },
        { line: 5, cells: ['S-01', '1', '2'] },
        { line: 6, cells: ['S-03', '6', '9'] },
        { line: 7, cells: ['S-02', '30', '20'] },
      ],
      ['code', 'done', 'total'],
    );
    expect(result.problems).toEqual([
      { line: 2, field: 'code', text: 'S-09', message: 'нет строки S-09' },
      { line: 3, field: 'code', text: '', message: 'нет кода' },
      { line: 4, field: 'done', text: 'много', message: 'Не число: «много»' },
      { line: 5, field: 'code', text: 'S-01', message: 'S-01 уже в строке 4' },
      { line: 6, field: 'done', text: '6', message: 'нельзя' },
      { line: 7, field: 'total', text: '20', message: 'Выполнивших больше, чем всего' },
    ]);
    expect(result.changes).toEqual([]);
    expect(result.rows.map((r) => r.cells.map((c) => c.status))).toEqual([
      [],
      [],
      ['invalid', 'same'],
      [],
      ['invalid', 'same'],
      ['changed', 'invalid'],
    ]);
  });

  it('maps the server’s row errors back to the file rows', () => {
    const result = plan(
      [
        { line: 10, cells: ['S-01', '11', '20'] },
        { line: 11, cells: ['S-02', '1', '2'] },
      ],
      ['code', 'done', 'total'],
    );
    expect(
      serverProblems(result, [{ index: 1, field: 'total', code: 'INVALID', message: 'Мало' }]),
    ).toEqual([{ line: 11, field: 'total', text: '2', message: 'Мало' }]);
  });
});
