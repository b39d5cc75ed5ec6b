import { useCallback, useEffect, useState } from 'react';

import { gql } from '../../api/graphql';
import { API_PAGE_SIZE, loadAllPages } from '../../api/paging';
import type { SaveChange, SaveResult } from '../../components/editable-grid';
import { mergeSavedRows } from '../../components/editable-grid';
import type { ActivityRow } from './activityRow';
import { toActivityInput, toActivityRow } from './activityRow';
import type { ActivitiesData, UpsertActivitiesData } from './roadmaps.queries';
import { ACTIVITIES_QUERY, UPSERT_ACTIVITIES_MUTATION } from './roadmaps.queries';

export function useActivityRows(roadmapId: string | null) {
  const [rows, setRows] = useState<ActivityRow[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(async () => {
    if (!roadmapId) {
      setRows([]);
      return;
    }
    setLoading(true);
    setError(null);
    try {
      // A roadmap has ~100–300 activities: the grid holds it whole, an unusually long one too.
      const nodes = await loadAllPages((offset) =>
        gql<ActivitiesData>(ACTIVITIES_QUERY, {
          filter: { roadmapId: { eq: roadmapId } },
          first: API_PAGE_SIZE,
          offset,
        }).then((d) => d.activities),
      );
      setRows(nodes.map(toActivityRow));
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, [roadmapId]);

  useEffect(() => {
    void load();
  }, [load]);

  const save = useCallback(
    async (changes: SaveChange<ActivityRow>[], deleted: ActivityRow[]): Promise<SaveResult> => {
      // Deletions ride in the same mutation (and transaction), after the changed rows.
      const deletions = deleted.flatMap((r) =>
        r.id ? [{ id: r.id, version: r.version, delete: true }] : [],
      );
      const data = await gql<UpsertActivitiesData>(UPSERT_ACTIVITIES_MUTATION, {
        rows: [...changes.map(toActivityInput), ...deletions],
      });
      const result = data.upsertActivities;
      if (!result.ok) {
        return { errors: result.errors };
      }
      const gone = new Set(deletions.map((d) => d.id));
      setRows((current) =>
        mergeSavedRows(current, changes, result.rows, toActivityRow).filter(
          (r) => r.id === null || !gone.has(r.id),
        ),
      );
      return { errors: [] };
    },
    [],
  );

  return { rows, loading, error, reload: load, save };
}
