import { useCallback, useEffect, useRef, useState } from 'react';

import { gql } from './graphql';

export interface QueryState<T> {
  data: T | null;
  loading: boolean;
  error: unknown;
  refetch: () => Promise<T | null>;
}

/**
 * Runs a query when `variables` change (compared as JSON); `skip` holds it back.
 * Stale responses of superseded variables are dropped.
 */
export function useQuery<T>(
  query: string,
  variables: Record<string, unknown> | null,
  skip = false,
): QueryState<T> {
  const [data, setData] = useState<T | null>(null);
  const [loading, setLoading] = useState(!skip);
  const [error, setError] = useState<unknown>(null);
  const requestId = useRef(0);
  const varsJson = JSON.stringify(variables ?? {});

  const run = useCallback(async (): Promise<T | null> => {
    const id = ++requestId.current;
    setLoading(true);
    setError(null);
    try {
      const result = await gql<T>(query, JSON.parse(varsJson) as Record<string, unknown>);
      if (id === requestId.current) {
        setData(result);
      }
      return result;
    } catch (e) {
      if (id === requestId.current) {
        setError(e);
      }
      return null;
    } finally {
      if (id === requestId.current) {
        setLoading(false);
      }
    }
  }, [query, varsJson]);

  useEffect(() => {
    if (skip) {
      requestId.current++;
      setLoading(false);
      return;
    }
    void run();
  }, [run, skip]);

  return { data, loading, error, refetch: run };
}
