// A read-only grid over a list too large to load: AG Grid's infinite row model asks for blocks of
// 100 rows as the user scrolls and keeps a bounded number of them, sorting is the server's
// (`orderBy`). Editing stays in EditableGrid, which holds a bounded set of rows it can save at once.
import '../editable-grid/agGridSetup';
import './serverGrid.css';

import type { ColDef, GetRowIdParams, GridApi } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

import { errorMessage } from '../../api/graphql';
import { AG_GRID_LOCALE_RU } from '../../i18n/agGridLocale';
import { formatNumber } from '../../i18n/format';
import { useI18n } from '../../i18n/I18nProvider';
import { gridTheme } from '../editable-grid/agGridSetup';
import type { FetchPage } from './serverDatasource';
import { createServerDatasource } from './serverDatasource';

/** Rows per request, and per block of the grid's cache. */
export const SERVER_BLOCK_SIZE = 100;
/** Blocks kept in the cache: a few screens around the viewport, never the whole list. */
export const SERVER_BLOCKS_IN_CACHE = 10;

export interface ServerGridProps<R> {
  columns: ColDef<R>[];
  /** One block of rows; read through a ref, so a new function alone reloads nothing. */
  fetchPage: FetchPage<R>;
  getRowId: (row: R) => string;
  /**
   * The filters the rows were fetched with: when it changes the cache is purged and answers
   * still on their way for the old filters are ignored.
   */
  filterKey: string;
  /** Shown instead of the grid's own notice when nothing matches. */
  emptyText?: string;
  height?: number | string;
  testId?: string;
}

const DEFAULT_COL_DEF: ColDef = { resizable: true, sortable: false, filter: false };

export function ServerGrid<R>(props: ServerGridProps<R>) {
  const { t, lang } = useI18n();
  const testId = props.testId ?? 'server-grid';
  const [api, setApi] = useState<GridApi<R> | null>(null);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [range, setRange] = useState<{ from: number; to: number } | null>(null);
  const fetchRef = useRef(props.fetchPage);
  useEffect(() => {
    fetchRef.current = props.fetchPage;
  });

  // A new datasource per filter: the grid drops its blocks and asks again from the top.
  useEffect(() => {
    if (api === null) {
      return undefined;
    }
    setTotal(null);
    setError(null);
    const datasource = createServerDatasource<R>(
      (request, signal) => fetchRef.current(request, signal),
      {
        onPage: (_request, totalCount) => {
          setTotal(totalCount);
          setError(null);
        },
        onError: setError,
      },
    );
    api.setGridOption('datasource', datasource);
    api.ensureIndexVisible(0, 'top');
    return () => datasource.dispose();
  }, [api, props.filterKey]);

  const updateRange = useCallback(() => {
    if (api === null || api.isDestroyed()) {
      return;
    }
    const first = api.getFirstDisplayedRowIndex();
    const last = api.getLastDisplayedRowIndex();
    setRange(first >= 0 && last >= first ? { from: first + 1, to: last + 1 } : null);
  }, [api]);

  const retry = useCallback(() => {
    setError(null);
    api?.purgeInfiniteCache();
  }, [api]);

  const { getRowId: rowIdOf } = props;
  const getRowId = useCallback((p: GetRowIdParams<R>) => rowIdOf(p.data), [rowIdOf]);
  const localeText = useMemo(() => (lang === 'ru' ? AG_GRID_LOCALE_RU : undefined), [lang]);
  const number = (n: number) => formatNumber(lang, n, 0);
  const empty = total === 0 && error === null;

  return (
    <div className="sg" data-testid={testId}>
      <div className="sg-status" aria-live="polite">
        {total === null && error === null && (
          <span className="muted" data-testid={`${testId}-loading`}>
            {t('sgrid.loading')}
          </span>
        )}
        {total !== null && (
          <span data-testid={`${testId}-total`} data-total={total}>
            {t('sgrid.total', { total: number(total) })}
          </span>
        )}
        {total !== null && total > 0 && range !== null && (
          <span className="muted" data-testid={`${testId}-range`}>
            {t('sgrid.range', {
              from: number(range.from),
              to: number(Math.min(range.to, total)),
              total: number(total),
            })}
          </span>
        )}
        <span className="muted sg-hint">{t('sgrid.hint')}</span>
      </div>
      {error !== null && (
        <div className="query-error" role="alert" data-testid={`${testId}-error`}>
          {t('sgrid.error', { message: errorMessage(error) })}{' '}
          <button type="button" onClick={retry} data-testid={`${testId}-retry`}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {empty && props.emptyText && (
        <p className="empty" data-testid={`${testId}-empty`}>
          {props.emptyText}
        </p>
      )}
      <div className="sg-grid" style={{ height: props.height ?? 'calc(100vh - 300px)' }}>
        <AgGridReact<R>
          key={lang}
          theme={gridTheme}
          localeText={localeText}
          rowModelType="infinite"
          cacheBlockSize={SERVER_BLOCK_SIZE}
          maxBlocksInCache={SERVER_BLOCKS_IN_CACHE}
          maxConcurrentDatasourceRequests={2}
          // A fast scroll through 100,000 rows asks only for where it stops.
          blockLoadDebounceMillis={150}
          columnDefs={props.columns}
          defaultColDef={DEFAULT_COL_DEF}
          getRowId={getRowId}
          loading={total === null && error === null}
          tooltipShowDelay={300}
          onGridReady={(e) => setApi(e.api)}
          onGridPreDestroyed={() => setApi(null)}
          onViewportChanged={updateRange}
          onModelUpdated={updateRange}
          onSortChanged={() => api?.ensureIndexVisible(0, 'top')}
        />
      </div>
    </div>
  );
}
