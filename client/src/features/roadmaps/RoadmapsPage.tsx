import { useEffect, useMemo } from 'react';

import { useQuery } from '../../api/useQuery';
import { confirmDiscard } from '../../components/editable-grid';
import { QueryStatus } from '../../components/QueryStatus';
import { formatDate } from '../../i18n/format';
import { useI18n } from '../../i18n/I18nProvider';
import { MunicipalitySelect } from '../municipalities/MunicipalitySelect';
import { useMunicipalities } from '../municipalities/useMunicipalities';
import { RoadmapGrid } from './RoadmapGrid';
import type { CycleComponentsData, RoadmapsData } from './roadmaps.queries';
import { CYCLE_COMPONENTS_QUERY, ROADMAPS_QUERY } from './roadmaps.queries';

const NO_CYCLE_COMPONENTS: CycleComponentsData['cycleComponents'] = [];

interface RoadmapsPageProps {
  params: URLSearchParams;
  setParams: (params: Record<string, string>) => void;
}

export function RoadmapsPage({ params, setParams }: RoadmapsPageProps) {
  const { t, lang } = useI18n();
  const municipalityId = params.get('municipality') ?? '';
  const { municipalities, loading, error } = useMunicipalities();
  const roadmapsQuery = useQuery<RoadmapsData>(
    ROADMAPS_QUERY,
    { municipalityId },
    municipalityId === '',
  );
  const components = useQuery<CycleComponentsData>(CYCLE_COMPONENTS_QUERY, {});
  const roadmaps = useMemo(
    () => (municipalityId ? (roadmapsQuery.data?.roadmaps.nodes ?? []) : []),
    [municipalityId, roadmapsQuery.data],
  );
  const roadmapId = params.get('roadmap') ?? roadmaps[0]?.id ?? '';
  const roadmap = roadmaps.find((r) => r.id === roadmapId) ?? roadmaps[0];
  const noRoadmaps =
    municipalityId !== '' &&
    !roadmapsQuery.loading &&
    !roadmapsQuery.error &&
    roadmaps.length === 0;

  // Usually a municipality has a single roadmap: open the first one without asking.
  useEffect(() => {
    if (municipalityId === '' && municipalities.length === 1) {
      setParams({ municipality: municipalities[0].id });
    }
  }, [municipalities, municipalityId, setParams]);

  const select = (next: Record<string, string>) => {
    if (confirmDiscard(t('grid.leaveWarning'))) {
      setParams(next);
    }
  };

  return (
    <section className="page" data-testid="roadmaps-page">
      <div className="filters">
        <MunicipalitySelect
          municipalities={municipalities}
          value={municipalityId}
          onChange={(id) => select({ municipality: id })}
          emptyLabel={t('roadmaps.pickMunicipality')}
        />
        {municipalityId && (
          <label className="field">
            <span>{t('roadmaps.roadmap')}</span>
            <select
              value={roadmap?.id ?? ''}
              onChange={(e) => select({ municipality: municipalityId, roadmap: e.target.value })}
              disabled={roadmaps.length === 0}
              data-testid="roadmap-select"
            >
              {roadmaps.length === 0 && <option value="">{t('roadmaps.noRoadmaps')}</option>}
              {roadmaps.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.title}
                </option>
              ))}
            </select>
          </label>
        )}
        {roadmap && (
          <div className="roadmap-meta">
            {roadmap.periodStart && roadmap.periodEnd && (
              <span>
                {t('roadmaps.period', {
                  from: formatDate(lang, roadmap.periodStart),
                  to: formatDate(lang, roadmap.periodEnd),
                })}
              </span>
            )}
            {roadmap.orderNumber && (
              <span>
                {t('roadmaps.order', {
                  number: roadmap.orderNumber,
                  date: formatDate(lang, roadmap.orderDate),
                })}
              </span>
            )}
          </div>
        )}
      </div>
      <QueryStatus
        loading={loading || roadmapsQuery.loading}
        error={error ?? roadmapsQuery.error ?? components.error}
      />
      {noRoadmaps && <p className="empty">{t('roadmaps.noRoadmaps')}</p>}
      {/* The cycle-component column needs its names before the grid shows codes. */}
      {roadmap && (components.data !== null || Boolean(components.error)) && (
        <RoadmapGrid
          key={roadmap.id}
          roadmap={roadmap}
          municipalityId={municipalityId}
          cycleComponents={components.data?.cycleComponents ?? NO_CYCLE_COMPONENTS}
        />
      )}
    </section>
  );
}
