import type { KeyedError } from './gridErrors';
import type { EditableColumn, GridRowBase, SaveChange } from './types';

/** Runs column validators over changed cells (and every cell of new rows) before Save. */
export function validateChanges<R extends GridRowBase>(
  columns: readonly EditableColumn<R>[],
  changes: readonly SaveChange<R>[],
  keys: readonly string[],
): KeyedError[] {
  const errors: KeyedError[] = [];
  changes.forEach((change, i) => {
    for (const column of columns) {
      if (!column.validate || (!change.isNew && !change.changedFields.includes(column.field))) {
        continue;
      }
      const value = (change.row as Record<string, unknown>)[column.field];
      const message = column.validate(value, change.row);
      if (message !== null) {
        errors.push({ key: keys[i], field: column.field, code: 'BAD_USER_INPUT', message });
      }
    }
  });
  return errors;
}
