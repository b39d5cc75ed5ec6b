/** Background for an execution rate: red (0) → yellow → green (1); grey when nothing is due. */
export function rateColor(rate: number | null): string {
  if (rate === null || Number.isNaN(rate)) {
    return '#f3f4f6';
  }
  const clamped = Math.min(1, Math.max(0, rate));
  return `hsl(${Math.round(clamped * 120)}, 70%, 82%)`;
}

export function formatRate(rate: number | null): string {
  return rate === null ? '' : `${Math.round(rate * 100)}%`;
}

export function cellKey(municipalityId: string, directionCode: string): string {
  return `${municipalityId}|${directionCode}`;
}
