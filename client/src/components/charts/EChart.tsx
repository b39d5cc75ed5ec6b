import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import { useEffect, useRef, useState } from 'react';

import { errorMessage } from '../../api/graphql';
import { useT } from '../../i18n/I18nProvider';

interface EChartProps {
  option: EChartsCoreOption;
  height: number;
  testId?: string;
  /** Text for screen readers: what the chart shows. */
  label: string;
}

// One module promise for the whole app: the library is fetched once, on the first chart.
let setup: Promise<typeof import('./echarts.setup')> | null = null;
const loadECharts = () => (setup ??= import('./echarts.setup'));

/** A thin React wrapper over an ECharts instance: created on mount, updated, disposed. */
export function EChart({ option, height, testId, label }: EChartProps) {
  const t = useT();
  const ref = useRef<HTMLDivElement | null>(null);
  const chart = useRef<EChartsType | null>(null);
  const [ready, setReady] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | null = null;
    loadECharts()
      .then(({ echarts }) => {
        if (disposed || !ref.current) {
          return;
        }
        chart.current = echarts.init(ref.current, null, { renderer: 'svg', locale: 'EN' });
        observer = new ResizeObserver(() => chart.current?.resize());
        observer.observe(ref.current);
        setReady(true);
      })
      .catch((e: unknown) => setError(e));
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (ready && chart.current) {
      // notMerge: a new selection replaces the series instead of blending with the old ones.
      chart.current.setOption(option, { notMerge: true });
      chart.current.resize({ height });
    }
  }, [option, ready, height]);

  return (
    <div className="chart-box">
      {!ready && !error && <div className="query-loading">{t('ind.chart.loading')}</div>}
      {error !== null && (
        <div className="query-error" role="alert">
          {t('common.error', { message: errorMessage(error) })}
        </div>
      )}
      <div
        ref={ref}
        role="img"
        aria-label={label}
        style={{ height, width: '100%' }}
        data-testid={testId}
        data-ready={ready ? 'true' : 'false'}
      />
    </div>
  );
}
