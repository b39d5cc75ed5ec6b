import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Database } from '../../db/database';
import { migrate } from '../../db/database';
import type { ImportedRoadmap } from '../../importers/roadmap.types';
import { findMunicipality } from '../geography/geography.service';
import { Access, SYSTEM_VIEWER } from '../access/viewer';
import { importRoadmap, readRoadmapDocument } from './roadmap-import.run';

export const IMPORT_USAGE =
  'Usage: npm run import -- <file> --municipality <id or name> [--dry-run] [--json]';

function summary(roadmap: ImportedRoadmap): string {
  const lines = [roadmap.title ?? '(без названия)'];
  for (const section of roadmap.sections) {
    lines.push(
      `  ${section.number}. ${section.title} [${section.directionCode ?? '?'}] — мероприятий: ${section.activities.length}`,
    );
  }
  for (const warning of roadmap.warnings) {
    lines.push(`  ! строка ${warning.line ?? '-'}: ${warning.code}: ${warning.message}`);
  }
  return lines.join('\n');
}

/**
 * The `npm run import` command. `--dry-run` without a municipality parses only (no database);
 * `--json` prints the parsed roadmap for scripts. Returns the exit code.
 */
export async function runImportCommand(
  argv: string[],
  out: (text: string) => void,
  openDb: () => Promise<Database>,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      municipality: { type: 'string', short: 'm' },
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
    },
  });
  const file = positionals[0];
  if (!file || (!values.municipality && !values['dry-run'])) {
    throw new Error(IMPORT_USAGE);
  }
  const fileName = path.basename(file);
  const content = fs.readFileSync(file);
  const imported = await readRoadmapDocument(fileName, content);
  const print = (warnings = imported.warnings) =>
    out(
      values.json
        ? JSON.stringify({ ...imported, warnings }, null, 2)
        : summary({ ...imported, warnings }),
    );
  if (!values.municipality) {
    print();
    return 0;
  }
  const db = await openDb();
  try {
    await migrate(db.orm);
    const em = db.orm.em.fork();
    const municipality = await findMunicipality(em, values.municipality);
    if (!municipality) {
      throw new Error(
        `Municipality «${values.municipality}» not found (give its id or exact name)`,
      );
    }
    // The same path as the GraphQL mutation: a dry run runs every check, then rolls back.
    const dryRun = values['dry-run'] ?? false;
    const result = await importRoadmap(
      em,
      { municipalityId: String(municipality.id), fileName, content },
      dryRun,
      new Access(SYSTEM_VIEWER),
    );
    print(result.warnings);
    if (!values.json && result.roadmap) {
      out(`Saved roadmap ${result.roadmap.id} for ${municipality.name}`);
    }
    return 0;
  } finally {
    await db.close();
  }
}
