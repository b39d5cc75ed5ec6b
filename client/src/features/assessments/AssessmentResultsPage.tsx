import './assessments.css';
import '../indicators/indicators.css';

import { useEffect, useMemo } from 'react';

import { confirmDiscard } from '../../components/editable-grid';
import { QueryStatus } from '../../components/QueryStatus';
import { useI18n } from '../../i18n/I18nProvider';
import { useAuth } from '../auth/AuthProvider';
import { MunicipalitySelect } from '../municipalities/MunicipalitySelect';
import { useMunicipalities } from '../municipalities/useMunicipalities';
import { procedureLabel } from './assessmentLabels';
import { AssessmentResultsGrid } from './AssessmentResultsGrid';
import { useProcedures } from './useProcedures';

interface AssessmentResultsPageProps {
  params: URLSearchParams;
  setParams: (params: Record<string, string>) => void;
}

/** «Результаты оценочных процедур»: a procedure's results of a municipality's schools. */
export function AssessmentResultsPage({ params, setParams }: AssessmentResultsPageProps) {
  const { t } = useI18n();
  const { me } = useAuth();
  const { municipalities, loading, error } = useMunicipalities();
  const catalog = useProcedures();
  const municipalityId = params.get('municipality') ?? '';
  const year = Number(params.get('year') ?? '') || (catalog.years[0] ?? null);
  const ofYear = useMemo(
    () => catalog.procedures.filter((p) => p.year === year),
    [catalog.procedures, year],
  );
  const procedure = ofYear.find((p) => p.code === params.get('procedure')) ?? ofYear[0] ?? null;

  // The user's own municipality first; otherwise the first one in the list.
  useEffect(() => {
    if (municipalityId === '' && municipalities.length > 0) {
      const own = municipalities.find((m) => m.id === me?.municipality?.id);
      setParams({ municipality: (own ?? municipalities[0]).id });
    }
  }, [municipalities, municipalityId, me, setParams]);

  const select = (next: Record<string, string>) => {
    if (confirmDiscard(t('grid.leaveWarning'))) {
      setParams({
        municipality: municipalityId,
        year: year === null ? '' : String(year),
        procedure: procedure?.code ?? '',
        ...next,
      });
    }
  };

  return (
    <section className="page" data-testid="assessment-results-page">
      <h2>{t('asm.results.title')}</h2>
      <div className="filters">
        <MunicipalitySelect
          municipalities={municipalities}
          value={municipalityId}
          onChange={(id) => select({ municipality: id })}
          emptyLabel={t('roadmaps.pickMunicipality')}
        />
        <label className="field">
          <span>{t('asm.year')}</span>
          <select
            value={year ?? ''}
            onChange={(e) => select({ year: e.target.value, procedure: '' })}
            data-testid="results-year-select"
          >
            {catalog.years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('asm.procedure')}</span>
          <select
            value={procedure?.code ?? ''}
            onChange={(e) => select({ procedure: e.target.value })}
            data-testid="procedure-select"
          >
            {ofYear.map((p) => (
              <option key={p.code} value={p.code}>
                {procedureLabel(t, p)}
              </option>
            ))}
          </select>
        </label>
        <span className="muted">{t('asm.results.hint')}</span>
      </div>
      <QueryStatus
        loading={loading || catalog.loading}
        error={error ?? catalog.error}
        onRetry={() => void catalog.reload()}
      />
      {!catalog.loading && !catalog.error && catalog.procedures.length === 0 && (
        <p className="empty" data-testid="no-procedures">
          {t('asm.noProcedures')}
        </p>
      )}
      {municipalityId && procedure && (
        <>
          <p className="muted asm-procedure-meta" data-testid="procedure-meta">
            {t('asm.results.meta', {
              code: procedure.code,
              maxScore: procedure.maxScore,
              tasks: Array.isArray(procedure.tasks) ? procedure.tasks.length : 0,
            })}
          </p>
          <AssessmentResultsGrid
            key={`${municipalityId}|${procedure.code}`}
            municipalityId={municipalityId}
            procedure={procedure}
          />
        </>
      )}
    </section>
  );
}
