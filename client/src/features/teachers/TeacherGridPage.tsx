// The scaffolding of the teachers' grid pages: the municipality picker, the status filter and
// the notices above a grid.
import type { ReactNode } from 'react';

import { QueryStatus } from '../../components/QueryStatus';
import { useI18n } from '../../i18n/I18nProvider';
import { MunicipalitySelect } from '../municipalities/MunicipalitySelect';
import type { useMunicipalityParam } from './useTeacherData';

type MunicipalityParam = ReturnType<typeof useMunicipalityParam>;

/** The picker of the page's municipality. */
export function TeacherMunicipalitySelect({ page }: { page: MunicipalityParam }) {
  const { t } = useI18n();
  return (
    <MunicipalitySelect
      municipalities={page.municipalities}
      value={page.municipalityId}
      onChange={(id) => page.select({ municipality: id })}
      emptyLabel={t('roadmaps.pickMunicipality')}
    />
  );
}

/** A page of a municipality: its filters, the municipalities' status, then its content. */
export function TeacherGridPage(props: {
  testId: string;
  title: string;
  page: MunicipalityParam;
  filters: ReactNode;
  children: (municipalityId: string) => ReactNode;
}) {
  const { page } = props;
  return (
    <section className="page" data-testid={props.testId}>
      <h2>{props.title}</h2>
      <div className="filters">
        <TeacherMunicipalitySelect page={page} />
        {props.filters}
      </div>
      <QueryStatus loading={page.loading} error={page.error} />
      {page.municipalityId && props.children(page.municipalityId)}
    </section>
  );
}

/** The choice of a status, or all of them. */
export function StatusFilter<S extends string>(props: {
  statuses: readonly S[];
  value: S | null;
  label: (status: S) => string;
  onChange: (status: string) => void;
  testId: string;
}) {
  const { t } = useI18n();
  return (
    <label className="field">
      <span>{t('tch.col.status')}</span>
      <select
        value={props.value ?? ''}
        onChange={(e) => props.onChange(e.target.value)}
        data-testid={props.testId}
      >
        <option value="">{t('tch.allStatuses')}</option>
        {props.statuses.map((s) => (
          <option key={s} value={s}>
            {props.label(s)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Above a grid: the load error, the read-only notice and the empty notice. */
export function GridNotices(props: {
  error: unknown;
  onRetry: () => void;
  readOnly: boolean;
  empty: boolean;
  emptyTestId: string;
  emptyText: string;
}) {
  const { t } = useI18n();
  return (
    <>
      <QueryStatus error={props.error} onRetry={props.onRetry} />
      {props.readOnly && (
        <p className="muted" data-testid="read-only-notice">
          {t('auth.readOnly')}
        </p>
      )}
      {props.empty && (
        <p className="empty" data-testid={props.emptyTestId}>
          {props.emptyText}
        </p>
      )}
    </>
  );
}
