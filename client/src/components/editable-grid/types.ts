import type { ColDef } from 'ag-grid-community';

export interface GridRowBase {
  id: string | null;
  version?: number | null;
}

/** A row as the grid shows it: the page's row plus the grid's own bookkeeping. */
export type GridItem = Record<string, unknown> & {
  __key: string;
  __group?: string;
  __groupCount?: number;
  __meta?: RowMeta;
};

export interface RowMeta {
  position: number;
  dirtyFields: readonly string[];
  errors: Readonly<Record<string, string>>;
  /** Unreadable text typed or pasted into a cell, shown in place of its value. */
  invalid: Readonly<Record<string, string>>;
  rowError: string | null;
  isNew: boolean;
  deleted: boolean;
}

export type EditableColumn<R extends GridRowBase> = Omit<ColDef<GridItem>, 'field' | 'editable'> & {
  field: Extract<keyof R, string>;
  editable?: boolean | ((row: R) => boolean);
  /** Converts edited or pasted text to the stored value; throw an Error to reject the text. */
  parse?: (text: string, row: R) => unknown;
  /** Returns an error message for an invalid value, or null; checked before Save. */
  validate?: (value: unknown, row: R) => string | null;
  /**
   * Database column whose audit trail is this cell's history; defaults to the field in
   * snake_case, `false` when the cell has no history of its own (e.g. a list from another table).
   */
  historyColumn?: string | false;
  /** Shows a recorded (database) value in the history panel; defaults to the value as text. */
  formatHistoryValue?: (value: unknown) => string;
};

export interface SaveChange<R> {
  /** Position in the array handed to onSave; server row errors refer to it. */
  index: number;
  row: R;
  changedFields: string[];
  isNew: boolean;
}

export interface RowError {
  index: number;
  field: string | null;
  code: string;
  message: string;
}

export interface SaveResult {
  errors: RowError[];
}

export interface GroupInfo {
  key: string;
  label: string;
}
