// Deterministic randomness for the demo data: no Math.random, one fixed seed.

/** The seed of every demo stream; change it and every demo figure changes. */
export const DEMO_SEED = 20_240_901;

export type Rng = () => number;

/** mulberry32: a small 32-bit generator, uniform in [0, 1). */
export function mulberry32(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over the UTF-16 code units of a string. */
function hash32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * An independent stream per key (e.g. organization|indicator|period), so adding an indicator or
 * an organization never shifts the figures of the others.
 */
export function streamFor(...key: (string | number)[]): Rng {
  return mulberry32(hash32(`${DEMO_SEED}|${key.join('|')}`));
}

/** Standard normal (Box–Muller). */
export function normal(rng: Rng): number {
  const u = 1 - rng();
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Number of successes in n trials of probability p (exact for small n, normal beyond). */
export function binomial(rng: Rng, n: number, p: number): number {
  const q = clamp(p, 0, 1);
  if (n <= 40) {
    let successes = 0;
    for (let i = 0; i < n; i += 1) {
      successes += rng() < q ? 1 : 0;
    }
    return successes;
  }
  const draw = Math.round(n * q + normal(rng) * Math.sqrt(n * q * (1 - q)));
  return clamp(draw, 0, n);
}

export function poisson(rng: Rng, lambda: number): number {
  if (lambda <= 0) {
    return 0;
  }
  if (lambda > 30) {
    return Math.max(0, Math.round(lambda + normal(rng) * Math.sqrt(lambda)));
  }
  const limit = Math.exp(-lambda);
  let product = rng();
  let count = 0;
  while (product > limit) {
    product *= rng();
    count += 1;
  }
  return count;
}

export function shuffle<T>(rng: Rng, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rng() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/** An integer in [min, max]. */
export function between(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}
