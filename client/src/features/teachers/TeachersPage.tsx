import './teachers.css';
import '../indicators/indicators.css';

import { useCallback, useEffect, useMemo, useState } from 'react';

import type { GridApi } from 'ag-grid-community';

import type { SaveChange, SaveResult } from '../../components/editable-grid';
import { confirmDiscard, EditableGrid } from '../../components/editable-grid';
import { SavedViewsMenu, useSavedViews } from '../../components/saved-views';
import { formatDate } from '../../i18n/format';
import { useI18n } from '../../i18n/I18nProvider';
import { writerOf } from '../auth/access';
import { useAuth } from '../auth/AuthProvider';
import { upsertGridRows } from './teacherGrid';
import { GridNotices, TeacherGridPage } from './TeacherGridPage';
import type { TeacherRow } from './teacherRow';
import {
  canWriteTeacherRow,
  emptyTeacherRow,
  teacherRow,
  toTeacherInputs,
  toTeacherRows,
} from './teacherRow';
import { buildTeacherColumns } from './teachers.columns';
import type { UpsertTeachersData } from './teachers.queries';
import { UPSERT_TEACHERS_MUTATION } from './teachers.queries';
import type { PageProps } from './useTeacherData';
import { useMunicipalityParam, useOrganizations, useTeachers } from './useTeacherData';

const UPSERT = {
  query: UPSERT_TEACHERS_MUTATION,
  pick: (d: UpsertTeachersData) => d.upsertTeachers,
  toRow: teacherRow,
};

// The URL filters a saved view of this page keeps.
const VIEW_KEYS = ['municipality', 'subject', 'young'] as const;

/** «Педагоги»: the teachers of a municipality, edited in the grid; a move is a new organization. */
export function TeachersPage(props: PageProps) {
  const { t } = useI18n();
  const { params, setParams } = props;
  // A filter changed by hand leaves the applied view: the address no longer names it.
  const setFilters = useCallback(
    (next: Record<string, string>) => {
      const { view: _view, ...filters } = next;
      setParams(filters);
    },
    [setParams],
  );
  const page = useMunicipalityParam({ params, setParams: setFilters });
  const confirmLeave = useCallback(() => confirmDiscard(t('grid.leaveWarning')), [t]);
  const views = useSavedViews({
    page: 'teachers',
    keys: VIEW_KEYS,
    params,
    setParams,
    confirmLeave,
  });
  const subject = props.params.get('subject') ?? '';
  const young = props.params.get('young') === '1';
  const [subjectText, setSubjectText] = useState(subject);
  useEffect(() => setSubjectText(subject), [subject]);

  return (
    <TeacherGridPage
      testId="teachers-page"
      title={t('tch.teachers.title')}
      page={page}
      filters={
        <>
          <label className="field">
            <span>{t('tch.filter.subject')}</span>
            <input
              type="search"
              value={subjectText}
              onChange={(e) => setSubjectText(e.target.value)}
              onBlur={() => subjectText !== subject && page.select({ subject: subjectText.trim() })}
              onKeyDown={(e) => e.key === 'Enter' && page.select({ subject: subjectText.trim() })}
              data-testid="teacher-subject-filter"
            />
          </label>
          <label className="field field-check">
            <input
              type="checkbox"
              checked={young}
              onChange={(e) => page.select({ young: e.target.checked ? '1' : '' })}
              data-testid="teacher-young-filter"
            />
            <span>{t('tch.filter.young')}</span>
          </label>
          <span className="muted">{t('tch.teachers.hint')}</span>
          <SavedViewsMenu views={views} />
        </>
      }
    >
      {(municipalityId) => (
        <TeachersGrid
          key={`${municipalityId}|${subject}|${young}`}
          municipalityId={municipalityId}
          subject={subject}
          young={young}
          onApiReady={views.onApiReady}
        />
      )}
    </TeacherGridPage>
  );
}

