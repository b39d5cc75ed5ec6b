import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../server/modules/access/access.enums';
import { User } from '../../server/modules/access/access.entity';
import { newBatchId, setAuditContext } from '../../server/modules/audit/audit.context';
import { AUDITED_TABLES } from '../../server/modules/audit/audit.enums';
import { Region } from '../../server/modules/geography/geography.entity';
import { DATABASE_TARGETS, startTestServer, type TestServer } from '../helpers/server';

const SOURCE = path.join(__dirname, '../../seeds/roadmaps/chernogorsk.source.txt');

const ENTRY = 'id batchId at actorUserId actorLabel entity entityId action field oldValue newValue';
const HISTORY = `query ($entity: String!, $id: ID!, $first: Int, $offset: Int) {
  history(entity: $entity, id: $id, first: $first, offset: $offset) { totalCount pageInfo { hasNextPage } nodes { ${ENTRY} } }
}`;
const BATCH = `query ($batchId: String!) { historyBatch(batchId: $batchId) { ${ENTRY} } }`;
const UPSERT = `mutation ($rows: [ActivityInput!]!, $dryRun: Boolean) {
  upsertActivities(rows: $rows, dryRun: $dryRun) { ok dryRun created updated rows { id version } errors { index code } }
}`;

describe.each(DATABASE_TARGETS)('audit trail on %s', (target) => {
  let hub: TestServer;
  let sectionId: string;

  beforeAll(async () => {
    hub = await startTestServer(target);
    const { data } = await hub.gql(
      `{ roadmaps(first: 10) { nodes { municipality { name } sections { id } } } }`,
    );
    const malyshevsky = data!.roadmaps.nodes.find(
      (r: any) => r.municipality.name === 'Малышевский городской округ',
    );
    sectionId = malyshevsky.sections[0].id;
  });

  afterAll(async () => {
    await hub?.stop();
  });

  function historyQuery(query: string, variables: Record<string, unknown>) {
    return hub.gql(query, variables);
  }

  async function history(entity: string, id: string): Promise<any[]> {
    const { data, errors } = await historyQuery(HISTORY, { entity, id });
    expect(errors).toBeUndefined();
    return data!.history.nodes;
  }

  async function batch(batchId: string): Promise<any[]> {
    const { data, errors } = await historyQuery(BATCH, { batchId });
    expect(errors).toBeUndefined();
    return data!.historyBatch;
  }

  function sql<T = any>(query: string, params: unknown[] = []): Promise<T[]> {
    return hub.orm.em.fork().getConnection().execute(query, params);
  }

  async function lastChangeId(): Promise<number> {
    const [row] = await sql(`select coalesce(max(id), 0)::int as id from change_log`);
    return row.id;
  }

  async function batchesSince(id: number): Promise<string[]> {
    const rows = await sql(`select distinct batch_id from change_log where id > ?`, [id]);
    return rows.map((row) => row.batch_id);
  }

  async function upsert(rows: unknown[], dryRun = false) {
    const { data, errors } = await hub.gql(UPSERT, { rows, dryRun });
    expect(errors).toBeUndefined();
    return data!.upsertActivities;
  }

  it('puts a trigger on exactly the audited tables, and the seeds are in the log', async () => {
    const rows = await sql(
      `select distinct event_object_table as t from information_schema.triggers where trigger_name = 'audit_row'`,
    );
    expect(rows.map((row) => row.t).sort()).toEqual([...AUDITED_TABLES].sort());
    const [seeded] = await sql(
      `select count(*)::int as n from change_log where entity = 'activity' and action = 'create'`,
    );
    expect(seeded.n).toBeGreaterThan(200);
  });

  it('records a create and a text update, old → new, in order, one batch per request', async () => {
    const before = await lastChangeId();
    const first = await upsert([
      { sectionId, number: '80.1', text: 'Аудит: первая редакция', deadlineText: 'ежегодно' },
    ]);
    expect(first).toMatchObject({ ok: true, created: 1 });
    const { id, version } = first.rows[0];
    const afterFirst = await lastChangeId();
    expect(await batchesSince(before)).toHaveLength(1);

    const second = await upsert([
      { id, version, text: 'Аудит: вторая редакция' },
      { sectionId, number: '80.2', text: 'Аудит: новая строка' },
    ]);
    expect(second).toMatchObject({ ok: true, created: 1, updated: 1 });
    expect(await batchesSince(afterFirst)).toHaveLength(1);

    const changes = await history('activity', id);
    expect(changes.map((c) => [c.action, c.field])).toEqual([
      ['CREATE', null],
      ['UPDATE', 'text'],
    ]);
    const [create, update] = changes;
    expect(create).toMatchObject({ entity: 'activity', entityId: id, oldValue: null });
    expect(create.newValue).toMatchObject({ id: Number(id), text: 'Аудит: первая редакция' });
    expect(create.newValue).not.toHaveProperty('updated_at');
    expect(update).toMatchObject({
      oldValue: 'Аудит: первая редакция',
      newValue: 'Аудит: вторая редакция',
    });
    expect(Number(update.id)).toBeGreaterThan(Number(create.id));
    expect(update.batchId).not.toBe(create.batchId);
    const page = await historyQuery(HISTORY, { entity: 'activity', id, first: 1, offset: 1 });
    expect(page.data!.history).toMatchObject({
      totalCount: 2,
      pageInfo: { hasNextPage: false },
      nodes: [{ id: update.id }],
    });

    // The other row of the second request shares its batch.
    const secondBatch = await batch(update.batchId);
    const createdId = second.rows[1].id;
    expect(secondBatch.every((c) => c.batchId === update.batchId)).toBe(true);
    expect(secondBatch).toContainEqual(
      expect.objectContaining({ entity: 'activity', entityId: createdId, action: 'CREATE' }),
    );
  });

  it('tells one cell’s story: its updates, with the row’s creation, without other columns', async () => {
    const created = await upsert([
      { sectionId, number: '83.1', text: 'Ячейка', responsibleText: 'Управление образования' },
    ]);
    let { id, version } = created.rows[0];
    for (const row of [
      { text: 'Ячейка, вторая редакция' },
      { responsibleText: 'Методический центр' },
      { responsibleText: 'Методический центр, ИМЦ', text: 'Ячейка, третья редакция' },
    ]) {
      const result = await upsert([{ id, version, ...row }]);
      expect(result.ok).toBe(true);
      version = result.rows[0].version;
    }
    const CELL = `query ($id: ID!, $field: String) {
      history(entity: "activity", id: $id, field: $field) { totalCount nodes { action field oldValue newValue } }
    }`;
    const { data } = await hub.gql(CELL, { id, field: 'responsible_text' });
    expect(data!.history.totalCount).toBe(3);
    const [create, ...updates] = data!.history.nodes;
    expect(create).toMatchObject({ action: 'CREATE', field: null });
    expect(create.newValue.responsible_text).toBe('Управление образования');
    expect(updates.map((c: any) => [c.field, c.oldValue, c.newValue])).toEqual([
      ['responsible_text', 'Управление образования', 'Методический центр'],
      ['responsible_text', 'Методический центр', 'Методический центр, ИМЦ'],
    ]);
    const whole = await hub.gql(CELL, { id, field: null });
    expect(whole.data!.history.totalCount).toBe(5);
  });

  it('keeps no audit rows of a refused bulk batch', async () => {
    const [before] = await sql(`select count(*)::int as n from change_log`);
    const result = await upsert([
      { sectionId, number: '81.1', text: 'Хорошая строка' },
      { sectionId, number: 'abc', text: 'Плохой номер' },
    ]);
    expect(result.ok).toBe(false);
    const [after] = await sql(`select count(*)::int as n from change_log`);
    expect(after.n).toBe(before.n);
  });

  it('keeps no audit rows of a dry run', async () => {
    const before = await lastChangeId();
    const result = await upsert(
      [{ sectionId, number: '82.1', text: 'Пробная строка', deadlineText: 'ежеквартально' }],
      true,
    );
    expect(result).toMatchObject({ ok: true, dryRun: true, created: 1 });
    expect(await batchesSince(before)).toEqual([]);
  });

  it('records cascaded deletes when an import replaces a roadmap', async () => {
    const municipalities = await hub.gql('{ municipalities { nodes { id name } } }');
    const m = municipalities.data!.municipalities.nodes.find(
      (node: any) => node.name === 'город Черногорск',
    ).id;
    const { data } = await hub.gql(
      'query ($m: ID!) { roadmaps(filter: { municipalityId: { eq: $m } }) { nodes { id sections { id activities { id } } } } }',
      { m },
    );
    const old = data!.roadmaps.nodes[0];
    const activityIds: string[] = old.sections.flatMap((s: any) =>
      s.activities.map((a: any) => a.id),
    );
    expect(activityIds.length).toBeGreaterThan(0);

    const replaced = await hub.gql(
      `mutation ($input: ImportRoadmapInput!) { importRoadmap(input: $input, dryRun: false) { roadmap { id } } }`,
      {
        input: {
          municipalityId: m,
          fileName: 'plan.txt',
          text: fs.readFileSync(SOURCE, 'utf8'),
          replaceRoadmapId: old.id,
        },
      },
    );
    expect(replaced.errors).toBeUndefined();

    const roadmapHistory = await history('roadmap', old.id);
    const deleted = roadmapHistory[roadmapHistory.length - 1];
    expect(deleted).toMatchObject({ action: 'DELETE', field: null, newValue: null });
    expect(deleted.oldValue).toMatchObject({ id: Number(old.id) });

    // One transaction: the cascade, the pivot and the new roadmap share the delete's batch.
    const changes = await batch(deleted.batchId);
    const deletedActivities = changes
      .filter((c) => c.entity === 'activity' && c.action === 'DELETE')
      .map((c) => c.entityId);
    expect(deletedActivities.sort()).toEqual([...activityIds].sort());
    const kinds = new Set(changes.map((c) => `${c.entity}:${c.action}`));
    for (const kind of [
      'roadmap_section:DELETE',
      'activity_occurrence:DELETE',
      'activity_executor:DELETE',
      'roadmap:CREATE',
    ]) {
      expect(kinds).toContain(kind);
    }
    const pivot = changes.find((c) => c.entity === 'activity_executor');
    expect(pivot.entityId).toBe(`${pivot.oldValue.activity_id}:${pivot.oldValue.executor_id}`);
  });

  it('never stores a password hash', async () => {
    const em = hub.orm.em.fork();
    const user = em.create(User, {
      login: `audit-${target}`,
      passwordHash: 'secret-hash',
      displayName: 'Аудит',
      role: Role.ADMIN,
    });
    await em.flush();
    user.passwordHash = 'secret-hash-2';
    user.displayName = 'Аудит 2';
    await em.flush();

    const [leaks] = await sql(
      `select count(*)::int as n from change_log where old_value::text like '%secret-hash%' or new_value::text like '%secret-hash%'`,
    );
    expect(leaks.n).toBe(0);
    const changes = await history('app_user', String(user.id));
    expect(changes[0].newValue).toMatchObject({ login: `audit-${target}`, password_hash: '***' });
    expect(changes.slice(1).map((c) => [c.field, c.oldValue, c.newValue])).toEqual([
      ['display_name', 'Аудит', 'Аудит 2'],
      ['password_hash', '***', '***'],
    ]);
  });

  it('stamps actor and batch set by setAuditContext, for that transaction only', async () => {
    const batchId = newBatchId();
    const code = target === 'pglite' ? 'AU-L' : 'AU-P';
    const region = await hub.orm.em.fork().transactional(async (em) => {
      await setAuditContext(em, { userId: 4242, label: 'Аудитор' }, batchId);
      const created = em.create(Region, { code, name: 'Аудитная область' });
      await em.flush();
      created.name = 'Аудитная область 2';
      await em.flush();
      return created;
    });
    const changes = await batch(batchId);
    expect(changes.map((c) => [c.entity, c.entityId, c.action, c.field])).toEqual([
      ['region', String(region.id), 'CREATE', null],
      ['region', String(region.id), 'UPDATE', 'name'],
    ]);
    for (const change of changes) {
      expect(change).toMatchObject({ actorUserId: '4242', actorLabel: 'Аудитор', batchId });
    }

    // The next transaction (same pooled connection on PGlite) starts without an actor.
    await hub.orm.em.fork().transactional(async (em) => {
      em.create(Region, { code: `${code}2`, name: 'Без автора' });
    });
    const [last] = await sql(
      `select actor_user_id, actor_label, batch_id from change_log order by id desc limit 1`,
    );
    expect(last).toMatchObject({ actor_user_id: null, actor_label: null });
    expect(last.batch_id).not.toBe(batchId);
  });

  it('refuses history of a table that is not audited', async () => {
    for (const entity of ['app_setting', 'activity; drop table x']) {
      const { errors } = await historyQuery(HISTORY, { entity, id: '1' });
      expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'entity' });
    }
  });
});
