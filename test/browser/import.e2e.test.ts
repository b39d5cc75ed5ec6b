// The «Импорт» page in headless Chromium against the real server and a seeded PGlite database.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../helpers/server';
import {
  eventually,
  hasChromium,
  signInThroughForm,
  startBrowserHub,
  gridCells,
} from './browser-setup';

const SOURCE = path.join(__dirname, '../../seeds/roadmaps/chernogorsk.source.txt');
const FIXTURE = path.join(__dirname, '../fixtures/roadmaps/synthetic/tab-layout.txt');
// Seeded without a roadmap, so the import is the only one it gets.
const KINGISEPP = 'Кингисеппский муниципальный район';

describe.skipIf(!hasChromium)('roadmap import page in Chromium', () => {
  let hub: TestServer;
  let browser: Browser;
  let page: Page;
  let municipalities: Map<string, string>;

  beforeAll(async () => {
    ({ hub, browser, municipalities } = await startBrowserHub());
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
  });

  async function openPage(hash: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1500, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${hub.url}/${hash}`);
    await signInThroughForm(page, 'admin', hub.adminPassword);
    return page;
  }

  async function roadmapsOf(name: string): Promise<{ id: string; title: string }[]> {
    const { data } = await hub.gql(
      'query ($m: ID!) { roadmaps(filter: { municipalityId: { eq: $m } }) { nodes { id title } } }',
      { m: municipalities.get(name) },
    );
    return data!.roadmaps.nodes;
  }

  const grid = () => page.getByTestId('editable-grid');
  const { cell, editCell, pasteInto } = gridCells(() => page, grid);

  const municipalitySelect = () => page.getByTestId('import-municipality');
  const previewButton = () => page.getByTestId('import-preview');
  const commitButton = () => page.getByTestId('import-commit');

  it('previews the document, imports it and links to the new roadmap', async () => {
    expect(await roadmapsOf(KINGISEPP)).toEqual([]);
    await openPage('#/import');
    expect(await page.getByTestId('nav-import').innerText()).toBe('Импорт');
    await municipalitySelect().selectOption({ label: KINGISEPP });
    await page.getByTestId('import-file').setInputFiles(SOURCE);
    await page.getByTestId('import-title').fill('Импорт из браузера');
    expect(await commitButton().isDisabled()).toBe(true);
    await previewButton().click();

    await page.getByTestId('import-result').waitFor();
    expect(await page.getByTestId('import-activity-count').innerText()).toBe('83 мероприятия');
    // The parsed activities are in the shared grid, grouped by section with their direction.
    await cell('row:1', 'text').waitFor();
    expect(await grid().getByTestId('grid-group-row').first().innerText()).toMatch(
      /^1\. Нормативно-правовое обеспечение/,
    );
    expect(await cell('row:1', 'directionCode').innerText()).toMatch(/^NORM\b/);
    expect(await cell('row:1', 'number').innerText()).toBe('1.1');
    const warnings = page.getByTestId('import-warnings').getByRole('listitem');
    expect(await warnings.count()).toBe(1);
    expect(await warnings.first().innerText()).toMatch(/^строка 879: Раздел 10: строки без номера/);
    // Only a preview: nothing is written yet.
    expect(await roadmapsOf(KINGISEPP)).toEqual([]);

    expect(await commitButton().isEnabled()).toBe(true);
    await commitButton().click();
    const done = page.getByTestId('import-done');
    await done.waitFor();
    expect(await done.innerText()).toMatch(/Дорожная карта сохранена/);
    // A second click would import the same document twice.
    expect(await commitButton().isDisabled()).toBe(true);

    const roadmaps = await roadmapsOf(KINGISEPP);
    expect(roadmaps).toEqual([{ id: expect.any(String), title: 'Импорт из браузера' }]);
    const { data } = await hub.gql(
      'query ($r: ID!) { activities(filter: { roadmapId: { eq: $r } }, first: 500) { totalCount } }',
      { r: roadmaps[0].id },
    );
    expect(data!.activities.totalCount).toBe(83);
    const link = page.getByTestId('import-open-roadmap');
    expect(await link.getAttribute('href')).toBe(
      `#/roadmaps?municipality=${municipalities.get(KINGISEPP)}&roadmap=${roadmaps[0].id}`,
    );
    await link.click();
    await page.getByTestId('roadmaps-page').waitFor();
    // The roadmap list loads after the page: the select settles on the imported roadmap.
    await eventually(async () =>
      expect(await page.getByTestId('roadmap-select').inputValue()).toBe(roadmaps[0].id),
    );

    // The same document again is refused already on preview, pointing to the stored roadmap.
    await openPage('#/import');
    await municipalitySelect().selectOption({ label: KINGISEPP });
    await page.getByTestId('import-file').setInputFiles(SOURCE);
    await page.getByTestId('import-title').fill('Импорт из браузера');
    await previewButton().click();
    const error = page.getByTestId('import-error');
    await error.waitFor();
    expect(await error.innerText()).toMatch(/^Эта дорожная карта уже загружена в муниципалитет\./);
    expect(await error.getByRole('link').getAttribute('href')).toBe(
      `#/roadmaps?municipality=${municipalities.get(KINGISEPP)}&roadmap=${roadmaps[0].id}`,
    );
    expect(await commitButton().isDisabled()).toBe(true);
    expect(await roadmapsOf(KINGISEPP)).toHaveLength(1);
  });

  it('allows a preview only with a municipality and a file, and a commit only for what was checked', async () => {
    await openPage('#/import');
    await page.getByTestId('import-file').setInputFiles(SOURCE);
    expect(await municipalitySelect().inputValue()).toBe('');
    expect(await previewButton().isDisabled()).toBe(true);
    expect(await commitButton().isDisabled()).toBe(true);

    await municipalitySelect().selectOption({ label: 'городской округ «город Кизляр»' });
    expect(await previewButton().isEnabled()).toBe(true);
    await previewButton().click();
    await page.getByTestId('import-result').waitFor();
    expect(await commitButton().isEnabled()).toBe(true);
    // The title goes with the save (the server checks it for a duplicate then): a new one keeps
    // the preview and the fixes made in its grid.
    await page.getByTestId('import-title').fill('Другое название');
    expect(await page.getByTestId('import-doc-title').innerText()).toBe('Другое название');
    expect(await commitButton().isEnabled()).toBe(true);
    // Another municipality needs its own preview before anything is saved.
    await municipalitySelect().selectOption({ label: 'Сергокалинский район' });
    expect(await commitButton().isDisabled()).toBe(true);
    expect(await page.getByTestId('import-result').count()).toBe(0);
  });

  it('shows why the server refused a document and saves nothing', async () => {
    await openPage('#/import');
    await municipalitySelect().selectOption({ label: 'городской округ «город Кизляр»' });
    await page.getByTestId('import-file').setInputFiles({
      name: 'note.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Просто заметка без плана', 'utf8'),
    });
    await previewButton().click();
    // The dry run makes every check saving would, the missing period included.
    const error = page.getByTestId('import-error');
    await error.waitFor();
    expect(await page.getByTestId('import-result').count()).toBe(0);
    expect(await commitButton().isDisabled()).toBe(true);
    expect(await error.innerText()).toBe(
      'Документ не принят: Не удалось определить период дорожной карты: укажите его явно',
    );
    expect(await page.getByTestId('import-done').count()).toBe(0);
    expect(await roadmapsOf('городской округ «город Кизляр»')).toEqual([]);
  });

  it('shows the parsed rows in the grid, takes fixes and deletions, and stores exactly those', async () => {
    const KIZLYAR = 'городской округ «город Кизляр»';
    expect(await roadmapsOf(KIZLYAR)).toEqual([]);
    await openPage('#/import');
    await municipalitySelect().selectOption({ label: KIZLYAR });
    await page.getByTestId('import-file').setInputFiles(FIXTURE);
    await previewButton().click();
    await page.getByTestId('import-result').waitFor();
    expect(await page.getByTestId('import-activity-count').innerText()).toBe('4 мероприятия');
    await cell('row:4', 'text').waitFor();
    const groups = grid().getByTestId('grid-group-row');
    expect(await groups.count()).toBe(2);
    expect(await groups.nth(1).innerText()).toMatch(/^2\. Система организации воспитания/);
    expect(await cell('row:3', 'number').innerText()).toBe('1.3');
    // The reader's warning about this row is on the row itself.
    expect(await cell('row:3', 'notes').innerText()).toMatch(/1\.3/);
    expect(await cell('row:4', 'directionCode').innerText()).toMatch(/^2\.3\b/);

    // Fixes: a retyped text, a renumbered row (first to a taken number), another direction.
    await editCell('row:2', 'text', 'Формирование заданий олимпиады');
    await editCell('row:3', 'number', '1.1');
    await pasteInto('row:4', 'directionCode', '1.4');
    await eventually(async () =>
      expect(await cell('row:4', 'directionCode').innerText()).toMatch(/^1\.4\b/),
    );
    // The row is picked by its tick box or, where the grid selects ranges instead, by a cell.
    await cell('row:1', 'number').click();
    const tick = grid().locator('[row-id="row:1"] input[type="checkbox"]');
    if ((await tick.count()) > 0) {
      await tick.check();
    }
    await page.getByTestId('grid-delete-rows').click();
    await eventually(async () =>
      expect(await grid().locator('[row-id="row:1"]').getAttribute('class')).toMatch(
        /eg-row-deleted/,
      ),
    );
    await page.getByTestId('grid-save').click();
    // The server refuses the taken number, naming the row and the field; nothing is written.
    const errors = page.getByTestId('grid-errors');
    await errors.waitFor();
    expect(await errors.innerText()).toContain('Номер 1.1 уже есть в разделе 1');
    expect(await cell('row:3', 'number').getAttribute('class')).toMatch(/eg-cell-error/);
    expect(await roadmapsOf(KIZLYAR)).toEqual([]);

    await editCell('row:3', 'number', '1.2');
    await page.getByTestId('grid-save').click();
    await page.getByTestId('import-done').waitFor();
    expect(await commitButton().isDisabled()).toBe(true);

    const roadmaps = await roadmapsOf(KIZLYAR);
    expect(roadmaps).toHaveLength(1);
    const { data } = await hub.gql(
      'query ($id: ID!) { roadmap(id: $id) { sections { number direction { code } activities { number text deadlineText responsibleText } } } }',
      { id: roadmaps[0].id },
    );
    expect(data!.roadmap.sections).toEqual([
      {
        number: '1',
        direction: { code: '1.3' },
        activities: [
          {
            number: '1.1',
            text: 'Формирование заданий олимпиады',
            deadlineText: 'август',
            responsibleText: 'КО',
          },
          {
            number: '1.2',
            text: 'Анализ результатов олимпиады',
            deadlineText: 'по итогам олимпиады',
            responsibleText: 'КО',
          },
        ],
      },
      {
        number: '2',
        direction: { code: '1.4' },
        activities: [
          {
            number: '1',
            text: 'Мониторинг реализации программ воспитания',
            deadlineText: '1 раз в полугодие',
            responsibleText: 'КО',
          },
        ],
      },
    ]);
    // The grid now shows what was stored, read-only.
    await cell('row:3', 'text').waitFor();
    expect(await page.getByTestId('grid-add-row').count()).toBe(0);
  });
});
