import { useCallback, useEffect, useState } from 'react';

import { gql } from '../../api/graphql';
import { API_PAGE_SIZE } from '../../api/paging';
import type { SaveChange, SaveResult } from '../../components/editable-grid';
import { mergeSavedRows } from '../../components/editable-grid';
import type { OlympiadRecordsData, OlympiadStage, UpsertRecordsData } from './olympiads.queries';
import { OLYMPIAD_RECORDS_QUERY, UPSERT_RECORDS_MUTATION, VSOSH } from './olympiads.queries';
import type { RecordRow } from './recordRow';
import { recordRow, toRecordGridErrors, toRecordInputs } from './recordRow';

export interface RecordFilters {
  municipalityId: string;
  academicYear: string;
  stage: OlympiadStage | '';
  subject: string;
}

/** The API filter of the page's choices. */
export function toRecordFilter(filters: RecordFilters) {
  return {
    olympiadCode: VSOSH,
    academicYear: filters.academicYear,
    municipalityId: { eq: filters.municipalityId },
    ...(filters.stage ? { stage: [filters.stage] } : {}),
    ...(filters.subject ? { subjectCode: { eq: filters.subject } } : {}),
  };
}

// One page of the API's size at a time (a municipality's year runs to thousands of entries).
export function useRecordRows(filters: RecordFilters, offset: number, required: string) {
  const [rows, setRows] = useState<RecordRow[]>([]);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const filterJson = JSON.stringify(toRecordFilter(filters));

  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      const data = await gql<OlympiadRecordsData>(OLYMPIAD_RECORDS_QUERY, {
        filter: JSON.parse(filterJson) as unknown,
        first: API_PAGE_SIZE,
        offset,
      });
      setRows(data.olympiadRecords.nodes.map(recordRow));
      setTotal(data.olympiadRecords.totalCount);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, [filterJson, offset]);

  useEffect(() => {
    void load();
  }, [load]);

  const save = useCallback(
    async (changes: SaveChange<RecordRow>[], deleted: RecordRow[]): Promise<SaveResult> => {
      const { inputs, origins, errors } = toRecordInputs(changes, deleted, required);
      if (errors.length > 0) {
        return { errors };
      }
      if (inputs.length === 0) {
        return { errors: [] };
      }
      // Changes and deletions in one request: one transaction.
      const data = await gql<UpsertRecordsData>(UPSERT_RECORDS_MUTATION, { rows: inputs });
      const result = data.upsertOlympiadRecords;
      if (!result.ok) {
        return { errors: toRecordGridErrors(result.errors, origins) };
      }
      // The answer lists the written rows in request order, deletions left out.
      const gone = new Set(deleted.map((r) => r.id));
      setRows((current) =>
        mergeSavedRows(current, changes, result.rows, recordRow).filter(
          (r) => r.id === null || !gone.has(r.id),
        ),
      );
      setTotal((n) => n + result.created - result.deleted);
      return { errors: [] };
    },
    [required],
  );

  return { rows, total, loading, error, reload: load, save };
}
