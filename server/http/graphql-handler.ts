import type { IncomingMessage, ServerResponse } from 'node:http';
import { type ApolloServer, HeaderMap } from '@apollo/server';
import type { PersistedQueryMode } from '../config';
import type { Context } from '../context';
import { HttpError, parseJsonBody, readBody } from './body';
import { applyHttpCaching } from './http-cache';
import {
  checkAllowList,
  type PersistedQueryStore,
  requestedOperationHash,
} from './persisted-queries';

function headerMap(req: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) {
      headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
  }
  return headers;
}

export function sendJsonError(res: ServerResponse, status: number, message: string): void {
  const code = status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_USER_INPUT';
  const body = JSON.stringify({ errors: [{ message, extensions: { code, http: { status } } }] });
  res
    .writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'close',
    })
    .end(body);
}

export interface GraphQLHandlerOptions {
  maxBodyBytes: number;
  persistedQueries: { mode: PersistedQueryMode; store: PersistedQueryStore };
}

/**
 * Bridges Node's http request to Apollo Server (our own small integration: body limit, JSON
 * errors, the persisted-operation allow-list, caching headers).
 */
export function createGraphQLHandler(
  apollo: ApolloServer<Context>,
  buildContext: (req: IncomingMessage) => Promise<Context>,
  { maxBodyBytes, persistedQueries }: GraphQLHandlerOptions,
) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    let body: unknown;
    try {
      const text = req.method === 'POST' ? await readBody(req, maxBodyBytes) : '';
      body = parseJsonBody(text, req.headers['content-type'] ?? '');
    } catch (error) {
      if (error instanceof HttpError) {
        sendJsonError(res, error.status, error.message);
        req.resume();
        return;
      }
      throw error;
    }
    const url = new URL(req.url ?? '/', 'http://local');
    const method = (req.method ?? 'GET').toUpperCase();
    let context: Context | null = null;
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method, headers: headerMap(req), search: url.search, body },
      // Runs after Apollo's CSRF check; an error thrown here is answered with its own status.
      context: async () => {
        const hash = requestedOperationHash(method, body, url.search);
        context = await buildContext(req);
        checkAllowList(persistedQueries.mode, persistedQueries.store, context.access.viewer, hash);
        return context;
      },
    });
    for (const [key, value] of response.headers) {
      res.setHeader(key, value);
    }
    const cookies = (context as Context | null)?.cookies ?? [];
    if (cookies.length) {
      res.setHeader('set-cookie', cookies);
    }
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      const notModified = applyHttpCaching(req, res, response.body.string);
      res.end(notModified ? undefined : response.body.string);
      return;
    }
    res.setHeader('cache-control', 'no-store');
    for await (const chunk of response.body.asyncIterator) {
      res.write(chunk);
    }
    res.end();
  };
}
