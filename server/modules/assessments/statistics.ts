// Pure descriptive statistics for the objectivity and low-result analyses (DOMAIN.md §3.1–3.2).
// Definitions follow PostgreSQL's aggregates where one exists, so SQL and TypeScript agree:
// stddev_pop / stddev_samp, percentile_cont, and the hypothetical-set percent_rank.

/** The normal quantile of a two-sided 95 % interval. */
export const Z_95 = 1.96;

/** A closed interval [lower, upper]. */
export interface Interval {
  lower: number;
  upper: number;
}

/** Arithmetic mean (SQL `avg`). Throws on an empty list: the mean of nothing is undefined. */
export function mean(values: readonly number[]): number {
  if (values.length === 0) {
    throw new RangeError('mean of an empty list');
  }
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

function sumOfSquaredDeviations(values: readonly number[]): number {
  const centre = mean(values);
  return values.reduce((sum, value) => sum + (value - centre) ** 2, 0);
}

/** Population standard deviation, divisor n (SQL `stddev_pop`). */
export function populationStandardDeviation(values: readonly number[]): number {
  return Math.sqrt(sumOfSquaredDeviations(values) / values.length);
}

/** Sample standard deviation, divisor n − 1 (SQL `stddev_samp`, also plain `stddev`); n ≥ 2. */
export function sampleStandardDeviation(values: readonly number[]): number {
  if (values.length < 2) {
    throw new RangeError('sample standard deviation needs at least two values');
  }
  return Math.sqrt(sumOfSquaredDeviations(values) / (values.length - 1));
}

/** Standard error of a mean: sd / √n. */
export function standardErrorOfMean(sd: number, n: number): number {
  return sd / Math.sqrt(n);
}

/** Standard error of a proportion q ∈ [0, 1] observed on n units: √(q(1 − q)/n). */
export function standardErrorOfProportion(q: number, n: number): number {
  if (q < 0 || q > 1) {
    throw new RangeError(`proportion ${q} is outside [0, 1]`);
  }
  return Math.sqrt((q * (1 - q)) / n);
}

/** Normal-approximation interval estimate ± z·SE (z = 1.96: 95 %). */
export function normalConfidenceInterval(
  estimate: number,
  standardError: number,
  z = Z_95,
): Interval {
  return { lower: estimate - z * standardError, upper: estimate + z * standardError };
}

/**
 * Standard normal distribution function Φ(x), Abramowitz & Stegun 7.1.26 (|error| < 1.5·10⁻⁷).
 * Used only to print the confidence level of a configured z in evidence sentences.
 */
export function normalCdf(x: number): number {
  const t = 1 / (1 + (0.3275911 * Math.abs(x)) / Math.SQRT2);
  const poly =
    t *
    (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** Two-sided confidence level of ± z: 2Φ(z) − 1 (1.96 → 0.95). */
export function confidenceLevel(z: number): number {
  return 2 * normalCdf(z) - 1;
}

/** 1-based ranks in the order given; tied values share the average of their ranks. */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const ranks = new Array<number>(values.length);
  let start = 0;
  while (start < order.length) {
    let end = start;
    while (end + 1 < order.length && order[end + 1].value === order[start].value) {
      end += 1;
    }
    // Positions start..end (0-based) hold ranks start+1..end+1; their average:
    const rank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k += 1) {
      ranks[order[k].index] = rank;
    }
    start = end + 1;
  }
  return ranks;
}

function assertPaired(x: readonly number[], y: readonly number[]): void {
  if (x.length !== y.length) {
    throw new RangeError(`paired lists differ in length: ${x.length} and ${y.length}`);
  }
}

/**
 * Pearson correlation (SQL `corr`). Null when there are fewer than two pairs or either list is
 * constant: the coefficient is undefined then, and callers must not read it as zero.
 */
export function pearsonCorrelation(x: readonly number[], y: readonly number[]): number | null {
  assertPaired(x, y);
  if (x.length < 2) {
    return null;
  }
  const [mx, my] = [mean(x), mean(y)];
  let [sxy, sxx, syy] = [0, 0, 0];
  for (let i = 0; i < x.length; i += 1) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  return sxx === 0 || syy === 0 ? null : sxy / Math.sqrt(sxx * syy);
}

/**
 * Spearman rank correlation ρ: Pearson correlation of the average ranks, so ties are handled
 * exactly (the 1 − 6Σd²/(n(n²−1)) shortcut is only valid without ties). Null as for Pearson.
 */
export function spearmanCorrelation(x: readonly number[], y: readonly number[]): number | null {
  assertPaired(x, y);
  return pearsonCorrelation(averageRanks(x), averageRanks(y));
}

/**
 * The p-quantile by linear interpolation between order statistics, exactly PostgreSQL's
 * `percentile_cont(p) within group (order by x)` (also R type 7, Excel PERCENTILE.INC, numpy's
 * default): sorted x₀ ≤ … ≤ xₙ₋₁, h = (n − 1)·p, result = x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋₊₁ − x⌊h⌋).
 */
export function quantile(values: readonly number[], p: number): number {
  if (values.length === 0) {
    throw new RangeError('quantile of an empty list');
  }
  if (!(p >= 0 && p <= 1)) {
    throw new RangeError(`quantile level ${p} is outside [0, 1]`);
  }
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const lower = Math.floor(h);
  const fraction = h - lower;
  return fraction === 0
    ? sorted[lower]
    : sorted[lower] + fraction * (sorted[lower + 1] - sorted[lower]);
}

/** Quartiles by the same definition as {@link quantile} (percentile_cont 0.25 / 0.5 / 0.75). */
export interface Quartiles {
  q1: number;
  median: number;
  q3: number;
}

export function quartiles(values: readonly number[]): Quartiles {
  return { q1: quantile(values, 0.25), median: quantile(values, 0.5), q3: quantile(values, 0.75) };
}

/** z = (value − mean) / sd; sd must be positive (a constant reference has no z-scores). */
export function zScore(value: number, centre: number, sd: number): number {
  if (!(sd > 0)) {
    throw new RangeError(`z-score needs a positive standard deviation, got ${sd}`);
  }
  return (value - centre) / sd;
}

/**
 * z-scores of a list against its own mean and sample sd. A constant list (or a single value)
 * carries no information, so every z is 0 rather than undefined.
 */
export function standardize(values: readonly number[]): number[] {
  if (values.length < 2) {
    return values.map(() => 0);
  }
  const [centre, sd] = [mean(values), sampleStandardDeviation(values)];
  return sd === 0 ? values.map(() => 0) : values.map((value) => (value - centre) / sd);
}

/**
 * Percentile rank of a value among a reference population, 0–100: the share of the population
 * strictly below it. Equals 100 × PostgreSQL's hypothetical-set
 * `percent_rank(value) within group (order by x)`, i.e. (rank − 1)/(n + 1 − 1).
 */
export function percentileRank(value: number, population: readonly number[]): number {
  if (population.length === 0) {
    throw new RangeError('percentile rank against an empty population');
  }
  return (100 * population.filter((x) => x < value).length) / population.length;
}

/** Least-squares slope of y on x (SQL `regr_slope`); null with < 2 points or constant x. */
export function linearSlope(x: readonly number[], y: readonly number[]): number | null {
  assertPaired(x, y);
  if (x.length < 2) {
    return null;
  }
  const [mx, my] = [mean(x), mean(y)];
  let [sxy, sxx] = [0, 0];
  for (let i = 0; i < x.length; i += 1) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
  }
  return sxx === 0 ? null : sxy / sxx;
}
