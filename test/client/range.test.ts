import { describe, expect, it } from 'vitest';

import { shortcutOf } from '../../client/src/components/editable-grid/keyboard';
import {
  boundsOf,
  contains,
  fillBounds,
  moveEnd,
  singleCell,
} from '../../client/src/components/editable-grid/range';

describe('cell range geometry', () => {
  it('normalises a range dragged up and left into bounds', () => {
    const b = boundsOf({ anchor: { row: 5, col: 3 }, end: { row: 2, col: 1 } });
    expect(b).toEqual({ top: 2, bottom: 5, left: 1, right: 3 });
    expect(contains(b, 2, 1)).toBe(true);
    expect(contains(b, 5, 3)).toBe(true);
    expect(contains(b, 6, 3)).toBe(false);
    expect(contains(b, 3, 0)).toBe(false);
  });

  it('moves the far corner with shift+arrows, keeping the anchor, clamped to the grid', () => {
    let range = singleCell({ row: 0, col: 0 });
    range = moveEnd(range, 1, 0, 3, 2);
    range = moveEnd(range, 1, 0, 3, 2);
    range = moveEnd(range, 1, 0, 3, 2);
    range = moveEnd(range, 0, 1, 3, 2);
    range = moveEnd(range, 0, 1, 3, 2);
    expect(range).toEqual({ anchor: { row: 0, col: 0 }, end: { row: 2, col: 1 } });
    expect(moveEnd(range, -5, -5, 3, 2).end).toEqual({ row: 0, col: 0 });
  });

  it('stretches the fill handle one way only: down or right, whichever went further', () => {
    const source = { top: 2, bottom: 3, left: 1, right: 1 };
    expect(fillBounds(source, { row: 9, col: 2 })).toEqual({ ...source, bottom: 9 });
    expect(fillBounds(source, { row: 4, col: 6 })).toEqual({ ...source, right: 6 });
    // Back inside (or above/left of) the source: nothing to fill.
    expect(fillBounds(source, { row: 2, col: 0 })).toEqual(source);
  });
});

describe('grid shortcuts', () => {
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

  it('maps Excel shortcuts by physical key (the Russian layout too)', () => {
    expect(key('KeyD')).toBe('fillDown');
    expect(key('KeyR')).toBe('fillRight');
    expect(key('KeyZ')).toBe('undo');
    expect(key('KeyZ', { shiftKey: true })).toBe('redo');
    expect(key('KeyY')).toBe('redo');
    expect(key('Minus')).toBe('deleteRows');
    expect(key('KeyR', { shiftKey: true })).toBeNull();
    expect(key('KeyQ')).toBeNull();
    expect(key('', { ctrlKey: false, key: 'Delete' })).toBe('clear');
    expect(key('', { ctrlKey: false, shiftKey: true, key: 'Delete' })).toBeNull();
  });
});
