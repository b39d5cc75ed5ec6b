import './teachers.css';

import { useCallback, useEffect, useMemo, useState } from 'react';

import { gql } from '../../api/graphql';
import type { SaveChange, SaveResult } from '../../components/editable-grid';
import { EditableGrid, mergeSavedRows } from '../../components/editable-grid';
import { QueryStatus } from '../../components/QueryStatus';
import { useI18n } from '../../i18n/I18nProvider';
import { useAllNodes } from '../assessments/useAllNodes';
import { writerOf } from '../auth/access';
import { useAuth } from '../auth/AuthProvider';
import { MunicipalitySelect } from '../municipalities/MunicipalitySelect';
import type { RouteRow } from './routeRow';
import { emptyRouteRow, routeRow, toRouteInputs, toRouteRows } from './routeRow';
import { buildRouteColumns, routeStatusKey } from './routes.columns';
import { RouteStepsPanel } from './RouteStepsPanel';
import { toGridErrors } from './teacherRow';
import { canWriteTeacherRow } from './teacherRow';
import type { RouteNode, RoutesData, RouteStatus, UpsertRoutesData } from './teachers.queries';
import { ROUTE_STATUSES, ROUTES_QUERY, UPSERT_ROUTES_MUTATION } from './teachers.queries';
import type { PageProps } from './useTeacherData';
import { todayIso, useMunicipalityParam, useTeacherDirectory, useTeachers } from './useTeacherData';

const pickRoutes = (d: RoutesData) => d.individualRoutes;

/** «ИОМ»: individual educational routes of a municipality's teachers, with their steps. */
export function RoutesPage(props: PageProps) {
  const { t } = useI18n();
  const { municipalities, municipalityId, loading, error, select } = useMunicipalityParam(props);
  const statusParam = props.params.get('status') ?? '';
  const status = (ROUTE_STATUSES as readonly string[]).includes(statusParam)
    ? (statusParam as RouteStatus)
    : null;

  return (
    <section className="page" data-testid="routes-page">
      <h2>{t('tch.routes.title')}</h2>
      <div className="filters">
        <MunicipalitySelect
          municipalities={municipalities}
          value={municipalityId}
          onChange={(id) => select({ municipality: id })}
          emptyLabel={t('roadmaps.pickMunicipality')}
        />
        <label className="field">
          <span>{t('tch.col.status')}</span>
          <select
            value={status ?? ''}
            onChange={(e) => select({ status: e.target.value })}
            data-testid="route-status-filter"
          >
            <option value="">{t('tch.allStatuses')}</option>
            {ROUTE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(routeStatusKey(s))}
              </option>
            ))}
          </select>
        </label>
        <span className="muted">{t('tch.routes.hint')}</span>
      </div>
      <QueryStatus loading={loading} error={error} />
      {municipalityId && (
        <RoutesGrid
          key={`${municipalityId}|${status ?? ''}`}
          municipalityId={municipalityId}
          status={status}
        />
      )}
    </section>
  );
}

function RoutesGrid({
  municipalityId,
  status,
}: {
  municipalityId: string;
  status: RouteStatus | null;
}) {
  const { t, lang } = useI18n();
  const { me } = useAuth();
  const routes = useAllNodes<RouteNode, RoutesData>(
    ROUTES_QUERY,
    { municipalityId: { eq: municipalityId }, ...(status ? { status: [status] } : {}) },
    pickRoutes,
  );
  const teachers = useTeachers(municipalityId);
  const directory = useTeacherDirectory(teachers.nodes);
  const [rows, setRows] = useState<RouteRow[]>([]);
  useEffect(() => setRows(toRouteRows(routes.nodes)), [routes.nodes]);
  const [panel, setPanel] = useState<RouteRow | null>(null);

  const writer = useMemo(() => writerOf(me), [me]);
  // Routes are the municipality's methodologists' work (a coordinator of the school too: the
  // server checks the teacher's school).
  const canWrite = canWriteTeacherRow(writer, municipalityId, { storedOrganizationId: null });
  const openSteps = useCallback((row: RouteRow) => setPanel(row), []);
  const columns = useMemo(
    () => buildRouteColumns({ t, lang, directory, canWrite, openSteps }),
    [t, lang, directory, canWrite, openSteps],
  );
  const newRow = useCallback(() => emptyRouteRow(todayIso()), []);
  // The panel edits the stored route, not the grid's unsaved edits of it.
  const panelRoute = panel?.id ? (rows.find((r) => r.id === panel.id) ?? panel) : panel;

  const required = t('grid.required');
  const save = useCallback(
    async (changes: SaveChange<RouteRow>[]): Promise<SaveResult> => {
      const { inputs, origins, errors } = toRouteInputs(changes, required);
      if (errors.length > 0) {
        return { errors };
      }
      if (inputs.length === 0) {
        return { errors: [] };
      }
      const data = await gql<UpsertRoutesData>(UPSERT_ROUTES_MUTATION, { rows: inputs });
      const result = data.upsertIndividualRoutes;
      if (!result.ok) {
        return { errors: toGridErrors(result.errors, origins) };
      }
      const sent = origins.map((i) => changes[i]);
      setRows((current) => mergeSavedRows(current, sent, result.rows, routeRow));
      return { errors: [] };
    },
    [required],
  );

  const onStepsSaved = (node: RouteNode) => {
    const row = routeRow(node);
    setRows((current) => current.map((r) => (r.id === row.id ? row : r)));
    setPanel(row);
  };

  return (
    <div className="tch-with-panel">
      <div className="tch-main">
        <QueryStatus error={routes.error ?? teachers.error} onRetry={() => void routes.reload()} />
        {!canWrite && (
          <p className="muted" data-testid="read-only-notice">
            {t('auth.readOnly')}
          </p>
        )}
        {!routes.loading && !routes.error && rows.length === 0 && (
          <p className="empty" data-testid="routes-empty">
            {t('tch.routes.empty')}
          </p>
        )}
        <EditableGrid<RouteRow>
          columns={columns}
          rows={rows}
          onSave={save}
          onReload={routes.reload}
          loading={routes.loading}
          readOnly={!canWrite}
          canAddRows={canWrite}
          newRow={newRow}
        />
      </div>
      {panelRoute && (
        <RouteStepsPanel
          key={`${panelRoute.id ?? 'new'}|${panelRoute.version ?? ''}`}
          route={panelRoute}
          canWrite={canWrite}
          onSaved={onStepsSaved}
          onClose={() => setPanel(null)}
        />
      )}
    </div>
  );
}
