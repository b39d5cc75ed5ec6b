import './olympiads.css';
import '../indicators/indicators.css';

import { useCallback, useEffect, useMemo, useState } from 'react';

import { gql } from '../../api/graphql';
import { API_PAGE_SIZE, loadAllPages } from '../../api/paging';
import type { EditableColumn, SaveChange, SaveResult } from '../../components/editable-grid';
import { EditableGrid } from '../../components/editable-grid';
import { QueryStatus } from '../../components/QueryStatus';
import { formatNumber } from '../../i18n/format';
import type { Translate } from '../../i18n/I18nProvider';
import { useI18n } from '../../i18n/I18nProvider';
import type { Lang } from '../../i18n/plural';
import { writerOf } from '../auth/access';
import { useAuth } from '../auth/AuthProvider';
import { MunicipalitySelect } from '../municipalities/MunicipalitySelect';
import type { OrganizationRef } from '../teachers/teachers.queries';
import type { PageProps } from '../teachers/useTeacherData';
import { useMunicipalityParam, useOrganizations } from '../teachers/useTeacherData';
import type { EnrolmentRow } from './enrolmentRow';
import {
  applySavedEnrolments,
  GRADES,
  gradeField,
  pivotEnrolments,
  sumGrades,
  toEnrolmentGridErrors,
  toEnrolmentInputs,
} from './enrolmentRow';
import type { GradeEnrolmentsData, UpsertEnrolmentsData } from './enrolments.queries';
import { GRADE_ENROLMENTS_QUERY, UPSERT_ENROLMENTS_MUTATION } from './enrolments.queries';
import { YearSelect } from './OlympiadFilters';
import { canWriteRecord } from './recordRow';
import { useAcademicYearParam } from './useOlympiadData';

/** «Численность по классам»: a municipality's pupils per grade (ОО-1), the funnel's denominators. */
export function EnrolmentsPage(props: PageProps) {
  const { t } = useI18n();
  const { municipalities, municipalityId, loading, error, select } = useMunicipalityParam(props);
  const { year, years, loading: yearLoading } = useAcademicYearParam(props.params);

  return (
    <section className="page" data-testid="oly-enrolments-page">
      <h2>{t('oly.enrolments.title')}</h2>
      <p className="muted">{t('oly.enrolments.hint')}</p>
      <div className="filters">
        <MunicipalitySelect
          municipalities={municipalities}
          value={municipalityId}
          onChange={(id) => select({ municipality: id })}
          emptyLabel={t('roadmaps.pickMunicipality')}
        />
        <YearSelect years={years} value={year} onChange={(y) => select({ year: y })} />
      </div>
      <QueryStatus loading={loading || yearLoading} error={error} />
      {municipalityId && !yearLoading && (
        <EnrolmentsGrid
          key={`${municipalityId}|${year}`}
          municipalityId={municipalityId}
          academicYear={year}
        />
      )}
    </section>
  );
}

/** Text → a number of pupils (a whole number, 0 or more); a bad one is refused. */
function pupilsParse(t: Translate) {
  return (text: string) => {
    const clean = text.replace(/\s/g, '');
    if (clean === '') {
      return null;
    }
    if (!/^\d+$/.test(clean)) {
      throw new Error(t('grid.badValue', { text }));
    }
    return Number(clean);
  };
}

function buildEnrolmentColumns(
  t: Translate,
  lang: Lang,
  canWrite: (row: EnrolmentRow) => boolean,
): EditableColumn<EnrolmentRow>[] {
  const number = {
    cellDataType: false,
    width: 76,
    cellClass: 'ind-num',
    valueFormatter: (p: { value: unknown }) => formatNumber(lang, p.value as number | null),
    historyColumn: false as const,
  };
  return [
    {
      field: 'organizationName',
      headerName: t('oly.col.organization'),
      width: 230,
      pinned: 'left',
      editable: false,
      historyColumn: false,
    },
    ...GRADES.map(
      (grade): EditableColumn<EnrolmentRow> => ({
        field: gradeField(grade),
        headerName: t('oly.enrolments.grade', { grade }),
        ...number,
        editable: canWrite,
        parse: pupilsParse(t),
        // A stored figure is changed, not cleared (there is no deletion).
        validate: (value, row) =>
          (value === null || value === undefined) && row.versions[grade] !== undefined
            ? t('grid.required')
            : null,
      }),
    ),
    {
      field: 'total',
      headerName: t('oly.enrolments.total'),
      ...number,
      width: 96,
      editable: false,
      // The sum follows the edits.
      valueGetter: (p) => (p.data ? sumGrades(p.data as Partial<EnrolmentRow>) : null),
    },
  ];
}

