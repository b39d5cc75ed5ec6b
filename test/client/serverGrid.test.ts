// The server-paged grid's datasource without a browser: AG Grid's block requests become offset and
// limit, its sort model becomes the API's orderBy, answers that arrive after the filters changed
// never reach the grid, failures are reported; and the «Все записи» query and filter of the
// olympiad protocols against the schema.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import type { IGetRowsParams, SortModelItem } from 'ag-grid-community';
import { buildSchema, GraphQLEnumType, parse, validate } from 'graphql';
import { describe, expect, it, vi } from 'vitest';

import type { PageRequest, PageResult } from '../../client/src/components/server-grid';
import {
  createServerDatasource,
  toOrderBy,
  toSortKeys,
} from '../../client/src/components/server-grid';
import {
  ALL,
  OLYMPIAD_RECORD_PAGE_QUERY,
  RECORD_SORT_FIELDS,
  toBrowseFilter,
} from '../../client/src/features/olympiads/recordBrowse';

type Row = { id: string };

/** The params AG Grid passes to getRows for one block, with spies for its callbacks. */
function block(startRow: number, endRow: number, sortModel: SortModelItem[] = []) {
  const successCallback = vi.fn();
  const failCallback = vi.fn();
  const params = { startRow, endRow, sortModel, filterModel: {}, successCallback, failCallback };
  return { params: params as unknown as IGetRowsParams, successCallback, failCallback };
}

/** A fetchPage whose answers the test releases by hand. */
function deferredFetch() {
  const calls: {
    request: PageRequest;
    signal: AbortSignal;
    resolve: (page: PageResult<Row>) => void;
    reject: (error: unknown) => void;
  }[] = [];
  const fetchPage = (request: PageRequest, signal: AbortSignal) =>
    new Promise<PageResult<Row>>((resolve, reject) => {
      calls.push({ request, signal, resolve, reject });
    });
  return { calls, fetchPage };
}

