import '../indicators/indicators.css';

import { useCallback, useMemo } from 'react';

import { QueryStatus } from '../../components/QueryStatus';
import { SavedViewsMenu, useSavedViews } from '../../components/saved-views';
import { useI18n } from '../../i18n/I18nProvider';
import type { PeriodKind } from '../indicators/indicators.queries';
import { PeriodSelect } from '../indicators/PeriodSelect';
import { periodKindOf, periodsForKinds } from '../indicators/periods';
import { useIndicatorCatalog } from '../indicators/useIndicatorCatalog';
import { usePeriodsWithData } from '../indicators/usePeriodsWithData';
import { RegionSelect } from '../municipalities/RegionSelect';
import { useMunicipalities } from '../municipalities/useMunicipalities';
import { useDefaultRegion, useRegions } from '../municipalities/useRegions';
import { ComparisonResults } from './ComparisonResults';
import { IndicatorPicker } from './IndicatorPicker';
import { useComparison } from './useComparison';

interface ComparisonPageProps {
  params: URLSearchParams;
  setParams: (params: Record<string, string>) => void;
}

const splitCodes = (text: string | null) => (text ? text.split(',').filter(Boolean) : []);

// The URL filters a saved view of this page keeps.
const VIEW_KEYS = ['region', 'municipality', 'ind', 'period', 'active'] as const;

/** «Сравнение муниципалитетов»: a region's municipalities (or a municipality's schools) ranked. */
export function ComparisonPage({ params, setParams }: ComparisonPageProps) {
  const { t } = useI18n();
  const regions = useRegions();
  const { municipalities } = useMunicipalities();
  const catalog = useIndicatorCatalog();
  const views = useSavedViews({ page: 'comparison', keys: VIEW_KEYS, params, setParams });
  const regionId = params.get('region') ?? '';
  const municipalityId = params.get('municipality') ?? '';
  const selected = useMemo(() => splitCodes(params.get('ind')), [params]);
  const current = useMemo(
    () => ({
      region: regionId,
      municipality: municipalityId,
      ind: selected.join(','),
      period: params.get('period') ?? '',
    }),
    [regionId, municipalityId, selected, params],
  );
  const update = (next: Partial<typeof current>) => setParams({ ...current, ...next });

  const startIn = useCallback(
    (region: string) => setParams({ ...current, region }),
    [current, setParams],
  );
  useDefaultRegion(regionId, municipalities, startIn);

  const inRegion = municipalities.filter((m) => m.region?.id === regionId);
  // Compared: known codes, and by organization only indicators entered per organization.
  const chosen = useMemo(
    () =>
      selected
        .map((code) => catalog.byCode.get(code))
        .filter((i) => i !== undefined)
        .filter((i) => municipalityId === '' || i.level === 'ORGANIZATION'),
    [selected, catalog.byCode, municipalityId],
  );
  const comparable = useMemo(() => chosen.map((i) => i.code), [chosen]);
  const kinds = [...new Set(chosen.map((i) => i.periodKind))];
  const asked = splitCodes(params.get('period'));
  const unit = useMemo(
    () => (municipalityId ? { municipalityId } : regionId ? { regionId } : null),
    [municipalityId, regionId],
  );
  const withData = usePeriodsWithData(unit, comparable);
  const periods = periodsForKinds(kinds, asked, withData.periods, withData.loading, new Date());
  const ready = periods.length > 0 && periods.every((p) => p.period !== null);
  const periodList = ready ? periods.map((p) => p.period!) : [];
  const periodKey = periodList.join(',');
  const choosePeriod = (kind: PeriodKind, period: string) =>
    update({
      period: periods.map((p) => (p.kind === kind ? period : (p.period ?? ''))).join(','),
    });

  const input = useMemo(
    () =>
      (municipalityId || regionId) && comparable.length > 0 && periodKey
        ? {
            indicatorCodes: comparable,
            periods: periodKey.split(','),
            ...(municipalityId ? { municipalityId } : { regionId }),
          }
        : null,
    [comparable, periodKey, municipalityId, regionId],
  );
  const comparison = useComparison(input);
  const regionName = regions.regions.find((r) => r.id === regionId)?.name ?? '';
  const municipalityName = inRegion.find((m) => m.id === municipalityId)?.name ?? '';
  const parentName = municipalityId ? municipalityName : regionName;

  return (
    <section className="page ind-page" data-testid="comparison-page">
      <h2>{t('ind.compare.title')}</h2>
      <div className="filters">
        <RegionSelect
          regions={regions.regions}
          value={regionId}
          onChange={(region) => update({ region, municipality: '' })}
        />
        <label className="field">
          <span>{t('ind.compare.units')}</span>
          <select
            value={municipalityId}
            onChange={(e) => update({ municipality: e.target.value })}
            data-testid="scope-select"
          >
            <option value="">{t('ind.compare.regionMunicipalities')}</option>
            {inRegion.map((m) => (
              <option key={m.id} value={m.id}>
                {t('ind.compare.organizationsOf', { name: m.name })}
              </option>
            ))}
          </select>
        </label>
        {periods.map(({ kind, period }) => (
          <PeriodSelect
            key={kind}
            value={period ?? ''}
            onChange={(p) => choosePeriod(kind, p)}
            kinds={[kind]}
            withData={withData.periods.filter((p) => periodKindOf(p) === kind)}
            label={kinds.length > 1 ? t(`ind.periodKind.${kind}`) : undefined}
            testId={`period-select-${kind}`}
          />
        ))}
      </div>
      <SavedViewsMenu views={views} />
      <IndicatorPicker
        indicators={catalog.indicators}
        selected={selected}
        onChange={(codes) => update({ ind: codes.join(',') })}
        isDisabled={(i) => municipalityId !== '' && i.level === 'MUNICIPALITY'}
      />
      <QueryStatus
        loading={catalog.loading || comparison.loading}
        error={catalog.error ?? regions.error ?? comparison.error}
        onRetry={() => void comparison.refetch()}
      />
      {selected.length === 0 && <p className="empty">{t('ind.compare.pickIndicators')}</p>}
      {comparison.result && comparison.ran && (
        <ComparisonResults
          result={comparison.result}
          ran={comparison.ran}
          codes={selected}
          indicators={catalog.byCode}
          parentName={parentName}
          period={periodList.join(', ')}
          active={params.get('active') ?? ''}
          setActive={(code) => setParams({ ...current, active: code })}
        />
      )}
    </section>
  );
}
