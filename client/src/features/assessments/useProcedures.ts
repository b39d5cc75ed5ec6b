import { useMemo } from 'react';

import type { ProcedureNode, ProceduresData } from './assessments.queries';
import { PROCEDURES_QUERY } from './assessments.queries';
import { useAllNodes } from './useAllNodes';

const ALL: Record<string, unknown> = {};
const pickProcedures = (d: ProceduresData) => d.assessmentProcedures;

/** Every procedure (a small directory), newest year first as the API orders them. */
export function useProcedures() {
  const {
    nodes: procedures,
    loading,
    error,
    reload,
  } = useAllNodes<ProcedureNode, ProceduresData>(PROCEDURES_QUERY, ALL, pickProcedures);
  const years = useMemo(
    () => [...new Set(procedures.map((p) => p.year))].sort((a, b) => b - a),
    [procedures],
  );
  return { procedures, years, loading, error, reload };
}
