// What the teachers' grid pages share: the status parameter and the upsert-and-merge save.
import type { Dispatch, SetStateAction } from 'react';

import { gql } from '../../api/graphql';
import type { GridRowBase, RowError, SaveChange, SaveResult } from '../../components/editable-grid';
import { mergeSavedRows } from '../../components/editable-grid';
import { toGridErrors } from './teacherRow';
import type { BulkRowError } from './teachers.queries';

/** The page's `status` parameter when it is one of the statuses, else none. */
export function statusParam<S extends string>(
  params: URLSearchParams,
  statuses: readonly S[],
): S | null {
  const value = params.get('status') ?? '';
  return (statuses as readonly string[]).includes(value) ? (value as S) : null;
}

interface UpsertResult<N> {
  ok: boolean;
  errors: BulkRowError[];
  rows: N[];
}

/**
 * Sends the prepared inputs of the grid's changes with an upsert mutation and merges the saved
 * rows into the grid's; rows refused before sending or by the server come back as grid errors.
 */
export async function upsertGridRows<R extends GridRowBase, N, D>(
  changes: SaveChange<R>[],
  prepared: { inputs: unknown[]; origins: number[]; errors: RowError[] },
  mutation: { query: string; pick: (data: D) => UpsertResult<N>; toRow: (node: N) => R },
  setRows: Dispatch<SetStateAction<R[]>>,
): Promise<SaveResult> {
  const { inputs, origins, errors } = prepared;
  if (errors.length > 0) {
    return { errors };
  }
  if (inputs.length === 0) {
    return { errors: [] };
  }
  const data = await gql<D>(mutation.query, { rows: inputs });
  const result = mutation.pick(data);
  if (!result.ok) {
    return { errors: toGridErrors(result.errors, origins) };
  }
  const sent = origins.map((i) => changes[i]);
  setRows((current) => mergeSavedRows(current, sent, result.rows, mutation.toRow));
  return { errors: [] };
}
