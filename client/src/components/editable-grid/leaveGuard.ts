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
