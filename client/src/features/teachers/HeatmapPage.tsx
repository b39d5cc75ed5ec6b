import './teachers.css';

import { useCallback, useMemo } from 'react';

import { useQuery } from '../../api/useQuery';
import { QueryStatus } from '../../components/QueryStatus';
import { formatNumber } from '../../i18n/format';
import type { Translate } from '../../i18n/I18nProvider';
import { useI18n } from '../../i18n/I18nProvider';
import type { Lang } from '../../i18n/plural';
import { MunicipalitySelect } from '../municipalities/MunicipalitySelect';
import { RegionSelect } from '../municipalities/RegionSelect';
import { useMunicipalities } from '../municipalities/useMunicipalities';
import { useDefaultRegion, useRegions } from '../municipalities/useRegions';
import type { MunicipalityHeat } from './heatmap.model';
import {
  academicYears,
  defaultAcademicYear,
  heatColor,
  heatKey,
  heatTextColor,
  pivotHeatmap,
} from './heatmap.model';
import { areaKey } from './teacherLabels';
import type {
  CampaignsData,
  DeficitHeatmapData,
  TeacherAnalyticsData,
  TeacherAnalyticsRow,
} from './teachers.queries';
import {
  CAMPAIGNS_QUERY,
  DEFICIT_HEATMAP_QUERY,
  TEACHER_ANALYTICS_QUERY,
} from './teachers.queries';
import type { PageProps } from './useTeacherData';

const percent = (lang: Lang, value: number | null | undefined) =>
  value === null || value === undefined ? '—' : `${formatNumber(lang, value, 1)} %`;

/** «Карта дефицитов»: share of teachers with each deficit by area × subject, and the analytics. */
export function HeatmapPage({ params, setParams }: PageProps) {
  const { t, lang } = useI18n();
  const { municipalities, loading, error } = useMunicipalities();
  const { regions, error: regionsError } = useRegions();
  // Dashboards may not list campaigns: they open on the current year.
  const newest = useQuery<CampaignsData>(CAMPAIGNS_QUERY, { first: 1, offset: 0 });
  const current = defaultAcademicYear(
    newest.data?.diagnosticCampaigns.nodes[0]?.heldOn,
    new Date(),
  );
  const years = useMemo(() => {
    const list = academicYears(new Date(), 6);
    const chosen = params.get('year') || current;
    return !list.includes(chosen) ? [chosen, ...list] : list;
  }, [params, current]);
  const year = params.get('year') || current;
  const regionId = params.get('region') ?? '';
  const municipalityId = params.get('municipality') ?? '';
  const choose = useCallback(
    (next: Record<string, string>) =>
      setParams({ year, region: regionId, municipality: municipalityId, ...next }),
    [setParams, year, regionId, municipalityId],
  );
  const chooseRegion = useCallback((id: string) => choose({ region: id }), [choose]);
  useDefaultRegion(regionId, municipalities, chooseRegion);
  const inRegion = useMemo(
    () => municipalities.filter((m) => regionId === '' || m.region?.id === regionId),
    [municipalities, regionId],
  );

  const input = municipalityId
    ? { academicYear: year, municipalityId }
    : regionId
      ? { academicYear: year, regionId }
      : null;
  // Wait for the default year, so the page does not load the current year first.
  const skip = input === null || newest.loading;
  const heat = useQuery<DeficitHeatmapData>(DEFICIT_HEATMAP_QUERY, { input }, skip);
  const analytics = useQuery<TeacherAnalyticsData>(TEACHER_ANALYTICS_QUERY, { input }, skip);
  const tables = useMemo(
    () => (heat.data ? pivotHeatmap(heat.data.deficitHeatmap) : []),
    [heat.data],
  );

  return (
    <section className="page" data-testid="heatmap-page">
      <h2>{t('tch.heat.title')}</h2>
      <div className="filters">
        <label className="field">
          <span>{t('tch.heat.year')}</span>
          <select
            value={year}
            onChange={(e) => choose({ year: e.target.value })}
            data-testid="heat-year-select"
          >
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <RegionSelect
          regions={regions}
          value={regionId}
          onChange={(id) => choose({ region: id, municipality: '' })}
        />
        <MunicipalitySelect
          municipalities={inRegion}
          value={municipalityId}
          onChange={(id) => choose({ municipality: id })}
          emptyLabel={t('tch.heat.allMunicipalities')}
        />
        <span className="muted">{t('tch.heat.hint')}</span>
      </div>
      <QueryStatus
        loading={loading || heat.loading}
        error={error ?? regionsError ?? heat.error}
        onRetry={() => void heat.refetch()}
      />
      <HeatLegend />
      {!heat.loading && !heat.error && input && tables.length === 0 && (
        <p className="empty" data-testid="heat-empty">
          {t('tch.heat.empty', { year })}
        </p>
      )}
      {tables.map((table) => (
        <HeatTable key={table.municipalityId} table={table} t={t} lang={lang} />
      ))}
      <h3 className="tch-subtitle">{t('tch.an.title')}</h3>
      <QueryStatus
        loading={analytics.loading}
        error={analytics.error}
        onRetry={() => void analytics.refetch()}
      />
      {analytics.data && <AnalyticsTable rows={analytics.data.teacherAnalytics} />}
    </section>
  );
}

