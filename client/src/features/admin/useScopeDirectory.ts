import { useCallback, useEffect, useState } from 'react';

import { gql } from '../../api/graphql';
import { API_PAGE_SIZE, loadAllPages } from '../../api/paging';
import type { MunicipalitiesPageData, OrganizationsPageData, RegionsData } from './admin.queries';
import {
  MUNICIPALITIES_PAGE_QUERY,
  ORGANIZATIONS_PAGE_QUERY,
  REGIONS_QUERY,
} from './admin.queries';
import type { ScopeDirectory } from './scopeDirectory';
import { EMPTY_DIRECTORY } from './scopeDirectory';

async function fetchDirectory(): Promise<ScopeDirectory> {
  const [regions, municipalities, organizations] = await Promise.all([
    gql<RegionsData>(REGIONS_QUERY, {}).then((d) => d.regions),
    loadAllPages((offset) =>
      gql<MunicipalitiesPageData>(MUNICIPALITIES_PAGE_QUERY, { first: API_PAGE_SIZE, offset }).then(
        (d) => d.municipalities,
      ),
    ),
    loadAllPages((offset) =>
      gql<OrganizationsPageData>(ORGANIZATIONS_PAGE_QUERY, { first: API_PAGE_SIZE, offset }).then(
        (d) => d.organizations,
      ),
    ),
  ]);
  return { regions, municipalities, organizations };
}

/** Regions, municipalities and organizations for the scope selects of users and tokens. */
export function useScopeDirectory() {
  const [directory, setDirectory] = useState<ScopeDirectory>(EMPTY_DIRECTORY);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      setDirectory(await fetchDirectory());
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  return { directory, loading, error, reload: load };
}
