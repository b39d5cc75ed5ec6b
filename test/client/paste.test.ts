import { describe, expect, it } from 'vitest';

import {
  applyStep,
  currentRow,
  dirtyKeys,
  emptyEditState,
  invalidCell,
  invalidCells,
  revertStep,
} from '../../client/src/components/editable-grid/editState';
import type { OpColumn } from '../../client/src/components/editable-grid/paste';
import {
  fillDownTargets,
  planClear,
  planFill,
  planPaste,
} from '../../client/src/components/editable-grid/paste';
import { parseTsv } from '../../client/src/components/editable-grid/tsv';

interface Row {
  id: string | null;
  version: number | null;
  section: string;
  text: string;
  deadline: string;
  cycle: number | null;
  locked?: boolean;
}

const rows: Row[] = [
  { id: 'a', version: 1, section: 's1', text: 'A', deadline: '', cycle: null },
  { id: 'b', version: 1, section: 's1', text: 'B', deadline: '', cycle: 1 },
  { id: 'c', version: 1, section: 's2', text: 'C', deadline: 'май', cycle: null, locked: true },
];
const base = new Map(rows.map((r) => [r.id as string, r]));
const rowAt = (key: string) => base.get(key) as Row;
const keys = ['a', 'b', 'c'];

const columns: OpColumn<Row>[] = [
  { field: 'text', isEditable: () => true },
  { field: 'deadline', isEditable: (r) => !r.locked },
  {
    field: 'cycle',
    isEditable: () => true,
    parse: (text) => {
      if (text.trim() === '') {
        return null;
      }
      const n = Number(text);
      if (!Number.isInteger(n) || n < 1 || n > 9) {
        throw new Error(`Не удалось распознать «${text}»`);
      }
      return n;
    },
  },
];

const newRow = (after: Row | null): Row => ({
  id: null,
  version: null,
  section: after?.section ?? 's1',
  text: '',
  deadline: '',
  cycle: null,
});

describe('planPaste', () => {
  it('writes the block into the rectangle starting at the focused cell', () => {
    const { step } = planPaste({
      matrix: parseTsv('ежегодно\t3\r\nмарт\t4\r\n'),
      rowKeys: keys,
      rowAt,
      columns,
      startRow: 0,
      startCol: 1,
      canAddRows: false,
      nextTempId: 1,
    });
    expect(step.added).toEqual([]);
    expect(step.cells).toEqual([
      { key: 'a', field: 'deadline', before: '', after: 'ежегодно' },
      { key: 'a', field: 'cycle', before: null, after: 3 },
      { key: 'b', field: 'deadline', before: '', after: 'март' },
      { key: 'b', field: 'cycle', before: 1, after: 4 },
    ]);
  });

  it('skips read-only cells, cells past the last column and unchanged values', () => {
    const { step } = planPaste({
      matrix: [['X', 'Y', '', 'overflow']],
      rowKeys: keys,
      rowAt,
      columns,
      startRow: 2,
      startCol: 0,
      canAddRows: false,
      nextTempId: 1,
    });
    // deadline of row c is locked; cycle '' equals null; the 4th value has no column.
    expect(step.cells).toEqual([{ key: 'c', field: 'text', before: 'C', after: 'X' }]);
  });

  it('keeps text the column cannot read in the cell, marked, with the value underneath unchanged', () => {
    const { step } = planPaste({
      matrix: [
        ['10', ''],
        ['2', ''],
      ],
      rowKeys: keys,
      rowAt,
      columns,
      startRow: 0,
      startCol: 2,
      canAddRows: false,
      nextTempId: 1,
    });
    const bad = { text: '10', message: 'Не удалось распознать «10»' };
    expect(step.cells).toEqual([
      { key: 'a', field: 'cycle', before: null, after: null, invalidAfter: bad },
      { key: 'b', field: 'cycle', before: 1, after: 2 },
    ]);
    const state = applyStep(emptyEditState<Row>(), base, step);
    expect(invalidCells(state, keys)).toEqual([{ key: 'a', field: 'cycle', cell: bad }]);
    // The marked row counts as unsaved; undo takes the mark away with the rest of the paste.
    expect(dirtyKeys(state, base)).toEqual(['b', 'a']);
    const undone = revertStep(state, base, step);
    expect(undone.invalid).toEqual({});
    expect(undone.edits).toEqual({});

    // Pasting a good value over the marked cell clears the mark; undoing that brings it back.
    const fix = planPaste({
      matrix: [['5']],
      rowKeys: keys,
      rowAt: (k) => currentRow(state, base, k)!,
      invalidAt: (k, f) => invalidCell(state, k, f),
      columns,
      startRow: 0,
      startCol: 2,
      canAddRows: false,
      nextTempId: 1,
    }).step;
    expect(fix.cells).toEqual([
      { key: 'a', field: 'cycle', before: null, after: 5, invalidBefore: bad },
    ]);
    const fixed = applyStep(state, base, fix);
    expect(invalidCells(fixed, keys)).toEqual([]);
    expect(currentRow(fixed, base, 'a')?.cycle).toBe(5);
    expect(invalidCells(revertStep(fixed, base, fix), keys)).toHaveLength(1);
  });

  it('adds rows at the end when the block is longer than the grid and adding is allowed', () => {
    const input = {
      matrix: [['C2'], ['Новое 1'], ['Новое 2']],
      rowKeys: keys,
      rowAt,
      columns,
      startRow: 2,
      startCol: 0,
      nextTempId: 5,
      newRow,
    };
    expect(planPaste({ ...input, canAddRows: false }).step.cells).toHaveLength(1);
    const { step, nextTempId } = planPaste({ ...input, canAddRows: true });
    expect(nextTempId).toBe(7);
    expect(step.added.map((a) => [a.key, a.row.section])).toEqual([
      ['new:5', 's2'],
      ['new:6', 's2'],
    ]);
    expect(step.cells.map((c) => [c.key, c.after])).toEqual([
      ['c', 'C2'],
      ['new:5', 'Новое 1'],
      ['new:6', 'Новое 2'],
    ]);
    // The whole paste, rows included, is one undoable step.
    const state = applyStep(emptyEditState<Row>(), base, step);
    expect(currentRow(state, base, 'new:6')?.text).toBe('Новое 2');
    const undone = revertStep(state, base, step);
    expect(undone.added).toEqual([]);
    expect(undone.edits).toEqual({});
  });
});

