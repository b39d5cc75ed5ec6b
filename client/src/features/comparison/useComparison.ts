import { useMemo } from 'react';

import { useQuery } from '../../api/useQuery';
import type { CompareIndicatorsData, CompareIndicatorsInput } from './comparison.queries';
import { COMPARE_INDICATORS_QUERY } from './comparison.queries';

/** Runs the comparison when the input is complete; `ran` is the request behind `result`. */
export function useComparison(input: CompareIndicatorsInput | null) {
  const variables = useMemo(() => (input ? { input } : null), [input]);
  const query = useQuery<CompareIndicatorsData>(COMPARE_INDICATORS_QUERY, variables, !input);
  const result = input && !query.loading ? (query.data?.compareIndicators ?? null) : null;
  return {
    result,
    loading: query.loading,
    error: input ? query.error : null,
    refetch: query.refetch,
    ran: result && variables ? { query: COMPARE_INDICATORS_QUERY, variables } : null,
  };
}
