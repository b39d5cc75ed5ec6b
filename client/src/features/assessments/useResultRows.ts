import { useCallback, useEffect, useState } from 'react';

import { gql } from '../../api/graphql';
import { API_PAGE_SIZE, loadAllPages } from '../../api/paging';
import type { SaveChange, SaveResult } from '../../components/editable-grid';
import type {
  AssessmentResultsData,
  ProcedureNode,
  ResultSchoolsData,
  UpsertAssessmentResultsData,
} from './assessments.queries';
import {
  ASSESSMENT_RESULTS_QUERY,
  RESULT_SCHOOLS_QUERY,
  UPSERT_ASSESSMENT_RESULTS_MUTATION,
} from './assessments.queries';
import type { InputMessages, ResultRow } from './resultRow';
import { applySavedResults, toResultGridErrors, toResultInputs, toResultRows } from './resultRow';

/** Number of tasks a procedure lists (null when it lists none). */
export function taskCountOf(procedure: Pick<ProcedureNode, 'tasks'>): number | null {
  return Array.isArray(procedure.tasks) && procedure.tasks.length > 0
    ? procedure.tasks.length
    : null;
}

function loadResults(municipalityId: string, procedureCode: string) {
  return loadAllPages((offset) =>
    gql<AssessmentResultsData>(ASSESSMENT_RESULTS_QUERY, {
      filter: { municipalityId: { eq: municipalityId }, procedureCode: { eq: procedureCode } },
      first: API_PAGE_SIZE,
      offset,
    }).then((d) => d.assessmentResults),
  );
}

/** The schools of a municipality with their results of one procedure, and their save. */
export function useResultRows(
  municipalityId: string,
  procedure: ProcedureNode,
  messages: InputMessages,
) {
  const [rows, setRows] = useState<ResultRow[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      const [schools, results] = await Promise.all([
        gql<ResultSchoolsData>(RESULT_SCHOOLS_QUERY, { municipalityId }),
        loadResults(municipalityId, procedure.code),
      ]);
      setRows(toResultRows(schools.organizations.nodes, results));
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, [municipalityId, procedure.code]);

  useEffect(() => {
    void load();
  }, [load]);

  const { participantsRequired, badTasks } = messages;
  const save = useCallback(
    async (changes: SaveChange<ResultRow>[]): Promise<SaveResult> => {
      const { inputs, origins, errors } = toResultInputs(
        changes,
        { code: procedure.code, kind: procedure.kind, taskCount: taskCountOf(procedure) },
        { participantsRequired, badTasks },
      );
      if (errors.length > 0) {
        return { errors };
      }
      if (inputs.length === 0) {
        return { errors: [] };
      }
      const data = await gql<UpsertAssessmentResultsData>(UPSERT_ASSESSMENT_RESULTS_MUTATION, {
        rows: inputs,
      });
      const result = data.upsertAssessmentResults;
      if (!result.ok) {
        return { errors: toResultGridErrors(result.errors, origins) };
      }
      setRows((current) => applySavedResults(current, result.rows));
      return { errors: [] };
    },
    [procedure, participantsRequired, badTasks],
  );

  return { rows, loading, error, reload: load, save };
}
