/** Undo/redo stack of opaque steps; one user action (edit, paste, fill-down) is one step. */
export interface History<S> {
  past: readonly S[];
  future: readonly S[];
}

export const HISTORY_LIMIT = 200;

export function emptyHistory<S>(): History<S> {
  return { past: [], future: [] };
}

export function recordStep<S>(history: History<S>, step: S, limit = HISTORY_LIMIT): History<S> {
  const past = [...history.past, step];
  // A new action invalidates the redo branch, as in every editor.
  return { past: past.length > limit ? past.slice(past.length - limit) : past, future: [] };
}

export function undoStep<S>(history: History<S>): { history: History<S>; step: S } | null {
  const step = history.past[history.past.length - 1];
  if (step === undefined) {
    return null;
  }
  return {
    step,
    history: { past: history.past.slice(0, -1), future: [step, ...history.future] },
  };
}

export function redoStep<S>(history: History<S>): { history: History<S>; step: S } | null {
  const step = history.future[0];
  if (step === undefined) {
    return null;
  }
  return {
    step,
    history: { past: [...history.past, step], future: history.future.slice(1) },
  };
}

export function canUndo<S>(history: History<S>): boolean {
  return history.past.length > 0;
}

export function canRedo<S>(history: History<S>): boolean {
  return history.future.length > 0;
}
