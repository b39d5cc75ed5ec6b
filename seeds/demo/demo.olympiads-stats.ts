// The re-check statistics (server/modules/olympiads/recheck.sql.ts) computed the same way on the
// generated rows, so the demo can keep its honest data clear of the thresholds and check its
// planted candidates: the Iglewicz–Hoaglin modified z of a paper's share of the maximum in its
// group (stage, subject, grade performed; region-wide) and the binomial z of a school's share of
// diplomas at a stage against the region's other schools.

/** PostgreSQL's percentile_cont(0.5) over ascending values. */
export function medianOfSorted(sorted: readonly number[]): number {
  const position = 0.5 * (sorted.length - 1);
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low] + (position - low) * (sorted[high] - sorted[low]);
}

export interface Spread {
  n: number;
  median: number;
  /** Median absolute deviation (percentile_cont). */
  mad: number;
  /** Mean absolute deviation: the fallback where the MAD is 0. */
  meanAd: number;
}

export function spreadOf(shares: readonly number[]): Spread {
  const sorted = [...shares].sort((a, b) => a - b);
  const median = medianOfSorted(sorted);
  const deviations = sorted.map((x) => Math.abs(x - median)).sort((a, b) => a - b);
  const meanAd = deviations.reduce((sum, d) => sum + d, 0) / deviations.length;
  return { n: sorted.length, median, mad: medianOfSorted(deviations), meanAd };
}

/** The modified z of a share in its group as the re-check computes it; null when undefined. */
export function robustZ(share: number, spread: Spread): number | null {
  if (spread.mad > 0) {
    return (0.6745 * (share - spread.median)) / spread.mad;
  }
  return spread.meanAd > 0 ? (share - spread.median) / (1.253314 * spread.meanAd) : null;
}

/** The shares within which a paper's |z| stays at most `z` (where the MAD is not 0). */
export function honestBand(spread: Spread, z: number): [number, number] | null {
  if (spread.mad <= 0) {
    return null;
  }
  const half = (z * spread.mad) / 0.6745;
  return [spread.median - half, spread.median + half];
}

/**
 * Binomial z of a school's diplomas against the share of the region's other schools:
 * (k − n·p)/√(n·p·(1 − p)); null where the share is 0 or 1 (the re-check skips those).
 */
export function schoolZ(
  diplomas: number,
  entries: number,
  referenceDiplomas: number,
  referenceEntries: number,
): number | null {
  const p = referenceEntries > 0 ? referenceDiplomas / referenceEntries : 0;
  if (p <= 0 || p >= 1) {
    return null;
  }
  return (diplomas - entries * p) / Math.sqrt(entries * p * (1 - p));
}

/** Most diplomas a school of `entries` may hold and keep z ≤ `z` against share p. */
export function diplomaCap(entries: number, p: number, z: number): number {
  return Math.floor(entries * p + z * Math.sqrt(entries * p * (1 - p)));
}

export function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) {
      group.push(row);
    } else {
      groups.set(k, [row]);
    }
  }
  return groups;
}
