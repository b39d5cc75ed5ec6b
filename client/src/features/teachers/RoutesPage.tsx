import './teachers.css';

import { useCallback, useEffect, useMemo, useState } from 'react';

import type { SaveChange, SaveResult } from '../../components/editable-grid';
import { EditableGrid } from '../../components/editable-grid';
import { useI18n } from '../../i18n/I18nProvider';
import { useAllNodes } from '../assessments/useAllNodes';
import { writerOf } from '../auth/access';
import { useAuth } from '../auth/AuthProvider';
import type { RouteRow } from './routeRow';
import { emptyRouteRow, routeRow, toRouteInputs, toRouteRows } from './routeRow';
import { buildRouteColumns, routeStatusKey } from './routes.columns';
import { RouteStepsPanel } from './RouteStepsPanel';
import { statusParam, upsertGridRows } from './teacherGrid';
import { GridNotices, StatusFilter, TeacherGridPage } from './TeacherGridPage';
import { canWriteTeacherRow } from './teacherRow';
import type { RouteNode, RoutesData, RouteStatus, UpsertRoutesData } from './teachers.queries';
import { ROUTE_STATUSES, ROUTES_QUERY, UPSERT_ROUTES_MUTATION } from './teachers.queries';
import type { PageProps } from './useTeacherData';
import { todayIso, useMunicipalityParam, useTeacherDirectory, useTeachers } from './useTeacherData';

const pickRoutes = (d: RoutesData) => d.individualRoutes;
const UPSERT = {
  query: UPSERT_ROUTES_MUTATION,
  pick: (d: UpsertRoutesData) => d.upsertIndividualRoutes,
  toRow: routeRow,
};

/** «ИОМ»: individual educational routes of a municipality's teachers, with their steps. */
export function RoutesPage(props: PageProps) {
  const { t } = useI18n();
  const page = useMunicipalityParam(props);
  const status = statusParam(props.params, ROUTE_STATUSES);

  return (
    <TeacherGridPage
      testId="routes-page"
      title={t('tch.routes.title')}
      page={page}
      filters={
        <>
          <StatusFilter
            statuses={ROUTE_STATUSES}
            value={status}
            label={(s) => t(routeStatusKey(s))}
            onChange={(value) => page.select({ status: value })}
            testId="route-status-filter"
          />
          <span className="muted">{t('tch.routes.hint')}</span>
        </>
      }
    >
      {(municipalityId) => (
        <RoutesGrid
          key={`${municipalityId}|${status ?? ''}`}
          municipalityId={municipalityId}
          status={status}
        />
      )}
    </TeacherGridPage>
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
    (changes: SaveChange<RouteRow>[]): Promise<SaveResult> =>
      upsertGridRows(changes, toRouteInputs(changes, required), UPSERT, setRows),
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
        <GridNotices
          error={routes.error ?? teachers.error}
          onRetry={() => void routes.reload()}
          readOnly={!canWrite}
          empty={!routes.loading && !routes.error && rows.length === 0}
          emptyTestId="routes-empty"
          emptyText={t('tch.routes.empty')}
        />
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
