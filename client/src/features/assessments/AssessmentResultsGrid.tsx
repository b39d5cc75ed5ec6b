import { useCallback, useMemo } from 'react';

import { EditableGrid } from '../../components/editable-grid';
import { QueryStatus } from '../../components/QueryStatus';
import { useI18n } from '../../i18n/I18nProvider';
import { writerOf } from '../auth/access';
import { useAuth } from '../auth/AuthProvider';
import type { ProcedureNode } from './assessments.queries';
import type { ResultRow } from './resultRow';
import { canWriteResultRow } from './resultRow';
import { buildResultColumns } from './results.columns';
import { taskCountOf, useResultRows } from './useResultRows';

interface AssessmentResultsGridProps {
  municipalityId: string;
  procedure: ProcedureNode;
}

// Cell history is left out: a row is a school, and a school without a result has no row to
// audit yet.
export function AssessmentResultsGrid({ municipalityId, procedure }: AssessmentResultsGridProps) {
  const { t, lang } = useI18n();
  const { me } = useAuth();
  const taskCount = taskCountOf(procedure);
  const messages = useMemo(
    () => ({
      participantsRequired: t('asm.results.participantsRequired'),
      badTasks: t('asm.results.badTasks', { n: taskCount ?? '…' }),
    }),
    [t, taskCount],
  );
  const { rows, loading, error, reload, save } = useResultRows(municipalityId, procedure, messages);
  const writer = useMemo(() => writerOf(me), [me]);
  const canWrite = useCallback(
    (row: ResultRow) => canWriteResultRow(writer, municipalityId, row),
    [writer, municipalityId],
  );
  const readOnly = rows.length > 0 && !rows.some(canWrite);
  const columns = useMemo(
    () => buildResultColumns({ t, lang, kind: procedure.kind, taskCount, canWrite }),
    [t, lang, procedure.kind, taskCount, canWrite],
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
        <p className="empty" data-testid="results-empty">
          {t('asm.results.noSchools')}
        </p>
      )}
      <EditableGrid<ResultRow>
        columns={columns}
        rows={rows}
        onSave={save}
        onReload={reload}
        loading={loading}
        readOnly={readOnly}
      />
    </>
  );
}