function HeatLegend() {
  const { t } = useI18n();
  const steps = [0, 25, 50, 75, 100];
  return (
    <p className="tch-legend" data-testid="heat-legend">
      <span>{t('tch.heat.legend')}</span>
      {steps.map((s) => (
        <span
          key={s}
          className="tch-legend-step"
          style={{ background: heatColor(s), color: heatTextColor(s) }}
        >
          {s} %
        </span>
      ))}
    </p>
  );
}

function HeatTable({ table, t, lang }: { table: MunicipalityHeat; t: Translate; lang: Lang }) {
  return (
    <div
      className="tch-heat"
      data-testid="heat-municipality"
      data-municipality={table.municipalityId}
    >
      <h3>{table.municipalityName}</h3>
      <div className="coverage-wrap">
        <table className="coverage tch-heat-table">
          <thead>
            <tr>
              <th>{t('tch.heat.area')}</th>
              {table.subjects.map((s) => (
                <th key={s}>{s === '' ? t('tch.heat.noSubject') : s}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.areas.map((area) => (
              <tr key={area}>
                <th>{t(areaKey(area))}</th>
                {table.subjects.map((subject) => {
                  const cell = table.cells.get(heatKey(area, subject));
                  return (
                    <td
                      key={subject}
                      data-testid="heat-cell"
                      data-area={area}
                      data-subject={subject}
                      style={{
                        background: heatColor(cell?.percent),
                        color: heatTextColor(cell?.percent),
                      }}
                      title={
                        cell
                          ? t('tch.heat.cellHint', {
                              with: cell.withDeficit,
                              n: cell.diagnosed,
                            })
                          : undefined
                      }
                    >
                      {cell ? (
                        <>
                          <span className="tch-heat-share" data-testid="heat-share">
                            {percent(lang, cell.percent)}
                          </span>
                          <span className="tch-heat-n" data-testid="heat-n">
                            n = {cell.diagnosed}
                          </span>
                        </>
                      ) : (
                        <span className="coverage-none">—</span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

type Metric = {
  key: keyof TeacherAnalyticsRow;
  share?: boolean;
  change?: boolean;
};

const METRICS: readonly Metric[] = [
  { key: 'teachers' },
  { key: 'diagnosed' },
  { key: 'diagnosedShare', share: true },
  { key: 'withDeficits' },
  { key: 'withRoute' },
  { key: 'routeShare', share: true },
  { key: 'routesOpened' },
  { key: 'routesClosed' },
  { key: 'routeCompletion', share: true },
  { key: 'youngSpecialists' },
  { key: 'youngWithMentor' },
  { key: 'mentoredShare', share: true },
  { key: 'mentors' },
  { key: 'maxMenteesPerMentor' },
  { key: 'deficitShareAtStart', share: true },
  { key: 'deficitShareAtEnd', share: true },
  { key: 'deficitShareChange', change: true },
];

function AnalyticsTable({ rows }: { rows: readonly TeacherAnalyticsRow[] }) {
  const { t, lang } = useI18n();
  if (rows.length === 0) {
    return (
      <p className="empty" data-testid="analytics-empty">
        {t('tch.an.empty')}
      </p>
    );
  }
  const show = (metric: Metric, value: unknown) => {
    if (value === null || value === undefined) {
      return '—';
    }
    const n = Number(value);
    if (metric.change) {
      return `${n > 0 ? '+' : ''}${formatNumber(lang, n, 1)} ${t('tch.an.pp')}`;
    }
    return metric.share ? percent(lang, n) : formatNumber(lang, n, 1);
  };
  return (
    <div className="coverage-wrap">
      <table className="coverage tch-analytics" data-testid="analytics-table">
        <thead>
          <tr>
            <th>{t('tch.an.unit')}</th>
            {METRICS.map((m) => (
              <th key={m.key} title={t(`tch.anHint.${m.key}` as Parameters<Translate>[0])}>
                {t(`tch.an.${m.key}` as Parameters<Translate>[0])}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.unitId} data-testid="analytics-row" data-unit={row.unitId}>
              <th>{row.unitName}</th>
              {METRICS.map((m) => (
                <td
                  key={m.key}
                  data-metric={m.key}
                  className={
                    m.change && typeof row[m.key] === 'number'
                      ? (row[m.key] as number) < 0
                        ? 'tch-better'
                        : (row[m.key] as number) > 0
                          ? 'tch-worse'
                          : undefined
                      : undefined
                  }
                >
                  {show(m, row[m.key])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