const rows = (from: number, n: number): Row[] =>
  Array.from({ length: n }, (_, i) => ({ id: String(from + i) }));
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('server grid datasource', () => {
  it('asks for each block by offset and limit and gives the grid the exact row count', async () => {
    const { calls, fetchPage } = deferredFetch();
    const onPage = vi.fn();
    const datasource = createServerDatasource(fetchPage, { onPage });
    const first = block(0, 100);
    const middle = block(55_000, 55_100, [{ colId: 'score', sort: 'desc' }]);
    datasource.getRows(first.params);
    datasource.getRows(middle.params);
    expect(calls.map((c) => c.request)).toEqual([
      { offset: 0, limit: 100, sort: [] },
      { offset: 55_000, limit: 100, sort: [{ colId: 'score', direction: 'desc' }] },
    ]);
    calls[1].resolve({ rows: rows(55_000, 100), totalCount: 110_926 });
    calls[0].resolve({ rows: rows(0, 100), totalCount: 110_926 });
    await settle();
    expect(first.successCallback).toHaveBeenCalledWith(rows(0, 100), 110_926);
    expect(middle.successCallback).toHaveBeenCalledWith(rows(55_000, 100), 110_926);
    expect(onPage).toHaveBeenCalledTimes(2);
    expect(onPage).toHaveBeenLastCalledWith(calls[0].request, 110_926);
  });

  it('ignores answers that arrive after the filters changed, and aborts their requests', async () => {
    const { calls, fetchPage } = deferredFetch();
    const onPage = vi.fn();
    const onError = vi.fn();
    const old = createServerDatasource(fetchPage, { onPage, onError });
    const late = block(0, 100);
    const failing = block(100, 200);
    old.getRows(late.params);
    old.getRows(failing.params);
    old.dispose();
    expect(old.disposed).toBe(true);
    expect(calls.every((c) => c.signal.aborted)).toBe(true);
    calls[0].resolve({ rows: rows(0, 100), totalCount: 500 });
    calls[1].reject(new DOMException('aborted', 'AbortError'));
    await settle();
    expect(late.successCallback).not.toHaveBeenCalled();
    expect(failing.failCallback).not.toHaveBeenCalled();
    expect(onPage).not.toHaveBeenCalled();
    expect(onError).not.toHaveBeenCalled();
    // A disposed datasource asks for nothing more.
    old.getRows(block(0, 100).params);
    expect(calls).toHaveLength(2);

    const current = createServerDatasource(fetchPage, { onPage });
    const fresh = block(0, 100);
    current.getRows(fresh.params);
    calls[2].resolve({ rows: rows(0, 3), totalCount: 3 });
    await settle();
    expect(fresh.successCallback).toHaveBeenCalledWith(rows(0, 3), 3);
    expect(onPage).toHaveBeenCalledTimes(1);
  });

  it('reports a failed block instead of swallowing it', async () => {
    const { calls, fetchPage } = deferredFetch();
    const onError = vi.fn();
    const datasource = createServerDatasource(fetchPage, { onError });
    const failed = block(200, 300);
    datasource.getRows(failed.params);
    const error = new Error('Internal server error');
    calls[0].reject(error);
    await settle();
    expect(failed.failCallback).toHaveBeenCalledTimes(1);
    expect(failed.successCallback).not.toHaveBeenCalled();
    expect(onError).toHaveBeenCalledWith(error);
  });

  it('turns the sort model into orderBy: API fields, each once, unknown columns left out', () => {
    const sort = toSortKeys([
      { colId: 'score', sort: 'desc' },
      { colId: 'fullName', sort: 'asc' },
      { colId: 'organization', sort: 'asc' },
    ]);
    expect(sort).toEqual([
      { colId: 'score', direction: 'desc' },
      { colId: 'fullName', direction: 'asc' },
      { colId: 'organization', direction: 'asc' },
    ]);
    expect(toOrderBy(sort, RECORD_SORT_FIELDS)).toEqual([
      { field: 'SCORE', direction: 'DESC' },
      { field: 'ORGANIZATION', direction: 'ASC' },
    ]);
    expect(toOrderBy([], RECORD_SORT_FIELDS)).toEqual([]);
    expect(toSortKeys(undefined)).toEqual([]);
    expect(
      toOrderBy(
        [
          { colId: 'a', direction: 'asc' },
          { colId: 'b', direction: 'desc' },
        ],
        { a: 'X', b: 'X' },
      ),
    ).toEqual([{ field: 'X', direction: 'ASC' }]);
  });
});

describe('«Все записи» of the olympiad protocols', () => {
  const schema = buildSchema(
    readFileSync(resolve(__dirname, '../../schema/schema.graphql'), 'utf8'),
  );

  it('asks a query valid against schema/schema.graphql, sortable columns known to the API', () => {
    expect(validate(schema, parse(OLYMPIAD_RECORD_PAGE_QUERY)).map((e) => e.message)).toEqual([]);
    const orderField = schema.getType('OlympiadRecordOrderField');
    expect(orderField).toBeInstanceOf(GraphQLEnumType);
    const known = (orderField as GraphQLEnumType).getValues().map((v) => v.name);
    for (const field of Object.values(RECORD_SORT_FIELDS)) {
      expect(known).toContain(field);
    }
  });

  it('filters by the choices, ALL leaving a municipality or year open', () => {
    expect(
      toBrowseFilter({ municipalityId: ALL, academicYear: ALL, stage: '', subject: '' }),
    ).toEqual({ olympiadCode: 'VSOSH' });
    expect(
      toBrowseFilter({
        municipalityId: '7',
        academicYear: '2024/2025',
        stage: 'SCHOOL',
        subject: 'MATH',
      }),
    ).toEqual({
      olympiadCode: 'VSOSH',
      academicYear: '2024/2025',
      municipalityId: { eq: '7' },
      stage: ['SCHOOL'],
      subjectCode: { eq: 'MATH' },
    });
  });
});
