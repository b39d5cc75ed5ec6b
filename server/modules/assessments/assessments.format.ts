// Number formatting for the Russian evidence sentences: decimal comma, a true minus sign,
// a space before «%» and «п. п.». Deterministic (no Intl), so tests can compare exact text.

const MINUS = '−';

/** 78.44 → «78,4»; −3.33 → «−3,3»; never «−0,0». */
export function formatNumber(value: number, digits = 1): string {
  const text = Math.abs(value).toFixed(digits).replace('.', ',');
  const isZero = Number(Math.abs(value).toFixed(digits)) === 0;
  return value < 0 && !isZero ? `${MINUS}${text}` : text;
}

/** Signed difference: «+12,0», «−3,3», «0,0». */
export function formatSigned(value: number, digits = 1): string {
  const text = formatNumber(value, digits);
  return text.startsWith(MINUS) || Number(Math.abs(value).toFixed(digits)) === 0
    ? text
    : `+${text}`;
}

/** «78,4 %» (a value already on the 0–100 scale). */
export function formatPercent(value: number, digits = 1): string {
  return `${formatNumber(value, digits)} %`;
}

/** Percentage points: «17,0 п. п.». */
export function formatPoints(value: number, digits = 1): string {
  return `${formatNumber(value, digits)} п. п.`;
}

/** A confidence level 0–1 as «95 %» or «95,4 %» (one decimal only when it is not whole). */
export function formatLevel(level: number): string {
  const rounded = Math.round(level * 1000) / 10;
  return Number.isInteger(rounded) ? `${rounded} %` : formatPercent(rounded);
}

/** Russian plural: pluralRu(1, 'школа', 'школы', 'школ') → «школа»; 3 → «школы»; 11 → «школ». */
export function pluralRu(n: number, one: string, few: string, many: string): string {
  const [mod10, mod100] = [n % 10, n % 100];
  if (mod10 === 1 && mod100 !== 11) {
    return one;
  }
  return mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14) ? few : many;
}

/** «12 школ», «1 школа». */
export function countRu(n: number, one: string, few: string, many: string): string {
  return `${n} ${pluralRu(n, one, few, many)}`;
}
