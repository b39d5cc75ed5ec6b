// Writes a new migration (diff of entities against a fresh, fully migrated database) into server/migrations.
import 'reflect-metadata';
import path from 'node:path';
import { migrate, openDatabase } from '../db/database';

async function main(): Promise<void> {
  const name = process.argv[2];
  const db = await openDatabase({ databaseUrl: null, dataDir: null });
  try {
    await migrate(db.orm);
    const migrator = db.orm.getMigrator();
    const target = path.resolve(process.cwd(), 'server/migrations');
    const result = await migrator.createMigration(target, false, false, name);
    console.log(
      result.fileName ? `Created ${path.join(target, result.fileName)}` : 'No schema changes',
    );
  } finally {
    await db.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
