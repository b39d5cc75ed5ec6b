// Rows as handed to AG Grid: data rows with their edit/error state, plus full-width group headers
// (AG Grid Community has no row grouping, so groups are rows of their own).
import type { GridItem, GroupInfo, RowMeta } from './types';

export const GROUP_KEY_PREFIX = 'group:';

export interface ItemsInput<R> {
  keys: readonly string[];
  rowAt: (key: string) => R;
  metaOf: (key: string, position: number) => RowMeta;
  groupBy?: (row: R) => GroupInfo;
}

/** Keys in display order: grouped by first appearance of each group when `groupBy` is set. */
export function orderKeys<R>(
  keys: readonly string[],
  rowAt: (key: string) => R,
  groupBy?: (row: R) => GroupInfo,
): { key: string; group: GroupInfo | null }[] {
  if (!groupBy) {
    return keys.map((key) => ({ key, group: null }));
  }
  const groups = new Map<string, { info: GroupInfo; keys: string[] }>();
  for (const key of keys) {
    const info = groupBy(rowAt(key));
    const group = groups.get(info.key) ?? { info, keys: [] };
    group.keys.push(key);
    groups.set(info.key, group);
  }
  return [...groups.values()].flatMap((g) => g.keys.map((key) => ({ key, group: g.info })));
}

export function buildItems<R>(input: ItemsInput<R>): { items: GridItem[]; dataKeys: string[] } {
  const ordered = orderKeys(input.keys, input.rowAt, input.groupBy);
  const counts = new Map<string, number>();
  for (const { group } of ordered) {
    if (group) {
      counts.set(group.key, (counts.get(group.key) ?? 0) + 1);
    }
  }
  const items: GridItem[] = [];
  const dataKeys: string[] = [];
  let currentGroup: string | null = null;
  ordered.forEach(({ key, group }, position) => {
    if (group && group.key !== currentGroup) {
      currentGroup = group.key;
      items.push({
        __key: `${GROUP_KEY_PREFIX}${group.key}`,
        __group: group.label,
        __groupCount: counts.get(group.key) ?? 0,
        id: null,
      });
    }
    dataKeys.push(key);
    const row = input.rowAt(key) as Record<string, unknown>;
    items.push({ ...row, __key: key, __meta: input.metaOf(key, position + 1) });
  });
  return { items, dataKeys };
}

export function sameMeta(a: RowMeta | undefined, b: RowMeta | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Same shown content: equal fields (shallow) and equal row state. */
export function sameItem(a: GridItem, b: GridItem): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) {
    return false;
  }
  return keys.every((k) => (k === '__meta' ? sameMeta(a.__meta, b.__meta) : Object.is(a[k], b[k])));
}
