import '../indicators/indicators.css';

import { useCallback, useEffect, useMemo } from 'react';

import { confirmDiscard } from '../../components/editable-grid';
import { QueryStatus } from '../../components/QueryStatus';
import { SavedViewsMenu, useSavedViews } from '../../components/saved-views';
import { useI18n } from '../../i18n/I18nProvider';
import { useAuth } from '../auth/AuthProvider';
import { groupByDirection } from '../indicators/indicatorFormat';
import { PeriodSelect } from '../indicators/PeriodSelect';
import { dominantKind, periodKindOf, periodsForKinds } from '../indicators/periods';
import { useIndicatorCatalog } from '../indicators/useIndicatorCatalog';
import { usePeriodsWithData } from '../indicators/usePeriodsWithData';
import { MunicipalitySelect } from '../municipalities/MunicipalitySelect';
import { useMunicipalities } from '../municipalities/useMunicipalities';
import { IndicatorValuesGrid } from './IndicatorValuesGrid';

interface IndicatorValuesPageProps {
  params: URLSearchParams;
  setParams: (params: Record<string, string>) => void;
}

// The URL filters a saved view of this page keeps.
const VIEW_KEYS = ['municipality', 'period', 'direction'] as const;

/** «Показатели»: values of a municipality's organizations for one period, edited in the grid. */
export function IndicatorValuesPage({ params, setParams }: IndicatorValuesPageProps) {
  const { t } = useI18n();
  const { me } = useAuth();
  const municipalityId = params.get('municipality') ?? '';
  const direction = params.get('direction') ?? '';
  const confirmLeave = useCallback(() => confirmDiscard(t('grid.leaveWarning')), [t]);
  const views = useSavedViews({
    page: 'indicators',
    keys: VIEW_KEYS,
    params,
    setParams,
    confirmLeave,
  });
  const { municipalities, loading, error } = useMunicipalities();
  const catalog = useIndicatorCatalog();
  const groups = useMemo(() => groupByDirection(catalog.indicators), [catalog.indicators]);
  const inDirection = useMemo(
    () =>
      direction
        ? catalog.indicators.filter((i) => i.direction.code === direction)
        : catalog.indicators,
    [catalog.indicators, direction],
  );
  const codes = useMemo(() => inDirection.map((i) => i.code), [inDirection]);
  const kinds = useMemo(() => [...new Set(inDirection.map((i) => i.periodKind))], [inDirection]);
  const withData = usePeriodsWithData(municipalityId ? { municipalityId } : null, codes);
  // By default the newest period of the kind most of these indicators are kept for.
  const [usual] = periodsForKinds(
    [dominantKind(inDirection) ?? 'ACADEMIC_YEAR'],
    [],
    withData.periods,
    withData.loading,
    new Date(),
  );
  const period = params.get('period') ?? usual.period ?? '';
  const kind = periodKindOf(period);
  const shown = useMemo(
    () => inDirection.filter((i) => i.periodKind === kind),
    [inDirection, kind],
  );

  // The user's own municipality first; otherwise the first one in the list.
  useEffect(() => {
    if (municipalityId === '' && municipalities.length > 0) {
      const own = municipalities.find((m) => m.id === me?.municipality?.id);
      setParams({ municipality: (own ?? municipalities[0]).id, direction });
    }
  }, [municipalities, municipalityId, me, direction, setParams]);

  const select = (next: Record<string, string>) => {
    if (confirmDiscard(t('grid.leaveWarning'))) {
      setParams({ municipality: municipalityId, period, direction, ...next });
    }
  };
  // The period stays when the new direction keeps indicators for its kind; else the default.
  const chooseDirection = (code: string) => {
    const keeps = catalog.indicators.some(
      (i) => (code === '' || i.direction.code === code) && i.periodKind === kind,
    );
    select({ direction: code, period: keeps ? period : '' });
  };

  return (
    <section className="page" data-testid="indicator-values-page">
      <h2>{t('ind.values.title')}</h2>
      <div className="filters">
        <MunicipalitySelect
          municipalities={municipalities}
          value={municipalityId}
          onChange={(id) => select({ municipality: id })}
          emptyLabel={t('roadmaps.pickMunicipality')}
        />
        <PeriodSelect
          value={period}
          onChange={(p) => select({ period: p })}
          kinds={kinds}
          withData={withData.periods}
        />
        <label className="field">
          <span>{t('ind.direction')}</span>
          <select
            value={direction}
            onChange={(e) => chooseDirection(e.target.value)}
            data-testid="direction-select"
          >
            <option value="">{t('ind.allDirections')}</option>
            {groups.map((g) => (
              <option key={g.direction.code} value={g.direction.code}>
                {g.direction.code}. {g.direction.shortName}
              </option>
            ))}
          </select>
        </label>
        <span className="muted">{t('ind.values.hint')}</span>
      </div>
      <SavedViewsMenu views={views} />
      <QueryStatus loading={loading || catalog.loading} error={error ?? catalog.error} />
      {municipalityId && period && !catalog.loading && shown.length === 0 && (
        <p className="empty">{t('ind.values.noIndicators')}</p>
      )}
      {municipalityId && period && shown.length > 0 && (
        <IndicatorValuesGrid
          key={`${municipalityId}|${period}|${direction}`}
          municipalityId={municipalityId}
          period={period}
          indicators={shown}
          onApiReady={views.onApiReady}
        />
      )}
    </section>
  );
}
