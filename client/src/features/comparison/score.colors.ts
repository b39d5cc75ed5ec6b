// One colour scale for the motivating score (0 worst … 100 best) wherever it is shown:
// heatmap cells, bars and the score column. Red → yellow → green, grey for no data.

/** Colour stops of the scale, also handed to the chart's visual map. */
export const SCORE_STOPS = ['#d73027', '#fc8d59', '#fee08b', '#d9ef8b', '#1a9850'] as const;
export const NO_SCORE_COLOR = '#e5e7eb';

function channels(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function toHex(rgb: readonly number[]): string {
  return `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

/** The colour of a score, linearly interpolated between the stops; clamped to 0–100. */
export function scoreColor(score: number | null | undefined): string {
  if (score === null || score === undefined || !Number.isFinite(score)) {
    return NO_SCORE_COLOR;
  }
  const position = (Math.min(100, Math.max(0, score)) / 100) * (SCORE_STOPS.length - 1);
  const lower = Math.floor(position);
  const upper = Math.min(SCORE_STOPS.length - 1, lower + 1);
  const share = position - lower;
  const [a, b] = [channels(SCORE_STOPS[lower]), channels(SCORE_STOPS[upper])];
  return toHex(a.map((c, i) => c + (b[i] - c) * share));
}

/** Dark text on light cells, white on dark ones (relative luminance). */
export function textColorOn(background: string): string {
  const [r, g, b] = channels(background);
  return 0.299 * r + 0.587 * g + 0.114 * b > 150 ? '#111827' : '#ffffff';
}
