import { useMemo } from 'react';

import { API_PAGE_SIZE } from '../../api/paging';
import { EditableGrid } from '../../components/editable-grid';
import { QueryStatus } from '../../components/QueryStatus';
import { useI18n } from '../../i18n/I18nProvider';
import { writesRows } from '../auth/access';
import { useAuth } from '../auth/AuthProvider';
import { buildOccurrenceColumns } from './occurrences.columns';
import type { OccurrenceFilters, OccurrenceRow } from './occurrenceRow';
import { useOccurrenceRows } from './useOccurrenceRows';

interface OccurrencesGridProps {
  filters: OccurrenceFilters;
  offset: number;
  onOffset: (offset: number) => void;
}

export function OccurrencesGrid({ filters, offset, onOffset }: OccurrencesGridProps) {
  const { t, lang } = useI18n();
  const { rows, total, loading, error, reload, save } = useOccurrenceRows(filters, offset);
  const columns = useMemo(() => buildOccurrenceColumns(t, lang), [t, lang]);
  // The server lists only rows in the viewer's scope; writing them needs a writing role.
  const { me } = useAuth();
  const canWrite = writesRows(me?.role);
  return (
    <>
      <QueryStatus error={error} onRetry={() => void reload()} />
      <EditableGrid<OccurrenceRow>
        columns={columns}
        rows={rows}
        onSave={save}
        onReload={reload}
        loading={loading}
        readOnly={!canWrite}
        toolbarExtra={
          <span className="pager">
            <button
              type="button"
              onClick={() => onOffset(Math.max(0, offset - API_PAGE_SIZE))}
              disabled={offset === 0}
              aria-label={t('common.prevPage')}
              data-testid="page-prev"
            >
              ‹
            </button>
            <span className="muted" data-testid="occurrences-total">
              {t('common.range', {
                from: rows.length === 0 ? 0 : offset + 1,
                to: offset + rows.length,
                total,
              })}
            </span>
            <button
              type="button"
              onClick={() => onOffset(offset + API_PAGE_SIZE)}
              disabled={offset + rows.length >= total}
              aria-label={t('common.nextPage')}
              data-testid="page-next"
            >
              ›
            </button>
          </span>
        }
        historyEntity="activity_occurrence"
      />
    </>
  );
}
