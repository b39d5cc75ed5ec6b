// Data the olympiad pages share: the subjects of ВсОШ and the academic year of the page (from the
// address, else the newest year with entries, else the current one).
import { useMemo } from 'react';

import { useQuery } from '../../api/useQuery';
import { useAuth } from '../auth/AuthProvider';
import { academicYearOf, academicYears } from '../teachers/heatmap.model';
import type { NewestRecordData, OlympiadSubjectsData, SubjectNode } from './olympiads.queries';
import { NEWEST_RECORD_QUERY, OLYMPIAD_SUBJECTS_QUERY, VSOSH } from './olympiads.queries';

const NO_SUBJECTS: readonly SubjectNode[] = [];

export function useOlympiadSubjects() {
  const query = useQuery<OlympiadSubjectsData>(OLYMPIAD_SUBJECTS_QUERY, {});
  return {
    subjects: query.data?.olympiadSubjects ?? NO_SUBJECTS,
    loading: query.loading,
    error: query.error,
  };
}

/**
 * The page's academic year and the years to choose from. Without one in the address the page
 * opens on the newest year with entries (a new year starts weeks before its school stage);
 * dashboards may not list entries and open on the current year.
 */
export function useAcademicYearParam(params: URLSearchParams) {
  const { me } = useAuth();
  const chosen = params.get('year') ?? '';
  const newest = useQuery<NewestRecordData>(
    NEWEST_RECORD_QUERY,
    { filter: { olympiadCode: VSOSH } },
    chosen !== '' || me?.role === 'DASHBOARD',
  );
  const fallback =
    newest.data?.olympiadRecords.nodes[0]?.academicYear ?? academicYearOf(new Date());
  const year = chosen || fallback;
  const years = useMemo(() => {
    const list = academicYears(new Date(), 6);
    return list.includes(year) ? list : [year, ...list].sort().reverse();
  }, [year]);
  return { year, years, loading: newest.loading };
}
