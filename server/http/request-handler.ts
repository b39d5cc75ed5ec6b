import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJsonError } from './graphql-handler';
import type { HealthReport } from './health';
import { serveStatic } from './static';

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

export interface RoutesOptions {
  graphql: Handler;
  clientDir: string;
  health: () => Promise<HealthReport>;
  log: (message: string) => void;
}

// The client is served from this origin only; AG Grid sets inline styles, hence 'unsafe-inline' for styles.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('x-frame-options', 'DENY');
  res.setHeader('referrer-policy', 'no-referrer');
  res.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
  res.setHeader('cross-origin-opener-policy', 'same-origin');
}

/** Routes one port: /graphql, /health and the admin client; a failing request never stops the server. */
export function createRequestHandler({ graphql, clientDir, health, log }: RoutesOptions) {
  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    setSecurityHeaders(res);
    const path = new URL(req.url ?? '/', 'http://local').pathname;
    if (path === '/graphql') {
      return graphql(req, res);
    }
    if (path === '/health') {
      const { httpStatus, body } = await health();
      res
        .writeHead(httpStatus, { 'content-type': 'application/json', 'cache-control': 'no-store' })
        .end(JSON.stringify(body));
      return;
    }
    serveStatic(clientDir, req, res);
  };
  return (req: IncomingMessage, res: ServerResponse): void => {
    route(req, res).catch((error: unknown) => {
      log(`Request failed: ${error instanceof Error ? error.stack : String(error)}`);
      if (!res.headersSent) {
        sendJsonError(res, 500, 'Internal server error');
      } else {
        res.destroy();
      }
    });
  };
}
