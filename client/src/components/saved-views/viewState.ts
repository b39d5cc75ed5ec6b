// The pure part of saved views: what a view keeps (the page's URL filters and a compact column
// state), how it goes back onto the page, and the links that open it.
import type { ColumnState } from 'ag-grid-community';

/** One column of a view: only what a person can change (visibility, width, pinning, sort). */
export interface CompactColumn {
  colId: string;
  hide?: true;
  width?: number;
  pinned?: 'left' | 'right';
  sort?: 'asc' | 'desc';
  sortIndex?: number;
}

/** The JSON a view stores (opaque to the server, at most 32 KB). */
export interface ViewState {
  /** The page's URL filter params, e.g. `{ municipality: '7', period: '2023/2024' }`. */
  params: Record<string, string>;
  /** Column order and state; absent on pages without a grid. */
  columns?: CompactColumn[];
}

/** The hash param that opens a saved view by its link. */
export const VIEW_PARAM = 'view';

// The grid's own columns (row numbers, the selection checkboxes) are not the page's to keep.
const isOwnColumn = (colId: string) => colId.startsWith('__') || colId.startsWith('ag-Grid-');

/** The grid's column state reduced to what a view keeps, in the grid's order. */
export function compactColumnState(state: readonly ColumnState[]): CompactColumn[] {
  return state
    .filter((column) => !isOwnColumn(column.colId))
    .map((column) => {
      const compact: CompactColumn = { colId: column.colId };
      if (column.hide) {
        compact.hide = true;
      }
      if (typeof column.width === 'number') {
        compact.width = Math.round(column.width);
      }
      if (column.pinned === 'left' || column.pinned === true) {
        compact.pinned = 'left';
      } else if (column.pinned === 'right') {
        compact.pinned = 'right';
      }
      if (column.sort === 'asc' || column.sort === 'desc') {
        compact.sort = column.sort;
        if (typeof column.sortIndex === 'number') {
          compact.sortIndex = column.sortIndex;
        }
      }
      return compact;
    });
}

/**
 * A view's columns as state to apply: what the view leaves out is reset (shown, unpinned,
 * unsorted), so applying a view undoes whatever the grid showed before.
 */
export function expandColumnState(columns: readonly CompactColumn[]): ColumnState[] {
  return columns.map((column) => ({
    colId: column.colId,
    hide: column.hide === true,
    ...(column.width !== undefined ? { width: column.width } : {}),
    pinned: column.pinned ?? null,
    sort: column.sort ?? null,
    sortIndex: column.sort ? (column.sortIndex ?? null) : null,
  }));
}

/** The page's filters present in its URL (empty values left out). */
export function pickViewParams(
  params: URLSearchParams,
  keys: readonly string[],
): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const key of keys) {
    const value = params.get(key);
    if (value) {
      picked[key] = value;
    }
  }
  return picked;
}

/** Whether the URL names any of the page's filters (then no default view is applied). */
export function hasPageFilters(params: URLSearchParams, keys: readonly string[]): boolean {
  return Object.keys(pickViewParams(params, keys)).length > 0;
}

/**
 * The page params once a view is applied: the view's filters replace the page's (filters the
 * view does not hold are cleared so the page falls back to its defaults); unknown keys in a
 * view are ignored; `view` names the applied view.
 */
export function mergeViewParams(
  keys: readonly string[],
  viewParams: Readonly<Record<string, unknown>>,
  slug: string | null,
): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const key of keys) {
    const value = viewParams[key];
    if (typeof value === 'string' && value !== '') {
      merged[key] = value;
    }
  }
  if (slug) {
    merged[VIEW_PARAM] = slug;
  }
  return merged;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A stored state read defensively: it is opaque JSON and may come from an older client. */
export function parseViewState(raw: unknown): ViewState {
  const state = isRecord(raw) ? raw : {};
  const params: Record<string, string> = {};
  if (isRecord(state.params)) {
    for (const [key, value] of Object.entries(state.params)) {
      if (typeof value === 'string') {
        params[key] = value;
      }
    }
  }
  if (!Array.isArray(state.columns)) {
    return { params };
  }
  const columns = state.columns
    .filter((c): c is Record<string, unknown> => isRecord(c) && typeof c.colId === 'string')
    .map((c) => ({ ...c, colId: c.colId as string }) as ColumnState);
  return { params, columns: compactColumnState(columns) };
}

/** The link that opens a view: the app's address with `#/<page>?view=<slug>`. */
export function buildViewLink(appUrl: string, page: string, slug: string): string {
  const base = appUrl.replace(/#.*$/, '');
  return `${base}#/${page}?${new URLSearchParams({ [VIEW_PARAM]: slug }).toString()}`;
}

/** The view slug of an app link or hash, or null. */
export function parseViewSlug(link: string): string | null {
  const hash = link.includes('#') ? link.slice(link.indexOf('#') + 1) : link;
  const query = hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : '';
  const slug = new URLSearchParams(query).get(VIEW_PARAM);
  return slug ? slug : null;
}
