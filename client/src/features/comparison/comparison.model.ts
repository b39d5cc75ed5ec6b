// Shapes the comparison result for the table, the charts and the export. Pure functions only.
import type { IndicatorNode } from '../indicators/indicators.queries';
import type { ComparisonResult, ComparisonRow, ComparisonSummary } from './comparison.queries';

export function rowsOf(result: ComparisonResult, code: string): ComparisonRow[] {
  // The API returns indicator, period, then rank order (units without a value last).
  return result.rows.filter((row) => row.indicatorCode === code);
}

export function summaryOf(result: ComparisonResult, code: string): ComparisonSummary | null {
  return result.summaries.find((s) => s.indicatorCode === code) ?? null;
}

/** Indicators that have rows (the others were skipped: their periods are of another kind). */
export function comparedCodes(result: ComparisonResult, codes: readonly string[]): string[] {
  const present = new Set(result.rows.map((row) => row.indicatorCode));
  return codes.filter((code) => present.has(code));
}

export interface HeatmapUnit {
  id: string;
  name: string;
  demo: boolean;
  meanScore: number | null;
}

export interface HeatmapData {
  units: HeatmapUnit[];
  codes: string[];
  /** [indicator index, unit index, score] per cell with a score. */
  cells: [number, number, number][];
}

/** Units × indicators with the motivating score, units by their mean score (best first). */
export function heatmapData(result: ComparisonResult, codes: readonly string[]): HeatmapData {
  const shown = comparedCodes(result, codes);
  const units = new Map<string, HeatmapUnit & { scores: number[] }>();
  for (const row of result.rows) {
    if (!shown.includes(row.indicatorCode)) {
      continue;
    }
    const unit = units.get(row.unitId) ?? {
      id: row.unitId,
      name: row.unitName,
      demo: row.demo,
      meanScore: null,
      scores: [],
    };
    if (row.score !== null) {
      unit.scores.push(row.score);
    }
    units.set(row.unitId, unit);
  }
  const ordered = [...units.values()]
    .map(({ scores, ...unit }) => ({
      ...unit,
      meanScore: scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null,
    }))
    .sort(
      (a, b) => (b.meanScore ?? -1) - (a.meanScore ?? -1) || a.name.localeCompare(b.name, 'ru'),
    );
  const unitIndex = new Map(ordered.map((unit, i) => [unit.id, i]));
  const cells: [number, number, number][] = [];
  for (const row of result.rows) {
    const x = shown.indexOf(row.indicatorCode);
    if (x >= 0 && row.score !== null) {
      cells.push([x, unitIndex.get(row.unitId)!, row.score]);
    }
  }
  return { units: ordered, codes: shown, cells };
}

export const BAR_COLOR = '#3b6ea5';
export const DEMO_BAR_COLOR = '#9db7d5';
export const REFERENCE_COLOR = '#b42318';

export interface BarLabels {
  unitLabel: (row: ComparisonRow) => string;
  valueText: (value: number | null) => string;
  referenceName: string;
}

/**
 * Horizontal bars of one indicator, best on top, with the parent's (region or municipality)
 * own value as a reference line. Units without a value have no bar.
 */
export function barChartOption(
  rows: readonly ComparisonRow[],
  summary: ComparisonSummary | null,
  labels: BarLabels,
) {
  const ranked = rows.filter((row) => row.value !== null);
  const parent = summary?.parentValue ?? null;
  return {
    animation: false,
    grid: { left: 8, right: 56, top: 28, bottom: 8, containLabel: true },
    tooltip: { trigger: 'item' },
    xAxis: { type: 'value', axisLabel: { formatter: (v: number) => labels.valueText(v) } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: ranked.map((row) => labels.unitLabel(row)),
      axisLabel: { width: 220, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        name: 'value',
        barMaxWidth: 22,
        data: ranked.map((row) => ({
          value: row.value,
          name: labels.unitLabel(row),
          itemStyle: { color: row.demo ? DEMO_BAR_COLOR : BAR_COLOR },
        })),
        label: {
          show: true,
          position: 'right',
          formatter: (p: { value: number }) => labels.valueText(p.value),
        },
        tooltip: {
          formatter: (p: { name: string; value: number }) =>
            `${p.name}: ${labels.valueText(p.value)}`,
        },
        markLine:
          parent === null
            ? undefined
            : {
                symbol: 'none',
                silent: true,
                lineStyle: { color: REFERENCE_COLOR, type: 'dashed', width: 2 },
                label: {
                  formatter: `${labels.referenceName}: ${labels.valueText(parent)}`,
                  // The category axis is inverted: the line starts at the top.
                  position: 'start',
                  color: REFERENCE_COLOR,
                },
                data: [{ xAxis: parent }],
              },
      },
    ],
  };
}

export function barChartHeight(rows: readonly ComparisonRow[]): number {
  return 70 + 28 * Math.max(1, rows.filter((row) => row.value !== null).length);
}

export interface HeatmapLabels {
  unitLabel: (unit: HeatmapUnit) => string;
  indicatorName: (code: string) => string;
  scoreName: string;
}

export function heatmapOption(data: HeatmapData, stops: readonly string[], labels: HeatmapLabels) {
  return {
    animation: false,
    grid: { left: 8, right: 16, top: 8, bottom: 64, containLabel: true },
    tooltip: {
      formatter: (p: { value: [number, number, number] }) =>
        `${labels.unitLabel(data.units[p.value[1]])}<br>${labels.indicatorName(
          data.codes[p.value[0]],
        )}<br>${labels.scoreName}: ${Math.round(p.value[2])}`,
    },
    xAxis: {
      type: 'category',
      data: data.codes,
      splitArea: { show: true },
      axisLabel: { interval: 0, rotate: data.codes.length > 6 ? 30 : 0 },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: data.units.map((unit) => labels.unitLabel(unit)),
      splitArea: { show: true },
      axisLabel: { width: 220, overflow: 'truncate' },
    },
    visualMap: {
      min: 0,
      max: 100,
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      text: ['100', '0'],
      inRange: { color: [...stops] },
    },
    series: [
      {
        type: 'heatmap',
        name: labels.scoreName,
        data: data.cells,
        label: {
          show: true,
          formatter: (p: { value: number[] }) => String(Math.round(p.value[2])),
        },
        itemStyle: { borderColor: '#ffffff', borderWidth: 1 },
      },
    ],
  };
}

export function heatmapHeight(data: HeatmapData): number {
  return 110 + 30 * Math.max(1, data.units.length);
}

/** Rows with their indicator, for an export of the whole comparison. */
export function exportRows(
  result: ComparisonResult,
  indicators: readonly Pick<IndicatorNode, 'code'>[],
): ComparisonRow[] {
  const order = new Map(indicators.map((indicator, i) => [indicator.code, i]));
  // Stable sort keeps the API's rank order within each indicator.
  return [...result.rows].sort(
    (a, b) => (order.get(a.indicatorCode) ?? 0) - (order.get(b.indicatorCode) ?? 0),
  );
}