interface TeachersGridProps {
  municipalityId: string;
  subject: string;
  young: boolean;
  onApiReady: (api: GridApi) => void;
}

function TeachersGrid({ municipalityId, subject, young, onApiReady }: TeachersGridProps) {
  const { t, lang } = useI18n();
  const { me } = useAuth();
  const extra = {
    ...(subject ? { subject: { contains: subject } } : {}),
    ...(young ? { youngSpecialist: true } : {}),
  };
  const teachers = useTeachers(municipalityId, extra);
  const orgs = useOrganizations(municipalityId);
  const [rows, setRows] = useState<TeacherRow[]>([]);
  useEffect(() => setRows(toTeacherRows(teachers.nodes)), [teachers.nodes]);
  const [historyOf, setHistoryOf] = useState<TeacherRow | null>(null);
  // The stored row (its history after a save), not the one the panel was opened with.
  const history = historyOf?.id
    ? (rows.find((r) => r.id === historyOf.id) ?? historyOf)
    : historyOf;

  const writer = useMemo(() => writerOf(me), [me]);
  const canWrite = useCallback(
    (row: TeacherRow) => canWriteTeacherRow(writer, municipalityId, row),
    [writer, municipalityId],
  );
  const canAdd = canWriteTeacherRow(writer, municipalityId, { storedOrganizationId: null });
  const readOnly = !canAdd && !rows.some(canWrite);
  const columns = useMemo(
    () =>
      buildTeacherColumns({
        t,
        lang,
        organizations: orgs.organizations,
        canWrite,
        openHistory: setHistoryOf,
      }),
    [t, lang, orgs.organizations, canWrite],
  );
  // A coordinator adds teachers to their own school; others to the first one.
  const defaultOrganization =
    orgs.organizations.find((o) => o.id === writer?.organizationId)?.code ??
    orgs.organizations[0]?.code ??
    null;
  const newRow = useCallback(() => emptyTeacherRow(defaultOrganization), [defaultOrganization]);

  const required = t('grid.required');
  const save = useCallback(
    (changes: SaveChange<TeacherRow>[]): Promise<SaveResult> =>
      upsertGridRows(changes, toTeacherInputs(changes, { required }), UPSERT, setRows),
    [required],
  );

  return (
    <div className="tch-with-panel">
      <div className="tch-main">
        <GridNotices
          error={teachers.error ?? orgs.error}
          onRetry={() => void teachers.reload()}
          readOnly={readOnly}
          empty={!teachers.loading && !teachers.error && rows.length === 0}
          emptyTestId="teachers-empty"
          emptyText={t('tch.teachers.empty')}
        />
        <EditableGrid<TeacherRow>
          columns={columns}
          rows={rows}
          onSave={save}
          onReload={teachers.reload}
          loading={teachers.loading}
          readOnly={readOnly}
          canAddRows={canAdd}
          newRow={newRow}
          onApiReady={onApiReady}
        />
      </div>
      {history && (
        <aside className="tch-panel" data-testid="assignments-panel">
          <header>
            <h3>{t('tch.assignments.title')}</h3>
            <button type="button" onClick={() => setHistoryOf(null)} aria-label={t('tch.close')}>
              ×
            </button>
          </header>
          <p className="muted">
            {history.nameHidden ? t('tch.hidden') : history.fullName} · {history.personnelCode}
          </p>
          {history.assignments.length === 0 ? (
            <p className="empty">{t('tch.assignments.none')}</p>
          ) : (
            <ol className="tch-assignments">
              {history.assignments.map((a, i) => (
                <li key={i} data-testid="assignment">
                  <strong>{a.organization.shortName ?? a.organization.name}</strong>
                  <span>
                    {formatDate(lang, a.startedOn)} —{' '}
                    {a.endedOn ? formatDate(lang, a.endedOn) : t('tch.assignments.current')}
                  </span>
                </li>
              ))}
            </ol>
          )}
        </aside>
      )}
    </div>
  );
}
