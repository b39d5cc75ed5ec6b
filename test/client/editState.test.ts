import { describe, expect, it } from 'vitest';

import type { EditStep } from '../../client/src/components/editable-grid/editState';
import {
  applyStep,
  currentRow,
  dirtyFields,
  dirtyKeys,
  discardRows,
  emptyEditState,
  pendingChanges,
  pendingDeletes,
  revertStep,
  sameValue,
} from '../../client/src/components/editable-grid/editState';

interface Row {
  id: string | null;
  version: number | null;
  text: string;
  deadline: string | null;
}

const base = new Map<string, Row>([
  ['a', { id: 'a', version: 1, text: 'Мониторинг', deadline: 'ежегодно' }],
  ['b', { id: 'b', version: 3, text: 'Семинар', deadline: null }],
]);

const cellStep = (key: string, field: string, before: unknown, after: unknown): EditStep<Row> => ({
  added: [],
  cells: [{ key, field, before, after }],
  deleted: [],
});

describe('edit state', () => {
  it('overlays edits on the loaded row and tracks dirty fields', () => {
    const state = applyStep(
      emptyEditState<Row>(),
      base,
      cellStep('a', 'text', 'Мониторинг', 'Анализ'),
    );
    expect(currentRow(state, base, 'a')).toMatchObject({ id: 'a', version: 1, text: 'Анализ' });
    expect(dirtyFields(state, base, 'a')).toEqual(['text']);
    expect(dirtyKeys(state, base)).toEqual(['a']);
  });

  it('is clean again when a value is edited back to the loaded one', () => {
    let state = applyStep(emptyEditState<Row>(), base, cellStep('a', 'text', 'Мониторинг', 'X'));
    state = applyStep(state, base, cellStep('a', 'text', 'X', 'Мониторинг'));
    expect(dirtyKeys(state, base)).toEqual([]);
    expect(state.edits).toEqual({});
  });

  it('treats null and empty text as the same value', () => {
    expect(sameValue(null, '')).toBe(true);
    expect(sameValue(undefined, null)).toBe(true);
    expect(sameValue(0, null)).toBe(false);
    const state = applyStep(emptyEditState<Row>(), base, cellStep('b', 'deadline', null, ''));
    expect(dirtyKeys(state, base)).toEqual([]);
  });

  it('reverts a multi-cell step as a whole', () => {
    const step: EditStep<Row> = {
      added: [{ key: 'new:1', row: { id: null, version: null, text: '', deadline: null } }],
      cells: [
        { key: 'a', field: 'deadline', before: 'ежегодно', after: 'март' },
        { key: 'b', field: 'deadline', before: null, after: 'март' },
        { key: 'new:1', field: 'text', before: '', after: 'Новое' },
      ],
      deleted: [],
    };
    const applied = applyStep(emptyEditState<Row>(), base, step);
    expect(dirtyKeys(applied, base).sort()).toEqual(['a', 'b', 'new:1']);
    expect(currentRow(applied, base, 'new:1')?.text).toBe('Новое');
    const reverted = revertStep(applied, base, step);
    expect(dirtyKeys(reverted, base)).toEqual([]);
    expect(reverted.added).toEqual([]);
    expect(reverted.edits).toEqual({});
  });

  it('lists pending changes in display order with changed fields; new rows send their values', () => {
    let state = applyStep(emptyEditState<Row>(), base, cellStep('b', 'text', 'Семинар', 'Вебинар'));
    state = applyStep(state, base, cellStep('a', 'deadline', 'ежегодно', 'май'));
    state = applyStep(state, base, {
      added: [{ key: 'new:1', row: { id: null, version: null, text: 'Новое', deadline: null } }],
      cells: [],
      deleted: [],
    });
    const changes = pendingChanges(state, base, ['a', 'b', 'new:1']);
    expect(changes.map((c) => [c.key, c.changedFields, c.isNew])).toEqual([
      ['a', ['deadline'], false],
      ['b', ['text'], false],
      ['new:1', ['text'], true],
    ]);
    expect(changes[0].row).toMatchObject({ id: 'a', version: 1, deadline: 'май' });
  });

  it('keeps deletions of saved rows apart and drops added rows that were deleted', () => {
    let state = applyStep(emptyEditState<Row>(), base, {
      added: [{ key: 'new:1', row: { id: null, version: null, text: 'tmp', deadline: null } }],
      cells: [],
      deleted: [],
    });
    state = applyStep(state, base, { added: [], cells: [], deleted: ['b', 'new:1'] });
    expect(dirtyKeys(state, base)).toEqual(['b']);
    expect(pendingChanges(state, base, ['a', 'b', 'new:1'])).toEqual([]);
    expect(pendingDeletes(state, base)).toEqual([base.get('b')]);
  });

  it('discards edits of given rows only (after a conflict reload)', () => {
    let state = applyStep(emptyEditState<Row>(), base, cellStep('a', 'text', 'Мониторинг', 'X'));
    state = applyStep(state, base, cellStep('b', 'text', 'Семинар', 'Y'));
    expect(dirtyKeys(discardRows(state, ['a']), base)).toEqual(['b']);
  });

  it('ignores edits of rows that disappeared from a reload', () => {
    const state = applyStep(emptyEditState<Row>(), base, cellStep('a', 'text', 'Мониторинг', 'X'));
    const reloaded = new Map([['b', base.get('b') as Row]]);
    expect(dirtyKeys(state, reloaded)).toEqual([]);
  });
});
