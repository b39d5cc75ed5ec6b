import { useCallback, useEffect, useState } from 'react';

import { gql } from '../../api/graphql';
import type { SaveChange, SaveResult } from '../../components/editable-grid';
import type { OccurrenceFilters, OccurrenceRow } from './occurrenceRow';
import {
  mergeSavedOccurrence,
  toOccurrenceFilter,
  toOccurrenceInput,
  toOccurrenceRow,
} from './occurrenceRow';
import type { OccurrencesData, UpsertOccurrencesData } from './occurrences.queries';
import { OCCURRENCES_QUERY, UPSERT_OCCURRENCES_MUTATION } from './occurrences.queries';

// The API serves at most 500 rows a request; further rows are further pages.
export const OCCURRENCES_PAGE_SIZE = 500;

export function useOccurrenceRows(filters: OccurrenceFilters, offset: number) {
  const [rows, setRows] = useState<OccurrenceRow[]>([]);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const filterJson = JSON.stringify(toOccurrenceFilter(filters));

  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      const data = await gql<OccurrencesData>(OCCURRENCES_QUERY, {
        filter: JSON.parse(filterJson) as unknown,
        first: OCCURRENCES_PAGE_SIZE,
        offset,
      });
      setRows(data.activityOccurrences.nodes.map(toOccurrenceRow));
      setTotal(data.activityOccurrences.totalCount);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, [filterJson, offset]);

  useEffect(() => {
    void load();
  }, [load]);

  const save = useCallback(async (changes: SaveChange<OccurrenceRow>[]): Promise<SaveResult> => {
    const data = await gql<UpsertOccurrencesData>(UPSERT_OCCURRENCES_MUTATION, {
      rows: changes.map(toOccurrenceInput),
    });
    const result = data.upsertActivityOccurrences;
    if (!result.ok) {
      return { errors: result.errors };
    }
    // Saved rows come back in input order.
    const saved = new Map(changes.map((c, i) => [c.row.id, result.rows[i]]));
    setRows((current) =>
      current.map((row) => {
        const node = saved.get(row.id);
        const change = changes.find((c) => c.row.id === row.id);
        return node && change ? mergeSavedOccurrence(change.row, node) : row;
      }),
    );
    return { errors: [] };
  }, []);

  return { rows, total, loading, error, reload: load, save };
}
