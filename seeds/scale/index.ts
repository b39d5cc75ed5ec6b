// The federal-scale generator (npm run seed:scale): N synthetic regions shaped like an average
// Russian region (DOMAIN.md §4), each deterministic from its index alone, loaded in bulk in one
// transaction per run. Regions already present (by their synthetic codes) are kept.
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { migrate } from '../../server/db/database';
import { pgArray } from '../../server/shared/pg-array';
import { DatabaseSeeder } from '../database.seeder';
import { withoutForeignKeys, withoutIndexes } from '../demo/demo.bulk';
import { generateRegion, regionCodeOf, SCALE_PREFIX } from './scale.geography';
import { generateValues, SCALE_INDICATORS } from './scale.indicators';
import { loadTables, SCALE_TABLES } from './scale.load';
import { geographyTables } from './scale.organizations';
import { generateOlympiads, olympiadYearsOf } from './scale.olympiads';
import { generateRoadmaps } from './scale.roadmaps';
import { generateTeachers } from './scale.teachers';
import {
  type Directory,
  MAX_REGIONS,
  REGION_DEFAULTS,
  type ResolvedScaleOptions,
  type ScaleOptions,
  type ScaleProgress,
  type ScaleResult,
  type TableData,
} from './scale.types';

export { regionCodeOf, SCALE_PREFIX } from './scale.geography';
export { SCALE_INDICATORS } from './scale.indicators';
export { SCALE_TABLES } from './scale.load';
export type { ScaleOptions, ScaleProgress, ScaleResult } from './scale.types';

/** Migrations and the base seed (directories, catalogue, geography, roadmaps), never the demo. */
export async function prepareScaleDatabase(orm: MikroORM): Promise<void> {
  await migrate(orm);
  await orm.em.fork().transactional((em) => new DatabaseSeeder({ demo: false }).run(em));
}

function resolve(options: ScaleOptions): ResolvedScaleOptions {
  const resolved = {
    regions: options.regions,
    olympiadYears: options.olympiadYears ?? 1,
    municipalitiesPerRegion: options.municipalitiesPerRegion ?? REGION_DEFAULTS.municipalities,
    schoolsPerRegion: options.schoolsPerRegion ?? REGION_DEFAULTS.schools,
  };
  const bad = (value: number, min: number, max: number) =>
    !Number.isInteger(value) || value < min || value > max;
  if (bad(resolved.regions, 1, MAX_REGIONS)) {
    throw new Error(`regions must be an integer 1–${MAX_REGIONS}, got ${options.regions}`);
  }
  if (bad(resolved.olympiadYears, 1, 4)) {
    throw new Error(`olympiadYears must be an integer 1–4, got ${options.olympiadYears}`);
  }
  if (bad(resolved.municipalitiesPerRegion, 1, 200)) {
    throw new Error('municipalitiesPerRegion must be an integer 1–200');
  }
  if (bad(resolved.schoolsPerRegion, resolved.municipalitiesPerRegion, 20_000)) {
    throw new Error('schoolsPerRegion must be an integer, at least one per municipality');
  }
  return resolved;
}

async function idMap(em: EntityManager, sql: string, params: unknown[] = []) {
  const rows = await em.execute<{ id: number; code: string }[]>(sql, params);
  return new Map(rows.map((row) => [row.code, row.id]));
}

async function loadDirectory(em: EntityManager): Promise<Directory> {
  const [olympiad] = await em.execute<{ id: number }[]>(
    `select id from olympiad where code = 'VSOSH'`,
  );
  const indicators = await idMap(em, 'select id, code from indicator where code = any(?::text[])', [
    pgArray([...SCALE_INDICATORS]),
  ]);
  if (!olympiad || indicators.size < SCALE_INDICATORS.length) {
    throw new Error('Scale data: the base seed (ВсОШ, indicator catalogue) is missing');
  }
  return {
    directions: await idMap(em, 'select id, code from direction'),
    indicators,
    olympiadId: olympiad.id,
    subjects: await idMap(em, 'select id, code from olympiad_subject'),
  };
}

