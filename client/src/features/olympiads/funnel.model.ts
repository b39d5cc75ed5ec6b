// The funnel's figures as the page shows them: per-stage metrics of the table, and the two chart
// options (participants per stage of the scope; coverage, or school-stage participants, per part).
import { formatNumber } from '../../i18n/format';
import type { Lang } from '../../i18n/plural';
import type { FunnelRow, StageFigures } from './analytics.queries';
import type { OlympiadStage } from './olympiads.queries';
import { STAGES } from './olympiads.queries';

const BAR_COLOR = '#2563eb';
const DIPLOMA_COLOR = '#f59e0b';
const REFERENCE_COLOR = '#dc2626';

/** «21,7 %»; none → «—». */
export function percentText(lang: Lang, value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${formatNumber(lang, value, 1)} %`;
}

/** «+1,5» / «−2» (with a unit after it); none → «—». */
export function changeText(lang: Lang, value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined) {
    return '—';
  }
  const sign = value > 0 ? '+' : value < 0 ? '−' : '';
  return `${sign}${formatNumber(lang, Math.abs(value), 1)} ${unit}`;
}

export function stageOf(row: FunnelRow, stage: OlympiadStage): StageFigures | undefined {
  return row.stages.find((s) => s.stage === stage);
}

/** Winners and prize-winners. */
export const diplomasOf = (figures: StageFigures | undefined) =>
  (figures?.winners ?? 0) + (figures?.prizeWinners ?? 0);

export interface StageChartLabels {
  stage: (stage: OlympiadStage) => string;
  participants: string;
  diplomas: string;
}

/** Participants (and diplomas) of the scope per stage, school stage on top: the funnel. */
export function stageChartOption(total: FunnelRow, lang: Lang, labels: StageChartLabels) {
  const names = STAGES.map(labels.stage);
  const series = (name: string, color: string, value: (s: StageFigures | undefined) => number) => ({
    type: 'bar',
    name,
    barMaxWidth: 22,
    itemStyle: { color },
    data: STAGES.map((stage) => value(stageOf(total, stage))),
    label: {
      show: true,
      position: 'right',
      formatter: (p: { value: number }) => formatNumber(lang, p.value, 0),
    },
  });
  return {
    animation: false,
    grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatNumber(lang, v, 0) } },
    yAxis: { type: 'category', inverse: true, data: names },
    series: [
      series(labels.participants, BAR_COLOR, (s) => s?.participants ?? 0),
      series(labels.diplomas, DIPLOMA_COLOR, diplomasOf),
    ],
  };
}

export interface PartChartLabels {
  /** The figure's name (tooltip) and how it reads. */
  value: (row: FunnelRow) => number | null;
  text: (value: number) => string;
  /** The scope's figure as a dashed reference line, if any. */
  reference: { name: string; value: number } | null;
}

/** One bar per part (municipality, school or subject), in the table's order. */
export function partChartOption(parts: readonly FunnelRow[], labels: PartChartLabels) {
  const shown = parts.filter((row) => labels.value(row) !== null);
  return {
    animation: false,
    grid: { left: 8, right: 64, top: 28, bottom: 8, containLabel: true },
    tooltip: { trigger: 'item' },
    xAxis: { type: 'value', axisLabel: { formatter: labels.text } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: shown.map((row) => row.unitName),
      axisLabel: { width: 220, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 22,
        itemStyle: { color: BAR_COLOR },
        data: shown.map((row) => ({ value: labels.value(row), name: row.unitName })),
        label: {
          show: true,
          position: 'right',
          formatter: (p: { value: number }) => labels.text(p.value),
        },
        tooltip: {
          formatter: (p: { name: string; value: number }) => `${p.name}: ${labels.text(p.value)}`,
        },
        markLine: labels.reference
          ? {
              symbol: 'none',
              silent: true,
              lineStyle: { color: REFERENCE_COLOR, type: 'dashed', width: 2 },
              label: {
                formatter: `${labels.reference.name}: ${labels.text(labels.reference.value)}`,
                position: 'start',
                color: REFERENCE_COLOR,
              },
              data: [{ xAxis: labels.reference.value }],
            }
          : undefined,
      },
    ],
  };
}

export function partChartHeight(count: number): number {
  return 70 + 28 * Math.max(1, count);
}
