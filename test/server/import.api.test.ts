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

// The preview grid's path: the document gives the title, order and period; the corrected rows
// replace its activities, all checked first and written in one transaction or not at all.
const TAB_LAYOUT = path.join(__dirname, '../fixtures/roadmaps/synthetic/tab-layout.txt');

const IMPORT_ROWS = `mutation ($input: ImportRoadmapInput!, $dryRun: Boolean!) {
  importRoadmap(input: $input, dryRun: $dryRun) {
    ok dryRun roadmap { id title }
    activityCount
    sections { number title directionCode activities { number text deadlineText responsibleText cycleComponent } }
    errors { index field code message }
  }
}`;

const STORED = `query ($m: ID!) {
  roadmaps(filter: { municipalityId: { eq: $m } }) {
    nodes {
      id title periodStart periodEnd orderNumber
      sections {
        number title direction { code }
        activities {
          number text deadlineText responsibleText schedule { kind }
          cycleComponent { code } executors { name }
        }
      }
    }
  }
}`;

interface Row {
  sectionNumber: string;
  sectionTitle: string;
  directionCode: string | null;
  number: string;
  text: string;
  deadlineText: string;
  responsibleText: string;
  cycleComponentCode?: number | null;
}

describe.each(DATABASE_TARGETS)('importRoadmap with corrected activities on %s', (target) => {
  let hub: TestServer;
  let municipalities: Map<string, string>;
  const text = fs.readFileSync(TAB_LAYOUT, 'utf8');

  beforeAll(async () => {
    hub = await startTestServer(target);
    const { data } = await hub.gql('{ municipalities(first: 100) { nodes { id name } } }');
    municipalities = new Map(data!.municipalities.nodes.map((m: any) => [m.name, m.id]));
  });

  afterAll(async () => {
    await hub?.stop();
  });

  // The rows the preview shows, as the grid would send them back unchanged.
  async function parsedRows(municipalityId: string): Promise<Row[]> {
    const { data, errors } = await hub.gql(IMPORT_ROWS, {
      input: { municipalityId, fileName: 'plan.txt', text },
      dryRun: true,
    });
    expect(errors).toBeUndefined();
    return data!.importRoadmap.sections.flatMap((section: any) =>
      section.activities.map((activity: any) => ({
        sectionNumber: section.number,
        sectionTitle: section.title,
        directionCode: section.directionCode,
        number: activity.number,
        text: activity.text,
        deadlineText: activity.deadlineText,
        responsibleText: activity.responsibleText,
        cycleComponentCode: activity.cycleComponent,
      })),
    );
  }

  async function stored(municipalityId: string) {
    const { data } = await hub.gql(STORED, { m: municipalityId });
    return data!.roadmaps.nodes;
  }

  function save(municipalityId: string, activities: Row[], options: Record<string, unknown> = {}) {
    return hub.gql(IMPORT_ROWS, {
      input: { municipalityId, fileName: 'plan.txt', text, activities, ...options },
      dryRun: false,
    });
  }

  it('stores exactly the corrected rows, in their order, with the document’s title and period', async () => {
    const m = municipalities.get('Кингисеппский муниципальный район')!;
    const rows = await parsedRows(m);
    expect(rows.map((r) => `${r.sectionNumber}/${r.number}`)).toEqual([
      '1/1',
      '1/1.1',
      '1/1.3',
      '2/1',
    ]);
    const edited: Row[] = [
      { ...rows[0], text: 'Школьный этап олимпиады' },
      // 1.1 deleted; 1.3 renumbered and moved to the other direction with its section.
      ...[rows[2]].map((r) => ({ ...r, number: '1.2', cycleComponentCode: null })),
      { ...rows[3], directionCode: '1.4', sectionTitle: 'Профориентация' },
      // A new row: the cycle component is found in its text when not given.
      {
        sectionNumber: '2',
        sectionTitle: 'Профориентация',
        directionCode: '1.4',
        number: '2',
        text: 'Анализ результатов мониторинга профориентации',
        deadlineText: 'ежеквартально',
        responsibleText: 'КО; ОО',
      },
    ];
    const { data, errors } = await save(m, edited);
    expect(errors).toBeUndefined();
    expect(data!.importRoadmap).toMatchObject({
      ok: true,
      dryRun: false,
      errors: [],
      activityCount: 4,
    });
    const [roadmap] = await stored(m);
    expect(roadmap).toMatchObject({
      id: data!.importRoadmap.roadmap.id,
      title: expect.stringMatching(/^Дорожная карта по развитию системы выявления/),
      periodStart: '2024-01-01',
      periodEnd: '2026-12-31',
      orderNumber: '112-о',
    });
    expect(roadmap.sections).toEqual([
      {
        number: '1',
        title: rows[0].sectionTitle,
        direction: { code: '1.3' },
        activities: [
          {
            number: '1',
            text: 'Школьный этап олимпиады',
            deadlineText: 'сентябрь-октябрь ежегодно',
            responsibleText: 'КО, Руководители ОО',
            schedule: { kind: 'annual' },
            cycleComponent:
              rows[0].cycleComponentCode == null ? null : { code: rows[0].cycleComponentCode },
            executors: [{ name: 'КО' }, { name: 'Руководители ОО' }],
          },
          {
            number: '1.2',
            text: 'Анализ результатов олимпиады',
            deadlineText: 'по итогам олимпиады',
            responsibleText: 'КО',
            schedule: { kind: 'by_event' },
            cycleComponent: null,
            executors: [{ name: 'КО' }],
          },
        ],
      },
      {
        number: '2',
        title: 'Профориентация',
        direction: { code: '1.4' },
        activities: [
          {
            number: '1',
            text: 'Мониторинг реализации программ воспитания',
            deadlineText: '1 раз в полугодие',
            responsibleText: 'КО',
            schedule: { kind: 'semiannual' },
            cycleComponent: { code: 4 },
            executors: [{ name: 'КО' }],
          },
          {
            number: '2',
            text: 'Анализ результатов мониторинга профориентации',
            deadlineText: 'ежеквартально',
            responsibleText: 'КО; ОО',
            schedule: { kind: 'quarterly' },
            cycleComponent: { code: 5 },
            executors: [{ name: 'КО' }, { name: 'ОО' }],
          },
        ],
      },
    ]);
  });

  it('refuses bad rows by index and field and writes nothing, not even the replacement', async () => {
    const m = municipalities.get('Кингисеппский муниципальный район')!;
    const [before] = await stored(m);
    const rows = await parsedRows(m).catch(() => null);
    // The document is stored already: its preview is refused as a duplicate.
    expect(rows).toBeNull();
    const good: Row = {
      sectionNumber: '1',
      sectionTitle: 'Раздел',
      directionCode: '1.3',
      number: '1',
      text: 'Мероприятие',
      deadlineText: 'ежегодно',
      responsibleText: 'КО',
    };
    const { data, errors } = await save(
      m,
      [
        good,
        { ...good, number: '1.' },
        { ...good, number: '2', text: '  ' },
        { ...good, number: '3', directionCode: '9.9' },
        { ...good, number: '4', directionCode: '2.3' },
        { ...good, number: 'x' },
        { ...good, sectionNumber: '', number: '5' },
        { ...good, number: '6', cycleComponentCode: 12 },
      ],
      { replaceRoadmapId: before.id },
    );
    expect(errors).toBeUndefined();
    expect(data!.importRoadmap).toMatchObject({ ok: false, dryRun: false, roadmap: null });
    expect(data!.importRoadmap.errors.map((e: any) => [e.index, e.field, e.code])).toEqual([
      [1, 'number', 'DUPLICATE'],
      [2, 'text', 'REQUIRED'],
      [3, 'directionCode', 'NOT_FOUND'],
      [4, 'directionCode', 'BAD_USER_INPUT'],
      [5, 'number', 'INVALID_FORMAT'],
      [6, 'sectionNumber', 'REQUIRED'],
      [7, 'cycleComponentCode', 'BAD_USER_INPUT'],
    ]);
    expect(data!.importRoadmap.errors[1].message).toBe('Текст мероприятия не может быть пустым');
    expect(data!.importRoadmap.errors[0].message).toBe('Номер 1 уже есть в разделе 1 (строка 1)');
    // The roadmap it would have replaced is still there, unchanged.
    expect(await stored(m)).toEqual([before]);
  });

  it('refuses a second save of the same roadmap (title and period) as a duplicate', async () => {
    const m = municipalities.get('Кингисеппский муниципальный район')!;
    const [before] = await stored(m);
    const row: Row = {
      sectionNumber: '1',
      sectionTitle: 'Раздел',
      directionCode: null,
      number: '1',
      text: 'Мероприятие',
      deadlineText: '',
      responsibleText: '',
    };
    const again = await save(m, [row]);
    expect(again.errors![0].extensions).toMatchObject({
      code: 'CONFLICT',
      field: 'replaceRoadmapId',
      roadmapId: before.id,
    });
    // Another title is another roadmap; a dry run checks everything and writes nothing.
    const dry = await hub.gql(IMPORT_ROWS, {
      input: { municipalityId: m, fileName: 'plan.txt', text, activities: [row], title: 'Другая' },
      dryRun: true,
    });
    expect(dry.data!.importRoadmap).toMatchObject({ ok: true, dryRun: true, roadmap: null });
    expect(await stored(m)).toEqual([before]);
  });

  it('lets only writers of the municipality save, as the document import does', async () => {
    const m = municipalities.get('городской округ «город Кизляр»')!;
    const other = municipalities.get('Сергокалинский район')!;
    const rows = await parsedRows(m);
    const { data: geo } = await hub.gql(
      'query ($m: ID!) { municipality(id: $m) { region { id } } }',
      { m },
    );
    const own = await hub.tokenFor({
      login: `kizlyar-${target}`,
      role: 'MUNICIPAL_METHODOLOGIST',
      municipalityId: m,
    });
    const neighbour = await hub.tokenFor({
      login: `sergokala-${target}`,
      role: 'MUNICIPAL_METHODOLOGIST',
      municipalityId: other,
    });
    const analyst = await hub.tokenFor({
      login: `analyst-${target}`,
      role: 'REGIONAL_ANALYST',
      regionId: geo!.municipality.region.id,
    });
    const input = { municipalityId: m, fileName: 'plan.txt', text, activities: rows };
    for (const token of [neighbour, analyst, null]) {
      const refused = await hub.gql(IMPORT_ROWS, { input, dryRun: false }, { token });
      expect(refused.errors![0].extensions!.code).toBe(token ? 'FORBIDDEN' : 'UNAUTHENTICATED');
    }
    expect(await stored(m)).toEqual([]);
    const saved = await hub.gql(IMPORT_ROWS, { input, dryRun: false }, { token: own });
    expect(saved.errors).toBeUndefined();
    expect(saved.data!.importRoadmap.ok).toBe(true);
    expect((await stored(m))[0].sections.flatMap((s: any) => s.activities)).toHaveLength(4);
  });
});
