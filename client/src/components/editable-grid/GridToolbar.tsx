import type { ReactNode } from 'react';

import { useT } from '../../i18n/I18nProvider';
import type { Bounds } from './range';

interface GridToolbarProps {
  dirtyCount: number;
  saving: boolean;
  canUndo: boolean;
  canRedo: boolean;
  canAddRows: boolean;
  canDeleteRows: boolean;
  saved: boolean;
  extra?: ReactNode;
  /** The cell-history toggle, when the grid's rows keep an audit trail. */
  history?: { open: boolean; onToggle: () => void };
  onSave: () => void;
  onUndo: () => void;
  onRedo: () => void;
  onFillDown: () => void;
  onFillRight: () => void;
  onClear: () => void;
  /** The selected cell range, shown as its size when it is more than one cell. */
  selection: Bounds | null;
  onAddRow: () => void;
  onDeleteRows: () => void;
  onDiscard: () => void;
}

export function GridToolbar(props: GridToolbarProps) {
  const t = useT();
  const clean = props.dirtyCount === 0;
  const selection = props.selection;
  return (
    <div className="eg-toolbar" role="toolbar">
      <button
        type="button"
        className="eg-save"
        onClick={props.onSave}
        disabled={clean || props.saving}
        data-testid="grid-save"
        title="Ctrl+S"
      >
        {props.saving ? t('grid.saving') : t('grid.save')}
      </button>
      <button
        type="button"
        onClick={props.onUndo}
        disabled={!props.canUndo || props.saving}
        data-testid="grid-undo"
        title="Ctrl+Z"
      >
        ↶ {t('grid.undo')}
      </button>
      <button
        type="button"
        onClick={props.onRedo}
        disabled={!props.canRedo || props.saving}
        data-testid="grid-redo"
        title="Ctrl+Y"
      >
        ↷ {t('grid.redo')}
      </button>
      <button
        type="button"
        onClick={props.onFillDown}
        disabled={props.saving}
        data-testid="grid-fill-down"
        title="Ctrl+D"
      >
        ⇣ {t('grid.fillDown')}
      </button>
      <button
        type="button"
        onClick={props.onFillRight}
        disabled={props.saving}
        data-testid="grid-fill-right"
        title="Ctrl+R"
      >
        ⇢ {t('grid.fillRight')}
      </button>
      <button
        type="button"
        onClick={props.onClear}
        disabled={props.saving}
        data-testid="grid-clear"
        title="Delete"
      >
        ⌫ {t('grid.clear')}
      </button>
      {props.canAddRows && (
        <button
          type="button"
          onClick={props.onAddRow}
          disabled={props.saving}
          data-testid="grid-add-row"
        >
          + {t('grid.addRow')}
        </button>
      )}
      {props.canDeleteRows && (
        <button
          type="button"
          onClick={props.onDeleteRows}
          disabled={props.saving}
          data-testid="grid-delete-rows"
        >
          ✕ {t('grid.deleteRows')}
        </button>
      )}
      <button
        type="button"
        onClick={props.onDiscard}
        disabled={clean || props.saving}
        data-testid="grid-discard"
      >
        {t('grid.discard')}
      </button>
      {props.history && (
        <button
          type="button"
          onClick={props.history.onToggle}
          aria-pressed={props.history.open}
          data-testid="grid-history"
          title={t('history.openHint')}
        >
          🕓 {t('history.open')}
        </button>
      )}
      {props.extra}
      <span className="eg-spacer" />
      {selection && (selection.bottom > selection.top || selection.right > selection.left) && (
        <span className="eg-selection" data-testid="grid-selection">
          {t('grid.selection', {
            rows: selection.bottom - selection.top + 1,
            cols: selection.right - selection.left + 1,
          })}
        </span>
      )}
      {props.saved && clean && (
        <span className="eg-notice" role="status" data-testid="grid-saved">
          {t('grid.saved')}
        </span>
      )}
      <span className="eg-dirty-count" data-testid="grid-dirty-count" data-count={props.dirtyCount}>
        {t('grid.dirty', { n: props.dirtyCount })}
      </span>
    </div>
  );
}
