// The importer against hand-checked expectations for the three seeded roadmaps, the seeds against
// the importer (no drift), and small synthetic documents of both text layouts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importRoadmapDocument } from '../../server/importers';
import {
  buildSeedJson,
  ROADMAP_SEEDS,
  type RoadmapSeedSlug,
} from '../../server/importers/roadmap-seeds';
import { importRoadmapText } from '../../server/importers/roadmap-text.importer';
import type { ImportedRoadmap } from '../../server/importers/roadmap.types';

const ROOT = join(__dirname, '..', '..');
const SLUGS = Object.keys(ROADMAP_SEEDS) as RoadmapSeedSlug[];
const read = (...parts: string[]): string => readFileSync(join(ROOT, ...parts), 'utf8');
const importSeed = (slug: RoadmapSeedSlug): ImportedRoadmap =>
  importRoadmapText(read('seeds', 'roadmaps', `${slug}.source.txt`));

const comparable = (r: ImportedRoadmap): unknown => ({
  sections: r.sections.map((s) => ({
    number: s.number,
    title: s.title,
    directionCode: s.directionCode,
    activities: s.activities.map(({ number, text, deadlineText, responsibleText }) => ({
      number,
      text,
      deadlineText,
      responsibleText,
    })),
  })),
  warnings: r.warnings.map(({ code, line }) => ({ code, line })),
});

describe.each(SLUGS)('seeded roadmap %s', (slug) => {
  const roadmap = importSeed(slug);

  it('matches the hand-checked expected file', () => {
    const expected: unknown = JSON.parse(
      read('test', 'fixtures', 'roadmaps', `${slug}.expected.json`),
    );
    expect(comparable(roadmap)).toEqual(expected);
  });

  it('seeds/roadmaps JSON equals the current importer output', () => {
    expect(read('seeds', 'roadmaps', `${slug}.json`)).toBe(buildSeedJson(slug, ROOT));
  });

  it('has no unreadable deadlines, numbers are unique per section', () => {
    const activities = roadmap.sections.flatMap((s) => s.activities);
    expect(activities.filter((a) => a.schedule.kind === 'unknown')).toEqual([]);
    roadmap.sections.forEach((s) =>
      expect(new Set(s.activities.map((a) => a.number)).size).toBe(s.activities.length),
    );
    expect(activities.every((a) => a.executors.length > 0)).toBe(true);
  });
});

describe('metadata of the seeded roadmaps', () => {
  it('Малышевский ГО: title, period from deadlines, abbreviations expand executors', () => {
    const r = importSeed('malyshevsky');
    expect(r.title).toMatch(/^Дорожная карта по развитию муниципальной системы оценки качества/);
    expect([r.orderNumber, r.orderDate]).toEqual([null, null]);
    expect(r.period).toEqual({ startYear: 2020, startMonth: 12, endYear: 2022 });
    expect(r.abbreviations.map((a) => a.short)).toEqual(['ОО АМГО', 'ОУ']);
    expect(r.sections[1].activities[2].executors).toEqual([
      {
        name: 'ОО АМГО',
        fullName: 'отдел образования администрации Малышевского городского округа',
      },
      { name: 'Руководители ОУ', fullName: 'Руководители образовательных учреждений' },
    ]);
  });

  it('г. Черногорск: order and stated period', () => {
    const r = importSeed('chernogorsk');
    expect(r.title).toMatch(/^План мероприятий \(дорожная карта\).*на 2022-2025 гг\.$/);
    expect([r.orderNumber, r.orderDate]).toEqual(['1798а', '2022-12-28']);
    expect(r.period).toEqual({ startYear: 2022, endYear: 2025 });
  });

  it('Сергокалинский район: roadmap of Приложение №2, order 6/3', () => {
    const r = importSeed('sergokalinsky');
    expect(r.title).toBe(
      'Дорожная карта по созданию и функционированию муниципальной системы научно-методического ' +
        'сопровождения педагогических работников и управленческих кадров',
    );
    expect([r.orderNumber, r.orderDate]).toEqual(['6/3', '2025-01-20']);
    expect(r.period).toEqual({ startYear: 2025, endYear: 2025 });
    const first = r.sections[0].activities[0];
    expect(first.executors).toEqual([{ name: 'Исаева Х.Н., начальник МКУ «УО»', fullName: null }]);
  });
});

