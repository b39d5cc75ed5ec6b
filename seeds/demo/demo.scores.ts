// Score distributions of the demo assessment results: a school's pupils as the quantiles of a
// normal distribution of primary scores, so every histogram is smooth and deterministic (no
// sampling noise that could look like bunching), plus marks and summary statistics from it.
import { clamp } from './demo.random';

/** Lowest primary score of the marks «3», «4», «5». */
export interface MarkScale {
  three: number;
  four: number;
  five: number;
}

/** Pupils per mark. */
export interface Marks {
  mark2: number;
  mark3: number;
  mark4: number;
  mark5: number;
}

/**
 * Standard normal quantile Φ⁻¹(p), p ∈ (0, 1): P. J. Acklam's rational approximation (relative
 * error below 1.2·10⁻⁹), enough for placing pupils on integer scores.
 */
export function normalQuantile(p: number): number {
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972,
    -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734,
    4.374664141464968, 2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    );
  }
  if (p > 1 - low) {
    return -normalQuantile(1 - p);
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  );
}

/**
 * Pupils per primary score 0 … max: pupil i of n scores the (i + ½)/n quantile of N(mean, sd),
 * rounded and kept within the scale. Smooth by construction, and the same on every run.
 */
export function quantileHistogram(n: number, mean: number, sd: number, max: number): number[] {
  const histogram = new Array<number>(max + 1).fill(0);
  for (let i = 0; i < n; i += 1) {
    const score = Math.round(mean + sd * normalQuantile((i + 0.5) / n));
    histogram[clamp(score, 0, max)] += 1;
  }
  return histogram;
}

/**
 * The sd that gives the wanted share of the top mark for a given mean: P(X ≥ five − ½) = share.
 * Kept within [min, max] (then the share is only approximate).
 */
export function sdForTopShare(
  mean: number,
  five: number,
  share: number,
  [min, max]: [number, number],
): number {
  const z = normalQuantile(1 - clamp(share, 0.001, 0.49));
  const sd = (five - 0.5 - mean) / z;
  return Number.isFinite(sd) && sd > 0 ? clamp(sd, min, max) : min;
}

export function marksOf(histogram: readonly number[], scale: MarkScale): Marks {
  const marks: Marks = { mark2: 0, mark3: 0, mark4: 0, mark5: 0 };
  histogram.forEach((pupils, score) => {
    if (score >= scale.five) {
      marks.mark5 += pupils;
    } else if (score >= scale.four) {
      marks.mark4 += pupils;
    } else if (score >= scale.three) {
      marks.mark3 += pupils;
    } else {
      marks.mark2 += pupils;
    }
  });
  return marks;
}

export function pupilsOf(histogram: readonly number[]): number {
  return histogram.reduce((sum, pupils) => sum + pupils, 0);
}

/** Mean score and the pupils' sample standard deviation (0 for a single pupil). */
export function histogramStats(histogram: readonly number[]): { mean: number; sd: number } {
  const n = pupilsOf(histogram);
  const mean = histogram.reduce((sum, pupils, score) => sum + pupils * score, 0) / n;
  const squares = histogram.reduce((sum, pupils, score) => sum + pupils * (score - mean) ** 2, 0);
  return { mean, sd: n > 1 ? Math.sqrt(squares / (n - 1)) : 0 };
}

/** Moves pupils from one score to another (as many as there are, at most `count`). */
export function movePupils(histogram: number[], from: number, to: number, count: number): void {
  const moved = Math.min(count, histogram[from]);
  histogram[from] -= moved;
  histogram[to] += moved;
}

/**
 * Evens out a chance peak at a mark threshold (rounding can leave one pupil too many there):
 * while the count at t is at least `minCount` and above `ratio` × the mean of its neighbours,
 * one pupil moves from t to t + 1 (the same mark). Honest histograms stay well clear of the
 * analysis's bunching rule (1.5×).
 */
export function smoothThresholds(
  histogram: number[],
  thresholds: readonly number[],
  ratio = 1.25,
  minCount = 4,
): void {
  for (const t of thresholds) {
    if (t < 1 || t + 1 >= histogram.length) {
      continue;
    }
    while (
      histogram[t] >= minCount &&
      histogram[t] > (ratio * (histogram[t - 1] + histogram[t + 1])) / 2
    ) {
      movePupils(histogram, t, t + 1, 1);
    }
  }
}

/** The histogram as stored: { "score": pupils } for the scores someone got. */
export function histogramRecord(histogram: readonly number[]): Record<string, number> {
  const record: Record<string, number> = {};
  histogram.forEach((pupils, score) => {
    if (pupils > 0) {
      record[String(score)] = pupils;
    }
  });
  return record;
}
