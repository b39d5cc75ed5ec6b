// Shapes of the federal-scale generator: options, the ids of the base seed it refers to, and the
// generated tables of one region (rows with local ids, turned into database ids at load).
import type { Column, Row } from '../demo/demo.bulk';

/** Country figures per region (DOMAIN.md §4: ≈ 89 regions, 2,300 МО, 40k schools, 1.1M teachers). */
export const REGION_DEFAULTS = {
  municipalities: 26,
  schools: 450,
} as const;

/** Most regions the generator makes (the country's 89 subjects). */
export const MAX_REGIONS = 89;

export interface ScaleOptions {
  /** Scale regions 1 … regions (1–89) exist afterwards. */
  regions: number;
  /** ВсОШ protocols of 2024/2025 and the K − 1 academic years after it (default 1). */
  olympiadYears?: number;
  /** Municipalities per region (default 26); tests use a few. */
  municipalitiesPerRegion?: number;
  /** Schools per region (default 450), shared out over its municipalities. */
  schoolsPerRegion?: number;
  /** After each region step and each chunk of rows written (progressLine formats one). */
  onProgress?: (event: ScaleProgress) => void;
}

export type ResolvedScaleOptions = Required<Omit<ScaleOptions, 'onProgress'>>;

export interface ScaleProgress {
  /** 1-based position among the regions this run adds, and how many it adds. */
  step: number;
  steps: number;
  regionCode: string;
  /** Table being written, or 'generate' / 'done'. */
  phase: string;
  /** Rows written so far in this run. */
  rows: number;
  elapsedMs: number;
}

export interface ScaleResult {
  /** Region codes added by this run (empty when all were there). */
  added: string[];
  /** Region codes already present and kept. */
  kept: string[];
  rowsByTable: Record<string, number>;
  elapsedMs: number;
}

/** Ids of base-seed rows the generated data points at, looked up once per run. */
export interface Directory {
  directions: ReadonlyMap<string, number>;
  indicators: ReadonlyMap<string, number>;
  olympiadId: number;
  subjects: ReadonlyMap<string, number>;
}

/**
 * One generated table of a region. `id` of a row is its 0-based index; `refs` names the columns
 * pointing at another generated table by that table's local index (offset at load).
 */
export interface TableData {
  table: string;
  columns: readonly Column[];
  refs: Readonly<Record<string, string>>;
  /** False for link tables without an id column. */
  hasId: boolean;
  rows: Row[];
}
