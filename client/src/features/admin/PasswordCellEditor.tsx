import type { CustomCellEditorProps } from 'ag-grid-react';
import { useEffect, useRef } from 'react';

/** Cell editor of the write-only password column: the typed text is never shown in clear. */
export function PasswordCellEditor({ value, onValueChange, eventKey }: CustomCellEditorProps) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    // Editing started by typing a character: that character is the start of the password.
    if (eventKey && eventKey.length === 1) {
      onValueChange(eventKey);
    }
    input.current?.focus();
  }, []); // once, when the editor opens
  return (
    <input
      ref={input}
      type="password"
      className="ag-input-field-input ag-text-field-input"
      autoComplete="new-password"
      value={typeof value === 'string' ? value : ''}
      onChange={(e) => onValueChange(e.target.value)}
      data-testid="password-editor"
    />
  );
}
