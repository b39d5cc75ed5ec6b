import './olympiads.css';
import '../indicators/indicators.css';

import { useCallback, useMemo, useState } from 'react';

import { API_PAGE_SIZE } from '../../api/paging';
import { confirmDiscard, EditableGrid } from '../../components/editable-grid';
import { QueryStatus } from '../../components/QueryStatus';
import { useI18n } from '../../i18n/I18nProvider';
import { writerOf } from '../auth/access';
import { useAuth } from '../auth/AuthProvider';
import { MunicipalitySelect } from '../municipalities/MunicipalitySelect';
import type { PageProps } from '../teachers/useTeacherData';
import { useMunicipalityParam, useOrganizations } from '../teachers/useTeacherData';
import { AllRecordsView } from './AllRecordsView';
import { StageSelect, SubjectSelect, YearSelect } from './OlympiadFilters';
import type { OlympiadStage, SubjectNode } from './olympiads.queries';
import { STAGES } from './olympiads.queries';
import { ProtocolImport } from './ProtocolImport';
import type { BrowseFilters } from './recordBrowse';
import { ALL } from './recordBrowse';
import type { RecordRow } from './recordRow';
import { canWriteRecord, emptyRecordRow } from './recordRow';
import { buildRecordColumns } from './records.columns';
import { useAcademicYearParam, useOlympiadSubjects } from './useOlympiadData';
import type { RecordFilters } from './useRecordRows';
import { useRecordRows } from './useRecordRows';

const stageParam = (value: string | null): OlympiadStage | '' =>
  (STAGES as readonly string[]).includes(value ?? '') ? (value as OlympiadStage) : '';

/** Without the ALL markers: the editing view always has one municipality and one year. */
function withoutAll(params: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of ['municipality', 'year']) {
    if (next.get(key) === ALL) {
      next.delete(key);
    }
  }
  return next;
}

/**
 * «Протоколы»: a municipality's ВсОШ entries of a year, edited in the grid or imported; or
 * «Все записи», every entry in the viewer's scope, read through the server page by page.
 */
export function RecordsPage(props: PageProps) {
  const browse = props.params.get('view') === ALL;
  return browse ? <BrowseRecordsPage {...props} /> : <EditRecordsPage {...props} />;
}

function ViewTabs({ browse, onChange }: { browse: boolean; onChange: (all: boolean) => void }) {
  const { t } = useI18n();
  return (
    <div className="ind-tabs" role="tablist" aria-label={t('oly.records.viewLabel')}>
      <button
        type="button"
        role="tab"
        aria-selected={!browse}
        className={browse ? 'ind-tab' : 'ind-tab ind-tab-active'}
        onClick={() => onChange(false)}
        data-testid="oly-view-edit"
      >
        {t('oly.records.viewEdit')}
      </button>
      <button
        type="button"
        role="tab"
        aria-selected={browse}
        className={browse ? 'ind-tab ind-tab-active' : 'ind-tab'}
        onClick={() => onChange(true)}
        data-testid="oly-view-all"
      >
        {t('oly.records.viewAll')}
      </button>
    </div>
  );
}

/** «Все записи» opens on every municipality and year of the viewer's scope; filters narrow it. */
function BrowseRecordsPage(props: PageProps) {
  const { t } = useI18n();
  const { params, setParams } = props;
  const { municipalities, municipalityId, loading, error, select } = useMunicipalityParam(props);
  const yearParams = useMemo(() => withoutAll(params), [params]);
  const { year, years, loading: yearLoading } = useAcademicYearParam(yearParams);
  const catalog = useOlympiadSubjects();
  const filters: BrowseFilters = {
    municipalityId: municipalityId === '' ? ALL : municipalityId,
    academicYear: params.get('year') === ALL ? ALL : year,
    stage: stageParam(params.get('stage')),
    subject: params.get('subject') ?? '',
  };
  const toEdit = () =>
    setParams(Object.fromEntries([...withoutAll(params)].filter(([key]) => key !== 'view')));

  return (
    <section className="page" data-testid="oly-records-page">
      <h2>{t('oly.records.title')}</h2>
      <ViewTabs browse onChange={(all) => !all && toEdit()} />
      <div className="filters">
        <MunicipalitySelect
          municipalities={municipalities}
          value={filters.municipalityId === ALL ? '' : filters.municipalityId}
          onChange={(id) => select({ municipality: id || ALL })}
          emptyLabel={t('oly.records.allMunicipalities')}
        />
        <YearSelect
          years={years}
          value={filters.academicYear === ALL ? '' : filters.academicYear}
          onChange={(y) => select({ year: y || ALL })}
          allLabel={t('oly.records.allYears')}
        />
        <StageSelect
          value={filters.stage}
          onChange={(s) => select({ stage: s })}
          allLabel={t('oly.filter.allStages')}
        />
        <SubjectSelect
          subjects={catalog.subjects}
          value={filters.subject}
          onChange={(code) => select({ subject: code })}
          allLabel={t('oly.filter.allSubjects')}
        />
      </div>
      <QueryStatus loading={loading || yearLoading} error={error ?? catalog.error} />
      {!yearLoading && <AllRecordsView filters={filters} />}
    </section>
  );
}

