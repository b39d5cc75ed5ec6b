// Labels of the teacher enumerations and the small parsers the teacher grids share (dates,
// lists, enumerations typed as labels or codes).
import type { Translate } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/ru';
import type { CompetencyArea } from './teachers.queries';
import { COMPETENCY_AREAS } from './teachers.queries';

export const areaKey = (area: CompetencyArea): MessageKey => `tch.area.${area}` as MessageKey;

/** «SUBJECT», «subject» or «Subject» → the area; anything else → null. */
export function toArea(value: unknown): CompetencyArea | null {
  if (typeof value !== 'string') {
    return null;
  }
  const upper = value.trim().toUpperCase();
  return (COMPETENCY_AREAS as readonly string[]).includes(upper) ? (upper as CompetencyArea) : null;
}

/** An area of a diagnostic campaign: its maximum and the score below which it is a deficit. */
export interface CampaignArea {
  area: CompetencyArea;
  maxScore: number;
  deficitBelow: number;
}

/** The campaign's `areas` JSON → its areas in the campaign's order (unknown entries left out). */
export function campaignAreas(areas: unknown): CampaignArea[] {
  if (!Array.isArray(areas)) {
    return [];
  }
  return areas.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) {
      return [];
    }
    const { area, maxScore, deficitBelow } = item as Record<string, unknown>;
    const known = toArea(area);
    return known && typeof maxScore === 'number'
      ? [
          {
            area: known,
            maxScore,
            deficitBelow: typeof deficitBelow === 'number' ? deficitBelow : 0,
          },
        ]
      : [];
  });
}

/** Scores JSON keyed «subject» or «SUBJECT» → by area. */
export function scoresByArea(scores: unknown): Partial<Record<CompetencyArea, number>> {
  const result: Partial<Record<CompetencyArea, number>> = {};
  if (typeof scores !== 'object' || scores === null) {
    return result;
  }
  for (const [key, value] of Object.entries(scores as Record<string, unknown>)) {
    const area = toArea(key);
    if (area && typeof value === 'number') {
      result[area] = value;
    }
  }
  return result;
}

/** «01.09.2024», «1.9.2024» or «2024-09-01» → «2024-09-01»; empty → null; otherwise throws. */
export function parseDate(text: string): string | null {
  const clean = text.trim();
  if (clean === '') {
    return null;
  }
  let y: number;
  let m: number;
  let d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(clean);
  const ru = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(clean);
  if (iso) {
    [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else if (ru) {
    [d, m, y] = [Number(ru[1]), Number(ru[2]), Number(ru[3])];
  } else {
    throw new RangeError(text);
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    throw new RangeError(text);
  }
  return date.toISOString().slice(0, 10);
}

/** «Математика; Физика» or «Математика, Физика» → the items, trimmed, without empties. */
export function splitList(text: string | null | undefined): string[] {
  return (text ?? '')
    .split(/[;,\n]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** The items as the cell shows them. */
export function joinList(items: readonly string[]): string {
  return items.join('; ');
}

/**
 * A cell's text → one of the codes: the code itself (any case) or its label in either language;
 * empty → null; otherwise throws.
 */
export function parseChoice<C extends string>(
  text: string,
  codes: readonly C[],
  label: (code: C) => string,
): C | null {
  const clean = text.trim();
  if (clean === '') {
    return null;
  }
  const upper = clean.toUpperCase();
  const lower = clean.toLowerCase();
  const found = codes.find((code) => code === upper || label(code).toLowerCase() === lower);
  if (!found) {
    throw new RangeError(text);
  }
  return found;
}

/** Areas typed as labels or codes, separated by commas or semicolons → codes joined by «,». */
export function parseAreaList(text: string, t: Translate): string | null {
  const items = splitList(text);
  if (items.length === 0) {
    return null;
  }
  const areas = items.map((item) => parseChoice(item, COMPETENCY_AREAS, (a) => t(areaKey(a)))!);
  return [...new Set(areas)].join(',');
}

/** Codes joined by «,» (as rows keep them) → areas. */
export function areaListOf(value: unknown): CompetencyArea[] {
  return typeof value === 'string'
    ? value
        .split(',')
        .map(toArea)
        .filter((a): a is CompetencyArea => a !== null)
    : [];
}

/** Teacher's name as a cell shows it: «скрыто» when the viewer may not see it. */
export function teacherName(t: Translate, fullName: string | null | undefined): string {
  return fullName ?? t('tch.hidden');
}
