// A small closed-loop load generator (autocannon-like): N connections on loopback, each sends
// the next request as soon as the previous answer is read, for a fixed time. Every latency is
// kept, so the percentiles are exact (autocannon reports p97.5, not p95).
import http from 'node:http';

export interface LoadRequest {
  url: string;
  body: string;
  headers?: Record<string, string>;
}

export interface LoadOptions {
  connections: number;
  durationMs: number;
  /** Requests before the clock starts (connections opened, JIT and caches warm). */
  warmupMs: number;
  /** Slow targets run on past durationMs until this many answers are timed (≤ 60 s more). */
  minRequests: number;
}

const MAX_EXTENSION_MS = 60_000;

export interface LoadResult {
  /** Requests timed (after the warm-up). */
  requests: number;
  /** Every request sent, warm-up included (statement counts cover them all). */
  sent: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
}

/** The first answer of a run is checked in full by the caller; later ones by status only. */
export class LoadError extends Error {}

function send(agent: http.Agent, request: LoadRequest): Promise<string> {
  const url = new URL(request.url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(request.body),
          ...request.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if (res.statusCode !== 200) {
            reject(new LoadError(`${request.url}: HTTP ${res.statusCode}: ${text.slice(0, 300)}`));
          } else {
            resolve(text);
          }
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(request.body);
  });
}

/** One request and its parsed answer (used to check what each target answers). */
export async function requestOnce(request: LoadRequest): Promise<unknown> {
  const agent = new http.Agent({ keepAlive: false });
  try {
    return JSON.parse(await send(agent, request));
  } finally {
    agent.destroy();
  }
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

export async function runLoad(request: LoadRequest, options: LoadOptions): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const latencies: number[] = [];
  let measuredFrom = Number.POSITIVE_INFINITY;
  let sent = 0;
  let stopAt = Number.POSITIVE_INFINITY;
  // Past stopAt a run goes on while too few answers are timed for the percentiles to mean much.
  const running = () =>
    performance.now() < stopAt ||
    (latencies.length < options.minRequests && performance.now() < stopAt + MAX_EXTENSION_MS);
  const worker = async () => {
    while (running()) {
      const start = performance.now();
      sent += 1;
      const text = await send(agent, request);
      // GraphQL answers errors with HTTP 200: a run that fails must not look fast.
      if (text.startsWith('{"errors"')) {
        throw new LoadError(`${request.url}: ${text.slice(0, 300)}`);
      }
      if (start >= measuredFrom) {
        latencies.push(performance.now() - start);
      }
    }
  };
  try {
    const warmupEnd = performance.now() + options.warmupMs;
    stopAt = warmupEnd + options.durationMs;
    const workers = Array.from({ length: options.connections }, worker);
    await new Promise((resolve) => setTimeout(resolve, options.warmupMs));
    measuredFrom = performance.now();
    await Promise.all(workers);
    const elapsed = performance.now() - measuredFrom;
    latencies.sort((a, b) => a - b);
    if (latencies.length === 0) {
      throw new LoadError(`${request.url}: no request completed in ${options.durationMs} ms`);
    }
    return {
      requests: latencies.length,
      sent,
      requestsPerSecond: latencies.length / (elapsed / 1000),
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
    };
  } finally {
    agent.destroy();
  }
}
