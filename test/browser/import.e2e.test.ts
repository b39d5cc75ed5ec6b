// The «Импорт» page in headless Chromium against the real server and a seeded PGlite database.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../helpers/server';
import { eventually, hasChromium, signInThroughForm, startBrowserHub } from './browser-setup';

const SOURCE = path.join(__dirname, '../../seeds/roadmaps/chernogorsk.source.txt');
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
    const table = page.getByRole('table', { name: 'Мероприятия документа' });
    const row = table
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: '10.3.1', exact: true }) });
    await row.scrollIntoViewIfNeeded();
    expect(await row.isVisible()).toBe(true);
    expect(await table.locator('tbody tr:not(.import-section)').count()).toBe(83);
    expect(await page.getByTestId('import-section').first().innerText()).toMatch(
      /направление NORM/,
    );
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
    // The title takes part in the server's checks, so a new one needs a new preview too.
    await page.getByTestId('import-title').fill('Другое название');
    expect(await commitButton().isDisabled()).toBe(true);
    await previewButton().click();
    await page.getByTestId('import-result').waitFor();
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
});
