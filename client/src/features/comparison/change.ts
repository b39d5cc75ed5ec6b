import type { Polarity } from '../indicators/indicators.queries';

export type ChangeTone = 'good' | 'bad' | 'neutral';

export interface ChangeMark {
  arrow: '▲' | '▼' | '=';
  tone: ChangeTone;
}

/**
 * The arrow follows the figure (up when it grew); the colour follows the polarity: growth is
 * good where higher is better and bad where lower is better. No previous value, no mark.
 */
export function changeMark(
  change: number | null | undefined,
  polarity: Polarity,
): ChangeMark | null {
  if (change === null || change === undefined || Number.isNaN(change)) {
    return null;
  }
  // Differences below rounding noise of the stored figures count as no change.
  if (Math.abs(change) < 1e-9) {
    return { arrow: '=', tone: 'neutral' };
  }
  const grew = change > 0;
  const good = polarity === 'HIGHER_BETTER' ? grew : !grew;
  return { arrow: grew ? '▲' : '▼', tone: good ? 'good' : 'bad' };
}