function EditRecordsPage(props: PageProps) {
  const { t } = useI18n();
  const { me } = useAuth();
  const { params, setParams } = props;
  const editParams = useMemo(() => withoutAll(params), [params]);
  const { municipalities, municipalityId, loading, error, select } = useMunicipalityParam({
    params: editParams,
    setParams,
  });
  const { year, years, loading: yearLoading } = useAcademicYearParam(editParams);
  const catalog = useOlympiadSubjects();
  const stage = stageParam(params.get('stage'));
  const subject = params.get('subject') ?? '';
  const [importOpen, setImportOpen] = useState(false);
  // Remounts the grid after an import wrote entries.
  const [generation, setGeneration] = useState(0);
  const writer = useMemo(() => writerOf(me), [me]);
  const canImport =
    municipalityId !== '' && canWriteRecord(writer, municipalityId, { organizationId: null });
  const filters: RecordFilters = { municipalityId, academicYear: year, stage, subject };
  // «Все записи» in the address: every municipality and year, each marked ALL.
  const toBrowse = () => select({ view: ALL, municipality: ALL, year: ALL });

  return (
    <section className="page" data-testid="oly-records-page">
      <h2>{t('oly.records.title')}</h2>
      <ViewTabs browse={false} onChange={(all) => all && toBrowse()} />
      <div className="filters">
        <MunicipalitySelect
          municipalities={municipalities}
          value={municipalityId}
          onChange={(id) => select({ municipality: id })}
          emptyLabel={t('roadmaps.pickMunicipality')}
        />
        <YearSelect years={years} value={year} onChange={(y) => select({ year: y })} />
        <StageSelect
          value={stage}
          onChange={(s) => select({ stage: s })}
          allLabel={t('oly.filter.allStages')}
        />
        <SubjectSelect
          subjects={catalog.subjects}
          value={subject}
          onChange={(code) => select({ subject: code })}
          allLabel={t('oly.filter.allSubjects')}
        />
        {canImport && (
          <button
            type="button"
            aria-expanded={importOpen}
            onClick={() => setImportOpen((open) => !open)}
            data-testid="oly-import-open"
          >
            {importOpen ? t('oly.import.close') : t('oly.import.open')}
          </button>
        )}
      </div>
      <QueryStatus loading={loading || yearLoading} error={error ?? catalog.error} />
      {importOpen && canImport && (
        <ProtocolImport
          academicYear={year}
          stage={stage}
          subject={subject}
          years={years}
          subjects={catalog.subjects}
          onCommitted={() => setGeneration((g) => g + 1)}
        />
      )}
      {municipalityId && !yearLoading && (
        <RecordsGrid
          key={`${JSON.stringify(filters)}|${generation}`}
          filters={filters}
          subjects={catalog.subjects}
        />
      )}
    </section>
  );
}

interface RecordsGridProps {
  filters: RecordFilters;
  subjects: readonly SubjectNode[];
}

function RecordsGrid({ filters, subjects }: RecordsGridProps) {
  const { t, lang } = useI18n();
  const { me } = useAuth();
  const [offset, setOffset] = useState(0);
  const records = useRecordRows(filters, offset, t('grid.required'));
  const orgs = useOrganizations(filters.municipalityId);
  const writer = useMemo(() => writerOf(me), [me]);
  const { municipalityId } = filters;
  const canWrite = useCallback(
    (row: RecordRow) => canWriteRecord(writer, municipalityId, row),
    [writer, municipalityId],
  );
  const canAdd = canWriteRecord(writer, municipalityId, { organizationId: null });
  const readOnly = !canAdd && !records.rows.some(canWrite);
  const columns = useMemo(
    () => buildRecordColumns({ t, lang, subjects, organizations: orgs.organizations, canWrite }),
    [t, lang, subjects, orgs.organizations, canWrite],
  );
  // A coordinator adds entries of their own school; others of the first one.
  const defaultOrganization =
    orgs.organizations.find((o) => o.id === writer?.organizationId)?.code ??
    orgs.organizations[0]?.code ??
    null;
  const newRow = useCallback(
    () =>
      emptyRecordRow({
        academicYear: filters.academicYear,
        stage: filters.stage || null,
        subject: filters.subject || null,
        organizationCode: defaultOrganization,
      }),
    [filters.academicYear, filters.stage, filters.subject, defaultOrganization],
  );
  const { rows, total } = records;

  return (
    <>
      <QueryStatus error={records.error ?? orgs.error} onRetry={() => void records.reload()} />
      {readOnly && (
        <p className="muted" data-testid="read-only-notice">
          {t('auth.readOnly')}
        </p>
      )}
      {!records.loading && !records.error && rows.length === 0 && (
        <p className="empty" data-testid="oly-records-empty">
          {t('oly.records.empty', { year: filters.academicYear })}
        </p>
      )}
      <EditableGrid<RecordRow>
        // Another page: the edits of this one are gone (the user agreed).
        key={offset}
        columns={columns}
        rows={rows}
        onSave={records.save}
        onReload={records.reload}
        loading={records.loading}
        readOnly={readOnly}
        canAddRows={canAdd}
        canDeleteRows={!readOnly}
        newRow={newRow}
        toolbarExtra={
          <span className="pager">
            <button
              type="button"
              onClick={() =>
                confirmDiscard(t('grid.leaveWarning')) &&
                setOffset(Math.max(0, offset - API_PAGE_SIZE))
              }
              disabled={offset === 0}
              aria-label={t('common.prevPage')}
              data-testid="page-prev"
            >
              ‹
            </button>
            <span className="muted" data-testid="oly-records-total">
              {t('common.range', {
                from: rows.length === 0 ? 0 : offset + 1,
                to: offset + rows.length,
                total,
              })}
            </span>
            <button
              type="button"
              onClick={() =>
                confirmDiscard(t('grid.leaveWarning')) && setOffset(offset + API_PAGE_SIZE)
              }
              disabled={offset + rows.length >= total}
              aria-label={t('common.nextPage')}
              data-testid="page-next"
            >
              ›
            </button>
          </span>
        }
      />
    </>
  );
}
