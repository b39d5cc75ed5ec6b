import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countStatements } from '../../server/db/query-counter';
import { DATABASE_TARGETS, startTestServer, type TestServer } from '../helpers/server';

const ACTIVITY_FIELDS =
  'id version number text deadlineText responsibleText schedule { kind months years } executors { name } section { id number }';

describe.each(DATABASE_TARGETS)('activities API on %s', (target) => {
  let hub: TestServer;
  let sectionId: string;
  let otherSectionId: string;

  beforeAll(async () => {
    hub = await startTestServer(target);
    const { data } = await hub.gql(
      `{ roadmaps(first: 10) { nodes { id municipality { name } sections { id number } } } }`,
    );
    const malyshevsky = data!.roadmaps.nodes.find(
      (r: any) => r.municipality.name === 'Малышевский городской округ',
    );
    sectionId = malyshevsky.sections[0].id;
    otherSectionId = malyshevsky.sections[1].id;
  });

  afterAll(async () => {
    await hub?.stop();
  });

  async function activityCount(): Promise<number> {
    const { data } = await hub.gql('{ activities(first: 0) { totalCount } }');
    return data!.activities.totalCount;
  }

  async function occurrenceCount(): Promise<number> {
    const { data } = await hub.gql('{ activityOccurrences(first: 0) { totalCount } }');
    return data!.activityOccurrences.totalCount;
  }

  it('creates activities, parses the deadline, derives executors and occurrences', async () => {
    const { data, errors } = await hub.gql(
      `mutation ($rows: [ActivityInput!]!) { upsertActivities(rows: $rows) { ok created updated errors { index field code } rows { ${ACTIVITY_FIELDS} occurrences { dueDate status } } } }`,
      {
        rows: [
          {
            sectionId,
            number: '90.1',
            text: 'Тестовое мероприятие: ежеквартальный мониторинг',
            deadlineText: 'ежеквартально',
            responsibleText: 'ОО АМГО, Руководители ОУ',
          },
        ],
      },
    );
    expect(errors).toBeUndefined();
    const result = data!.upsertActivities;
    expect(result).toMatchObject({ ok: true, created: 1, updated: 0, errors: [] });
    const [row] = result.rows;
    expect(row.schedule.kind).toBe('quarterly');
    expect(row.executors.map((e: any) => e.name)).toEqual(['ОО АМГО', 'Руководители ОУ']);
    expect(row.occurrences.length).toBeGreaterThan(0);
    expect(row.occurrences.every((o: any) => o.status === 'PLANNED')).toBe(true);
  });

  it('is atomic: one bad row writes nothing and every bad row is reported with field and code', async () => {
    const before = await activityCount();
    const { data } = await hub.gql(
      `mutation ($rows: [ActivityInput!]!) { upsertActivities(rows: $rows) { ok created rows { id } errors { index field code message } } }`,
      {
        rows: [
          { sectionId, number: '91.1', text: 'Хорошая строка', deadlineText: 'ежегодно' },
          { sectionId, number: 'abc', text: 'Плохой номер' },
          { sectionId, number: '91.2', text: '   ' },
          { sectionId: '999999', number: '91.3', text: 'Нет такого раздела' },
          { sectionId, number: '91.1', text: 'Повтор номера в запросе' },
          { sectionId, number: '91.4', text: 'x'.repeat(4001) },
        ],
      },
    );
    const result = data!.upsertActivities;
    expect(result.ok).toBe(false);
    expect(result.rows).toEqual([]);
    expect(result.errors.map((e: any) => [e.index, e.field, e.code])).toEqual([
      [1, 'number', 'INVALID_FORMAT'],
      [2, 'text', 'REQUIRED'],
      [3, 'sectionId', 'NOT_FOUND'],
      [4, 'number', 'DUPLICATE'],
      [5, 'text', 'TOO_LONG'],
    ]);
    expect(await activityCount()).toBe(before);
  });

  it('refuses a request with more rows than one bulk write may carry', async () => {
    const rows = Array.from({ length: 2001 }, (_, i) => ({
      sectionId,
      number: `96.${i + 1}`,
      text: 'x',
    }));
    const { errors } = await hub.gql(
      'mutation ($rows: [ActivityInput!]!) { upsertActivities(rows: $rows) { ok } }',
      { rows },
    );
    expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'rows' });
  });

  it('refuses a number already used in the section', async () => {
    const { data } = await hub.gql(
      `mutation ($rows: [ActivityInput!]!) { upsertActivities(rows: $rows) { ok errors { index field code } } }`,
      { rows: [{ sectionId, number: '1', text: 'Дубликат номера 1' }] },
    );
    expect(data!.upsertActivities).toMatchObject({
      ok: false,
      errors: [{ index: 0, field: 'number', code: 'DUPLICATE' }],
    });
  });

  it('dryRun validates and previews but writes nothing', async () => {
    const activitiesBefore = await activityCount();
    const occurrencesBefore = await occurrenceCount();
    const { data } = await hub.gql(
      `mutation ($rows: [ActivityInput!]!) { upsertActivities(rows: $rows, dryRun: true) { ok dryRun created rows { number schedule { kind } executors { name } occurrences { dueDate } } } }`,
      {
        rows: [
          {
            sectionId,
            number: '92.1',
            text: 'Пробный прогон',
            deadlineText: 'ежемесячно',
            responsibleText: 'Новый исполнитель',
          },
        ],
      },
    );
    expect(data!.upsertActivities).toMatchObject({
      ok: true,
      dryRun: true,
      created: 1,
      rows: [
        {
          number: '92.1',
          schedule: { kind: 'monthly' },
          executors: [{ name: 'Новый исполнитель' }],
        },
      ],
    });
    // The preview shows what would be planned: monthly over Dec 2020 – Dec 2022 = 25 due dates.
    const preview = data!.upsertActivities.rows[0].occurrences.map((o: any) => o.dueDate);
    expect(preview).toHaveLength(25);
    expect([preview[0], preview[24]]).toEqual(['2020-12-31', '2022-12-31']);
    expect(await activityCount()).toBe(activitiesBefore);
    expect(await occurrenceCount()).toBe(occurrencesBefore);
    const { data: stored } = await hub.gql(
      `{ activities(filter: { text: { contains: "Пробный прогон" } }) { totalCount } municipalities { nodes { executors { name } } } }`,
    );
    expect(stored!.activities.totalCount).toBe(0);
    const executorNames = stored!.municipalities.nodes.flatMap((m: any) =>
      m.executors.map((e: any) => e.name),
    );
    expect(executorNames).toContain('ОО АМГО');
    expect(executorNames).not.toContain('Новый исполнитель');
  });

  it('updates with the current version and turns a stale version into CONFLICT', async () => {
    const { data: listed } = await hub.gql(
      `query ($s: ID!) { activities(filter: { sectionId: { eq: $s } }, first: 1) { nodes { id version text } } }`,
      { s: otherSectionId },
    );
    const activity = listed!.activities.nodes[0];
    const update = `mutation ($rows: [ActivityInput!]!) { upsertActivities(rows: $rows) { ok updated errors { index field code } rows { id version text } } }`;
    const first = await hub.gql(update, {
      rows: [{ id: activity.id, version: activity.version, text: `${activity.text} (уточнено)` }],
    });
    expect(first.data!.upsertActivities).toMatchObject({
      ok: true,
      updated: 1,
      rows: [{ id: activity.id, version: activity.version + 1 }],
    });
    const stale = await hub.gql(update, {
      rows: [{ id: activity.id, version: activity.version, text: 'Чужая правка поверх' }],
    });
    expect(stale.data!.upsertActivities).toMatchObject({
      ok: false,
      errors: [{ index: 0, field: 'version', code: 'CONFLICT' }],
    });
    const missingVersion = await hub.gql(update, {
      rows: [{ id: activity.id, text: 'Без версии' }],
    });
    expect(missingVersion.data!.upsertActivities).toMatchObject({
      ok: false,
      errors: [{ field: 'version', code: 'REQUIRED' }],
    });
    const { data: after } = await hub.gql(
      `query ($id: ID!) { activity(id: $id) { text version } }`,
      { id: activity.id },
    );
    expect(after!.activity).toEqual({
      text: `${activity.text} (уточнено)`,
      version: activity.version + 1,
    });
  });

  it('re-plans occurrences when the deadline changes, keeping executed ones', async () => {
    const create = await hub.gql(
      `mutation ($rows: [ActivityInput!]!) { upsertActivities(rows: $rows) { ok rows { id version occurrences { id version dueDate } } } }`,
      { rows: [{ sectionId, number: '93.1', text: 'Смена сроков', deadlineText: 'ежегодно' }] },
    );
    const created = create.data!.upsertActivities.rows[0];
    const done = created.occurrences[0];
    await hub.gql(
      `mutation ($rows: [ActivityOccurrenceInput!]!) { upsertActivityOccurrences(rows: $rows) { ok } }`,
      {
        rows: [{ id: done.id, version: done.version, status: 'DONE', reportText: 'Проведено' }],
      },
    );
    const { data } = await hub.gql(
      `mutation ($rows: [ActivityInput!]!) { upsertActivities(rows: $rows) { ok rows { schedule { kind months } occurrences { dueDate status } } } }`,
      { rows: [{ id: created.id, version: created.version, deadlineText: 'декабрь 2022' }] },
    );
    const row = data!.upsertActivities.rows[0];
    expect(row.schedule).toEqual({ kind: 'once', months: [12] });
    expect(row.occurrences).toContainEqual({ dueDate: done.dueDate, status: 'DONE' });
    expect(row.occurrences).toContainEqual({ dueDate: '2022-12-31', status: 'PLANNED' });
  });

  it('deletes rows marked delete in the same atomic upsert, checking their version', async () => {
    const create = await hub.gql(
      `mutation ($rows: [ActivityInput!]!) { upsertActivities(rows: $rows) { rows { id version } } }`,
      {
        rows: [
          { sectionId, number: '95.1', text: 'Удаляется вместе с правкой' },
          { sectionId, number: '95.2', text: 'Правится вместе с удалением' },
        ],
      },
    );
    const [gone, kept] = create.data!.upsertActivities.rows;
    const save = `mutation ($rows: [ActivityInput!]!) { upsertActivities(rows: $rows) { ok updated deleted rows { id text } errors { index field code } } }`;
    const stale = await hub.gql(save, {
      rows: [
        { id: kept.id, version: kept.version, text: 'Правка' },
        { id: gone.id, version: gone.version + 5, delete: true },
      ],
    });
    expect(stale.data!.upsertActivities).toMatchObject({
      ok: false,
      errors: [{ index: 1, field: 'version', code: 'CONFLICT' }],
    });
    const { data: untouched } = await hub.gql(`query ($id: ID!) { activity(id: $id) { text } }`, {
      id: kept.id,
    });
    expect(untouched!.activity.text).toBe('Правится вместе с удалением');

    const done = await hub.gql(save, {
      rows: [
        { id: kept.id, version: kept.version, text: 'Правка' },
        { id: gone.id, version: gone.version, delete: true },
      ],
    });
    expect(done.data!.upsertActivities).toMatchObject({
      ok: true,
      updated: 1,
      deleted: 1,
      rows: [{ id: kept.id, text: 'Правка' }],
    });
    const { data: after } = await hub.gql(`query ($id: ID!) { activity(id: $id) { id } }`, {
      id: gone.id,
    });
    expect(after!.activity).toBeNull();
  });

  it('refuses to delete an unknown row or the same row twice, writing nothing', async () => {
    const create = await hub.gql(
      `mutation ($rows: [ActivityInput!]!) { upsertActivities(rows: $rows) { rows { id version } } }`,
      { rows: [{ sectionId, number: '94.1', text: 'Удаляемое' }] },
    );
    const { id, version } = create.data!.upsertActivities.rows[0];
    const save = `mutation ($rows: [ActivityInput!]!) { upsertActivities(rows: $rows) { ok deleted errors { index field code } } }`;
    const refused = await hub.gql(save, {
      rows: [
        { id, version, delete: true },
        { id: '999999', version: 1, delete: true },
        { id, version, text: 'Правка удаляемой строки' },
        { delete: true },
      ],
    });
    expect(refused.data!.upsertActivities).toEqual({
      ok: false,
      deleted: 0,
      errors: [
        { index: 1, field: 'id', code: 'NOT_FOUND' },
        { index: 2, field: 'id', code: 'DUPLICATE' },
        { index: 3, field: 'id', code: 'REQUIRED' },
      ],
    });
    const kept = await hub.gql(`query ($id: ID!) { activity(id: $id) { id } }`, { id });
    expect(kept.data!.activity).toEqual({ id });
    const deleted = await hub.gql(save, { rows: [{ id, version, delete: true }] });
    expect(deleted.data!.upsertActivities).toEqual({ ok: true, deleted: 1, errors: [] });
  });

  it('keeps an activity inside its roadmap: a section of another roadmap is refused', async () => {
    const { data } = await hub.gql(
      `{ roadmaps(first: 10) { nodes { municipality { name } sections { id } } } }`,
    );
    const foreign = data!.roadmaps.nodes.find(
      (r: any) => r.municipality.name === 'город Черногорск',
    );
    const { data: listed } = await hub.gql(
      `query ($s: ID!) { activities(filter: { sectionId: { eq: $s } }, first: 1) { nodes { id version } } }`,
      { s: sectionId },
    );
    const activity = listed!.activities.nodes[0];
    const moved = await hub.gql(
      `mutation ($rows: [ActivityInput!]!) { upsertActivities(rows: $rows) { ok errors { field code } } }`,
      { rows: [{ id: activity.id, version: activity.version, sectionId: foreign.sections[0].id }] },
    );
    expect(moved.data!.upsertActivities).toEqual({
      ok: false,
      errors: [{ field: 'sectionId', code: 'BAD_USER_INPUT' }],
    });
  });

  it('writes executors of a whole batch in a fixed number of statements, whatever its size', async () => {
    const save = `mutation ($rows: [ActivityInput!]!) { upsertActivities(rows: $rows) { ok rows { id version } } }`;
    async function countSave(rows: Record<string, unknown>[]) {
      const { statements, result } = await countStatements(() => hub.gql(save, { rows }));
      expect(result.errors).toBeUndefined();
      expect(result.data!.upsertActivities.ok).toBe(true);
      return {
        statements,
        rows: result.data!.upsertActivities.rows as { id: string; version: number }[],
      };
    }
    async function batch(size: number, prefix: number) {
      const created = await countSave(
        Array.from({ length: size }, (_, i) => ({
          sectionId,
          number: `${prefix}.${i + 1}`,
          text: `Пакетное мероприятие ${prefix}.${i + 1}`,
          deadlineText: 'ежегодно',
          responsibleText: `Исполнитель пакета ${prefix}.${i % 7}, Руководители ОУ`,
        })),
      );
      const updated = await countSave(
        created.rows.map((row, i) => ({
          id: row.id,
          version: row.version,
          responsibleText: `ОО АМГО; Соисполнитель пакета ${prefix}.${i % 3}`,
        })),
      );
      const { data } = await hub.gql(
        `query ($id: ID!) { activity(id: $id) { responsibleText executors { name } } }`,
        { id: created.rows[size - 1].id },
      );
      expect(data!.activity).toEqual({
        responsibleText: `ОО АМГО; Соисполнитель пакета ${prefix}.${(size - 1) % 3}`,
        executors: [
          { name: 'ОО АМГО' },
          { name: `Соисполнитель пакета ${prefix}.${(size - 1) % 3}` },
        ],
      });
      return { created: created.statements, updated: updated.statements };
    }
    const small = await batch(5, 60);
    const large = await batch(50, 61);
    expect(large).toEqual(small);
  });
});
