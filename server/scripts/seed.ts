// npm run seed — migrates, then loads the seeds that are missing (existing rows are kept);
// SEED_DEMO=false leaves out the demo data.
import 'reflect-metadata';
import { DatabaseSeeder } from '../../seeds/database.seeder';
import { loadConfig } from '../config';
import { databaseOptionsFromConfig, migrate, openDatabase } from '../db/database';

async function main(): Promise<void> {
  const config = loadConfig();
  const db = await openDatabase(databaseOptionsFromConfig(config));
  try {
    await migrate(db.orm);
    await db.orm.em
      .fork()
      .transactional((em) => new DatabaseSeeder({ demo: config.seedDemo }).run(em));
    console.log('Seeds loaded');
  } finally {
    await db.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
