// Starts the three benchmark targets as processes of their own (the load generator must not
// share their event loop) and reads their SQL statement counters over IPC.
import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import type { TargetMessage } from './target-process';

export type TargetName = 'hub' | 'postgraphile' | 'floor';

export interface Target {
  name: TargetName;
  url: string;
  /** SQL statements the process has sent so far. */
  statements(): Promise<number>;
  stop(): Promise<void>;
}

const ENTRY: Record<TargetName, string> = {
  hub: 'target-hub.js',
  postgraphile: 'target-postgraphile.js',
  floor: 'target-sql.js',
};

// Starting migrates and seeds (the hub) or introspects (PostGraphile): seconds, not minutes.
const START_TIMEOUT_MS = 120_000;

function nextMessage(child: ChildProcess, what: string): Promise<TargetMessage> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what}: no answer`)), START_TIMEOUT_MS);
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`${what}: the process exited (${code})`));
    };
    child.once('exit', onExit);
    child.once('message', (message: TargetMessage) => {
      clearTimeout(timer);
      child.off('exit', onExit);
      resolve(message);
    });
  });
}

export async function startTarget(name: TargetName, env: Record<string, string>): Promise<Target> {
  const child = fork(path.join(__dirname, ENTRY[name]), [], {
    env: { ...process.env, ...env, GRAPHILE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const first = await nextMessage(child, name);
  if (!('ready' in first)) {
    child.kill();
    throw new Error(`${name} did not start: ${'failed' in first ? first.failed : ''}`);
  }
  return {
    name,
    url: first.ready,
    async statements() {
      const answer = nextMessage(child, `${name} stats`);
      child.send('stats');
      const message = await answer;
      if (!('statements' in message)) {
        throw new Error(`${name}: unexpected answer ${JSON.stringify(message)}`);
      }
      return message.statements;
    },
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send('stop');
      await exited;
    },
  };
}
