// npm run db:migrate — applies pending migrations to DATABASE_URL (or the embedded database).
import 'reflect-metadata';
import { loadConfig } from '../config';
import { databaseOptionsFromConfig, migrate, openDatabase } from '../db/database';

async function main(): Promise<void> {
  const db = await openDatabase(databaseOptionsFromConfig(loadConfig()));
  try {
    const applied = await migrate(db.orm);
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date');
  } finally {
    await db.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
