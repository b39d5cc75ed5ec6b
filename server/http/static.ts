import fs from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>msoko-hub</title>
<p>Клиент не собран. Выполните <code>npm run build</code> (или <code>npm start</code>, который собирает всё).</p>
<p>The client is not built. Run <code>npm run build</code>. The API is at <a href="/graphql">/graphql</a>.</p>`;

function decodePath(url: string | undefined): string | null {
  try {
    return decodeURIComponent(new URL(url ?? '/', 'http://local').pathname);
  } catch {
    return null;
  }
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(text);
}

/**
 * Serves the built admin client. Page paths fall back to index.html (client-side routes);
 * paths that name a file (an extension) and do not exist are 404, not the page.
 */
export function serveStatic(clientDir: string, req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  const urlPath = decodePath(req.url);
  if (urlPath === null || urlPath.includes('\0')) {
    sendText(res, 400, 'Bad request path');
    return;
  }
  const resolved = path.resolve(clientDir, '.' + urlPath);
  // Never serve outside the client folder.
  const inside = resolved === clientDir || resolved.startsWith(clientDir + path.sep);
  const exists = inside && fs.existsSync(resolved) && fs.statSync(resolved).isFile();
  if (!exists && path.extname(urlPath) !== '') {
    sendText(res, 404, 'Not found');
    return;
  }
  const file = exists ? resolved : path.join(clientDir, 'index.html');
  if (!fs.existsSync(file)) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(NOT_BUILT);
    return;
  }
  const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
  // Hashed assets never change; index.html must always be fresh.
  const cache = file.includes(`${path.sep}assets${path.sep}`)
    ? 'public, max-age=31536000, immutable'
    : 'no-cache';
  res.writeHead(200, { 'content-type': type, 'cache-control': cache });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  fs.createReadStream(file).pipe(res);
}
