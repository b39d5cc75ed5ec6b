import { describe, expect, it } from 'vitest';
import {
  type ChangeEntry,
  cellChanges,
  cellHistoryTarget,
  historyColumnOf,
  snakeCase,
} from '../../client/src/components/editable-grid/cellHistory';
import type { EditableColumn } from '../../client/src/components/editable-grid/types';

interface Row {
  id: string | null;
  version?: number | null;
  responsibleText: string;
  executors: string;
}

const entry = (partial: Partial<ChangeEntry>): ChangeEntry => ({
  id: '1',
  at: '2026-11-22T10:00:00Z',
  actorLabel: 'admin',
  action: 'UPDATE',
  field: null,
  oldValue: null,
  newValue: null,
  ...partial,
});

describe('cell history', () => {
  it('maps grid fields to audited columns, or none', () => {
    expect(snakeCase('responsibleText')).toBe('responsible_text');
    expect(snakeCase('text')).toBe('text');
    expect(historyColumnOf<Row>({ field: 'responsibleText' })).toBe('responsible_text');
    expect(historyColumnOf<Row>({ field: 'executors', historyColumn: false })).toBeNull();
    expect(historyColumnOf<Row>({ field: 'executors', historyColumn: 'x_y' })).toBe('x_y');
  });

  it('tells a cell’s story from row creation, field updates and deletion', () => {
    const entries = [
      entry({ id: '1', action: 'CREATE', newValue: { id: 7, responsible_text: 'УО', text: 'a' } }),
      entry({ id: '2', field: 'responsible_text', oldValue: 'УО', newValue: 'ИМЦ' }),
      entry({ id: '3', field: 'text', oldValue: 'a', newValue: 'b' }),
      entry({ id: '4', field: 'responsible_text', oldValue: 'ИМЦ', newValue: null }),
      entry({ id: '5', action: 'DELETE', oldValue: { id: 7, responsible_text: null } }),
    ];
    expect(
      cellChanges(entries, 'responsible_text').map((c) => [c.id, c.kind, c.before, c.after]),
    ).toEqual([
      ['1', 'created', null, 'УО'],
      ['2', 'changed', 'УО', 'ИМЦ'],
      ['4', 'changed', 'ИМЦ', null],
      ['5', 'deleted', null, null],
    ]);
    const upper = cellChanges(entries.slice(0, 2), 'responsible_text', (v) =>
      v == null ? null : String(v).toUpperCase(),
    );
    expect(upper[1]).toMatchObject({ before: 'УО', after: 'ИМЦ' });
    expect(
      cellChanges([entry({ action: 'CREATE', newValue: { n: { a: 1 } } })], 'n')[0].after,
    ).toBe('{"a":1}');
  });

  it('targets saved rows of columns with a history, and says why not otherwise', () => {
    const columns: EditableColumn<Row>[] = [
      { field: 'responsibleText', headerName: 'Ответственные' },
      { field: 'executors', headerName: 'Исполнители', historyColumn: false },
    ];
    const rows: Record<string, Row> = {
      a: { id: '7', version: 3, responsibleText: 'УО', executors: '' },
      b: { id: null, responsibleText: '', executors: '' },
    };
    const target = (key: string, field: string, entity: string | undefined) =>
      cellHistoryTarget(
        entity,
        { key, field },
        columns,
        (k) => rows[k],
        () => 4,
      );
    expect(target('a', 'responsibleText', 'activity')).toEqual({
      entity: 'activity',
      rowId: '7',
      position: 4,
      header: 'Ответственные',
      column: 'responsible_text',
      version: 3,
      format: undefined,
    });
    expect(target('a', 'executors', 'activity')).toBe('no-history');
    expect(target('b', 'responsibleText', 'activity')).toBe('unsaved');
    expect(target('zzz', 'responsibleText', 'activity')).toBe('no-cell');
    expect(target('a', 'responsibleText', undefined)).toBe('no-cell');
  });
});
