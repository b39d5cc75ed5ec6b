import type { IncomingMessage, ServerResponse } from 'node:http';
import { type ApolloServer, HeaderMap } from '@apollo/server';
import type { Context } from '../context';
import { HttpError, parseJsonBody, readBody } from './body';

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
    .writeHead(status, { 'content-type': 'application/json; charset=utf-8', connection: 'close' })
    .end(body);
}

/** Bridges Node's http request to Apollo Server (our own small integration: body limit, JSON errors). */
export function createGraphQLHandler(
  apollo: ApolloServer<Context>,
  buildContext: (req: IncomingMessage) => Promise<Context>,
  maxBodyBytes: number,
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
    let context: Context | null = null;
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: (req.method ?? 'GET').toUpperCase(),
        headers: headerMap(req),
        search: url.search,
        body,
      },
      context: async () => (context = await buildContext(req)),
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
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) {
      res.write(chunk);
    }
    res.end();
  };
}
