// npm run import -- <file> --municipality <id or name> [--dry-run] [--json]
import 'reflect-metadata';
import { loadConfig } from '../config';
import { databaseOptionsFromConfig, openDatabase } from '../db/database';
import { runImportCommand } from '../modules/roadmaps/roadmap-import.command';

runImportCommand(
  process.argv.slice(2),
  (text) => console.log(text),
  () => openDatabase(databaseOptionsFromConfig(loadConfig())),
)
  .then((code) => process.exit(code))
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
