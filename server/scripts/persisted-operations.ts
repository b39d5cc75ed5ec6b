// Writes schema/persisted-operations.json from server/persisted/operations/*.graphql, after
// checking every operation against the current schema (commit the result). Run it with
// `npm run build:server && node dist/server/scripts/persisted-operations.js`.
import fs from 'node:fs';
import path from 'node:path';
import {
  buildManifest,
  MANIFEST_FILE,
  manifestProblems,
  readOperationSources,
} from '../persisted/manifest';
import { buildHubSchema } from '../schema';

async function main(): Promise<void> {
  const manifest = buildManifest(readOperationSources());
  const problems = manifestProblems(manifest, await buildHubSchema());
  if (problems.length) {
    throw new Error(`Invalid persisted operations:\n- ${problems.join('\n- ')}`);
  }
  fs.writeFileSync(MANIFEST_FILE, JSON.stringify(manifest, null, 2) + '\n');
  console.log(
    `Wrote ${path.relative(process.cwd(), MANIFEST_FILE)} (${manifest.operations.length} operations)`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
