// The scope the olympiad analytics pages share: the academic year, the region and the
// municipality of the address, and a way to change them keeping the page's other parameters.
import { useCallback, useMemo } from 'react';

import { useMunicipalities } from '../municipalities/useMunicipalities';
import { useDefaultRegion, useRegions } from '../municipalities/useRegions';
import type { PageProps } from '../teachers/useTeacherData';
import { useAcademicYearParam } from './useOlympiadData';

/**
 * `extra`: the page's other parameters, kept when the scope changes. Without a region in the
 * address the page opens on the user's one.
 */
export function useOlympiadScope({ params, setParams }: PageProps, extra: Record<string, string>) {
  const { municipalities, loading, error } = useMunicipalities();
  const { regions, error: regionsError } = useRegions();
  const { year, years, loading: yearLoading } = useAcademicYearParam(params);
  const regionId = params.get('region') ?? '';
  const municipalityId = params.get('municipality') ?? '';
  const extraKey = JSON.stringify(extra);
  const kept = useMemo(() => JSON.parse(extraKey) as Record<string, string>, [extraKey]);
  const choose = useCallback(
    (next: Record<string, string>) =>
      setParams({ year, region: regionId, municipality: municipalityId, ...kept, ...next }),
    [setParams, year, regionId, municipalityId, kept],
  );
  const chooseRegion = useCallback((id: string) => choose({ region: id }), [choose]);
  useDefaultRegion(regionId, municipalities, chooseRegion);
  const inRegion = useMemo(
    () => municipalities.filter((m) => regionId === '' || m.region?.id === regionId),
    [municipalities, regionId],
  );
  const scope = municipalityId ? { municipalityId } : regionId ? { regionId } : null;
  return {
    loading,
    error,
    regions,
    regionsError,
    year,
    years,
    yearLoading,
    regionId,
    municipalityId,
    inRegion,
    choose,
    scope,
  };
}

export type OlympiadScope = ReturnType<typeof useOlympiadScope>;
