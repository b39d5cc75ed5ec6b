import { useMemo } from 'react';

import { ExportButtons } from '../../components/export';
import { useI18n } from '../../i18n/I18nProvider';
import { indicatorName } from '../indicators/indicatorFormat';
import { periodLabel } from '../indicators/periods';
import type { IndicatorNode } from '../indicators/indicators.queries';
import { ComparisonBarChart, ComparisonHeatmap } from './ComparisonCharts';
import { comparisonExportTable } from './comparison.export';
import { comparedCodes, heatmapData, rowsOf, summaryOf } from './comparison.model';
import type { ComparisonResult } from './comparison.queries';
import { GraphqlQueryPanel } from './GraphqlQueryPanel';
import { RankedTable } from './RankedTable';

interface ComparisonResultsProps {
  result: ComparisonResult;
  ran: { query: string; variables: Record<string, unknown> };
  codes: readonly string[];
  indicators: ReadonlyMap<string, IndicatorNode>;
  parentName: string;
  period: string;
  active: string;
  setActive: (code: string) => void;
}

export function ComparisonResults(props: ComparisonResultsProps) {
  const { result, indicators, parentName, period } = props;
  const { t, lang } = useI18n();
  const compared = useMemo(() => comparedCodes(result, props.codes), [result, props.codes]);
  const skipped = props.codes.filter((code) => !compared.includes(code));
  const activeCode = compared.includes(props.active) ? props.active : compared[0];
  const indicator = activeCode ? indicators.get(activeCode) : undefined;
  const heatmap = useMemo(() => heatmapData(result, compared), [result, compared]);
  const rows = useMemo(() => (activeCode ? rowsOf(result, activeCode) : []), [result, activeCode]);
  const summary = activeCode ? summaryOf(result, activeCode) : null;
  const exportTable = () =>
    comparisonExportTable({
      t,
      lang,
      indicators: compared.map((code) => indicators.get(code)).filter((i) => i !== undefined),
      result,
      scopeName: parentName,
      period,
    });

  return (
    <div className="ind-results" data-testid="comparison-results">
      <div className="ind-actions">
        <ExportButtons
          fileName={`${t('ind.compare.file')} ${parentName} ${period}`}
          table={exportTable}
          disabled={result.rows.length === 0}
        />
        <GraphqlQueryPanel query={props.ran.query} variables={props.ran.variables} />
      </div>
      {skipped.length > 0 && (
        <p className="muted" data-testid="skipped-indicators">
          {t('ind.compare.skipped', { codes: skipped.join(', ') })}
        </p>
      )}
      {compared.length === 0 && <p className="empty">{t('ind.compare.noRows')}</p>}
      {compared.length > 1 && (
        <div className="ind-tabs" role="tablist">
          {compared.map((code) => (
            <button
              key={code}
              type="button"
              role="tab"
              aria-selected={code === activeCode}
              className={code === activeCode ? 'ind-tab ind-tab-active' : 'ind-tab'}
              onClick={() => props.setActive(code)}
              data-testid={`tab-${code}`}
            >
              {code}
            </button>
          ))}
        </div>
      )}
      {indicator && (
        <>
          <h3 className="ind-title" data-testid="active-indicator">
            {indicator.code} — {indicatorName(lang, indicator)}
            {rows[0] ? ` · ${periodLabel(t, rows[0].period)}` : ''}
          </h3>
          <div className="ind-columns">
            <RankedTable
              indicator={indicator}
              rows={rows}
              summary={summary}
              unitKind={result.unitKind}
              parentName={parentName}
            />
            <ComparisonBarChart
              indicator={indicator}
              rows={rows}
              summary={summary}
              parentName={parentName}
            />
          </div>
        </>
      )}
      {heatmap.cells.length > 0 && (
        <>
          <h3 className="ind-title">{t('ind.compare.heatmapTitle')}</h3>
          <ComparisonHeatmap data={heatmap} indicators={indicators} />
        </>
      )}
    </div>
  );
}
