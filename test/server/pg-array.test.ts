import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database';
import { pgArray } from '../../server/shared/pg-array';
import { DATABASE_TARGETS, openTestDatabase } from '../helpers/server';

describe.each(DATABASE_TARGETS)('pgArray on %s', (target) => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase(target);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('round-trips awkward text and numbers as one bound parameter', async () => {
    const texts = ['2024/2025', 'a"b', 'c\\d', "e'f", '{g,h}', 'NULL', ' ', ''];
    const rows = await db.orm.em
      .fork()
      .getConnection()
      .execute<{ t: string[] }[]>('select ?::text[] as t', [pgArray(texts)]);
    expect(rows[0].t).toEqual(texts);
    const ints = await db.orm.em
      .fork()
      .getConnection()
      .execute<{ n: number }[]>('select n from unnest(?::int[]) n order by n', [
        pgArray([3, 1, 2]),
      ]);
    expect(ints.map((r) => r.n)).toEqual([1, 2, 3]);
    const empty = await db.orm.em
      .fork()
      .getConnection()
      .execute<{ n: number }[]>('select count(*)::int as n from unnest(?::int[])', [pgArray([])]);
    expect(empty[0].n).toBe(0);
  });
});
