import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

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

/** Extra settings for a new server. */
export interface PgClusterOptions {
  /** postgresql.conf lines appended after the helper's own (later lines win). */
  config?: string[];
}

/** What a primary needs to feed a streaming replica (the defaults since PostgreSQL 10, spelled out). */
export const STREAMING_PRIMARY_CONFIG = ['wal_level = replica', 'max_wal_senders = 10'];

interface ClusterFiles {
  bin: string;
  root: string;
  dataDir: string;
  ctlLog: string;
  serverLog: string;
  port: number;
}

// A temporary directory owned by the server user, and a free port.
async function newClusterFiles(): Promise<ClusterFiles> {
  const bin = findPgBinDir();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'msoko-pg-'));
  if (process.getuid?.() === 0) {
    const { uid, gid } = serverUserIds();
    fs.chownSync(root, uid, gid);
  }
  return {
    bin,
    root,
    dataDir: path.join(root, 'data'),
    ctlLog: path.join(root, 'ctl.log'),
    serverLog: path.join(root, 'server.log'),
    port: await freePort(),
  };
}

function clusterOf({ bin, root, dataDir, ctlLog, serverLog, port }: ClusterFiles): PgCluster {
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
  return cluster;
}

// Listening on 127.0.0.1 only, on the cluster's own port and socket directory.
function appendConfig(files: ClusterFiles, lines: string[]): void {
  fs.appendFileSync(
    path.join(files.dataDir, 'postgresql.conf'),
    [
      "listen_addresses = '127.0.0.1'",
      `port = ${files.port}`,
      `unix_socket_directories = '${files.root}'`,
      ...lines,
      '',
    ].join('\n'),
  );
}

/**
 * initdb + pg_ctl start of a new server in a temporary directory: trust auth, listening on
 * 127.0.0.1 only on a free port, its socket in that directory. Call destroy() when done.
 */
export async function startPgCluster(options: PgClusterOptions = {}): Promise<PgCluster> {
  const files = await newClusterFiles();
  const cluster = clusterOf(files);
  try {
    // initdb -A trust also trusts replication connections from 127.0.0.1 (its default pg_hba).
    await run(
      path.join(files.bin, 'initdb'),
      [
        '-D',
        files.dataDir,
        '-U',
        'postgres',
        '-A',
        'trust',
        '-E',
        'UTF8',
        '--locale=C.UTF-8',
        '-N',
      ],
      files.ctlLog,
    );
    // No fsync: a stopped or killed server keeps its writes in the OS cache, and no test here
    // crashes the machine. synchronous_commit stays on: with it off, an immediate stop loses
    // transactions that were already reported committed.
    appendConfig(files, ['fsync = off', 'full_page_writes = off', ...(options.config ?? [])]);
    await cluster.start();
  } catch (error) {
    await cluster.destroy().catch(() => undefined);
    throw error;
  }
  return cluster;
}

/**
 * A hot standby of `primary` on its own free port: pg_basebackup -R -X stream copies the primary
 * (started with STREAMING_PRIMARY_CONFIG) and writes standby.signal + primary_conninfo, so the
 * copy starts streaming and replaying the primary's WAL. Read-only; call destroy() when done.
 */
export async function startReplicaOf(
  primary: PgCluster,
  options: PgClusterOptions = {},
): Promise<PgCluster> {
  const files = await newClusterFiles();
  const cluster = clusterOf(files);
  try {
    await run(
      path.join(files.bin, 'pg_basebackup'),
      [
        ...['-D', files.dataDir, '-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres'],
        ...['-R', '-X', 'stream', '-c', 'fast', '--no-sync'],
      ],
      files.ctlLog,
    );
    // The copied postgresql.conf names the primary's port and socket: the appended lines win.
    appendConfig(files, ['hot_standby = on', ...(options.config ?? [])]);
    await cluster.start();
  } catch (error) {
    await cluster.destroy().catch(() => undefined);
    throw error;
  }
  return cluster;
}

async function queryOne<T extends pg.QueryResultRow>(
  url: string,
  text: string,
  values?: unknown[],
): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows[0];
  } finally {
    await client.end();
  }
}

/**
 * Waits until `replica` has replayed everything the primary has written so far
 * (pg_last_wal_replay_lsn() on the replica ≥ pg_current_wal_lsn() on the primary).
 */
export async function waitForReplay(
  primary: PgCluster,
  replica: PgCluster,
  timeoutMs = 20_000,
): Promise<void> {
  const { lsn } = await queryOne<{ lsn: string }>(
    primary.url(),
    'select pg_current_wal_lsn()::text as lsn',
  );
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { replayed, at } = await queryOne<{ replayed: boolean; at: string | null }>(
      replica.url(),
      'select coalesce(pg_last_wal_replay_lsn() >= $1::pg_lsn, false) as replayed, pg_last_wal_replay_lsn()::text as at',
      [lsn],
    );
    if (replayed) {
      return;
    }
    if (Date.now() > deadline) {
      throw new Error(`The replica replayed WAL up to ${at}, not ${lsn}, within ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
