import './assessments.css';

import { useCallback, useMemo } from 'react';

import { QueryStatus } from '../../components/QueryStatus';
import { useI18n } from '../../i18n/I18nProvider';
import { useAuth } from '../auth/AuthProvider';
import { MunicipalitySelect } from '../municipalities/MunicipalitySelect';
import { useMunicipalities } from '../municipalities/useMunicipalities';
import { AnalysisSettingsView } from './AnalysisSettingsView';
import { signKey } from './assessmentLabels';
import type {
  AnalysisRunNode,
  ObjectivitySignNode,
  ObjectivitySignsData,
} from './analysis.queries';
import type { ObjectivitySignKind } from './assessments.queries';
import { OBJECTIVITY_SIGNS_QUERY } from './analysis.queries';
import { SIGN_KINDS } from './assessments.queries';
import { groupSignsBySchool, signFilter, yearChoices } from './objectivity.model';
import { RunAnalysisPanel } from './RunAnalysisPanel';
import { SchoolSignsList } from './SchoolSignsList';
import { useAllNodes } from './useAllNodes';
import { canRunAnalysis, useAnalysisRuns } from './useAnalysisRuns';
import { useProcedures } from './useProcedures';

interface ObjectivityPageProps {
  params: URLSearchParams;
  setParams: (params: Record<string, string>) => void;
}

const pickSigns = (d: ObjectivitySignsData) => d.objectivitySigns;

/** «Объективность»: schools with signs of non-objective results, each sign with its evidence. */
export function ObjectivityPage({ params, setParams }: ObjectivityPageProps) {
  const { t } = useI18n();
  const { me } = useAuth();
  const { municipalities, error: municipalitiesError } = useMunicipalities();
  const analysis = useAnalysisRuns();
  const catalog = useProcedures();
  const municipalityId = params.get('municipality') ?? '';
  const signParam = params.get('sign') ?? '';
  const sign = (SIGN_KINDS as readonly string[]).includes(signParam)
    ? (signParam as ObjectivitySignKind)
    : '';
  const years = yearChoices(
    analysis.runs.map((r) => r.year),
    [analysis.latestSignYear],
  );
  // By default the newest year that has signs, else the newest analysed one.
  const year = Number(params.get('year') ?? '') || (analysis.latestSignYear ?? years[0] ?? null);
  const filter = useMemo(
    () => signFilter({ year, municipalityId, sign }),
    [year, municipalityId, sign],
  );
  const signs = useAllNodes<ObjectivitySignNode, ObjectivitySignsData>(
    OBJECTIVITY_SIGNS_QUERY,
    filter,
    pickSigns,
    year === null,
  );
  const schools = useMemo(() => groupSignsBySchool(signs.nodes), [signs.nodes]);
  const choose = (next: Record<string, string>) =>
    setParams({
      year: year === null ? '' : String(year),
      municipality: municipalityId,
      sign,
      ...next,
    });

  const { refetch } = analysis;
  const { reload } = signs;
  const afterRun = useCallback(
    (run: AnalysisRunNode) => {
      void refetch();
      void reload();
      setParams({ year: String(run.year), municipality: municipalityId, sign });
    },
    [refetch, reload, setParams, municipalityId, sign],
  );

  return (
    <section className="page asm-page" data-testid="objectivity-page">
      <h2>{t('asm.obj.title')}</h2>
      <div className="filters">
        <label className="field">
          <span>{t('asm.year')}</span>
          <select
            value={year ?? ''}
            onChange={(e) => choose({ year: e.target.value })}
            data-testid="objectivity-year-select"
          >
            {year === null && <option value="">{t('common.notSelected')}</option>}
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <MunicipalitySelect
          municipalities={municipalities}
          value={municipalityId}
          onChange={(id) => choose({ municipality: id })}
          emptyLabel={t('asm.allMunicipalities')}
        />
        <label className="field">
          <span>{t('asm.obj.sign')}</span>
          <select
            value={sign}
            onChange={(e) => choose({ sign: e.target.value })}
            data-testid="sign-select"
          >
            <option value="">{t('asm.obj.allSigns')}</option>
            {SIGN_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(signKey(kind))}
              </option>
            ))}
          </select>
        </label>
      </div>
      {canRunAnalysis(me?.role) && (
        <RunAnalysisPanel
          defaultYear={year ?? catalog.years[0] ?? null}
          lastRun={analysis.runs[0] ?? null}
          onDone={afterRun}
        />
      )}
      <AnalysisSettingsView />
      <QueryStatus
        loading={analysis.loading || signs.loading}
        error={municipalitiesError ?? analysis.error ?? signs.error}
        onRetry={() => void reload()}
      />
      {!analysis.loading && year === null && (
        <p className="empty" data-testid="objectivity-no-analysis">
          {t('asm.obj.noYears')}
        </p>
      )}
      {year !== null && !signs.loading && !signs.error && (
        <>
          {schools.length === 0 ? (
            <p className="empty" data-testid="objectivity-empty">
              {t('asm.obj.noSigns', { year })}
            </p>
          ) : (
            <p className="muted" data-testid="objectivity-summary">
              {t('asm.obj.summary', { schools: schools.length, signs: signs.nodes.length, year })}
            </p>
          )}
          <SchoolSignsList schools={schools} />
        </>
      )}
    </section>
  );
}
