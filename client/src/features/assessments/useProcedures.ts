import { useCallback, useEffect, useMemo, useState } from 'react';

import { gql } from '../../api/graphql';
import { API_PAGE_SIZE, loadAllPages } from '../../api/paging';
import type { ProcedureNode, ProceduresData } from './assessments.queries';
import { PROCEDURES_QUERY } from './assessments.queries';

/** Every procedure (a small directory), newest year first as the API orders them. */
export function useProcedures() {
  const [procedures, setProcedures] = useState<ProcedureNode[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      setProcedures(
        await loadAllPages((offset) =>
          gql<ProceduresData>(PROCEDURES_QUERY, { first: API_PAGE_SIZE, offset }).then(
            (d) => d.assessmentProcedures,
          ),
        ),
      );
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const years = useMemo(
    () => [...new Set(procedures.map((p) => p.year))].sort((a, b) => b - a),
    [procedures],
  );
  return { procedures, years, loading, error, reload: load };
}
