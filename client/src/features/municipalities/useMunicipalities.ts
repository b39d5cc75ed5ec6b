import { useMemo } from 'react';

import { useQuery } from '../../api/useQuery';
import type { MunicipalitiesData, MunicipalityNode } from './municipalities.queries';
import { MUNICIPALITIES_QUERY } from './municipalities.queries';

export function useMunicipalities() {
  const query = useQuery<MunicipalitiesData>(MUNICIPALITIES_QUERY, {});
  const municipalities: MunicipalityNode[] = useMemo(
    () =>
      [...(query.data?.municipalities.nodes ?? [])].sort((a, b) =>
        a.name.localeCompare(b.name, 'ru'),
      ),
    [query.data],
  );
  return { municipalities, loading: query.loading, error: query.error };
}
