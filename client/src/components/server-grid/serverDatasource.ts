// The bridge between AG Grid's infinite row model and a paged GraphQL list: each block the grid
// asks for becomes one `fetchPage({ offset, limit, sort })`; the exact row count comes with the
// first answer (`totalCount`), so the scrollbar is right at once. Pure, tested without a browser.
import type { IDatasource, IGetRowsParams, SortModelItem } from 'ag-grid-community';

export interface SortKey {
  colId: string;
  direction: 'asc' | 'desc';
}

export interface PageRequest {
  offset: number;
  limit: number;
  /** The grid's sort, first key first (empty: the server's default order). */
  sort: readonly SortKey[];
}

export interface PageResult<R> {
  rows: R[];
  /** Rows matching the filters, over all pages. */
  totalCount: number;
}

/** Loads one block; the signal aborts it when the filters change. */
export type FetchPage<R> = (request: PageRequest, signal: AbortSignal) => Promise<PageResult<R>>;

export interface DatasourceEvents {
  /** A block was asked for. */
  onRequest?(request: PageRequest): void;
  /** A block arrived (only answers of the datasource in force). */
  onPage?(request: PageRequest, totalCount: number): void;
  /** A block failed (only answers of the datasource in force); the grid shows it as failed. */
  onError?(error: unknown): void;
}

export interface ServerDatasource extends IDatasource {
  /** Ignores every answer still on its way and aborts the requests (filters changed). */
  dispose(): void;
  readonly disposed: boolean;
}

export function toSortKeys(model: readonly SortModelItem[] | undefined): SortKey[] {
  return (model ?? []).map((item) => ({ colId: item.colId, direction: item.sort }));
}

export interface OrderByItem<F extends string> {
  field: F;
  direction: 'ASC' | 'DESC';
}

/**
 * The grid's sort as a GraphQL `orderBy`: columns by their API field, each once; a column the
 * API cannot sort by is left out (it should not be sortable in the first place).
 */
export function toOrderBy<F extends string>(
  sort: readonly SortKey[],
  fields: Readonly<Partial<Record<string, F>>>,
): OrderByItem<F>[] {
  const order: OrderByItem<F>[] = [];
  for (const { colId, direction } of sort) {
    const field = fields[colId];
    if (field !== undefined && !order.some((o) => o.field === field)) {
      order.push({ field, direction: direction === 'desc' ? 'DESC' : 'ASC' });
    }
  }
  return order;
}

export function createServerDatasource<R>(
  fetchPage: FetchPage<R>,
  events: DatasourceEvents = {},
): ServerDatasource {
  const running = new Set<AbortController>();
  let disposed = false;

  function getRows(params: IGetRowsParams): void {
    if (disposed) {
      return;
    }
    const request: PageRequest = {
      offset: params.startRow,
      limit: params.endRow - params.startRow,
      sort: toSortKeys(params.sortModel),
    };
    const controller = new AbortController();
    running.add(controller);
    events.onRequest?.(request);
    fetchPage(request, controller.signal)
      .then(
        (page) => {
          // A late answer for filters no longer shown must not reach the grid.
          if (disposed) {
            return;
          }
          params.successCallback(page.rows, page.totalCount);
          events.onPage?.(request, page.totalCount);
        },
        (error: unknown) => {
          if (disposed) {
            return;
          }
          params.failCallback();
          events.onError?.(error);
        },
      )
      .finally(() => running.delete(controller));
  }

  function dispose(): void {
    disposed = true;
    for (const controller of running) {
      controller.abort();
    }
    running.clear();
  }

  return {
    getRows,
    dispose,
    destroy: dispose,
    get disposed() {
      return disposed;
    },
  };
}
