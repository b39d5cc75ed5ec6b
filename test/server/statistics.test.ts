import { describe, expect, it } from 'vitest';
import {
  averageRanks,
  confidenceLevel,
  linearSlope,
  mean,
  normalCdf,
  normalConfidenceInterval,
  pearsonCorrelation,
  percentileRank,
  populationStandardDeviation,
  quantile,
  quartiles,
  sampleStandardDeviation,
  spearmanCorrelation,
  standardErrorOfMean,
  standardErrorOfProportion,
  standardize,
  zScore,
} from '../../server/modules/assessments/statistics';

// The textbook list: mean 5, Σ(x − 5)² = 9+1+1+1+0+0+4+16 = 32.
const TEXTBOOK = [2, 4, 4, 4, 5, 5, 7, 9];

describe('mean and standard deviations', () => {
  it('computes the mean and both standard deviations by hand', () => {
    expect(mean(TEXTBOOK)).toBe(5); // 40 / 8
    expect(populationStandardDeviation(TEXTBOOK)).toBe(2); // √(32/8)
    expect(sampleStandardDeviation(TEXTBOOK)).toBeCloseTo(2.13809, 5); // √(32/7)
  });

  it('refuses lists too short to have the statistic', () => {
    expect(() => mean([])).toThrow(RangeError);
    expect(() => sampleStandardDeviation([3])).toThrow(RangeError);
  });
});

describe('standard errors and intervals', () => {
  it('standard error of a mean is sd/√n', () => {
    expect(standardErrorOfMean(12, 36)).toBe(2); // 12 / 6
  });

  it('standard error of a proportion is √(q(1−q)/n)', () => {
    expect(standardErrorOfProportion(0.2, 100)).toBeCloseTo(0.04, 12); // √(0.16/100)
    expect(standardErrorOfProportion(0, 50)).toBe(0);
    expect(() => standardErrorOfProportion(20, 100)).toThrow(RangeError); // a percentage, not q
  });

  it('builds a normal-approximation interval, z = 1.96 by default', () => {
    // 50 ± 1.96 × 2 = 50 ± 3.92.
    const interval = normalConfidenceInterval(50, 2);
    expect(interval.lower).toBeCloseTo(46.08, 10);
    expect(interval.upper).toBeCloseTo(53.92, 10);
    expect(normalConfidenceInterval(50, 2, 3)).toEqual({ lower: 44, upper: 56 });
  });

  it('Φ and the confidence level of z match the normal table', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.96)).toBeCloseTo(0.975, 4);
    expect(normalCdf(-1.96)).toBeCloseTo(0.025, 4);
    expect(confidenceLevel(1.96)).toBeCloseTo(0.95, 4);
    expect(confidenceLevel(2.576)).toBeCloseTo(0.99, 4);
  });
});

describe('ranks and correlations', () => {
  it('gives tied values the average of their ranks', () => {
    // Sorted: 10 | 20 20 20 | 30 → ranks 1 | (2+3+4)/3 = 3 | 5.
    expect(averageRanks([10, 20, 20, 30, 20])).toEqual([1, 3, 3, 5, 3]);
  });

  it('Spearman without ties: 1 − 6Σd²/(n(n²−1))', () => {
    // d = (−1, 1, −1, 1, 0), Σd² = 4: ρ = 1 − 24/120 = 0.8.
    expect(spearmanCorrelation([1, 2, 3, 4, 5], [2, 1, 4, 3, 5])).toBeCloseTo(0.8, 12);
    expect(spearmanCorrelation([1, 2, 3], [30, 20, 10])).toBeCloseTo(-1, 12);
  });

  it('Spearman with ties is Pearson on average ranks', () => {
    // x ranks (1, 2.5, 2.5, 4), y ranks (1, 2, 3, 4); deviations from 2.5:
    // dx = (−1.5, 0, 0, 1.5), dy = (−1.5, −0.5, 0.5, 1.5); Σdx·dy = 4.5, Σdx² = 4.5, Σdy² = 5
    // ρ = 4.5 / √22.5 = √0.9 ≈ 0.948683.
    expect(spearmanCorrelation([1, 2, 2, 3], [1, 2, 3, 4])).toBeCloseTo(Math.sqrt(0.9), 12);
  });

  it('is undefined (null), not zero, for a constant list or a single pair', () => {
    expect(spearmanCorrelation([1, 2, 3], [5, 5, 5])).toBeNull();
    expect(pearsonCorrelation([1], [2])).toBeNull();
    expect(() => spearmanCorrelation([1, 2], [1])).toThrow(RangeError);
  });
});

describe('quantiles as percentile_cont', () => {
  it('interpolates linearly between order statistics', () => {
    // 1 2 3 4: h = 3p. p = .25 → h = .75 → 1 + .75·1 = 1.75; median h = 1.5 → 2.5; q3 → 3.25.
    // (PostgreSQL: select percentile_cont(0.25) within group (order by x) … → 1.75.)
    expect(quartiles([4, 1, 3, 2])).toEqual({ q1: 1.75, median: 2.5, q3: 3.25 });
    // 15 20 35 40 50, p = .4: h = 1.6 → 20 + .6·(35 − 20) = 29.
    expect(quantile([50, 15, 40, 20, 35], 0.4)).toBeCloseTo(29, 12);
  });

  it('returns order statistics exactly when h is whole, including the ends', () => {
    expect(quantile([10, 20, 30, 40, 50], 0.25)).toBe(20); // h = 1
    expect(quantile([10, 20, 30], 0)).toBe(10);
    expect(quantile([10, 20, 30], 1)).toBe(30);
    expect(quantile([7], 0.9)).toBe(7);
  });

  it('refuses an empty list and a level outside [0, 1]', () => {
    expect(() => quantile([], 0.5)).toThrow(RangeError);
    expect(() => quantile([1, 2], 90)).toThrow(RangeError);
  });
});

describe('z-scores and percentile ranks', () => {
  it('z = (value − mean)/sd, and needs a positive sd', () => {
    expect(zScore(80, 60, 10)).toBe(2);
    expect(zScore(55, 60, 10)).toBe(-0.5);
    expect(() => zScore(1, 1, 0)).toThrow(RangeError);
  });

  it('standardizes with the sample sd; a constant list gives zeros', () => {
    // 45 50 51 51 53: mean 50, Σdev² = 25+0+1+1+9 = 36, sd = √(36/4) = 3.
    const z = standardize([45, 50, 51, 51, 53]);
    expect(z[0]).toBeCloseTo(-5 / 3, 12);
    expect(z[4]).toBeCloseTo(1, 12);
    expect(standardize([4, 4, 4])).toEqual([0, 0, 0]);
  });

  it('percentile rank is the share strictly below (percent_rank within group)', () => {
    expect(percentileRank(5, [1, 2, 5, 7, 9])).toBe(40); // 1 and 2 of 5
    expect(percentileRank(10, [1, 2, 5, 7, 9])).toBe(100);
    expect(percentileRank(1, [1, 2, 5, 7, 9])).toBe(0);
  });
});

describe('linear slope', () => {
  it('is the least-squares slope (regr_slope)', () => {
    // x̄ = 2023, ȳ = 46: Σ(x−x̄)(y−ȳ) = (−1)(4) + 0 + (1)(−5) = −9, Σ(x−x̄)² = 2 → −4.5.
    expect(linearSlope([2022, 2023, 2024], [50, 47, 41])).toBe(-4.5);
    expect(linearSlope([2024], [50])).toBeNull();
  });
});
