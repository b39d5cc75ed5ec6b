// The deficit heat map: cells (municipality × area × subject) pivoted into one table per
// municipality, the colour scale of a share, academic years to choose from.
import { toArea } from './teacherLabels';
import type { CompetencyArea, HeatmapCellNode } from './teachers.queries';
import { COMPETENCY_AREAS } from './teachers.queries';

type Rgb = readonly [number, number, number];

// Light green (no deficits) → amber → red (everyone has the deficit).
const STOPS: readonly { at: number; rgb: Rgb }[] = [
  { at: 0, rgb: [237, 248, 233] },
  { at: 0.5, rgb: [254, 196, 79] },
  { at: 1, rgb: [203, 24, 29] },
];
export const NO_DATA_COLOR = 'rgb(243, 244, 246)';

/** A percentage (0–100, clamped) → its background colour on the scale; none → grey. */
export function heatColor(percent: number | null | undefined): string {
  if (percent === null || percent === undefined || !Number.isFinite(percent)) {
    return NO_DATA_COLOR;
  }
  const x = Math.min(1, Math.max(0, percent / 100));
  let i = 0;
  while (i < STOPS.length - 2 && x > STOPS[i + 1].at) {
    i += 1;
  }
  const from = STOPS[i];
  const to = STOPS[i + 1];
  const k = (x - from.at) / (to.at - from.at);
  const [r, g, b] = from.rgb.map((c, j) => Math.round(c + (to.rgb[j] - c) * k));
  return `rgb(${r}, ${g}, ${b})`;
}

/** Dark cells (above 70 %) get white text. */
export function heatTextColor(percent: number | null | undefined): string {
  return percent !== null && percent !== undefined && percent > 70 ? '#fff' : '#1f2937';
}

export interface HeatCell {
  diagnosed: number;
  withDeficit: number;
  /** Percentage with the deficit (0–100), or null when nobody was diagnosed. */
  percent: number | null;
}

export interface MunicipalityHeat {
  municipalityId: string;
  municipalityName: string;
  areas: CompetencyArea[];
  /** Subjects in alphabetical order; '' (teachers without a recorded subject) comes last. */
  subjects: string[];
  cells: Map<string, HeatCell>;
}

export const heatKey = (area: CompetencyArea, subject: string) => `${area}|${subject}`;

/** The cells grouped per municipality (by name), with the areas and subjects they have. */
export function pivotHeatmap(nodes: readonly HeatmapCellNode[]): MunicipalityHeat[] {
  const byMunicipality = new Map<string, MunicipalityHeat>();
  for (const node of nodes) {
    const area = toArea(node.area);
    if (!area) {
      continue;
    }
    let heat = byMunicipality.get(node.municipalityId);
    if (!heat) {
      heat = {
        municipalityId: node.municipalityId,
        municipalityName: node.municipalityName,
        areas: [],
        subjects: [],
        cells: new Map(),
      };
      byMunicipality.set(node.municipalityId, heat);
    }
    const subject = node.subject ?? '';
    if (!heat.areas.includes(area)) {
      heat.areas.push(area);
    }
    if (!heat.subjects.includes(subject)) {
      heat.subjects.push(subject);
    }
    heat.cells.set(heatKey(area, subject), {
      diagnosed: node.diagnosed,
      withDeficit: node.withDeficit,
      percent:
        node.share ?? (node.diagnosed > 0 ? (100 * node.withDeficit) / node.diagnosed : null),
    });
  }
  const all = [...byMunicipality.values()];
  for (const heat of all) {
    heat.areas.sort((a, b) => COMPETENCY_AREAS.indexOf(a) - COMPETENCY_AREAS.indexOf(b));
    heat.subjects.sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b, 'ru')));
  }
  return all.sort((a, b) => a.municipalityName.localeCompare(b.municipalityName, 'ru'));
}

/** «2024/2025»: the academic year of a date (it starts on 1 September). */
export function academicYearOf(date: Date): string {
  const y = date.getFullYear();
  const start = date.getMonth() >= 8 ? y : y - 1;
  return `${start}/${start + 1}`;
}

/**
 * The year the page opens on: that of the newest campaign (a new academic year starts before its
 * first diagnosis, and an empty page is no start), else the current one.
 */
export function defaultAcademicYear(newestHeldOn: string | null | undefined, today: Date): string {
  return newestHeldOn
    ? academicYearOf(new Date(`${newestHeldOn}T00:00:00`))
    : academicYearOf(today);
}

/** The current academic year and the `count - 1` before it, newest first. */
export function academicYears(today: Date, count = 5): string[] {
  const start = Number(academicYearOf(today).slice(0, 4));
  return Array.from({ length: count }, (_, i) => `${start - i}/${start - i + 1}`);
}
