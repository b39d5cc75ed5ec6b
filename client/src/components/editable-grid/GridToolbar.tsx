import type { ReactNode } from 'react';

import { useT } from '../../i18n/I18nProvider';

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
  onAddRow: () => void;
  onDeleteRows: () => void;
  onDiscard: () => void;
}

export function GridToolbar(props: GridToolbarProps) {
  const t = useT();
  const clean = props.dirtyCount === 0;
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
