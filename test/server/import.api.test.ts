import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImportCommand } from '../../server/modules/roadmaps/roadmap-import.command';
import {
  DATABASE_TARGETS,
  openTestDatabase,
  startTestServer,
  type TestServer,
} from '../helpers/server';

const SOURCE = path.join(__dirname, '../../seeds/roadmaps/chernogorsk.source.txt');

const IMPORT = `mutation ($input: ImportRoadmapInput!, $dryRun: Boolean!) {
  importRoadmap(input: $input, dryRun: $dryRun) {
    dryRun roadmap { id title municipality { name } sections { number direction { code } activities { number } } }
    title orderNumber orderDate periodStart periodEnd activityCount
    sections { number directionCode activities { number deadlineText scheduleKind executors } }
    warnings { line code message }
  }
}`;

describe.each(DATABASE_TARGETS)('importRoadmap on %s', (target) => {
  let hub: TestServer;
  let kingiseppId: string;

  beforeAll(async () => {
    hub = await startTestServer(target);
    const { data } = await hub.gql(
      '{ municipalities(filter: { name: { contains: "Кингисепп" } }) { nodes { id } } }',
    );
    kingiseppId = data!.municipalities.nodes[0].id;
  });

  afterAll(async () => {
    await hub?.stop();
  });

  it('previews a document on dryRun and writes nothing', async () => {
    const text = fs.readFileSync(SOURCE, 'utf8');
    const { data, errors } = await hub.gql(IMPORT, {
      input: { municipalityId: kingiseppId, fileName: 'plan.txt', text },
      dryRun: true,
    });
    expect(errors).toBeUndefined();
    const result = data!.importRoadmap;
    expect(result).toMatchObject({
      dryRun: true,
      roadmap: null,
      orderNumber: '1798а',
      orderDate: '2022-12-28',
      periodStart: '2022-01-01',
      periodEnd: '2025-12-31',
      activityCount: 83,
    });
    expect(result.sections).toHaveLength(10);
    expect(result.sections[9].activities.map((a: any) => a.number)).toContain('10.3.1');
    const roadmaps = await hub.gql(
      'query ($m: ID!) { roadmaps(filter: { municipalityId: { eq: $m } }) { totalCount } }',
      { m: kingiseppId },
    );
    expect(roadmaps.data!.roadmaps.totalCount).toBe(0);
  });

  it('imports a document into a municipality with sections, directions and activities', async () => {
    const text = fs.readFileSync(SOURCE, 'utf8');
    const { data, errors } = await hub.gql(IMPORT, {
      input: {
        municipalityId: kingiseppId,
        fileName: 'plan.txt',
        text,
        title: 'Импортированная карта',
      },
      dryRun: false,
    });
    expect(errors).toBeUndefined();
    const roadmap = data!.importRoadmap.roadmap;
    expect(roadmap.title).toBe('Импортированная карта');
    expect(roadmap.municipality.name).toBe('Кингисеппский муниципальный район');
    expect(roadmap.sections.map((s: any) => s.direction?.code)).toEqual([
      'NORM',
      '1.1',
      '1.1.OBJ',
      '1.2',
      '1.3',
      '1.4',
      '2.1',
      '2.2',
      '2.3',
      '2.4',
    ]);
    expect(roadmap.sections.reduce((n: number, s: any) => n + s.activities.length, 0)).toBe(83);
  });

  it('refuses a document given twice or not at all, and an unknown municipality', async () => {
    const both = await hub.gql(IMPORT, {
      input: { municipalityId: kingiseppId, fileName: 'x.txt', text: 'a', contentBase64: 'YQ==' },
      dryRun: true,
    });
    expect(both.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const missing = await hub.gql(IMPORT, {
      input: { municipalityId: '999999', fileName: 'x.txt', text: 'a' },
      dryRun: true,
    });
    expect(missing.errors![0].extensions!.code).toBe('NOT_FOUND');
  });
});

describe('importRoadmap rules', () => {
  let hub: TestServer;

  beforeAll(async () => {
    hub = await startTestServer('pglite');
  });

  afterAll(async () => {
    await hub?.stop();
  });

  async function municipalityId(name: string): Promise<string> {
    const { data } = await hub.gql('{ municipalities { nodes { id name } } }');
    return data!.municipalities.nodes.find((m: any) => m.name === name).id;
  }

  it('refuses to import the same roadmap twice unless told which one it replaces', async () => {
    const text = fs.readFileSync(SOURCE, 'utf8');
    const m = await municipalityId('город Черногорск');
    const again = await hub.gql(IMPORT, {
      input: { municipalityId: m, fileName: 'plan.txt', text },
      dryRun: true,
    });
    expect(again.errors![0].extensions).toMatchObject({
      code: 'CONFLICT',
      field: 'replaceRoadmapId',
    });
    const old = again.errors![0].extensions!.roadmapId;

    const replaced = await hub.gql(IMPORT, {
      input: { municipalityId: m, fileName: 'plan.txt', text, replaceRoadmapId: old },
      dryRun: false,
    });
    expect(replaced.errors).toBeUndefined();
    expect(replaced.data!.importRoadmap.roadmap.id).not.toBe(old);
    const { data } = await hub.gql(
      'query ($m: ID!) { roadmaps(filter: { municipalityId: { eq: $m } }) { totalCount } }',
      { m },
    );
    expect(data!.roadmaps.totalCount).toBe(1);
    const gone = await hub.gql('query ($id: ID!) { roadmap(id: $id) { id } }', { id: old });
    expect(gone.data!.roadmap).toBeNull();
  });

  it('runs the same checks on a dry run as on a real import', async () => {
    const m = await municipalityId('городской округ «город Кизляр»');
    // No year anywhere: the period cannot be determined, which only saving would notice.
    const text =
      '1. Система оценки качества подготовки обучающихся\n1.1 Мониторинг результатов ВПР Ежегодно ОО\n';
    const dry = await hub.gql(IMPORT, {
      input: { municipalityId: m, fileName: 'x.txt', text },
      dryRun: true,
    });
    expect(dry.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period' });
  });

  it('answers an unreadable .docx with BAD_USER_INPUT', async () => {
    const m = await municipalityId('городской округ «город Кизляр»');
    const contentBase64 = Buffer.from('PK\u0003\u0004 not really a zip').toString('base64');
    const { errors } = await hub.gql(IMPORT, {
      input: { municipalityId: m, fileName: 'plan.docx', contentBase64 },
      dryRun: true,
    });
    expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});

describe('npm run import (command)', () => {
  it('--dry-run --json prints the parsed roadmap without a database', async () => {
    const out: string[] = [];
    const code = await runImportCommand(
      [SOURCE, '--dry-run', '--json'],
      (text) => out.push(text),
      () => {
        throw new Error('must not open a database');
      },
    );
    expect(code).toBe(0);
    const parsed = JSON.parse(out.join('\n'));
    expect(parsed.sections).toHaveLength(10);
    expect(parsed.sections[0].activities[0]).toMatchObject({
      number: '1.1',
      deadlineText: 'Декабрь 2021',
      responsibleText: 'ГУО администрации г. Черногорска',
      schedule: { kind: 'once' },
    });
  });

  it('saves into the named municipality', async () => {
    const database = await openTestDatabase('pglite');
    const { DatabaseSeeder } = await import('../../seeds/database.seeder');
    const { migrate } = await import('../../server/db/database');
    await migrate(database.orm);
    await database.orm.em.fork().transactional((em) => new DatabaseSeeder().run(em));
    const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'msoko-')), 'plan.txt');
    fs.copyFileSync(SOURCE, copy);
    const out: string[] = [];
    let closed = false;
    const code = await runImportCommand(
      [copy, '--municipality', 'городской округ «город Кизляр»'],
      (text) => out.push(text),
      async () => ({
        ...database,
        close: async () => {
          closed = true;
        },
      }),
    );
    expect(code).toBe(0);
    expect(out.at(-1)).toMatch(/^Saved roadmap \d+ for городской округ «город Кизляр»$/);
    expect(closed).toBe(true);
    const em = database.orm.em.fork();
    const rows = await em
      .getConnection()
      .execute(
        "select count(*)::int as n from activity a join roadmap_section s on s.id = a.section_id join roadmap r on r.id = s.roadmap_id join municipality m on m.id = r.municipality_id where m.name = 'городской округ «город Кизляр»'",
      );
    expect(rows[0].n).toBe(83);
    await database.close();
  });
});
