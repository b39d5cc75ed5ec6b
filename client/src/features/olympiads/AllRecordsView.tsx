// «Все записи»: every entry in the viewer's scope and the page's filters, 100 rows per request,
// sorted by the server. Read only: entries are edited in a municipality's protocol.
import { useMemo } from 'react';

import { ServerGrid } from '../../components/server-grid';
import { useI18n } from '../../i18n/I18nProvider';
import type { BrowseFilters, BrowseNode } from './recordBrowse';
import { buildBrowseColumns, recordPageFetcher } from './recordBrowse';

const rowId = (row: BrowseNode) => row.id;

export function AllRecordsView({ filters }: { filters: BrowseFilters }) {
  const { t, lang } = useI18n();
  const columns = useMemo(() => buildBrowseColumns(t, lang), [t, lang]);
  const filterKey = JSON.stringify(filters);
  // The fetcher follows the filters by value, not by the object's identity.
  const fetchPage = useMemo(
    () => recordPageFetcher(JSON.parse(filterKey) as BrowseFilters),
    [filterKey],
  );
  return (
    <ServerGrid<BrowseNode>
      columns={columns}
      fetchPage={fetchPage}
      getRowId={rowId}
      filterKey={filterKey}
      emptyText={t('oly.records.allEmpty')}
      testId="oly-all-grid"
    />
  );
}
