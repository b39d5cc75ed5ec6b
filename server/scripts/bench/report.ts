// The benchmark's markdown: conditions, one row per question × scale × target with the ratios
// to the hub, and the acceptance checks computed from the same figures.
import type { LoadResult } from './load';
import type { TargetName } from './targets';

export interface Measured extends LoadResult {
  regions: number;
  question: string;
  title: string;
  target: TargetName;
  statementsPerRequest: number;
}

const LABEL: Record<TargetName, string> = {
  hub: 'msoko-hub',
  postgraphile: 'PostGraphile 5.1.5',
  floor: 'plain SQL (floor)',
};

export function renderConditions(input: {
  machine: string;
  load: string;
  sizes: string[];
}): string {
  return [
    `Machine: ${input.machine}.`,
    `Load: ${input.load}.`,
    ...input.sizes.map((s) => `Data: ${s}.`),
  ].join('\n');
}

const ms = (value: number) => value.toFixed(1);

export function renderTable(rows: Measured[]): string {
  const lines = [
    '| scale | question | implementation | req/s | p50 ms | p95 ms | p99 ms | SQL statements / request | p95 ÷ hub p95 |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const row of rows) {
    const hub = rows.find(
      (r) => r.regions === row.regions && r.question === row.question && r.target === 'hub',
    )!;
    lines.push(
      `| ${row.regions} region${row.regions === 1 ? '' : 's'} | ${row.title} | ${LABEL[row.target]} | ${row.requestsPerSecond.toFixed(1)} | ${ms(row.p50)} | ${ms(row.p95)} | ${ms(row.p99)} | ${row.statementsPerRequest.toFixed(1)} | ${(row.p95 / hub.p95).toFixed(2)} |`,
    );
  }
  return lines.join('\n');
}

/** Issue #9's acceptance: hub p95 ≤ PostGraphile's for (a)–(d), (c) ≤ 2× and (e) ≤ 3× the floor. */
export function acceptance(rows: Measured[]): string {
  const find = (regions: number, question: string, target: TargetName) =>
    rows.find((r) => r.regions === regions && r.question === question && r.target === target);
  const lines: string[] = [];
  for (const regions of [...new Set(rows.map((r) => r.regions))]) {
    for (const question of ['a', 'b', 'c', 'd']) {
      const hub = find(regions, question, 'hub');
      const peer = find(regions, question, 'postgraphile');
      if (hub && peer) {
        lines.push(
          `- ${regions} region(s), (${question}): hub p95 ${ms(hub.p95)} ms vs PostGraphile ${ms(peer.p95)} ms — ${hub.p95 <= peer.p95 ? 'met' : 'NOT met'}`,
        );
      }
    }
    // (c) under load by p95; (e), a handful of timed saves, by the median save.
    for (const [question, bound, stat] of [
      ['c', 2, 'p95'],
      ['e', 3, 'p50'],
    ] as const) {
      const hub = find(regions, question, 'hub');
      const floor = find(regions, question, 'floor');
      if (hub && floor) {
        const ratio = hub[stat] / floor[stat];
        lines.push(
          `- ${regions} region(s), (${question}): hub ${stat} ${ms(hub[stat])} ms = ${ratio.toFixed(2)} × the floor's ${ms(floor[stat])} ms (bound ${bound}×) — ${ratio <= bound ? 'met' : 'NOT met'}`,
        );
      }
    }
  }
  return lines.join('\n');
}
