import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedDatabase {
  host: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * Starts PGlite (Postgres in WASM) and serves it on a loopback port, so the ordinary
 * PostgreSQL driver — and the same SQL and migrations — are used as with a real server.
 * `dataDir` null keeps the database in memory (tests).
 */
export async function startEmbeddedDatabase(dataDir: string | null): Promise<EmbeddedDatabase> {
  if (dataDir) {
    fs.mkdirSync(dataDir, { recursive: true });
  }
  const db = await PGlite.create(dataDir ?? 'memory://');
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 8 });
  await server.start();
  const [host, port] = server.getServerConn().split(':');
  return {
    host,
    port: Number(port),
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
