// Read-only entities (issue #9): list pages and loader batches are built outside the unit of
// work, so a later flush in the same request never writes them — and a row the request
// already tracks (here a reference, as a loaded teacher's organization is) is merged into the
// tracked instance, so that flush does not rewrite it either.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countStatements } from '../../server/db/query-counter';
import {
  Municipality,
  Organization,
  OrganizationKind,
} from '../../server/modules/geography/geography.entity';
import { readOnlyEntities } from '../../server/shared/read-only';
import { DATABASE_TARGETS, startTestServer, type TestServer } from '../helpers/server';

describe.each(DATABASE_TARGETS)('read-only entities on %s', (target) => {
  let hub: TestServer;

  beforeAll(async () => {
    hub = await startTestServer(target);
    const em = hub.orm.em.fork();
    const municipality = await em.findOneOrFail(Municipality, { id: { $gt: 0 } });
    em.create(Organization, {
      municipality,
      code: 'ro-1',
      name: 'Школа для проверки',
      kind: OrganizationKind.SCHOOL,
    });
    await em.flush();
  });

  afterAll(async () => {
    await hub?.stop();
  });

  const rowsOf = async (limit: number) =>
    hub.orm.em
      .fork()
      .getConnection()
      .execute<
        Record<string, unknown>[]
      >('select * from organization order by id limit ?', [limit]);

  it('builds untracked entities that a flush leaves alone', async () => {
    const em = hub.orm.em.fork();
    const [organization] = readOnlyEntities(em, Organization, await rowsOf(1), { raw: true });
    expect(organization.code).toBeTruthy();
    organization.name = 'изменено, но не сохраняется';
    const { statements } = await countStatements(() => em.flush());
    expect(statements).toBe(0);
    const [stored] = await rowsOf(1);
    expect(stored.name).not.toBe('изменено, но не сохраняется');
  });

  it('fills a reference the request tracks instead of hydrating it behind its back', async () => {
    const em = hub.orm.em.fork();
    const [row] = await rowsOf(1);
    const reference = em.getReference(Organization, row.id as number);
    const [organization] = readOnlyEntities(em, Organization, [row], { raw: true });
    expect(organization).toBe(reference);
    expect(organization.code).toBe(row.code);
    // Tracked with its snapshot: nothing to write, the version stays.
    const { statements } = await countStatements(() => em.flush());
    expect(statements).toBe(0);
    const [stored] = await rowsOf(1);
    expect(stored.version).toBe(row.version);
  });
});
