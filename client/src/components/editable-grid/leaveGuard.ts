import { useEffect, useMemo } from 'react';

// Grids with unsaved changes, so navigation elsewhere in the app can ask before discarding them.
const dirtyGrids = new Set<symbol>();

export function markGridDirty(id: symbol, dirty: boolean): void {
  if (dirty) {
    dirtyGrids.add(id);
  } else {
    dirtyGrids.delete(id);
  }
}

export function hasUnsavedChanges(): boolean {
  return dirtyGrids.size > 0;
}

/** True when there is nothing to lose or the user agreed to lose it. */
export function confirmDiscard(message: string): boolean {
  return !hasUnsavedChanges() || window.confirm(message);
}

/** Registers the grid's dirty state and warns before the tab is closed or reloaded. */
export function useLeaveWarning(dirty: boolean, message: string): void {
  const id = useMemo(() => Symbol('editable-grid'), []);
  useEffect(() => {
    markGridDirty(id, dirty);
    return () => markGridDirty(id, false);
  }, [dirty, id]);
  useEffect(() => {
    if (!dirty) {
      return undefined;
    }
    const handler = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = message;
    };
    window.addEventListener('beforeunload', handler);
    return () => window.removeEventListener('beforeunload', handler);
  }, [dirty, message]);
}
