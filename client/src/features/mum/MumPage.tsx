import '../indicators/indicators.css';

import { useEffect, useMemo } from 'react';

import { useQuery } from '../../api/useQuery';
import { QueryStatus } from '../../components/QueryStatus';
import { useT } from '../../i18n/I18nProvider';
import { useAuth } from '../auth/AuthProvider';
import type { RegionsData } from '../indicators/indicators.queries';
import { REGIONS_QUERY } from '../indicators/indicators.queries';
import { useMunicipalities } from '../municipalities/useMunicipalities';
import { indexMatrix } from './mum.model';
import type { MumMatrixData } from './mum.queries';
import { MUM_MATRIX_QUERY } from './mum.queries';
import { MumMatrixTable } from './MumMatrixTable';
import { MumOverview } from './MumOverview';

interface MumPageProps {
  params: URLSearchParams;
  setParams: (params: Record<string, string>) => void;
}

/** «Самооценка МУМ»: where each municipality's management cycle is broken, by direction. */
export function MumPage({ params, setParams }: MumPageProps) {
  const t = useT();
  const { me } = useAuth();
  const regions = useQuery<RegionsData>(REGIONS_QUERY, {});
  const { municipalities } = useMunicipalities();
  const regionId = params.get('region') ?? '';
  const matrixQuery = useQuery<MumMatrixData>(MUM_MATRIX_QUERY, { regionId }, regionId === '');
  const matrix = regionId ? (matrixQuery.data?.mumMatrix ?? null) : null;
  const index = useMemo(() => (matrix ? indexMatrix(matrix) : null), [matrix]);
  const own = me?.municipality?.id;
  const municipalityId =
    params.get('municipality') ??
    matrix?.municipalities.find((m) => m.id === own)?.id ??
    matrix?.municipalities[0]?.id ??
    '';
  const selected = matrix?.municipalities.find((m) => m.id === municipalityId);

  useEffect(() => {
    if (regionId === '' && municipalities.length > 0) {
      const region =
        me?.region?.id ??
        municipalities.find((m) => m.id === own)?.region?.id ??
        municipalities[0].region?.id;
      if (region) {
        setParams({ region });
      }
    }
  }, [regionId, municipalities, me, own, setParams]);

  return (
    <section className="page ind-page" data-testid="mum-page">
      <h2>{t('ind.mum.title')}</h2>
      <div className="filters">
        <label className="field">
          <span>{t('ind.region')}</span>
          <select
            value={regionId}
            onChange={(e) => setParams({ region: e.target.value })}
            data-testid="region-select"
          >
            {regionId === '' && <option value="">{t('common.notSelected')}</option>}
            {(regions.data?.regions ?? []).map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </label>
        <span className="muted">{t('ind.mum.legend')}</span>
      </div>
      <QueryStatus
        loading={matrixQuery.loading}
        error={regions.error ?? matrixQuery.error}
        onRetry={() => void matrixQuery.refetch()}
      />
      {matrix && index && matrix.municipalities.length === 0 && (
        <p className="empty">{t('ind.mum.empty')}</p>
      )}
      {matrix && index && matrix.municipalities.length > 0 && (
        <>
          <h3 className="ind-title">{t('ind.mum.overview')}</h3>
          <MumOverview
            matrix={matrix}
            index={index}
            selected={municipalityId}
            onSelect={(id) => setParams({ region: regionId, municipality: id })}
          />
          {selected && (
            <>
              <h3 className="ind-title" data-testid="mum-municipality">
                {t('ind.mum.matrixOf', { name: selected.name })}
              </h3>
              <MumMatrixTable matrix={matrix} index={index} municipalityId={selected.id} />
            </>
          )}
        </>
      )}
    </section>
  );
}
