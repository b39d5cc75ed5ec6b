export { SERVER_BLOCK_SIZE, SERVER_BLOCKS_IN_CACHE, ServerGrid } from './ServerGrid';
export type { ServerGridProps } from './ServerGrid';
export type { FetchPage, OrderByItem, PageRequest, PageResult, SortKey } from './serverDatasource';
export { createServerDatasource, toOrderBy, toSortKeys } from './serverDatasource';
