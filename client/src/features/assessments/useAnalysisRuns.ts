import { useCallback, useMemo } from 'react';

import { useQuery } from '../../api/useQuery';
import type { RoleName } from '../auth/auth.queries';
import type { AnalysisRunsData, LatestSignYearData } from './analysis.queries';
import { ANALYSIS_RUNS_QUERY, LATEST_SIGN_YEAR_QUERY } from './analysis.queries';

/** Administrators and regional analysts run the analysis (the server checks the region too). */
export function canRunAnalysis(role: RoleName | null | undefined): boolean {
  return role === 'ADMIN' || role === 'REGIONAL_ANALYST';
}

const RUNS_SHOWN = 100;

/** The analysis runs the viewer sees (newest first) and the newest year that has signs. */
export function useAnalysisRuns() {
  const runs = useQuery<AnalysisRunsData>(ANALYSIS_RUNS_QUERY, { first: RUNS_SHOWN });
  const latest = useQuery<LatestSignYearData>(LATEST_SIGN_YEAR_QUERY, {});
  const nodes = useMemo(() => runs.data?.assessmentAnalysisRuns.nodes ?? [], [runs.data]);
  const { refetch: refetchRuns } = runs;
  const { refetch: refetchLatest } = latest;
  const refetch = useCallback(async () => {
    await Promise.all([refetchRuns(), refetchLatest()]);
  }, [refetchRuns, refetchLatest]);
  return {
    runs: nodes,
    latestSignYear: latest.data?.objectivitySigns.nodes[0]?.year ?? null,
    loading: runs.loading || latest.loading,
    error: runs.error ?? latest.error,
    refetch,
  };
}
