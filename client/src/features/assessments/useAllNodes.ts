import { useCallback, useEffect, useRef, useState } from 'react';

import { gql } from '../../api/graphql';
import { API_PAGE_SIZE, loadAllPages } from '../../api/paging';

type Connection<T> = { totalCount: number; nodes: T[] };

/**
 * Every node of a paged list query whose variables are `{ filter, first, offset }`; reloads when
 * the filter changes (compared as JSON), `skip` holds it back. Stale responses are dropped.
 */
export function useAllNodes<T, D>(
  query: string,
  filter: Record<string, unknown>,
  pick: (data: D) => Connection<T>,
  skip = false,
) {
  const [nodes, setNodes] = useState<T[]>([]);
  const [loading, setLoading] = useState(!skip);
  const [error, setError] = useState<unknown>(null);
  const requestId = useRef(0);
  const pickRef = useRef(pick);
  pickRef.current = pick;
  const filterJson = JSON.stringify(filter);

  const load = useCallback(async () => {
    const id = ++requestId.current;
    setLoading(true);
    setError(null);
    try {
      const all = await loadAllPages((offset) =>
        gql<D>(query, { filter: JSON.parse(filterJson), first: API_PAGE_SIZE, offset }).then((d) =>
          pickRef.current(d),
        ),
      );
      if (id === requestId.current) {
        setNodes(all);
      }
    } catch (e) {
      if (id === requestId.current) {
        setError(e);
      }
    } finally {
      if (id === requestId.current) {
        setLoading(false);
      }
    }
  }, [query, filterJson]);

  useEffect(() => {
    if (skip) {
      requestId.current++;
      setNodes([]);
      setLoading(false);
      return;
    }
    void load();
  }, [load, skip]);

  return { nodes, loading, error, reload: load };
}
