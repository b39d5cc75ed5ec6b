import { useEffect } from 'react';

import { useQuery } from '../../api/useQuery';
import { useAuth } from '../auth/AuthProvider';
import type { MunicipalityNode, RegionNode, RegionsData } from './municipalities.queries';
import { REGIONS_QUERY } from './municipalities.queries';

const NO_REGIONS: readonly RegionNode[] = [];

export function useRegions() {
  const query = useQuery<RegionsData>(REGIONS_QUERY, {});
  return { regions: query.data?.regions ?? NO_REGIONS, error: query.error };
}

/**
 * Chooses the viewer's own region while none is chosen: theirs, else their municipality's,
 * else the first municipality's.
 */
export function useDefaultRegion(
  regionId: string,
  municipalities: readonly MunicipalityNode[],
  choose: (regionId: string) => void,
) {
  const { me } = useAuth();
  useEffect(() => {
    if (regionId === '' && municipalities.length > 0) {
      const own =
        me?.region?.id ??
        municipalities.find((m) => m.id === me?.municipality?.id)?.region?.id ??
        municipalities[0].region?.id;
      if (own) {
        choose(own);
      }
    }
  }, [regionId, municipalities, me, choose]);
}
