import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedIfEmpty } from '../../seeds/database.seeder';
import { migrate, openDatabase } from '../../server/db/database';
import { Roadmap } from '../../server/modules/roadmaps/roadmaps.entity';
import { DATABASE_TARGETS, openTestDatabase } from '../helpers/server';

describe.each(DATABASE_TARGETS)('migrations on %s', (target) => {
  it('bring an empty database to exactly the schema the entities describe', async () => {
    const database = await openTestDatabase(target);
    try {
      expect((await migrate(database.orm)).length).toBeGreaterThan(0);
      const pending = await database.orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false });
      expect(pending.trim()).toBe('');
      expect(await migrate(database.orm)).toEqual([]);
    } finally {
      await database.close();
    }
  });
});

describe('embedded database', () => {
  it('keeps its data in the data directory across restarts and seeds only once', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'msoko-data-'));
    const first = await openDatabase({ databaseUrl: null, dataDir });
    await migrate(first.orm);
    expect(await seedIfEmpty(first.orm.em.fork())).toBe(true);
    const roadmaps = await first.orm.em.fork().count(Roadmap, {});
    await first.close();

    const second = await openDatabase({ databaseUrl: null, dataDir });
    expect(await migrate(second.orm)).toEqual([]);
    expect(await seedIfEmpty(second.orm.em.fork())).toBe(false);
    expect(await second.orm.em.fork().count(Roadmap, {})).toBe(roadmaps);
    expect(roadmaps).toBe(3);
    await second.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});
