import { useMemo, useRef } from 'react';

import type { Baseline, EditState, InvalidCell } from './editState';
import { currentRow, dirtyFields, isAdded } from './editState';
import type { KeyedError } from './gridErrors';
import { errorsByRow } from './gridErrors';
import { buildItems, sameItem } from './gridItems';
import type { GridItem, GridRowBase, GroupInfo, RowMeta } from './types';

function unreadable(cells: Readonly<Record<string, InvalidCell>> | undefined) {
  return Object.fromEntries(Object.entries(cells ?? {}).map(([field, c]) => [field, c.message]));
}

/** Grid items with per-row state; unchanged rows keep their object so AG Grid skips them. */
export function useGridItems<R extends GridRowBase>(
  rows: readonly R[],
  keyOf: (row: R) => string,
  state: EditState<R>,
  base: Baseline<R>,
  errors: readonly KeyedError[],
  groupBy?: (row: R) => GroupInfo,
) {
  const cache = useRef(new Map<string, GridItem>());
  return useMemo(() => {
    const { cells, rows: rowErrors } = errorsByRow(errors);
    const added = state.added.filter((a) => !state.deleted.includes(a.key)).map((a) => a.key);
    const keys = [...rows.map(keyOf), ...added];
    const metaOf = (key: string, position: number): RowMeta => ({
      position,
      dirtyFields: isAdded(state, key) ? [] : dirtyFields(state, base, key),
      errors: { ...unreadable(state.invalid[key]), ...cells.get(key) },
      invalid: Object.fromEntries(
        Object.entries(state.invalid[key] ?? {}).map(([field, cell]) => [field, cell.text]),
      ),
      rowError: rowErrors.get(key) ?? null,
      isNew: isAdded(state, key),
      deleted: state.deleted.includes(key),
    });
    const rowAt = (key: string) => currentRow(state, base, key) as R;
    const built = buildItems({ keys, rowAt, metaOf, groupBy });
    const next = new Map<string, GridItem>();
    const items = built.items.map((item) => {
      const cached = cache.current.get(item.__key);
      const kept = cached && sameItem(cached, item) ? cached : item;
      next.set(item.__key, kept);
      return kept;
    });
    cache.current = next;
    return { items, dataKeys: built.dataKeys };
  }, [rows, keyOf, state, base, errors, groupBy]);
}
