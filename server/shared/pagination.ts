import { type EntityName, type FilterQuery, type FindOptions, Utils } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Max, Min } from 'class-validator';
import type { ClassType } from 'type-graphql';
import { ArgsType, Field, Int, ObjectType } from 'type-graphql';
import { BadUserInputError } from '../errors';

export const MAX_PAGE_SIZE = 500;
export const DEFAULT_PAGE_SIZE = 50;

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `Page size, at most ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).`,
  })
  @Min(0)
  @Max(MAX_PAGE_SIZE)
  first?: number;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last row seen (cursor paging).',
  })
  after?: string;

  @Field(() => Int, { nullable: true, description: 'Rows to skip (offset paging, used by grids).' })
  @Min(0)
  @Max(1_000_000_000)
  offset?: number;
}

export interface Page {
  limit: number;
  offset: number;
}

// Cursors encode the row's absolute position so cursor and offset paging agree.
export function encodeCursor(position: number): string {
  return Buffer.from(`pos:${position}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): number {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^pos:(\d{1,9})$/.exec(decoded);
  if (!match) {
    throw new BadUserInputError('Invalid cursor', { field: 'after' });
  }
  return Number(match[1]);
}

export function toPage(args: PageArgs): Page {
  if (args.after != null && args.offset != null) {
    throw new BadUserInputError('Use either "after" or "offset", not both', { field: 'offset' });
  }
  const offset = args.after != null ? decodeCursor(args.after) + 1 : (args.offset ?? 0);
  return { limit: args.first ?? DEFAULT_PAGE_SIZE, offset };
}

@ObjectType()
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => Boolean)
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export interface ConnectionShape<T> {
  /** A number, or a count that runs only when a client selects totalCount (GraphQL awaits it). */
  totalCount: number | PromiseLike<number>;
  pageInfo: PageInfo;
  edges: { cursor: string; node: T }[];
  nodes: T[];
}

export function toConnection<T>(items: T[], totalCount: number, page: Page): ConnectionShape<T> {
  const edges = items.map((node, index) => ({ cursor: encodeCursor(page.offset + index), node }));
  return {
    totalCount,
    nodes: items,
    edges,
    pageInfo: {
      hasNextPage: page.offset + items.length < totalCount,
      hasPreviousPage: page.offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

/**
 * A count started on first `then` only: a page whose client does not ask for totalCount costs
 * no count statement (a count scans every matching row, the page only its own).
 */
export function lazyCount(count: () => Promise<number>): PromiseLike<number> {
  let started: Promise<number> | undefined;
  return {
    then(onFulfilled, onRejected) {
      started ??= count();
      return started.then(onFulfilled, onRejected);
    },
  };
}

/** The limit to read for a page: one row more tells whether another page follows. */
export const lookahead = (page: Page) => page.limit + 1;

/** A connection over rows read with `lookahead` and a total counted only when asked for. */
export function toLazyConnection<T>(
  rows: T[],
  count: () => Promise<number>,
  page: Page,
): ConnectionShape<T> {
  const items = rows.slice(0, page.limit);
  const edges = items.map((node, index) => ({ cursor: encodeCursor(page.offset + index), node }));
  return {
    totalCount: lazyCount(count),
    nodes: items,
    edges,
    pageInfo: {
      hasNextPage: rows.length > page.limit,
      hasPreviousPage: page.offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

/** One page of an entity and its total, as a connection: the list queries' common path. */
export async function findConnection<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  orderBy: FindOptions<T>['orderBy'],
  args: PageArgs,
): Promise<ConnectionShape<T>> {
  const page = toPage(args);
  // find may normalise its condition in place: the count gets a copy of its own.
  const countWhere = Utils.copy(where);
  const rows = await em.find(entity, where, {
    orderBy,
    limit: lookahead(page),
    offset: page.offset,
  });
  return toLazyConnection(rows, () => em.count(entity, countWhere), page);
}

/** Builds `<Name>Connection` and `<Name>Edge` object types for a node type. */
export function connectionType<T extends object>(
  nodeType: ClassType<T>,
  name: string,
): ClassType<ConnectionShape<T>> {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => String)
    cursor!: string;

    @Field(() => nodeType)
    node!: T;
  }

  @ObjectType(`${name}Connection`)
  class Connection {
    @Field(() => Int, { description: 'Rows matching the filter, over all pages.' })
    totalCount!: number;

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => [nodeType], { description: 'The nodes of this page (shortcut for edges.node).' })
    nodes!: T[];
  }
  return Connection;
}
