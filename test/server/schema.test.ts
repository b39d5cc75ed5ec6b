import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildHubSchema, printHubSchema } from '../../server/schema';

describe('schema/schema.graphql', () => {
  it('matches the schema the resolvers build (run `npm run schema:emit` after API changes)', async () => {
    const committed = fs.readFileSync(path.join(__dirname, '../../schema/schema.graphql'), 'utf8');
    expect(await printHubSchema()).toBe(committed);
  });

  it('follows the list and bulk-write conventions of DESIGN.md §4', async () => {
    const schema = await buildHubSchema();
    const queries = schema.getQueryType()!.getFields();
    for (const list of ['activities', 'activityOccurrences', 'roadmaps', 'municipalities']) {
      expect(queries[list].args.map((arg) => arg.name).sort()).toEqual(
        expect.arrayContaining(['after', 'filter', 'first', 'offset']),
      );
      expect(String(queries[list].type)).toMatch(/Connection!$/);
    }
    const mutations = schema.getMutationType()!.getFields();
    for (const bulk of ['upsertActivities', 'upsertActivityOccurrences']) {
      expect(mutations[bulk].args.map((arg) => arg.name).sort()).toEqual(['dryRun', 'rows']);
    }
    const rowError = schema.getType('RowError')!.toConfig() as { fields: Record<string, unknown> };
    expect(Object.keys(rowError.fields).sort()).toEqual([
      'code',
      'field',
      'id',
      'index',
      'message',
    ]);
  });
});
