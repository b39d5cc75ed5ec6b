// Data the teacher pages share: the chosen municipality (from the address, the user's own by
// default), its organizations and its teachers.
import { useCallback, useEffect, useMemo } from 'react';

import { useQuery } from '../../api/useQuery';
import { confirmDiscard } from '../../components/editable-grid';
import { useI18n } from '../../i18n/I18nProvider';
import { useAllNodes } from '../assessments/useAllNodes';
import { useAuth } from '../auth/AuthProvider';
import { useMunicipalities } from '../municipalities/useMunicipalities';
import type {
  MunicipalityOrganizationsData,
  OrganizationRef,
  TeacherNode,
  TeachersData,
} from './teachers.queries';
import { MUNICIPALITY_ORGANIZATIONS_QUERY, TEACHERS_QUERY } from './teachers.queries';

export interface PageProps {
  params: URLSearchParams;
  setParams: (params: Record<string, string>) => void;
}

/** The municipality of the page and a way to change the page's parameters (asking first when
 * a grid has unsaved edits). */
export function useMunicipalityParam({ params, setParams }: PageProps) {
  const { t } = useI18n();
  const { me } = useAuth();
  const { municipalities, loading, error } = useMunicipalities();
  const municipalityId = params.get('municipality') ?? '';

  useEffect(() => {
    if (municipalityId === '' && municipalities.length > 0) {
      const own = municipalities.find((m) => m.id === me?.municipality?.id);
      setParams({ ...Object.fromEntries(params), municipality: (own ?? municipalities[0]).id });
    }
  }, [municipalities, municipalityId, me, params, setParams]);

  const select = useCallback(
    (next: Record<string, string>) => {
      if (confirmDiscard(t('grid.leaveWarning'))) {
        setParams({ ...Object.fromEntries(params), ...next });
      }
    },
    [params, setParams, t],
  );
  return { municipalities, municipalityId, loading, error, select };
}

const NO_ORGANIZATIONS: readonly OrganizationRef[] = [];

/** The organizations of a municipality, by short name. */
export function useOrganizations(municipalityId: string) {
  const query = useQuery<MunicipalityOrganizationsData>(
    MUNICIPALITY_ORGANIZATIONS_QUERY,
    { municipalityId },
    municipalityId === '',
  );
  const organizations = useMemo(
    () =>
      query.data
        ? [...query.data.organizations.nodes].sort((a, b) =>
            (a.shortName ?? a.name).localeCompare(b.shortName ?? b.name, 'ru'),
          )
        : NO_ORGANIZATIONS,
    [query.data],
  );
  return { organizations, loading: query.loading, error: query.error };
}

const pickTeachers = (d: TeachersData) => d.teachers;

/** Every teacher of a municipality (with an optional extra filter). */
export function useTeachers(municipalityId: string, extra: Record<string, unknown> = {}) {
  const filter = { municipalityId: { eq: municipalityId }, ...extra };
  return useAllNodes<TeacherNode, TeachersData>(
    TEACHERS_QUERY,
    filter,
    pickTeachers,
    municipalityId === '',
  );
}

/** Teachers by personnel code (to show the names of typed codes). */
export function useTeacherDirectory(teachers: readonly TeacherNode[]) {
  return useMemo(() => new Map(teachers.map((t) => [t.personnelCode, t])), [teachers]);
}

/** Today as an ISO date in the browser's time zone. */
export function todayIso(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
