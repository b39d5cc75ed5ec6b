import { useMemo } from 'react';

import { useQuery } from '../../api/useQuery';
import { cellKey } from './coverage.colors';
import type { CoverageCell, CoverageData } from './coverage.queries';
import { COVERAGE_QUERY } from './coverage.queries';

export function useCoverageRows(asOf: string) {
  const query = useQuery<CoverageData>(COVERAGE_QUERY, asOf ? { asOf } : {});
  const cells = useMemo(() => {
    const map = new Map<string, CoverageCell>();
    for (const cell of query.data?.roadmapCoverage.cells ?? []) {
      map.set(cellKey(cell.municipalityId, cell.directionCode), cell);
    }
    return map;
  }, [query.data]);
  return {
    coverage: query.data?.roadmapCoverage ?? null,
    cells,
    loading: query.loading,
    error: query.error,
    refetch: query.refetch,
  };
}
