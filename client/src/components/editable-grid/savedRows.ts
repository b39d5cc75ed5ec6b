import type { GridRowBase, SaveChange } from './types';

/**
 * The page's rows after a save. The server returns the saved rows in input order: each replaces
 * the row of its change (found by id), and a new row is appended.
 */
export function mergeSavedRows<R extends GridRowBase, N>(
  current: readonly R[],
  changes: readonly SaveChange<R>[],
  saved: readonly N[],
  toRow: (node: N, change: SaveChange<R>) => R,
): R[] {
  const next = [...current];
  changes.forEach((change, i) => {
    const node = saved[i];
    if (!node) {
      return;
    }
    const at = change.row.id === null ? -1 : next.findIndex((r) => r.id === change.row.id);
    if (at < 0) {
      next.push(toRow(node, change));
    } else {
      next[at] = toRow(node, change);
    }
  });
  return next;
}
