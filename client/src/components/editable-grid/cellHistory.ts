import type { EditableColumn, GridRowBase } from './types';

/** Which cell the history panel shows, or why it shows none. */
export interface CellHistoryTarget {
  entity: string;
  rowId: string;
  /** Row number as the grid shows it. */
  position: number;
  /** Column header, for the title. */
  header: string;
  column: string;
  /** The saved version: the panel reloads when it changes (after a save). */
  version: number | null | undefined;
  format?: (value: unknown) => string;
}

export type HistoryTargetState = CellHistoryTarget | 'no-cell' | 'unsaved' | 'no-history';

/** One audit-trail entry as the `history` query returns it. */
export interface ChangeEntry {
  id: string;
  at: string;
  actorLabel: string | null;
  action: 'CREATE' | 'UPDATE' | 'DELETE';
  field: string | null;
  oldValue: unknown;
  newValue: unknown;
}

/** One line of a cell's story: who changed the value, when, from what to what. */
export interface CellChange {
  id: string;
  at: string;
  actor: string | null;
  kind: 'created' | 'changed' | 'deleted';
  before: string | null;
  after: string | null;
}

export const CELL_HISTORY_QUERY = `query CellHistory($entity: String!, $id: ID!, $field: String, $first: Int) {
  history(entity: $entity, id: $id, field: $field, first: $first) {
    totalCount
    nodes { id at actorLabel action field oldValue newValue }
  }
}`;

/** At most this many entries are shown; older ones are counted, not listed. */
export const CELL_HISTORY_LIMIT = 200;

export function snakeCase(field: string): string {
  return field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/** The audited column behind a grid column, or null when the cell keeps no history of its own. */
export function historyColumnOf<R extends GridRowBase>(column: EditableColumn<R>): string | null {
  if (column.historyColumn === false) {
    return null;
  }
  return column.historyColumn ?? snakeCase(column.field);
}

export function showRecordedValue(value: unknown): string | null {
  if (value === null || value === undefined) {
    return null;
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function columnValue(row: unknown, column: string): unknown {
  return row && typeof row === 'object' ? (row as Record<string, unknown>)[column] : undefined;
}

/**
 * Entries of `history(…, field: column)` → the cell's story, oldest first. Creation and deletion
 * entries carry the whole row; the cell's value is picked out of it.
 */
export function cellChanges(
  entries: readonly ChangeEntry[],
  column: string,
  format: (value: unknown) => string | null = showRecordedValue,
): CellChange[] {
  return entries.flatMap((entry): CellChange[] => {
    const base = { id: entry.id, at: entry.at, actor: entry.actorLabel };
    switch (entry.action) {
      case 'CREATE':
        return [
          {
            ...base,
            kind: 'created',
            before: null,
            after: format(columnValue(entry.newValue, column)),
          },
        ];
      case 'DELETE':
        return [
          {
            ...base,
            kind: 'deleted',
            before: format(columnValue(entry.oldValue, column)),
            after: null,
          },
        ];
      case 'UPDATE':
        return entry.field === column
          ? [
              {
                ...base,
                kind: 'changed',
                before: format(entry.oldValue),
                after: format(entry.newValue),
              },
            ]
          : [];
    }
  });
}

/** The focused cell as a history target: saved rows of columns that keep a history. */
export function cellHistoryTarget<R extends GridRowBase>(
  entity: string | undefined,
  focused: { key: string; field: string } | null,
  columns: readonly EditableColumn<R>[],
  rowAt: (key: string) => R | undefined,
  positionOf: (key: string) => number,
): HistoryTargetState {
  const column = focused && columns.find((c) => c.field === focused.field);
  const row = focused ? rowAt(focused.key) : undefined;
  if (!entity || !focused || !column || !row) {
    return 'no-cell';
  }
  const dbColumn = historyColumnOf(column);
  if (!dbColumn) {
    return 'no-history';
  }
  if (!row.id) {
    return 'unsaved';
  }
  return {
    entity,
    rowId: row.id,
    position: positionOf(focused.key),
    header: String(column.headerName ?? column.field),
    column: dbColumn,
    version: row.version,
    format: column.formatHistoryValue,
  };
}
