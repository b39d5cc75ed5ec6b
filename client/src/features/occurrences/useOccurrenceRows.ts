import { useCallback, useEffect, useState } from 'react';

import { gql } from '../../api/graphql';
import { API_PAGE_SIZE } from '../../api/paging';
import type { SaveChange, SaveResult } from '../../components/editable-grid';
import { mergeSavedRows } from '../../components/editable-grid';
import type { OccurrenceFilters, OccurrenceRow } from './occurrenceRow';
import {
  mergeSavedOccurrence,
  toOccurrenceFilter,
  toOccurrenceInput,
  toOccurrenceRow,
} from './occurrenceRow';
import type { OccurrencesData, UpsertOccurrencesData } from './occurrences.queries';
import { OCCURRENCES_QUERY, UPSERT_OCCURRENCES_MUTATION } from './occurrences.queries';

// One page of the API's size at a time: the grid pages through the matching occurrences.
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
        first: API_PAGE_SIZE,
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
    setRows((current) =>
      mergeSavedRows(current, changes, result.rows, (node, change) =>
        mergeSavedOccurrence(change.row, node),
      ),
    );
    return { errors: [] };
  }, []);

  return { rows, total, loading, error, reload: load, save };
}
