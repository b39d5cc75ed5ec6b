import { useCallback, useEffect, useState } from 'react';

import { gql } from '../../api/graphql';
import type { SaveChange, SaveResult } from '../../components/editable-grid';
import type { ActivityRow } from './activityRow';
import { mergeSaved, toActivityInput, toActivityRow } from './activityRow';
import type { ActivitiesData, SectionNode, UpsertActivitiesData } from './roadmaps.queries';
import { ACTIVITIES_QUERY, UPSERT_ACTIVITIES_MUTATION } from './roadmaps.queries';

// A roadmap has ~100–300 activities: the grid holds the whole roadmap, loaded in pages.
const PAGE_SIZE = 500;

export function useActivityRows(roadmapId: string | null, sections: readonly SectionNode[]) {
  const [rows, setRows] = useState<ActivityRow[]>([]);
  const [total, setTotal] = useState(0);
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
      // Page through the roadmap so an unusually long one is still edited whole.
      const nodes: ActivitiesData['activities']['nodes'] = [];
      let totalCount = 0;
      do {
        const data = await gql<ActivitiesData>(ACTIVITIES_QUERY, {
          filter: { roadmapId: { eq: roadmapId } },
          first: PAGE_SIZE,
          offset: nodes.length,
        });
        nodes.push(...data.activities.nodes);
        totalCount = data.activities.totalCount;
        if (data.activities.nodes.length === 0) {
          break;
        }
      } while (nodes.length < totalCount);
      setRows(nodes.map(toActivityRow));
      setTotal(totalCount);
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
        applySaved(current, changes, result.rows, sections).filter(
          (r) => r.id === null || !gone.has(r.id),
        ),
      );
      return { errors: [] };
    },
    [sections],
  );

  return { rows, total, loading, error, reload: load, save };
}

// Saved rows come back in input order: updates replace their row, creations are appended.
function applySaved(
  current: ActivityRow[],
  changes: SaveChange<ActivityRow>[],
  saved: UpsertActivitiesData['upsertActivities']['rows'],
  sections: readonly SectionNode[],
): ActivityRow[] {
  const byId = new Map(current.map((r, i) => [r.id, i]));
  const next = [...current];
  changes.forEach((change, i) => {
    const node = saved[i];
    if (!node) {
      return;
    }
    const merged = mergeSaved(change.row, node, sections);
    const at = change.row.id === null ? undefined : byId.get(change.row.id);
    if (at === undefined) {
      next.push(merged);
    } else {
      next[at] = merged;
    }
  });
  return next;
}
