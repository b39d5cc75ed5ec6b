import '../indicators/indicators.css';

import { useCallback, useMemo } from 'react';

import { useQuery } from '../../api/useQuery';
import { QueryStatus } from '../../components/QueryStatus';
import { useT } from '../../i18n/I18nProvider';
import { useAuth } from '../auth/AuthProvider';
import { RegionSelect } from '../municipalities/RegionSelect';
import { useMunicipalities } from '../municipalities/useMunicipalities';
import { useDefaultRegion, useRegions } from '../municipalities/useRegions';
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
  const regions = useRegions();
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

  const startIn = useCallback((region: string) => setParams({ region }), [setParams]);
  useDefaultRegion(regionId, municipalities, startIn);

  return (
    <section className="page ind-page" data-testid="mum-page">
      <h2>{t('ind.mum.title')}</h2>
      <div className="filters">
        <RegionSelect
          regions={regions.regions}
          value={regionId}
          onChange={(region) => setParams({ region })}
        />
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
