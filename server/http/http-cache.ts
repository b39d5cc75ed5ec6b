// HTTP caching of the dashboards' aggregate queries: GET answers get a private max-age, a
// strong ETag and 304 on If-None-Match; every other GraphQL answer is `no-store`.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import type { DocumentNode, OperationDefinitionNode } from 'graphql';
import type { Context } from '../context';
import { rootFields } from '../shared/root-fields';

// Read-only comparisons a dashboard polls; `__typename` may ride along.
export const AGGREGATE_FIELDS = new Set([
  'compareIndicators',
  'indicatorAggregate',
  'indicatorSeries',
  'mumMatrix',
  'roadmapCoverage',
  'olympiadFunnel',
  'deficitHeatmap',
  'teacherAnalytics',
]);

const CACHEABLE = /^private, max-age=\d+$/;

// Answers depend on the viewer (scope) and the negotiated content type.
const VARY = 'Accept, Authorization, Cookie';

/** Whether every root field is an aggregate (at least one; introspection is not). */
export function onlyAggregates(
  document: DocumentNode,
  operation: OperationDefinitionNode,
): boolean {
  const fields = rootFields(document, operation).filter((field) => field !== '__typename');
  return fields.length > 0 && fields.every((field) => AGGREGATE_FIELDS.has(field));
}

/**
 * Marks successful GET answers of aggregate-only queries `private, max-age`; `applyHttpCaching`
 * adds the ETag. Never `public`: the answer depends on the token's or the user's scope.
 */
export function aggregateCachePlugin(maxAge: number): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, operation, document, response }) {
          if (
            maxAge <= 0 ||
            request.http?.method !== 'GET' ||
            operation?.operation !== 'query' ||
            !document ||
            (response.http.status ?? 200) !== 200 ||
            response.body.kind !== 'single' ||
            response.body.singleResult.errors?.length ||
            !onlyAggregates(document, operation)
          ) {
            return;
          }
          response.http.headers.set('cache-control', `private, max-age=${maxAge}`);
        },
      };
    },
  };
}

function entityTag(contentType: string, body: string): string {
  return `"${createHash('sha256').update(contentType).update('\n').update(body).digest('base64url')}"`;
}

// If-None-Match compares weakly (RFC 9110 §13.1.2): W/"x" matches "x".
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) {
    return false;
  }
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === etag);
}

/**
 * Final caching headers of a complete GraphQL answer already set on `res`. Returns true when
 * the client's copy is current: the status is then 304 and the body must not be sent.
 */
export function applyHttpCaching(req: IncomingMessage, res: ServerResponse, body: string): boolean {
  const cacheControl = res.getHeader('cache-control');
  if (
    req.method !== 'GET' ||
    res.statusCode !== 200 ||
    typeof cacheControl !== 'string' ||
    !CACHEABLE.test(cacheControl) ||
    res.hasHeader('set-cookie')
  ) {
    res.setHeader('cache-control', 'no-store');
    return false;
  }
  const etag = entityTag(String(res.getHeader('content-type') ?? ''), body);
  res.setHeader('vary', VARY);
  res.setHeader('etag', etag);
  if (!matches(req.headers['if-none-match'], etag)) {
    return false;
  }
  res.statusCode = 304;
  res.removeHeader('content-type');
  return true;
}
