import type { GridApi } from 'ag-grid-community';
import { useCallback, useMemo } from 'react';

import { EditableGrid } from '../../components/editable-grid';
import type { TableIo } from '../../components/table-import/TableImport';
import { QueryStatus } from '../../components/QueryStatus';
import { useI18n } from '../../i18n/I18nProvider';
import { writerOf } from '../auth/access';
import { useAuth } from '../auth/AuthProvider';
import type { IndicatorNode } from '../indicators/indicators.queries';
import { useValueRows } from './useValueRows';
import { canWriteValueRow } from './valueAccess';
import type { ValueRow } from './valueRow';
import { buildValueColumns } from './values.columns';

interface IndicatorValuesGridProps {
  municipalityId: string;
  period: string;
  indicators: readonly IndicatorNode[];
  /** The grid's API once ready (saved views read and apply its column state). */
  onApiReady?: (api: GridApi) => void;
}

// Cell history is left out: the audit trail is kept per stored value, while a row here is an
// organization holding values of many indicators.
export function IndicatorValuesGrid({
  municipalityId,
  period,
  indicators,
  onApiReady,
}: IndicatorValuesGridProps) {
  const { t, lang } = useI18n();
  const { me } = useAuth();
  const { rows, loading, error, reload, save, check } = useValueRows(
    municipalityId,
    period,
    indicators,
  );
  const writer = useMemo(() => writerOf(me), [me]);
  const canWrite = useCallback(
    (row: ValueRow) => canWriteValueRow(writer, municipalityId, row),
    [writer, municipalityId],
  );
  const readOnly = rows.length > 0 && !rows.some(canWrite);
  const columns = useMemo(
    () => buildValueColumns({ t, lang, indicators, canWrite }),
    [t, lang, indicators, canWrite],
  );
  // A file's rows find the grid's by the organization's (or municipality's) code.
  const tableIo: TableIo<ValueRow> = useMemo(
    () => ({
      tableKey: 'indicator-values',
      fileName: `${t('ind.values.title')} ${period.replace('/', '-')}`,
      keyColumn: {
        field: 'unitCode',
        header: t('ind.values.unitCode'),
        aliases: ['код', 'код оо', 'код организации', 'код муниципалитета', 'code'],
      },
      check,
    }),
    [check, period, t],
  );

  return (
    <>
      <QueryStatus error={error} onRetry={() => void reload()} />
      {readOnly && (
        <p className="muted" data-testid="read-only-notice">
          {t('auth.readOnly')}
        </p>
      )}
      {!loading && !error && rows.length === 0 && (
        <p className="empty" data-testid="values-empty">
          {t('ind.values.noUnits')}
        </p>
      )}
      <EditableGrid<ValueRow>
        columns={columns}
        rows={rows}
        onSave={save}
        onReload={reload}
        tableIo={tableIo}
        loading={loading}
        readOnly={readOnly}
        onApiReady={onApiReady}
      />
    </>
  );
}
