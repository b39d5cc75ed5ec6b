import type { MumCell, MumMatrixResult, MumSummary } from './mum.queries';

export const MUM_COMPONENTS = 9;

const key = (municipalityId: string, directionCode: string) => `${municipalityId}|${directionCode}`;

export interface MumIndex {
  cell: (municipalityId: string, directionCode: string, component: number) => MumCell | undefined;
  summary: (municipalityId: string, directionCode: string) => MumSummary | undefined;
}

/** Lookups of the matrix by municipality, direction and component. */
export function indexMatrix(matrix: MumMatrixResult): MumIndex {
  const cells = new Map(
    matrix.cells.map((c) => [`${key(c.municipalityId, c.directionCode)}|${c.component}`, c]),
  );
  const summaries = new Map(
    matrix.summaries.map((s) => [key(s.municipalityId, s.directionCode), s]),
  );
  return {
    cell: (m, d, c) => cells.get(`${key(m, d)}|${c}`),
    summary: (m, d) => summaries.get(key(m, d)),
  };
}

/** Share of the cycle present, 0–100, for the colour scale. */
export function cycleShare(presentCount: number): number {
  return (100 * presentCount) / MUM_COMPONENTS;
}

/** A municipality's whole cycle: components present over all directions. */
export function municipalityTotal(matrix: MumMatrixResult, municipalityId: string) {
  const own = matrix.summaries.filter((s) => s.municipalityId === municipalityId);
  return {
    present: own.reduce((sum, s) => sum + s.presentCount, 0),
    of: own.length * MUM_COMPONENTS,
  };
}
