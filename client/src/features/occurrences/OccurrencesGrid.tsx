import { useMemo } from 'react';

import { EditableGrid } from '../../components/editable-grid';
import { QueryStatus } from '../../components/QueryStatus';
import { useI18n } from '../../i18n/I18nProvider';
import { buildOccurrenceColumns } from './occurrences.columns';
import type { OccurrenceFilters, OccurrenceRow } from './occurrenceRow';
import { useOccurrenceRows } from './useOccurrenceRows';

export function OccurrencesGrid({ filters }: { filters: OccurrenceFilters }) {
  const { t, lang } = useI18n();
  const { rows, total, loading, error, reload, save } = useOccurrenceRows(filters);
  const columns = useMemo(() => buildOccurrenceColumns(t, lang), [t, lang]);
  return (
    <>
      <QueryStatus error={error} onRetry={() => void reload()} />
      <EditableGrid<OccurrenceRow>
        columns={columns}
        rows={rows}
        onSave={save}
        onReload={reload}
        loading={loading}
        toolbarExtra={
          <span className="muted" data-testid="occurrences-total">
            {t('common.shown', { shown: rows.length, total })}
          </span>
        }
      />
    </>
  );
}
