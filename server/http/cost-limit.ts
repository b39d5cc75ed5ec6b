import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, isListType, isNonNullType, isObjectType } from 'graphql';
import { type ComplexityEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import type { Context } from '../context';
import { BadUserInputError, refuseRequest } from '../errors';
import { DEFAULT_PAGE_SIZE } from '../shared/pagination';

// An unpaged list (sections of a roadmap, executors of an activity) counts as this many items.
const ASSUMED_LIST_SIZE = 5;

// Paged fields cost their page size times their children; unpaged lists an assumed size.
// A connection's nodes and edges are the page its `first` already counted, not another list.
const PAGE_LISTS = new Set(['nodes', 'edges']);

const pagedEstimator: ComplexityEstimator = ({ args, childComplexity, field, type: parent }) => {
  const type = isNonNullType(field.type) ? field.type.ofType : field.type;
  // A connection asked without `first` still returns its default page.
  const first =
    typeof args.first === 'number'
      ? args.first
      : isObjectType(type) && type.name.endsWith('Connection')
        ? DEFAULT_PAGE_SIZE
        : null;
  if (first !== null) {
    return 1 + Math.max(first, 1) * Math.max(childComplexity, 1);
  }
  if (parent.name.endsWith('Connection') && PAGE_LISTS.has(field.name)) {
    return 1 + childComplexity;
  }
  return isListType(type) ? 1 + ASSUMED_LIST_SIZE * Math.max(childComplexity, 1) : undefined;
};

/**
 * Refuses an operation whose estimated cost — fields × page sizes, nested lists multiplied —
 * exceeds `maxCost` (graphql-query-complexity). Runs after variables are known, so
 * `first: $pageSize` counts as sent. Depth alone misses `first: 500` lists nested in lists.
 */
export function costLimit(maxCost: number): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, operationName }) {
          let cost: number;
          try {
            cost = getComplexity({
              schema,
              query: document,
              variables: request.variables ?? {},
              operationName: operationName ?? undefined,
              estimators: [pagedEstimator, simpleEstimator({ defaultComplexity: 1 })],
            });
          } catch (error) {
            // The estimate coerces the variables first: a value the schema refuses (an unknown
            // enum value, a string for an Int) is the caller's mistake, not a server failure.
            if (error instanceof GraphQLError) {
              // What a scalar said about the value (e.g. `field: 'state'`) goes along.
              const { code: _code, http: _http, ...details } = error.extensions;
              throw refuseRequest(
                new BadUserInputError(error.message, { reason: 'INVALID_VARIABLES', ...details }),
              );
            }
            throw error;
          }
          if (cost > maxCost) {
            throw refuseRequest(
              new BadUserInputError(`Query is too costly (${cost}); the limit is ${maxCost}`, {
                reason: 'QUERY_TOO_COSTLY',
                cost,
                limit: maxCost,
              }),
            );
          }
        },
      };
    },
  };
}
