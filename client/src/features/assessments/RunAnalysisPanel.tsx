import { useMemo, useState } from 'react';

import { gql } from '../../api/graphql';
import { useQuery } from '../../api/useQuery';
import { QueryStatus } from '../../components/QueryStatus';
import { formatDateTime } from '../../i18n/format';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/ru';
import { useAuth } from '../auth/AuthProvider';
import type { AnalysisRegionsData, AnalysisRunNode, RunAnalysisData } from './analysis.queries';
import { ANALYSIS_REGIONS_QUERY, RUN_ANALYSIS_MUTATION } from './analysis.queries';

interface RunAnalysisPanelProps {
  /** The year proposed for a run (the page's year, else the newest procedure year). */
  defaultYear: number | null;
  lastRun: AnalysisRunNode | null;
  /** Called after a run that was stored (not after a dry run). */
  onDone: (run: AnalysisRunNode) => void;
}

// Counts of a run, in the order they are shown.
const COUNTS: readonly [keyof AnalysisRunNode, MessageKey][] = [
  ['results', 'asm.run.results'],
  ['signs', 'asm.run.signs'],
  ['flaggedSchools', 'asm.run.flagged'],
  ['shnor', 'asm.run.shnor'],
  ['shnsu', 'asm.run.shnsu'],
  ['riskZone', 'asm.run.riskZone'],
  ['objectivityExcluded', 'asm.run.excluded'],
  ['indicatorValues', 'asm.run.indicatorValues'],
];

/** «Запустить анализ» for a region and year (administrators and the region's analysts). */
export function RunAnalysisPanel({ defaultYear, lastRun, onDone }: RunAnalysisPanelProps) {
  const { t, lang } = useI18n();
  const { me } = useAuth();
  const regions = useQuery<AnalysisRegionsData>(ANALYSIS_REGIONS_QUERY, {});
  // An analyst runs the analysis of its own region only.
  const choices = useMemo(
    () =>
      (regions.data?.regions ?? []).filter((r) => me?.role === 'ADMIN' || r.id === me?.region?.id),
    [regions.data, me],
  );
  // Until the user picks one: the last run's region, else the user's own, else the first.
  const [regionChoice, setRegionChoice] = useState<string | null>(null);
  const [yearChoice, setYearChoice] = useState<string | null>(null);
  const [dryRun, setDryRun] = useState(false);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [outcome, setOutcome] = useState<{ run: AnalysisRunNode; dryRun: boolean } | null>(null);
  const regionCode =
    regionChoice ??
    (
      choices.find((r) => r.code === lastRun?.region.code) ??
      choices.find((r) => r.id === me?.region?.id) ??
      choices[0]
    )?.code ??
    '';
  const year = yearChoice ?? (defaultYear === null ? '' : String(defaultYear));

  const run = async () => {
    setRunning(true);
    setError(null);
    setOutcome(null);
    try {
      const data = await gql<RunAnalysisData>(RUN_ANALYSIS_MUTATION, {
        regionCode,
        year: Number(year),
        dryRun,
      });
      setOutcome({ run: data.runAssessmentAnalysis, dryRun });
      if (!dryRun) {
        onDone(data.runAssessmentAnalysis);
      }
    } catch (e) {
      setError(e);
    } finally {
      setRunning(false);
    }
  };

  const shown = outcome?.run ?? lastRun;
  const validYear = /^\d{4}$/.test(year);
  return (
    <section className="asm-run" data-testid="run-analysis">
      <h3>{t('asm.run.title')}</h3>
      <div className="filters">
        <label className="field">
          <span>{t('asm.run.region')}</span>
          <select
            value={regionCode}
            onChange={(e) => setRegionChoice(e.target.value)}
            data-testid="run-region"
          >
            {choices.map((r) => (
              <option key={r.code} value={r.code}>
                {r.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('asm.run.year')}</span>
          <input
            type="number"
            min={2000}
            max={2100}
            value={year}
            onChange={(e) => setYearChoice(e.target.value)}
            data-testid="run-year"
          />
        </label>
        <label className="field field-check">
          <input
            type="checkbox"
            checked={dryRun}
            onChange={(e) => setDryRun(e.target.checked)}
            data-testid="run-dry"
          />
          <span>{t('asm.run.dryRun')}</span>
        </label>
        <button
          type="button"
          onClick={() => void run()}
          disabled={running || regionCode === '' || !validYear}
          data-testid="run-analysis-button"
        >
          {running ? t('asm.run.running') : t('asm.run.start')}
        </button>
      </div>
      <QueryStatus error={error ?? regions.error} />
      {shown && (
        <div className="asm-run-result" data-testid="run-result" data-run={shown.id}>
          <p>
            {outcome
              ? t(outcome.dryRun ? 'asm.run.dryDone' : 'asm.run.done', {
                  region: outcome.run.region.name,
                  year: outcome.run.year,
                })
              : t('asm.run.last', {
                  region: shown.region.name,
                  year: shown.year,
                  when: formatDateTime(lang, shown.createdAt),
                  actor: shown.actor,
                })}
          </p>
          <dl className="asm-counts">
            {COUNTS.map(([field, label]) => (
              <div key={field} data-testid={`run-count-${field}`}>
                <dt>{t(label)}</dt>
                <dd>{String(shown[field])}</dd>
              </div>
            ))}
          </dl>
        </div>
      )}
    </section>
  );
}
