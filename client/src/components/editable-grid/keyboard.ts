export type GridShortcut =
  | 'undo'
  | 'redo'
  | 'fillDown'
  | 'fillRight'
  | 'clear'
  | 'deleteRows'
  | 'save'
  | 'history';

/**
 * Shortcut of a keydown, by physical key (`code`) so that Ctrl+Z works in the Russian layout too,
 * where `key` is «я».
 */
export function shortcutOf(e: {
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  code: string;
  key: string;
}): GridShortcut | null {
  if (e.key === 'Delete' && !e.ctrlKey && !e.metaKey && !e.altKey && !e.shiftKey) {
    return 'clear';
  }
  if (!(e.ctrlKey || e.metaKey) || e.altKey) {
    return null;
  }
  const code = e.code || `Key${e.key.toUpperCase()}`;
  switch (code) {
    case 'KeyZ':
      return e.shiftKey ? 'redo' : 'undo';
    case 'KeyY':
      return 'redo';
    case 'KeyD':
      return 'fillDown';
    case 'KeyR':
      // Excel's fill right; the page is not reloaded over unsaved edits.
      return e.shiftKey ? null : 'fillRight';
    case 'Minus':
    case 'NumpadSubtract':
      return 'deleteRows';
    case 'KeyS':
      return 'save';
    case 'KeyH':
      // Ctrl+H alone is the browser's history; Ctrl+Shift+H is free.
      return e.shiftKey ? 'history' : null;
    default:
      return null;
  }
}

/** True while the user types in an editor: then the browser's own undo and paste apply. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) {
    return false;
  }
  const tag = target.tagName;
  return (
    tag === 'INPUT' ||
    tag === 'TEXTAREA' ||
    tag === 'SELECT' ||
    target.isContentEditable ||
    target.closest('.ag-cell-inline-editing, .ag-popup-editor') !== null
  );
}
