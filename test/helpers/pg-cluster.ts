import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const PG_LIB = '/usr/lib/postgresql';
// pg_ctl and initdb finish in seconds here; the bound only keeps a broken machine from hanging a run.
const COMMAND_TIMEOUT_MS = 60_000;

/** A throwaway PostgreSQL server of its own, for tests that stop and start the server. */
export interface PgCluster {
  /** Connection URL of a database on this server (default "postgres"), as the superuser. */
  url(database?: string): string;
  port: number;
  /** Starts the server again (no-op when it runs) and waits until it accepts connections. */
  start(): Promise<void>;
  /** Stops the server: "fast" ends every session and waits for them; "immediate" kills them. */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  /** Stops the server at once and removes its files. */
  destroy(): Promise<void>;
}

/** The newest installed PostgreSQL's bin directory; throws (loudly) when there is none. */
export function findPgBinDir(): string {
  const versions = fs.existsSync(PG_LIB)
    ? fs
        .readdirSync(PG_LIB)
        .filter((name) => fs.existsSync(path.join(PG_LIB, name, 'bin', 'pg_ctl')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (!versions.length) {
    throw new Error(
      `No PostgreSQL server binaries (initdb, pg_ctl) under ${PG_LIB}: install the postgresql package`,
    );
  }
  return path.join(PG_LIB, versions[0], 'bin');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

// initdb refuses to run as root: as root, run the server tools as the "postgres" OS user.
function asServerUser(command: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0
    ? ['runuser', ['-u', 'postgres', '--', command, ...args]]
    : [command, args];
}

// Output goes to a file, not a pipe: the server that pg_ctl starts outlives it and would hold a
// pipe open. Resolves on the tool's exit, so a detached server never keeps the test waiting.
function run(command: string, args: string[], logFile: string): Promise<void> {
  const [file, argv] = asServerUser(command, args);
  return new Promise((resolve, reject) => {
    const log = fs.openSync(logFile, 'a');
    const child = spawn(file, argv, { stdio: ['ignore', log, log] });
    fs.closeSync(log);
    const timer = setTimeout(() => child.kill('SIGKILL'), COMMAND_TIMEOUT_MS);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) {
        resolve();
      } else {
        const output = fs.readFileSync(logFile, 'utf8').split('\n').slice(-20).join('\n');
        reject(new Error(`${path.basename(command)} failed (${code ?? signal}):\n${output}`));
      }
    });
  });
}

function serverUserIds(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString().trim());
  return { uid: id('-u'), gid: id('-g') };
}

/**
 * initdb + pg_ctl start of a new server in a temporary directory: trust auth, listening on
 * 127.0.0.1 only on a free port, its socket in that directory. Call destroy() when done.
 */
export async function startPgCluster(): Promise<PgCluster> {
  const bin = findPgBinDir();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'msoko-pg-'));
  const dataDir = path.join(root, 'data');
  const ctlLog = path.join(root, 'ctl.log');
  const serverLog = path.join(root, 'server.log');
  if (process.getuid?.() === 0) {
    const { uid, gid } = serverUserIds();
    fs.chownSync(root, uid, gid);
  }
  const port = await freePort();
  const pgCtl = (args: string[]) => run(path.join(bin, 'pg_ctl'), ['-D', dataDir, ...args], ctlLog);
  let running = false;

  const cluster: PgCluster = {
    port,
    url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
    async start() {
      if (!running) {
        await pgCtl(['-l', serverLog, '-w', '-t', '30', 'start']);
        running = true;
      }
    },
    async stop(mode = 'fast') {
      await pgCtl(['-m', mode, '-w', '-t', '30', 'stop']);
      running = false;
    },
    async destroy() {
      try {
        if (fs.existsSync(path.join(dataDir, 'postmaster.pid'))) {
          await cluster.stop('immediate');
        }
      } finally {
        fs.rmSync(root, { recursive: true, force: true });
      }
    },
  };
  try {
    await run(
      path.join(bin, 'initdb'),
      ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '-N'],
      ctlLog,
    );
    // No fsync: a stopped or killed server keeps its writes in the OS cache, and no test here
    // crashes the machine. synchronous_commit stays on: with it off, an immediate stop loses
    // transactions that were already reported committed.
    fs.appendFileSync(
      path.join(dataDir, 'postgresql.conf'),
      [
        "listen_addresses = '127.0.0.1'",
        `port = ${port}`,
        `unix_socket_directories = '${root}'`,
        'fsync = off',
        'full_page_writes = off',
        '',
      ].join('\n'),
    );
    await cluster.start();
  } catch (error) {
    await cluster.destroy().catch(() => undefined);
    throw error;
  }
  return cluster;
}
