// What every benchmark target process shares: it counts the SQL statements it sends (every
// pg client query — the ORM's, PostGraphile's and the bare pool's alike, transaction control
// included) and tells the parent its address and that count over the IPC channel.
import pg from 'pg';

let statements = 0;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function countedQuery(this: pg.Client, ...args: unknown[]) {
  statements += 1;
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof query;

export type TargetMessage = { ready: string } | { statements: number } | { failed: string };

/** Starts the target and answers the parent's "stats" and "stop" messages. */
export function serveTarget(start: () => Promise<{ url: string; stop(): Promise<void> }>): void {
  const send = (message: TargetMessage) => process.send?.(message);
  start().then(
    (target) => {
      process.on('message', (message) => {
        if (message === 'stats') {
          send({ statements });
        } else if (message === 'stop') {
          target.stop().finally(() => process.exit(0));
        }
      });
      send({ ready: target.url });
    },
    (error: unknown) => {
      send({ failed: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      process.exit(1);
    },
  );
}
