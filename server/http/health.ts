import type { Database } from '../db/database';

/** How long /health waits for the database; a hung server must not hang the probe too. */
export const HEALTH_TIMEOUT_MS = 2_000;

export interface HealthReport {
  httpStatus: 200 | 503;
  body:
    | { status: 'ok'; database: Database['kind'] }
    | { status: 'degraded'; database: 'unavailable' };
}

/** Resolves after `ms` with `value`; the timer never keeps the process alive. */
function after<T>(ms: number, value: T): { promise: Promise<T>; cancel(): void } {
  let timer: NodeJS.Timeout | undefined;
  const promise = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(value), ms);
    timer.unref();
  });
  return { promise, cancel: () => clearTimeout(timer) };
}

/**
 * /health: one cheap query (`ping`), bounded by `timeoutMs`. 200 with the database kind when it
 * answers, 503 "degraded" when it fails or is too slow (load balancers stop sending traffic).
 */
export function createHealthCheck(
  kind: Database['kind'],
  ping: () => Promise<unknown>,
  timeoutMs = HEALTH_TIMEOUT_MS,
): () => Promise<HealthReport> {
  return async () => {
    const timeout = after(timeoutMs, false);
    const answered = await Promise.race([
      ping().then(
        () => true,
        () => false,
      ),
      timeout.promise,
    ]);
    timeout.cancel();
    return answered
      ? { httpStatus: 200, body: { status: 'ok', database: kind } }
      : { httpStatus: 503, body: { status: 'degraded', database: 'unavailable' } };
  };
}
