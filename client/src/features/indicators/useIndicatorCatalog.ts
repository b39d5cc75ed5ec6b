import { useMemo } from 'react';

import { useQuery } from '../../api/useQuery';
import type { IndicatorCatalogData, IndicatorNode } from './indicators.queries';
import { INDICATOR_CATALOG_QUERY } from './indicators.queries';

const NONE: IndicatorNode[] = [];

export function useIndicatorCatalog() {
  const query = useQuery<IndicatorCatalogData>(INDICATOR_CATALOG_QUERY, {});
  const indicators = query.data?.indicators.nodes ?? NONE;
  const byCode = useMemo(() => new Map(indicators.map((i) => [i.code, i])), [indicators]);
  return { indicators, byCode, loading: query.loading, error: query.error, refetch: query.refetch };
}