/** Every table of scale region `index` (1-based), parents first: pure and deterministic. */
export function generateScaleRegion(
  index: number,
  options: Omit<ResolvedScaleOptions, 'regions'>,
  directory: Directory,
): TableData[] {
  const region = generateRegion(index, options.municipalitiesPerRegion, options.schoolsPerRegion);
  const teachers = generateTeachers(region);
  const olympiads = generateOlympiads(region, olympiadYearsOf(options.olympiadYears), directory);
  const values = generateValues(region, directory, teachers.young, olympiads.participants);
  const tables = [
    ...geographyTables(region),
    ...teachers.tables,
    ...generateRoadmaps(region, directory),
    values,
    ...olympiads.tables,
  ];
  return SCALE_TABLES.map((name) => tables.find((t) => t.table === name)!);
}

/** The large tables whose indexes a big run builds at the end. */
const INDEXED_AT_END = [
  'teacher',
  'diagnostic_result',
  'activity_occurrence',
  'indicator_value',
  'grade_enrolment',
  'student',
  'olympiad_record',
];

/** One log line of a progress event. */
export function progressLine(event: ScaleProgress): string {
  const seconds = (event.elapsedMs / 1000).toFixed(1);
  return `region ${event.step}/${event.steps} ${event.regionCode} ${event.phase}: ${event.rows} rows, ${seconds} s\n`;
}

/** Scale region codes already in the database. */
export async function scaleRegionsPresent(em: EntityManager): Promise<string[]> {
  const rows = await em.execute<{ code: string }[]>(
    'select code from region where code like ? order by code',
    [`${SCALE_PREFIX}%`],
  );
  return rows.map((row) => row.code);
}

/**
 * Adds the scale regions 1 … options.regions that are missing, in one transaction with the
 * audit triggers off for the load (synthetic rows get no change_log entry, like the demo's
 * values). Applies the migrations and the base seed first (prepareScaleDatabase).
 */
export async function seedScale(orm: MikroORM, options: ScaleOptions): Promise<ScaleResult> {
  const resolved = resolve(options);
  const started = performance.now();
  await prepareScaleDatabase(orm);
  const em = orm.em.fork();
  const present = new Set(await scaleRegionsPresent(em));
  const wanted = Array.from({ length: resolved.regions }, (_, i) => i + 1);
  const missing = wanted.filter((i) => !present.has(regionCodeOf(i)));
  const rowsByTable: Record<string, number> = Object.fromEntries(SCALE_TABLES.map((t) => [t, 0]));
  let rows = 0;
  const directory = await loadDirectory(em);
  const progress = (step: number, phase: string) =>
    options.onProgress?.({
      step: step + 1,
      steps: missing.length,
      regionCode: regionCodeOf(missing[step]),
      phase,
      rows,
      elapsedMs: performance.now() - started,
    });
  const loadRegion = async (tem: EntityManager, step: number, index: number) => {
    const report = (phase: string) => progress(step, phase);
    report('generate');
    const tables = generateScaleRegion(index, resolved, directory);
    await loadTables(tem, tables, (table, count) => {
      rows += count;
      rowsByTable[table] += count;
      report(table);
    });
    report('done');
  };
  // One transaction: a failed run leaves nothing behind and the next one starts over. When the
  // run at least doubles the scale data, the keys are checked and the indexes built once at the
  // end (one pass each instead of a check and an index entry per row); a small addition to a
  // large set keeps them, as rebuilding would cost more than it saves.
  const rebuild = missing.length >= present.size;
  await em.fork().transactional(async (tem) => {
    if (missing.length === 0) {
      return;
    }
    for (const table of SCALE_TABLES) {
      await tem.execute(`alter table "${table}" disable trigger "audit_row"`);
    }
    const loadAll = async () => {
      for (const [step, index] of missing.entries()) {
        await loadRegion(tem, step, index);
      }
      if (rebuild) {
        progress(missing.length - 1, 'keys and indexes');
      }
    };
    await (rebuild
      ? withoutForeignKeys(tem, SCALE_TABLES, () => withoutIndexes(tem, INDEXED_AT_END, loadAll))
      : loadAll());
    for (const table of SCALE_TABLES) {
      await tem.execute(`alter table "${table}" enable trigger "audit_row"`);
    }
  });
  if (missing.length > 0) {
    // Fresh planner statistics (PGlite has no autovacuum).
    await em.execute(`analyze ${SCALE_TABLES.map((t) => `"${t}"`).join(', ')}`);
  }
  return {
    added: missing.map(regionCodeOf),
    kept: wanted.filter((i) => present.has(regionCodeOf(i))).map(regionCodeOf),
    rowsByTable,
    elapsedMs: performance.now() - started,
  };
}
