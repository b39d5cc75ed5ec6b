// The pure part of saved views: compact column state, a view's filters merged into the page's
// params, and the links that open a view.
import type { ColumnState } from 'ag-grid-community';
import { describe, expect, it } from 'vitest';
import {
  buildViewLink,
  compactColumnState,
  expandColumnState,
  hasPageFilters,
  mergeViewParams,
  parseViewSlug,
  parseViewState,
  pickViewParams,
} from '../../client/src/components/saved-views/viewState';

const GRID_STATE: ColumnState[] = [
  { colId: '__marker', width: 56, hide: false, pinned: 'left', sort: null, sortIndex: null },
  { colId: 'ag-Grid-SelectionColumn', width: 50, hide: false, pinned: 'left' },
  {
    colId: 'unitName',
    width: 240.4,
    hide: false,
    pinned: 'left',
    sort: null,
    sortIndex: null,
    flex: null,
    aggFunc: null,
    rowGroup: false,
    rowGroupIndex: null,
    pivot: false,
    pivotIndex: null,
  },
  { colId: '1~1~A:value', width: 130, hide: true, pinned: null, sort: 'desc', sortIndex: 0 },
  { colId: '1~1~B:value', width: 180, hide: false, pinned: 'right', sort: 'asc', sortIndex: 1 },
  { colId: 'plain', hide: null, pinned: true },
];

describe('column state of a view', () => {
  it('keeps only id, hidden, width, pinning and sort, without the grid’s own columns', () => {
    expect(compactColumnState(GRID_STATE)).toEqual([
      { colId: 'unitName', width: 240, pinned: 'left' },
      { colId: '1~1~A:value', hide: true, width: 130, sort: 'desc', sortIndex: 0 },
      { colId: '1~1~B:value', width: 180, pinned: 'right', sort: 'asc', sortIndex: 1 },
      { colId: 'plain', pinned: 'left' },
    ]);
  });

  it('is compact: 200 columns fit the server’s 32 KB many times over', () => {
    const wide = Array.from({ length: 200 }, (_, i) => ({
      colId: `1~${i}~INDICATOR_CODE:denominator`,
      width: 130,
      hide: i % 2 === 0,
      pinned: null,
      sort: null,
      sortIndex: null,
      flex: null,
      rowGroup: false,
    }));
    expect(JSON.stringify({ params: {}, columns: compactColumnState(wide) }).length).toBeLessThan(
      16 * 1024,
    );
  });

  it('expands back to state that resets what the view leaves out', () => {
    const compact = compactColumnState(GRID_STATE);
    expect(expandColumnState(compact)).toEqual([
      { colId: 'unitName', hide: false, width: 240, pinned: 'left', sort: null, sortIndex: null },
      { colId: '1~1~A:value', hide: true, width: 130, pinned: null, sort: 'desc', sortIndex: 0 },
      { colId: '1~1~B:value', hide: false, width: 180, pinned: 'right', sort: 'asc', sortIndex: 1 },
      { colId: 'plain', hide: false, pinned: 'left', sort: null, sortIndex: null },
    ]);
    // Round trip: compacting the expanded state gives the same view.
    expect(compactColumnState(expandColumnState(compact))).toEqual(compact);
  });

  it('reads a stored state defensively', () => {
    expect(parseViewState(null)).toEqual({ params: {} });
    expect(parseViewState([1, 2])).toEqual({ params: {} });
    expect(
      parseViewState({
        params: { municipality: '7', period: 2024, direction: '1.1' },
        columns: [
          { colId: 'a', width: 90.6, hide: true },
          { width: 5 },
          'b',
          { colId: '__marker' },
        ],
        extra: true,
      }),
    ).toEqual({
      params: { municipality: '7', direction: '1.1' },
      columns: [{ colId: 'a', width: 91, hide: true }],
    });
    expect(parseViewState({ params: 'x', columns: 'y' })).toEqual({ params: {} });
  });
});

describe('filters of a view', () => {
  const KEYS = ['municipality', 'period', 'direction'];

  it('picks the page’s filters from the address, leaving out empty and foreign ones', () => {
    const params = new URLSearchParams('municipality=7&period=2023%2F2024&direction=&view=abc&x=1');
    expect(pickViewParams(params, KEYS)).toEqual({ municipality: '7', period: '2023/2024' });
    expect(hasPageFilters(params, KEYS)).toBe(true);
    expect(hasPageFilters(new URLSearchParams('view=abc&direction='), KEYS)).toBe(false);
    expect(hasPageFilters(new URLSearchParams(''), KEYS)).toBe(false);
  });

  it('replaces the page’s filters with the view’s and names the view', () => {
    expect(
      mergeViewParams(KEYS, { municipality: '9', direction: '1.2', region: '3', period: 7 }, 'S1'),
    ).toEqual({ municipality: '9', direction: '1.2', view: 'S1' });
    // Filters the view does not hold are cleared (the page takes its defaults).
    expect(mergeViewParams(KEYS, {}, null)).toEqual({});
    expect(mergeViewParams(KEYS, { period: '' }, 'S2')).toEqual({ view: 'S2' });
  });
});

describe('links to a view', () => {
  it('builds the app address with the page and the view slug in the hash', () => {
    expect(
      buildViewLink('http://hub.local:3000/#/indicators?municipality=7', 'indicators', 'Ab_9-x'),
    ).toBe('http://hub.local:3000/#/indicators?view=Ab_9-x');
    expect(buildViewLink('https://hub.example/app/', 'olympiads/records', 'q')).toBe(
      'https://hub.example/app/#/olympiads/records?view=q',
    );
  });

  it('parses the slug back from a link or a hash', () => {
    const link = buildViewLink('http://hub.local/', 'comparison', 'Zz_0-1234567890abcdefgh');
    expect(parseViewSlug(link)).toBe('Zz_0-1234567890abcdefgh');
    expect(parseViewSlug('#/indicators?municipality=7&view=abc')).toBe('abc');
    expect(parseViewSlug('#/indicators?municipality=7')).toBeNull();
    expect(parseViewSlug('#/indicators?view=')).toBeNull();
    expect(parseViewSlug('http://hub.local/')).toBeNull();
  });
});
