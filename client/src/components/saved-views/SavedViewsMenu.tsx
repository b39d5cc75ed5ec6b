import './savedViews.css';

import type { FormEvent, KeyboardEvent } from 'react';
import { useEffect, useRef, useState } from 'react';

import { useI18n } from '../../i18n/I18nProvider';
import type { SavedView } from './savedViews.queries';
import type { GridColumnItem, SavedViewsController } from './useSavedViews';

interface SavedViewsMenuProps {
  views: SavedViewsController;
}

type Dialog = { mode: 'save' } | { mode: 'rename'; view: SavedView };
type Panel = 'menu' | 'columns' | null;

/** «Виды»: the person's saved views of the page, saving, links and the shown columns. */
export function SavedViewsMenu({ views }: SavedViewsMenuProps) {
  const { t } = useI18n();
  const [panel, setPanel] = useState<Panel>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [link, setLink] = useState<{ name: string; url: string; copied: boolean | null } | null>(
    null,
  );
  const rootRef = useRef<HTMLDivElement>(null);
  const menuButton = useRef<HTMLButtonElement>(null);
  const columnsButton = useRef<HTMLButtonElement>(null);
  const { current, notice } = views;

  // A click elsewhere closes the open panel.
  useEffect(() => {
    if (panel === null) {
      return;
    }
    const onDown = (event: MouseEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) {
        setPanel(null);
      }
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [panel]);

  const closePanel = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      const back = panel === 'columns' ? columnsButton.current : menuButton.current;
      setPanel(null);
      back?.focus();
    }
  };
  const toggle = (next: Exclude<Panel, null>) => setPanel(panel === next ? null : next);

  const copyLink = (view: SavedView) => {
    const url = views.linkOf(view);
    setLink({ name: view.name, url, copied: null });
    const write = navigator.clipboard?.writeText(url) ?? Promise.reject(new Error('no clipboard'));
    write.then(
      () => setLink({ name: view.name, url, copied: true }),
      () => setLink({ name: view.name, url, copied: false }),
    );
  };
  const remove = (view: SavedView) => {
    if (window.confirm(t('views.deleteConfirm', { name: view.name }))) {
      void views.remove(view);
    }
  };

  return (
    <div className="sv" ref={rootRef} data-testid="saved-views">
      <div className="sv-bar">
        <span className="sv-anchor">
          <button
            type="button"
            ref={menuButton}
            aria-haspopup="true"
            aria-expanded={panel === 'menu'}
            onClick={() => toggle('menu')}
            data-testid="views-button"
          >
            {t('views.button')} ▾
          </button>
          {panel === 'menu' && (
            <div
              className="sv-panel"
              role="group"
              aria-label={t('views.menuLabel')}
              onKeyDown={closePanel}
              data-testid="views-menu"
            >
              {views.loading && views.views.length === 0 && (
                <p className="muted">{t('views.loading')}</p>
              )}
              {!views.loading && views.views.length === 0 && (
                <p className="muted">{t('views.none')}</p>
              )}
              <ul className="sv-list">
                {views.views.map((view) => (
                  <ViewItem
                    key={view.id}
                    view={view}
                    active={current?.id === view.id}
                    onApply={() => {
                      setPanel(null);
                      views.apply(view);
                      menuButton.current?.focus();
                    }}
                    onCopy={() => copyLink(view)}
                    onRename={() => {
                      setPanel(null);
                      setDialog({ mode: 'rename', view });
                    }}
                    onDelete={() => remove(view)}
                  />
                ))}
              </ul>
              <button type="button" onClick={() => setPanel(null)} data-testid="views-close">
                {t('views.close')}
              </button>
            </div>
          )}
        </span>
        <button type="button" onClick={() => setDialog({ mode: 'save' })} data-testid="views-save">
          {t('views.saveAs')}
        </button>
        {views.hasGrid && (
          <span className="sv-anchor">
            <button
              type="button"
              ref={columnsButton}
              aria-haspopup="true"
              aria-expanded={panel === 'columns'}
              onClick={() => toggle('columns')}
              data-testid="views-columns"
            >
              {t('views.columns')} ▾
            </button>
            {panel === 'columns' && (
              <ColumnsPanel
                columns={views.gridColumns()}
                onToggle={views.setColumnVisible}
                onKeyDown={closePanel}
              />
            )}
          </span>
        )}
        {current && (
          <span className="sv-current" data-testid="views-current">
            {current.mine
              ? t('views.current', { name: current.name })
              : t('views.foreign', { owner: current.ownerName, name: current.name })}
            {!current.mine && <span className="muted"> {t('views.foreignHint')}</span>}
          </span>
        )}
      </div>
      {dialog && (
        <ViewDialog
          dialog={dialog}
          views={views}
          onClose={() => {
            setDialog(null);
            menuButton.current?.focus();
          }}
        />
      )}
      {link && (
        <div className="sv-link" data-testid="view-link-box">
          <label className="field">
            <span>{t('views.linkLabel')}</span>
            <input
              readOnly
              value={link.url}
              size={60}
              onFocus={(event) => event.target.select()}
              data-testid="view-link"
            />
          </label>
          {link.copied !== null && (
            <span role="status" className={link.copied ? 'muted' : 'sv-error'}>
              {link.copied ? t('views.linkCopied', { name: link.name }) : t('views.copyFailed')}
            </span>
          )}
          <button type="button" onClick={() => setLink(null)} aria-label={t('views.close')}>
            ×
          </button>
        </div>
      )}
      {notice && (
        <p
          className={notice.kind === 'error' ? 'sv-error' : 'muted'}
          role={notice.kind === 'error' ? 'alert' : 'status'}
          data-testid="views-notice"
        >
          {notice.text}{' '}
          <button type="button" onClick={views.dismissNotice} aria-label={t('views.close')}>
            ×
          </button>
        </p>
      )}
    </div>
  );
}