describe('synthetic TAB layout (Word export)', () => {
  const r = importRoadmapText(read('test', 'fixtures', 'roadmaps', 'synthetic', 'tab-layout.txt'));

  it('reads prose, sections, wrapped cells and sub-numbers', () => {
    expect(r.title).toBe(
      'Дорожная карта по развитию системы выявления и поддержки талантов Кингисеппского муниципального района на 2024-2026 годы',
    );
    expect([r.orderNumber, r.orderDate, r.period]).toEqual([
      '112-о',
      '2024-03-15',
      { startYear: 2024, endYear: 2026 },
    ]);
    expect(
      r.sections.map((s) => [s.number, s.directionCode, s.activities.map((a) => a.number)]),
    ).toEqual([
      ['1', '1.3', ['1', '1.1', '1.3']],
      ['2', '2.3', ['1']],
    ]);
    const [a1, a11] = r.sections[0].activities;
    expect(a1.responsibleText).toBe('КО, Руководители ОО');
    expect(a1.executors[1]).toEqual({
      name: 'Руководители ОО',
      fullName: 'Руководители общеобразовательных организаций',
    });
    expect(a1.schedule).toMatchObject({ kind: 'annual', months: [9, 10] });
    expect(a11.text).toBe('Формирование заданий:\n- для 5-6 классов;\n- для 7-11 классов');
  });

  it('warns about the gap and the garbage row only', () => {
    expect(r.warnings.map((w) => [w.code, w.line])).toEqual([
      ['NUMBERING_GAP', 24],
      ['UNPLACED_LINE', 29],
    ]);
    expect(r.warnings[0].message).toContain('1.3');
  });
});

describe('synthetic PDF layout (columns run together)', () => {
  const r = importRoadmapText(read('test', 'fixtures', 'roadmaps', 'synthetic', 'pdf-layout.txt'));

  it('skips the order prose and reads the table after the header', () => {
    expect(r.title).toMatch(
      /^План мероприятий \(«дорожная карта»\).*«город Кизляр» на 2023-2024 гг\.$/,
    );
    expect([r.orderNumber, r.orderDate]).toEqual(['45', '2023-02-10']);
    expect(
      r.sections.map((s) => [s.number, s.directionCode, s.activities.map((a) => a.number)]),
    ).toEqual([
      ['9', '2.3', ['9.1', '9.2']],
      ['10', '2.4', ['10.1', '10.2', '10.3', '10.3.1', '10.5']],
    ]);
  });

  it('splits run-together columns and wrapped cells', () => {
    const [a91, a92] = r.sections[0].activities;
    expect([a91.text, a91.deadlineText, a91.responsibleText]).toEqual([
      'Мониторинг вовлеченности обучающихся в деятельность детских общественных объединений',
      'Сентябрь 2023',
      'Управление образования',
    ]);
    expect([a92.deadlineText, a92.responsibleText]).toEqual([
      'В течение учебного года',
      'Руководители ОО',
    ]);
    const a102 = r.sections[1].activities[1];
    expect(a102.text).toBe(
      'Проведение мониторинга качества дошкольного образования по направлениям:\n1. качество образовательных условий;\n2. качество образовательных программ',
    );
    expect(a102.responsibleText).toBe(
      'Управление образования администрации ГО «город Кизляр», ДОО',
    );
    expect(r.sections[1].activities[2].deadlineText).toBe('По итогам мониторинга');
  });

  it('warns about garbage, the excerpt start, the gap and the assumed merged cell', () => {
    expect(r.warnings.map((w) => [w.code, w.line])).toEqual([
      ['UNPLACED_LINE', 15],
      ['NUMBERING_GAP', 17],
      ['NUMBERING_GAP', 45],
      ['MERGED_CELL_ASSUMED', 45],
    ]);
  });
});

describe('odd input', () => {
  it.each(['', 'просто текст без таблицы', '\t\t\n\n\t'])(
    '«%s» → NO_TABLE_FOUND, not an exception',
    (text) => {
      const r = importRoadmapText(text);
      expect(r.warnings.some((w) => w.code === 'NO_TABLE_FOUND')).toBe(true);
    },
  );

  it('bare numbers become empty activities with warnings', () => {
    const r = importRoadmapText('1.\n2.\n3.');
    expect(r.warnings.map((w) => w.code)).toEqual([
      'MISSING_SECTION',
      'MISSING_DEADLINE',
      'MISSING_RESPONSIBLE',
    ]);
  });

  it('importRoadmapDocument reads text buffers by extension', async () => {
    const content = Buffer.from(
      read('test', 'fixtures', 'roadmaps', 'synthetic', 'tab-layout.txt'),
    );
    const r = await importRoadmapDocument({ fileName: 'kingisepp.txt', content });
    expect(r.sections).toHaveLength(2);
  });
});
