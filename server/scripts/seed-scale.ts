// npm run seed:scale -- --regions N [--olympiad-years K] [--database-url URL]
//                       [--municipalities M] [--schools S]
// Migrates, loads the base seed (never the demo), then adds the synthetic scale regions 1 … N
// that are missing. Target: --database-url, else DATABASE_URL, else the embedded database of
// `npm start` (DATA_DIR). Progress on stderr, the summary on stdout.
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { progressLine, type ScaleProgress, type ScaleResult, seedScale } from '../../seeds/scale';
import { loadConfig } from '../config';
import { openDatabase } from '../db/database';

const USAGE =
  'Usage: npm run seed:scale -- --regions N [--olympiad-years K] [--database-url URL] ' +
  '[--municipalities M] [--schools S]';

function integer(raw: string | undefined, name: string): number | undefined {
  if (raw === undefined) {
    return undefined;
  }
  const value = Number(raw);
  if (!Number.isInteger(value)) {
    throw new Error(`--${name} must be an integer, got "${raw}"\n${USAGE}`);
  }
  return value;
}

function readArgs() {
  const { values } = parseArgs({
    options: {
      regions: { type: 'string' },
      'olympiad-years': { type: 'string' },
      'database-url': { type: 'string' },
      municipalities: { type: 'string' },
      schools: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help || values.regions === undefined) {
    throw new Error(USAGE);
  }
  return {
    regions: integer(values.regions, 'regions')!,
    olympiadYears: integer(values['olympiad-years'], 'olympiad-years'),
    municipalitiesPerRegion: integer(values.municipalities, 'municipalities'),
    schoolsPerRegion: integer(values.schools, 'schools'),
    databaseUrl: values['database-url'] ?? null,
  };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** An updating bar on a terminal, one line per region and step otherwise. */
function progressPrinter(): (event: ScaleProgress) => void {
  const tty = process.stderr.isTTY;
  let lastStep = '';
  return (event) => {
    const head = `region ${event.step}/${event.steps} ${event.regionCode}`;
    if (tty) {
      const width = 24;
      const filled = Math.round(
        (width * (event.step - (event.phase === 'done' ? 0 : 1))) / event.steps,
      );
      const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
      process.stderr.write(
        `\r${bar} ${head} ${event.phase.padEnd(20)} ${event.rows.toLocaleString('en')} rows ${seconds(event.elapsedMs)}\x1b[K`,
      );
      return;
    }
    // One line per region and step (a table's later chunks only update the bar).
    const step = `${head} ${event.phase}`;
    if (step !== lastStep) {
      lastStep = step;
      process.stderr.write(progressLine(event));
    }
  };
}

function summary(result: ScaleResult): string {
  if (result.added.length === 0) {
    return `Nothing to do: scale regions ${result.kept.join(', ')} are already there.`;
  }
  const total = Object.values(result.rowsByTable).reduce((sum, n) => sum + n, 0);
  const lines = Object.entries(result.rowsByTable).map(
    ([table, rows]) => `  ${table.padEnd(22)} ${rows.toLocaleString('en').padStart(12)}`,
  );
  return [
    `Added scale regions ${result.added.join(', ')}` +
      (result.kept.length ? ` (kept ${result.kept.join(', ')})` : ''),
    ...lines,
    `  ${'total'.padEnd(22)} ${total.toLocaleString('en').padStart(12)}`,
    `in ${seconds(result.elapsedMs)}`,
  ].join('\n');
}

async function main(): Promise<void> {
  const args = readArgs();
  const config = loadConfig();
  const databaseUrl = args.databaseUrl ?? config.databaseUrl;
  const db = await openDatabase({ databaseUrl, dataDir: databaseUrl ? null : config.dataDir });
  try {
    process.stderr.write(`Database: ${db.kind} (migrations and base seed first)\n`);
    const result = await seedScale(db.orm, {
      regions: args.regions,
      olympiadYears: args.olympiadYears,
      municipalitiesPerRegion: args.municipalitiesPerRegion,
      schoolsPerRegion: args.schoolsPerRegion,
      onProgress: progressPrinter(),
    });
    if (process.stderr.isTTY && result.added.length > 0) {
      process.stderr.write('\n');
    }
    console.log(summary(result));
  } finally {
    await db.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