interface ViewItemProps {
  view: SavedView;
  active: boolean;
  onApply: () => void;
  onCopy: () => void;
  onRename: () => void;
  onDelete: () => void;
}

function ViewItem({ view, active, onApply, onCopy, onRename, onDelete }: ViewItemProps) {
  const { t } = useI18n();
  return (
    <li
      className={active ? 'sv-item sv-active' : 'sv-item'}
      data-testid="view-item"
      data-name={view.name}
    >
      <button
        type="button"
        className="sv-apply"
        onClick={onApply}
        aria-label={t('views.apply', { name: view.name })}
        data-testid="view-apply"
      >
        {view.name}
      </button>
      {view.isDefault && (
        <span className="sv-badge" data-testid="view-default">
          {t('views.default')}
        </span>
      )}
      {view.shared && <span className="sv-badge">{t('views.shared')}</span>}
      {view.shared && (
        <button type="button" onClick={onCopy} data-testid="view-copy-link">
          {t('views.copyLink')}
        </button>
      )}
      <button type="button" onClick={onRename} data-testid="view-rename">
        {t('views.rename')}
      </button>
      <button type="button" onClick={onDelete} data-testid="view-delete">
        {t('views.delete')}
      </button>
    </li>
  );
}

interface ColumnsPanelProps {
  columns: GridColumnItem[];
  onToggle: (colId: string, visible: boolean) => void;
  onKeyDown: (event: KeyboardEvent) => void;
}

function ColumnsPanel({ columns, onToggle, onKeyDown }: ColumnsPanelProps) {
  const { t } = useI18n();
  // The grid is the source of truth; the ticks re-read it after each toggle.
  const [shown, setShown] = useState(columns);
  return (
    <fieldset
      className="sv-panel sv-columns"
      onKeyDown={onKeyDown}
      data-testid="views-columns-panel"
    >
      <legend>{t('views.columnsLabel')}</legend>
      {shown.map((column) => (
        <label key={column.colId} className="sv-column">
          <input
            type="checkbox"
            checked={column.visible}
            onChange={(event) => {
              onToggle(column.colId, event.target.checked);
              setShown((list) =>
                list.map((c) =>
                  c.colId === column.colId ? { ...c, visible: event.target.checked } : c,
                ),
              );
            }}
            data-testid={`views-column-${column.colId}`}
          />
          {column.name}
        </label>
      ))}
    </fieldset>
  );
}

interface ViewDialogProps {
  dialog: Dialog;
  views: SavedViewsController;
  onClose: () => void;
}

function ViewDialog({ dialog, views, onClose }: ViewDialogProps) {
  const { t } = useI18n();
  const { current } = views;
  const own = dialog.mode === 'save' && current?.mine ? current : null;
  const start = dialog.mode === 'rename' ? dialog.view : current;
  const [name, setName] = useState(start?.name ?? '');
  const [shared, setShared] = useState(own?.shared ?? false);
  const [isDefault, setIsDefault] = useState(own?.isDefault ?? false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (asNew: boolean) => {
    setBusy(true);
    const refused =
      dialog.mode === 'rename'
        ? await views.rename(dialog.view, name)
        : await views.save({ name, shared, isDefault, asNew });
    setBusy(false);
    if (refused === null) {
      onClose();
    } else {
      setError(refused);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(own === null);
  };
  const title =
    dialog.mode === 'rename'
      ? t('views.renameTitle', { name: dialog.view.name })
      : t('views.dialogTitle');

  return (
    <form
      className="sv-dialog"
      role="dialog"
      aria-label={title}
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
      data-testid="views-dialog"
    >
      <strong>{title}</strong>
      <label className="field">
        <span>{t('views.name')}</span>
        <input
          autoFocus
          value={name}
          maxLength={120}
          onChange={(event) => setName(event.target.value)}
          data-testid="views-name"
        />
      </label>
      {dialog.mode === 'save' && (
        <>
          <label className="sv-check">
            <input
              type="checkbox"
              checked={shared}
              onChange={(event) => setShared(event.target.checked)}
              data-testid="views-shared"
            />
            {t('views.sharedLabel')}
          </label>
          <label className="sv-check">
            <input
              type="checkbox"
              checked={isDefault}
              onChange={(event) => setIsDefault(event.target.checked)}
              data-testid="views-default"
            />
            {t('views.defaultLabel')}
          </label>
        </>
      )}
      {error && (
        <p className="sv-error" role="alert" data-testid="views-dialog-error">
          {error}
        </p>
      )}
      <div className="sv-actions">
        {dialog.mode === 'rename' ? (
          <button type="submit" disabled={busy} data-testid="views-rename-submit">
            {t('views.saveRename')}
          </button>
        ) : (
          <>
            {own && (
              <button type="submit" disabled={busy} data-testid="views-update">
                {t('views.update', { name: own.name })}
              </button>
            )}
            <button
              type={own ? 'button' : 'submit'}
              disabled={busy}
              onClick={own ? () => void run(true) : undefined}
              data-testid="views-save-new"
            >
              {t('views.saveNew')}
            </button>
          </>
        )}
        <button type="button" onClick={onClose} data-testid="views-cancel">
          {t('views.cancel')}
        </button>
      </div>
    </form>
  );
}