function useEnrolmentRows(
  municipalityId: string,
  academicYear: string,
  organizations: readonly OrganizationRef[],
  required: string,
) {
  const [rows, setRows] = useState<EnrolmentRow[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      const filter = { academicYear, municipalityId: { eq: municipalityId } };
      const nodes = await loadAllPages(
        async (offset) =>
          (
            await gql<GradeEnrolmentsData>(GRADE_ENROLMENTS_QUERY, {
              filter,
              first: API_PAGE_SIZE,
              offset,
            })
          ).gradeEnrolments,
      );
      setRows(pivotEnrolments(organizations, nodes));
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, [municipalityId, academicYear, organizations]);

  useEffect(() => {
    void load();
  }, [load]);

  const save = useCallback(
    async (changes: SaveChange<EnrolmentRow>[]): Promise<SaveResult> => {
      const { inputs, origins, errors } = toEnrolmentInputs(changes, academicYear, required);
      if (errors.length > 0) {
        return { errors };
      }
      if (inputs.length === 0) {
        return { errors: [] };
      }
      // Every changed cell in one request: one transaction.
      const data = await gql<UpsertEnrolmentsData>(UPSERT_ENROLMENTS_MUTATION, { rows: inputs });
      const result = data.upsertGradeEnrolments;
      if (!result.ok) {
        return { errors: toEnrolmentGridErrors(result.errors, origins) };
      }
      setRows((current) => applySavedEnrolments(current, changes, origins, result.rows));
      return { errors: [] };
    },
    [academicYear, required],
  );

  return { rows, loading, error, reload: load, save };
}

function EnrolmentsGrid(props: { municipalityId: string; academicYear: string }) {
  const { municipalityId, academicYear } = props;
  const { t, lang } = useI18n();
  const { me } = useAuth();
  const orgs = useOrganizations(municipalityId);
  const enrolments = useEnrolmentRows(
    municipalityId,
    academicYear,
    orgs.organizations,
    t('grid.required'),
  );
  const writer = useMemo(() => writerOf(me), [me]);
  // The rule of the protocols: the municipality's writers, a school's coordinator its own.
  const canWrite = useCallback(
    (row: EnrolmentRow) => canWriteRecord(writer, municipalityId, { organizationId: row.id }),
    [writer, municipalityId],
  );
  const columns = useMemo(() => buildEnrolmentColumns(t, lang, canWrite), [t, lang, canWrite]);
  const { rows } = enrolments;
  const readOnly = !rows.some(canWrite);

  return (
    <>
      <QueryStatus
        error={enrolments.error ?? orgs.error}
        onRetry={() => void enrolments.reload()}
      />
      {readOnly && rows.length > 0 && (
        <p className="muted" data-testid="read-only-notice">
          {t('auth.readOnly')}
        </p>
      )}
      {!orgs.loading && !orgs.error && orgs.organizations.length === 0 && (
        <p className="empty" data-testid="oly-enrolments-empty">
          {t('oly.enrolments.empty')}
        </p>
      )}
      <EditableGrid<EnrolmentRow>
        columns={columns}
        rows={rows}
        onSave={enrolments.save}
        onReload={enrolments.reload}
        loading={enrolments.loading || orgs.loading}
        readOnly={readOnly}
        canAddRows={false}
        canDeleteRows={false}
      />
    </>
  );
}
