import { describe, expect, it } from 'vitest';

import {
  canRedo,
  canUndo,
  emptyHistory,
  recordStep,
  redoStep,
  undoStep,
} from '../../client/src/components/editable-grid/history';

describe('undo history', () => {
  it('undoes and redoes steps in order', () => {
    let h = recordStep(recordStep(emptyHistory<string>(), 'edit'), 'paste');
    const u1 = undoStep(h);
    expect(u1?.step).toBe('paste');
    h = u1!.history;
    expect(canUndo(h) && canRedo(h)).toBe(true);
    const r1 = redoStep(h);
    expect(r1?.step).toBe('paste');
    expect(r1?.history.past).toEqual(['edit', 'paste']);
  });

  it('drops the redo branch when a new step is recorded', () => {
    const h = undoStep(recordStep(emptyHistory<string>(), 'a'))!.history;
    expect(canRedo(h)).toBe(true);
    const next = recordStep(h, 'b');
    expect(canRedo(next)).toBe(false);
    expect(next.past).toEqual(['b']);
  });

  it('returns null when there is nothing to undo or redo', () => {
    expect(undoStep(emptyHistory())).toBeNull();
    expect(redoStep(emptyHistory())).toBeNull();
  });

  it('keeps at most `limit` steps', () => {
    let h = emptyHistory<number>();
    for (let i = 0; i < 5; i++) {
      h = recordStep(h, i, 3);
    }
    expect(h.past).toEqual([2, 3, 4]);
  });
});