describe('fill-down', () => {
  it('targets selected rows below the focused row', () => {
    expect(fillDownTargets(keys, 'a', ['a', 'b', 'c'])).toEqual({
      sourceKey: 'a',
      targetKeys: ['b', 'c'],
    });
  });

  it('without a selection below, copies the value from the row above (Excel Ctrl+D)', () => {
    expect(fillDownTargets(keys, 'b', [])).toEqual({ sourceKey: 'a', targetKeys: ['b'] });
    expect(fillDownTargets(keys, 'a', [])).toBeNull();
  });

  it('plans one step that skips read-only and unchanged cells', () => {
    const fill = (rowKeys: string[]) =>
      planFill({ rowAt, rowKeys, columns: [columns[1]], sourceRows: 1, sourceCols: 1, textAt });
    expect(fill(['c', 'a', 'b']).cells).toEqual([
      { key: 'a', field: 'deadline', before: '', after: 'май' },
      { key: 'b', field: 'deadline', before: '', after: 'май' },
    ]);
    expect(fill(['a', 'c']).cells).toEqual([]);
  });
});

const textAt = (key: string, field: string) => String((rowAt(key) as any)[field] ?? '');

describe('planFill (Ctrl+D, Ctrl+R, the fill handle)', () => {
  it('fills down every column of the block from its top row', () => {
    const step = planFill({
      rowAt,
      rowKeys: ['b', 'a'],
      columns: [columns[0], columns[2]],
      sourceRows: 1,
      sourceCols: 2,
      textAt,
    });
    expect(step.cells).toEqual([
      { key: 'a', field: 'text', before: 'A', after: 'B' },
      { key: 'a', field: 'cycle', before: null, after: 1 },
    ]);
  });

  it('fills right by re-reading the shown text in each target column', () => {
    const row: Row = { id: 'd', version: 1, section: 's', text: '7', deadline: '', cycle: null };
    const one = new Map([['d', row]]);
    const step = planFill({
      rowAt: (k) => one.get(k)!,
      rowKeys: ['d'],
      columns: [columns[0], columns[1], columns[2]],
      sourceRows: 1,
      sourceCols: 1,
      textAt: (k, f) => String((one.get(k) as any)[f]),
    });
    // «7» read by the cycle column becomes the number 7; into text it stays text.
    expect(step.cells).toEqual([
      { key: 'd', field: 'deadline', before: '', after: '7' },
      { key: 'd', field: 'cycle', before: null, after: 7 },
    ]);
  });

  it('repeats a two-row source over the rows the handle was dragged across', () => {
    const many = ['a', 'b', 'c', 'x', 'y'];
    const grid = new Map<string, Row>([
      ...rows.map((r) => [r.id as string, { ...r, locked: false }] as const),
      ['x', { id: 'x', version: 1, section: 's', text: '', deadline: '', cycle: null }],
      ['y', { id: 'y', version: 1, section: 's', text: '', deadline: '', cycle: null }],
    ]);
    const step = planFill({
      rowAt: (k) => grid.get(k)!,
      rowKeys: many,
      columns: [columns[0]],
      sourceRows: 2,
      sourceCols: 1,
      textAt,
    });
    expect(step.cells.map((c) => [c.key, c.after])).toEqual([
      ['c', 'A'],
      ['x', 'B'],
      ['y', 'A'],
    ]);
  });

  it('carries a marked cell as its text, marked again where the target cannot read it', () => {
    const bad = { text: 'abc', message: 'Не удалось распознать «abc»' };
    const step = planFill({
      rowAt,
      invalidAt: (k, f) => (k === 'a' && f === 'cycle' ? bad : undefined),
      rowKeys: ['a', 'b'],
      columns: [columns[2]],
      sourceRows: 1,
      sourceCols: 1,
      textAt,
    });
    expect(step.cells).toEqual([
      {
        key: 'b',
        field: 'cycle',
        before: 1,
        after: 1,
        invalidAfter: { text: 'abc', message: 'Не удалось распознать «abc»' },
      },
    ]);
  });
});

describe('planClear', () => {
  it('empties the editable cells of the block: text to empty text, parsed cells to what "" reads as', () => {
    const step = planClear({ rowAt }, ['b', 'c'], columns);
    expect(step.cells).toEqual([
      { key: 'b', field: 'text', before: 'B', after: '' },
      { key: 'b', field: 'cycle', before: 1, after: null },
      { key: 'c', field: 'text', before: 'C', after: '' },
    ]);
    // Undo restores every cleared cell in one step.
    const state = applyStep(emptyEditState<Row>(), base, step);
    expect(currentRow(state, base, 'b')).toMatchObject({ text: '', cycle: null });
    expect(revertStep(state, base, step).edits).toEqual({});
  });
});
