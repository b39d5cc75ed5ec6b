import { useMemo } from 'react';

import { useQuery } from '../../api/useQuery';
import { formatDateTime } from '../../i18n/format';
import { useI18n } from '../../i18n/I18nProvider';
import { QueryStatus } from '../QueryStatus';
import {
  CELL_HISTORY_LIMIT,
  CELL_HISTORY_QUERY,
  type CellChange,
  cellChanges,
  type CellHistoryTarget,
  type ChangeEntry,
  type HistoryTargetState,
  showRecordedValue,
} from './cellHistory';

interface HistoryData {
  history: { totalCount: number; nodes: ChangeEntry[] };
}

/** The audit trail of one cell: who changed it, when, from what to what (issue #3). */
export function CellHistoryPanel({
  target,
  onClose,
}: {
  target: CellHistoryTarget;
  onClose: () => void;
}) {
  const { t, lang } = useI18n();
  const { data, loading, error, refetch } = useQuery<HistoryData>(CELL_HISTORY_QUERY, {
    entity: target.entity,
    id: target.rowId,
    field: target.column,
    first: CELL_HISTORY_LIMIT,
  });
  const changes = useMemo(() => {
    const format = target.format
      ? (value: unknown) => (value === null || value === undefined ? null : target.format!(value))
      : showRecordedValue;
    return data ? cellChanges(data.history.nodes, target.column, format) : [];
  }, [data, target]);
  const hidden = (data?.history.totalCount ?? 0) - (data?.history.nodes.length ?? 0);

  return (
    <aside className="eg-history" data-testid="cell-history" aria-label={t('history.title')}>
      <header className="eg-history-head">
        <strong>
          {t('history.title')}: «{target.header}», {t('history.row', { row: target.position })}
        </strong>
        <button type="button" onClick={onClose} data-testid="cell-history-close">
          ✕
        </button>
      </header>
      <QueryStatus loading={loading && !data} error={error} onRetry={() => void refetch()} />
      {data && changes.length === 0 && <p className="eg-history-empty">{t('history.empty')}</p>}
      <ol className="eg-history-list">
        {changes.map((change) => (
          <li key={change.id} data-testid="cell-history-entry" data-kind={change.kind}>
            <div className="eg-history-meta">
              {formatDateTime(lang, change.at, 'medium')} · {change.actor ?? t('history.system')}
            </div>
            <ChangeText change={change} />
          </li>
        ))}
      </ol>
      {hidden > 0 && <p className="eg-history-empty">{t('history.older', { n: hidden })}</p>}
    </aside>
  );
}

function ChangeText({ change }: { change: CellChange }) {
  const { t } = useI18n();
  const empty = t('history.emptyValue');
  if (change.kind === 'created') {
    return (
      <div>
        {t('history.created')}: <q>{change.after ?? empty}</q>
      </div>
    );
  }
  if (change.kind === 'deleted') {
    return (
      <div>
        {t('history.deleted')}: <q>{change.before ?? empty}</q>
      </div>
    );
  }
  return (
    <div>
      <del>{change.before ?? empty}</del> → <ins>{change.after ?? empty}</ins>
    </div>
  );
}

/** The side panel: a cell's history, or why there is none for the focused cell. */
export function HistorySide({
  target,
  onClose,
}: {
  target: HistoryTargetState;
  onClose: () => void;
}) {
  const { t } = useI18n();
  if (typeof target === 'object') {
    // Keyed by cell and version: another cell, or a save, loads afresh.
    return (
      <CellHistoryPanel
        key={`${target.rowId}:${target.column}:${target.version ?? ''}`}
        target={target}
        onClose={onClose}
      />
    );
  }
  const message =
    target === 'unsaved'
      ? t('history.unsaved')
      : target === 'no-history'
        ? t('history.none')
        : t('history.pickCell');
  return (
    <aside className="eg-history" data-testid="cell-history">
      <header className="eg-history-head">
        <strong>{t('history.title')}</strong>
        <button type="button" onClick={onClose} data-testid="cell-history-close">
          ✕
        </button>
      </header>
      <p className="eg-history-empty">{message}</p>
    </aside>
  );
}
