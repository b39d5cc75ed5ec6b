import { useMemo } from 'react';

import { EChart } from '../../components/charts/EChart';
import { useI18n } from '../../i18n/I18nProvider';
import { formatValue, indicatorName } from '../indicators/indicatorFormat';
import type { IndicatorNode } from '../indicators/indicators.queries';
import type { HeatmapData } from './comparison.model';
import { barChartHeight, barChartOption, heatmapHeight, heatmapOption } from './comparison.model';
import type { ComparisonRow, ComparisonSummary } from './comparison.queries';
import { SCORE_STOPS } from './score.colors';

interface BarChartProps {
  indicator: IndicatorNode;
  rows: readonly ComparisonRow[];
  summary: ComparisonSummary | null;
  parentName: string;
}

export function ComparisonBarChart({ indicator, rows, summary, parentName }: BarChartProps) {
  const { t, lang } = useI18n();
  const option = useMemo(
    () =>
      barChartOption(rows, summary, {
        unitLabel: (row) => (row.demo ? `${row.unitName} (${t('ind.demo')})` : row.unitName),
        valueText: (v) => formatValue(lang, indicator.unit, v),
        referenceName: parentName,
      }),
    [rows, summary, t, lang, indicator.unit, parentName],
  );
  return (
    <EChart
      option={option}
      height={barChartHeight(rows)}
      testId="bar-chart"
      label={t('ind.compare.barLabel', { indicator: indicatorName(lang, indicator) })}
    />
  );
}

interface HeatmapProps {
  data: HeatmapData;
  indicators: ReadonlyMap<string, IndicatorNode>;
}

export function ComparisonHeatmap({ data, indicators }: HeatmapProps) {
  const { t, lang } = useI18n();
  const option = useMemo(
    () =>
      heatmapOption(data, SCORE_STOPS, {
        unitLabel: (unit) => (unit.demo ? `${unit.name} (${t('ind.demo')})` : unit.name),
        indicatorName: (code) => {
          const indicator = indicators.get(code);
          return indicator ? `${code} — ${indicatorName(lang, indicator)}` : code;
        },
        scoreName: t('ind.col.score'),
      }),
    [data, indicators, t, lang],
  );
  return (
    <EChart
      option={option}
      height={heatmapHeight(data)}
      testId="heatmap"
      label={t('ind.compare.heatmapLabel')}
    />
  );
}
