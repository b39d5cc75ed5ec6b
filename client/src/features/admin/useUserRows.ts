import { useCallback, useEffect, useState } from 'react';

import { gql } from '../../api/graphql';
import { API_PAGE_SIZE, loadAllPages } from '../../api/paging';
import type { SaveChange, SaveResult } from '../../components/editable-grid';
import type { UpsertUsersData, UsersData } from './admin.queries';
import { UPSERT_USERS_MUTATION, USERS_QUERY } from './admin.queries';
import type { ScopeDirectory } from './scopeDirectory';
import type { UserRow } from './userRow';
import { applySavedUsers, toUserInput, toUserRow } from './userRow';

/** Every user (ordered by login) and the grid's save: one bulk upsertUsers for all changes. */
export function useUserRows(directory: ScopeDirectory) {
  const [rows, setRows] = useState<UserRow[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      const nodes = await loadAllPages((offset) =>
        gql<UsersData>(USERS_QUERY, { first: API_PAGE_SIZE, offset }).then((d) => d.users),
      );
      setRows(nodes.map(toUserRow));
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const save = useCallback(
    async (changes: SaveChange<UserRow>[]): Promise<SaveResult> => {
      const data = await gql<UpsertUsersData>(UPSERT_USERS_MUTATION, {
        rows: changes.map((change) => toUserInput(change, directory)),
      });
      const result = data.upsertUsers;
      if (!result.ok) {
        return { errors: result.errors };
      }
      setRows((current) => applySavedUsers(current, changes, result.rows));
      return { errors: [] };
    },
    [directory],
  );

  return { rows, loading, error, reload: load, save };
}
