import { useEffect, useMemo, useState } from 'react';

import { gql } from '../../api/graphql';
import { useAuth } from '../auth/AuthProvider';
import type { PeriodsWithData } from '../indicators/indicators.queries';
import { PERIODS_WITH_DATA_QUERY } from '../indicators/indicators.queries';
import { newestFirst, periodKindOf } from '../indicators/periods';
import { useMunicipalities } from '../municipalities/useMunicipalities';
import { useDefaultRegion } from '../municipalities/useRegions';
import { useAcademicYearParam } from '../olympiads/useOlympiadData';
import { academicYearOf } from '../teachers/heatmap.model';
import { EXAMPLE_INDICATOR, type ExampleContext } from './examples';

const NO_PARAMS = new URLSearchParams();

/**
 * The viewer's unit and periods with data, read with the viewer's own session; null while loading.
 * A school coordinator reads aggregates of their municipality only, everyone else of the region.
 */
export function useExampleContext(): ExampleContext | null {
  const { me } = useAuth();
  const { municipalities } = useMunicipalities();
  const [regionId, setRegionId] = useState('');
  useDefaultRegion(regionId, municipalities, setRegionId);
  const ownMunicipality = me?.role === 'SCHOOL_COORDINATOR' ? (me.municipality?.id ?? '') : '';
  const unitKey = ownMunicipality ? `m:${ownMunicipality}` : regionId ? `r:${regionId}` : '';
  const olympiad = useAcademicYearParam(NO_PARAMS);
  // The newest academic year with values, remembered with the unit it was asked for.
  const [found, setFound] = useState<{ unitKey: string; period: string | null } | null>(null);

  useEffect(() => {
    if (!unitKey) {
      return;
    }
    let cancelled = false;
    const id = unitKey.slice(2);
    const units = unitKey.startsWith('m:') ? { municipalityIds: [id] } : { regionIds: [id] };
    gql<PeriodsWithData>(PERIODS_WITH_DATA_QUERY, {
      input: { indicatorCodes: [EXAMPLE_INDICATOR], ...units },
    })
      .then(
        (data) =>
          newestFirst(data.indicatorSeries.map((p) => p.period)).find(
            (p) => periodKindOf(p) === 'ACADEMIC_YEAR',
          ) ?? null,
      )
      // Without the list the example still runs, on the current academic year.
      .catch(() => null)
      .then((period) => {
        if (!cancelled) {
          setFound({ unitKey, period });
        }
      });
    return () => {
      cancelled = true;
    };
  }, [unitKey]);

  return useMemo(() => {
    if (!unitKey || found?.unitKey !== unitKey || olympiad.loading) {
      return null;
    }
    const id = unitKey.slice(2);
    return {
      unit: unitKey.startsWith('m:') ? { municipalityId: id } : { regionId: id },
      indicatorCode: EXAMPLE_INDICATOR,
      period: found.period ?? academicYearOf(new Date()),
      academicYear: olympiad.year,
    };
  }, [unitKey, found, olympiad.loading, olympiad.year]);
}
