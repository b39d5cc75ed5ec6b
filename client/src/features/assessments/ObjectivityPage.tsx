import './assessments.css';

import { useCallback, useMemo } from 'react';

import { QueryStatus } from '../../components/QueryStatus';
import { useI18n } from '../../i18n/I18nProvider';
import { useAuth } from '../auth/AuthProvider';
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
import { FindingsFilters } from './FindingsFilters';
import type { FindingsPageProps, KindFilter } from './findingsParams';
import { findingsParams, readFindingsParams } from './findingsParams';
import { groupSignsBySchool, signFilter, yearChoices } from './objectivity.model';
import { RunAnalysisPanel } from './RunAnalysisPanel';
import { SchoolSignsList } from './SchoolSignsList';
import { useAllNodes } from './useAllNodes';
import { canRunAnalysis, useAnalysisRuns } from './useAnalysisRuns';
import { useProcedures } from './useProcedures';

const SIGN_FILTER: KindFilter<ObjectivitySignKind> = {
  param: 'sign',
  kinds: SIGN_KINDS,
  label: 'asm.obj.sign',
  allLabel: 'asm.obj.allSigns',
  kindLabel: signKey,
  yearTestId: 'objectivity-year-select',
  kindTestId: 'sign-select',
};

const pickSigns = (d: ObjectivitySignsData) => d.objectivitySigns;

/** «Объективность»: schools with signs of non-objective results, each sign with its evidence. */
export function ObjectivityPage({ params, setParams }: FindingsPageProps) {
  const { t } = useI18n();
  const { me } = useAuth();
  const { municipalities, error: municipalitiesError } = useMunicipalities();
  const analysis = useAnalysisRuns();
  const catalog = useProcedures();
  const selected = readFindingsParams(params, SIGN_FILTER);
  const { municipalityId, kind: sign } = selected;
  const years = yearChoices(
    analysis.runs.map((r) => r.year),
    [analysis.latestSignYear],
  );
  // By default the newest year that has signs, else the newest analysed one.
  const year = selected.year ?? analysis.latestSignYear ?? years[0] ?? null;
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

  const { refetch } = analysis;
  const { reload } = signs;
  const afterRun = useCallback(
    (run: AnalysisRunNode) => {
      void refetch();
      void reload();
      setParams(findingsParams(SIGN_FILTER, { year: run.year, municipalityId, kind: sign }));
    },
    [refetch, reload, setParams, municipalityId, sign],
  );

  return (
    <section className="page asm-page" data-testid="objectivity-page">
      <h2>{t('asm.obj.title')}</h2>
      <FindingsFilters
        filter={SIGN_FILTER}
        selection={{ year, municipalityId, kind: sign }}
        years={years}
        municipalities={municipalities}
        setParams={setParams}
      />
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
