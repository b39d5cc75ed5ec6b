import './assessments.css';

import { useMemo } from 'react';

import { QueryStatus } from '../../components/QueryStatus';
import { useI18n } from '../../i18n/I18nProvider';
import { useMunicipalities } from '../municipalities/useMunicipalities';
import { lowResultKey } from './assessmentLabels';
import type { LowResultSchoolsData, LowResultStatusNode } from './analysis.queries';
import type { LowResultKind } from './assessments.queries';
import { LOW_RESULT_SCHOOLS_QUERY } from './analysis.queries';
import { LOW_RESULT_KINDS } from './assessments.queries';
import { FindingsFilters } from './FindingsFilters';
import type { FindingsPageProps, KindFilter } from './findingsParams';
import { readFindingsParams } from './findingsParams';
import { countByKind, groupLowResults, lowResultFilter } from './lowResults.model';
import { LowResultsTable } from './LowResultsTable';
import { yearChoices } from './objectivity.model';
import { useAllNodes } from './useAllNodes';
import { useAnalysisRuns } from './useAnalysisRuns';

const KIND_FILTER: KindFilter<LowResultKind> = {
  param: 'kind',
  kinds: LOW_RESULT_KINDS,
  label: 'asm.low.status',
  allLabel: 'asm.low.allKinds',
  kindLabel: lowResultKey,
  yearTestId: 'low-year-select',
  kindTestId: 'low-kind-select',
};

const pickStatuses = (d: LowResultSchoolsData) => d.lowResultSchools;

/** «ШНОР и ШНСУ»: a year's low-result schools per municipality, with each school's years. */
export function LowResultsPage({ params, setParams }: FindingsPageProps) {
  const { t } = useI18n();
  const { municipalities, error: municipalitiesError } = useMunicipalities();
  const analysis = useAnalysisRuns();
  const selected = readFindingsParams(params, KIND_FILTER);
  const { municipalityId, kind } = selected;
  // Every year of the municipality (or of all in scope): the history needs them all.
  const filter = useMemo(() => lowResultFilter(municipalityId), [municipalityId]);
  const statuses = useAllNodes<LowResultStatusNode, LowResultSchoolsData>(
    LOW_RESULT_SCHOOLS_QUERY,
    filter,
    pickStatuses,
  );
  const years = useMemo(
    () =>
      yearChoices(
        statuses.nodes.map((s) => s.year),
        analysis.runs.map((r) => r.year),
      ),
    [statuses.nodes, analysis.runs],
  );
  const year = selected.year ?? years[0] ?? null;
  const groups = useMemo(
    () => (year === null ? [] : groupLowResults(statuses.nodes, year, years, kind)),
    [statuses.nodes, year, years, kind],
  );
  const counts = useMemo(
    () => (year === null ? null : countByKind(statuses.nodes, year)),
    [statuses.nodes, year],
  );

  return (
    <section className="page asm-page" data-testid="low-results-page">
      <h2>{t('asm.low.title')}</h2>
      <FindingsFilters
        filter={KIND_FILTER}
        selection={{ year, municipalityId, kind }}
        years={years}
        municipalities={municipalities}
        setParams={setParams}
      />
      <QueryStatus
        loading={statuses.loading}
        error={municipalitiesError ?? statuses.error ?? analysis.error}
        onRetry={() => void statuses.reload()}
      />
      {counts && (
        <p className="asm-kind-counts" data-testid="low-counts">
          {LOW_RESULT_KINDS.map((k) => (
            <span key={k} className={`badge asm-low asm-low-${k}`} data-testid={`low-count-${k}`}>
              {t(lowResultKey(k))}: {counts[k]}
            </span>
          ))}
        </p>
      )}
      {!statuses.loading && !statuses.error && year === null && (
        <p className="empty" data-testid="low-no-analysis">
          {t('asm.obj.noYears')}
        </p>
      )}
      {!statuses.loading && !statuses.error && year !== null && groups.length === 0 && (
        <p className="empty" data-testid="low-empty">
          {t('asm.low.none', { year })}
        </p>
      )}
      {groups.map((group) => (
        <LowResultsTable key={group.municipality.id} group={group} />
      ))}
    </section>
  );
}
