// (e) A bulk upsert of 10,000 indicator values by code: the hub's `upsertIndicatorValues`
// (validated, scoped, versioned, audited, atomic) against one plain `insert … on conflict`
// statement. The two alternate on the same keys and every run changes every figure, so each
// run really writes 10,000 rows (the first run of all creates them and is not timed).
import type { BulkRow } from './scenarios';
import type { Target } from './targets';
import { requestOnce } from './load';

export const BULK_ROWS = 10_000;
// Not one of the compared indicators: the saves must not change what (c) compares.
const INDICATOR = '1.1.VPR_HIGH';
const DENOMINATOR = 50;

/** Academic years back from 2024/2025, as many as the organizations need for 10,000 keys. */
export function bulkRows(organizationCodes: string[], run: number): BulkRow[] {
  const years = Math.ceil(BULK_ROWS / organizationCodes.length);
  const rows: BulkRow[] = [];
  for (let y = 0; y < years && rows.length < BULK_ROWS; y += 1) {
    const start = 2024 - y;
    for (const organizationCode of organizationCodes) {
      if (rows.length === BULK_ROWS) {
        break;
      }
      const numerator = (rows.length + run) % (DENOMINATOR + 1);
      rows.push({
        indicatorCode: INDICATOR,
        organizationCode,
        period: `${start}/${start + 1}`,
        numerator,
        denominator: DENOMINATOR,
        // Percent of the denominator: the value the hub computes for this ratio indicator.
        value: (numerator / DENOMINATOR) * 100,
      });
    }
  }
  return rows;
}

export interface BulkTiming {
  runs: number[];
  statements: number;
}

async function upsertThroughHub(hub: Target, token: string, rows: BulkRow[]): Promise<void> {
  const answer: any = await requestOnce({
    url: hub.url,
    headers: { authorization: `Bearer ${token}` },
    body: JSON.stringify({
      query:
        'mutation ($rows: [IndicatorValueInput!]!) { upsertIndicatorValues(rows: $rows) { ok created updated } }',
      variables: {
        rows: rows.map(({ indicatorCode, organizationCode, period, numerator, denominator }) => ({
          indicatorCode,
          organizationCode,
          period,
          numerator,
          denominator,
        })),
      },
    }),
  });
  const result = answer.data?.upsertIndicatorValues;
  if (!result?.ok || result.created + result.updated !== rows.length) {
    throw new Error(`hub bulk upsert failed: ${JSON.stringify(answer).slice(0, 500)}`);
  }
}

async function upsertThroughFloor(floor: Target, rows: BulkRow[]): Promise<void> {
  const answer: any = await requestOnce({ url: `${floor.url}/e`, body: JSON.stringify({ rows }) });
  if (answer.written !== rows.length) {
    throw new Error(`floor bulk upsert wrote ${answer.written} rows of ${rows.length}`);
  }
}

/** Alternating timed runs; returns each target's durations (ms) and statements per run. */
export async function measureBulk(
  hub: Target,
  floor: Target,
  token: string,
  organizationCodes: string[],
  runs: number,
): Promise<{ hub: BulkTiming; floor: BulkTiming }> {
  let run = 0;
  // Untimed: creates the keys (or brings them to a known state) through each path once.
  await upsertThroughHub(hub, token, bulkRows(organizationCodes, run++));
  await upsertThroughFloor(floor, bulkRows(organizationCodes, run++));
  const timed: Record<'hub' | 'floor', BulkTiming> = {
    hub: { runs: [], statements: 0 },
    floor: { runs: [], statements: 0 },
  };
  for (let i = 0; i < runs; i += 1) {
    for (const [name, target] of [
      ['hub', hub],
      ['floor', floor],
    ] as const) {
      const rows = bulkRows(organizationCodes, run++);
      const before = await target.statements();
      const start = performance.now();
      await (name === 'hub' ? upsertThroughHub(hub, token, rows) : upsertThroughFloor(floor, rows));
      timed[name].runs.push(performance.now() - start);
      timed[name].statements = (await target.statements()) - before;
    }
  }
  return timed;
}
