import { describe, expect, it } from 'vitest';

import {
  conflictKeys,
  errorsByRow,
  keyErrors,
  withoutTouched,
} from '../../client/src/components/editable-grid/gridErrors';
import { buildItems } from '../../client/src/components/editable-grid/gridItems';
import { shortcutOf } from '../../client/src/components/editable-grid/keyboard';
import { validateChanges } from '../../client/src/components/editable-grid/validate';

describe('save errors', () => {
  const fields = new Set(['text', 'deadlineText']);

  it('maps errors indexed into the saved array onto row keys and known columns', () => {
    const keyed = keyErrors(
      [
        { index: 1, field: 'text', code: 'BAD_USER_INPUT', message: 'Пусто' },
        { index: 0, field: null, code: 'CONFLICT', message: 'stale' },
        { index: 1, field: 'sectionId', code: 'NOT_FOUND', message: 'нет раздела' },
      ],
      ['a', 'new:1'],
      fields,
    );
    expect(keyed).toEqual([
      { key: 'new:1', field: 'text', code: 'BAD_USER_INPUT', message: 'Пусто' },
      { key: 'a', field: null, code: 'CONFLICT', message: 'stale' },
      { key: 'new:1', field: null, code: 'NOT_FOUND', message: 'sectionId: нет раздела' },
    ]);
    expect(conflictKeys(keyed)).toEqual(['a']);
    const { cells, rows } = errorsByRow(keyed);
    expect(cells.get('new:1')).toEqual({ text: 'Пусто' });
    expect(rows.get('a')).toBe('stale');
  });

  it('clears a cell error once the user edits that cell, but keeps conflicts', () => {
    const errors = [
      { key: 'a', field: 'text', code: 'BAD_USER_INPUT', message: 'x' },
      { key: 'a', field: 'deadlineText', code: 'BAD_USER_INPUT', message: 'y' },
    ];
    expect(withoutTouched(errors, [{ key: 'a', field: 'text' }])).toEqual([errors[1]]);
  });

  it('validates changed cells and every cell of new rows', () => {
    const required = (v: unknown) => (String(v ?? '').trim() ? null : 'Обязательное поле');
    const columns = [
      { field: 'text' as const, validate: required },
      { field: 'number' as const, validate: required },
    ];
    type Row = { id: string | null; text: string; number: string };
    const errors = validateChanges<Row>(
      columns,
      [
        { index: 0, row: { id: 'a', text: '', number: '' }, changedFields: ['text'], isNew: false },
        {
          index: 1,
          row: { id: null, text: 'ok', number: '' },
          changedFields: ['text'],
          isNew: true,
        },
      ],
      ['a', 'new:1'],
    );
    expect(errors.map((e) => [e.key, e.field])).toEqual([
      ['a', 'text'],
      ['new:1', 'number'],
    ]);
  });
});

describe('grid items', () => {
  it('inserts a group row before each group, groups ordered by first appearance', () => {
    const rows: Record<string, { s: string }> = { a: { s: '1' }, b: { s: '2' }, c: { s: '1' } };
    const { items, dataKeys } = buildItems({
      keys: ['a', 'b', 'c'],
      rowAt: (k) => rows[k],
      metaOf: (_k, position) => ({
        position,
        dirtyFields: [],
        errors: {},
        invalid: {},
        rowError: null,
        isNew: false,
        deleted: false,
      }),
      groupBy: (r) => ({ key: r.s, label: `Раздел ${r.s}` }),
    });
    expect(items.map((i) => i.__key)).toEqual(['group:1', 'a', 'c', 'group:2', 'b']);
    expect(items[0]).toMatchObject({ __group: 'Раздел 1', __groupCount: 2 });
    expect(dataKeys).toEqual(['a', 'c', 'b']);
    expect(items[2].__meta?.position).toBe(2);
  });
});

describe('shortcuts', () => {
  const key = (code: string, extra: Partial<Parameters<typeof shortcutOf>[0]> = {}) =>
    shortcutOf({
      ctrlKey: true,
      metaKey: false,
      shiftKey: false,
      altKey: false,
      code,
      key: '',
      ...extra,
    });

  it('reads physical keys so the Russian layout works', () => {
    expect(key('KeyZ', { key: 'я' })).toBe('undo');
    expect(key('KeyZ', { shiftKey: true })).toBe('redo');
    expect(key('KeyY')).toBe('redo');
    expect(key('KeyD', { key: 'в' })).toBe('fillDown');
    expect(key('KeyS')).toBe('save');
    expect(key('KeyV')).toBeNull();
    expect(key('KeyZ', { ctrlKey: false })).toBeNull();
  });
});

describe('column definitions', () => {
  it('a column with its own parser edits text, so a decimal comma reaches the parser', async () => {
    const { buildColumnDefs } = await import(
      '../../client/src/components/editable-grid/buildColumnDefs'
    );
    const parse = (text: string) => Number(text.replace(',', '.'));
    const defs = buildColumnDefs(
      [
        { field: 'score', parse },
        { field: 'active', parse: (text: string) => text === 'да', cellDataType: 'boolean' },
        { field: 'name' },
      ] as never,
      () => false,
      '',
    );
    const byField = Object.fromEntries(defs.map((d) => [d.field, d]));
    expect(byField.score.cellDataType).toBe(false);
    // An explicit type stays; a column without a parser keeps AG Grid's inference.
    expect(byField.active.cellDataType).toBe('boolean');
    expect(byField.name.cellDataType).toBeUndefined();
  });
});
