import { describe, expect, it } from 'vitest';

import {
  applyStep,
  currentRow,
  emptyEditState,
  revertStep,
} from '../../client/src/components/editable-grid/editState';
import type { OpColumn } from '../../client/src/components/editable-grid/paste';
import {
  fillDownTargets,
  planFillDown,
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
    const { step, problems } = planPaste({
      matrix: parseTsv('ежегодно\t3\r\nмарт\t4\r\n'),
      rowKeys: keys,
      rowAt,
      columns,
      startRow: 0,
      startCol: 1,
      canAddRows: false,
      nextTempId: 1,
    });
    expect(problems).toEqual([]);
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

  it('reports values the column cannot parse and leaves those cells alone', () => {
    const { step, problems } = planPaste({
      matrix: [['10']],
      rowKeys: keys,
      rowAt,
      columns,
      startRow: 0,
      startCol: 2,
      canAddRows: false,
      nextTempId: 1,
    });
    expect(step.cells).toEqual([]);
    expect(problems).toEqual([
      { key: 'a', field: 'cycle', text: '10', message: 'Не удалось распознать «10»' },
    ]);
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
    const step = planFillDown('c', ['a', 'b'], rowAt, columns[1]);
    expect(step.cells).toEqual([
      { key: 'a', field: 'deadline', before: '', after: 'май' },
      { key: 'b', field: 'deadline', before: '', after: 'май' },
    ]);
    const locked = planFillDown('a', ['c'], rowAt, columns[1]);
    expect(locked.cells).toEqual([]);
  });
});
