// Indicator pages in headless Chromium against the real server with the synthetic demo data:
// the comparison (ranked table, chart, CSV/XLSX export, the GraphQL query), the values grid
// (paste, save, delete by clearing) and the МУМ matrix.
import fs from 'node:fs';

import ExcelJS from 'exceljs';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../helpers/server';
import { eventually, hasChromium, signInThroughForm, startBrowserHub } from './browser-setup';

const INDICATOR = '1.1.VPR_BASIC';
const PERIOD = '2023/2024';
const COMPARE = `query ($input: CompareIndicatorsInput!) {
  compareIndicators(input: $input) {
    rows { unitId unitName demo rank value numerator denominator }
    summaries { parentValue }
  }
}`;

const ru1 = (value: number) =>
  new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 1 }).format(value);

describe.skipIf(!hasChromium)('indicator pages in Chromium', () => {
  let hub: TestServer;
  let browser: Browser;
  let page: Page;
  let municipalities: Map<string, string>;
  let regionId: string;

  beforeAll(async () => {
    ({ hub, browser, municipalities } = await startBrowserHub({ seedDemo: true }));
    const { data } = await hub.gql('{ regions { id code } }');
    regionId = data!.regions.find((r: any) => r.code === '19').id;
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
  });

  async function openPage(hash: string): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: 1500, height: 1000 },
      acceptDownloads: true,
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${hub.url}/${hash}`);
    await signInThroughForm(page, 'admin', hub.adminPassword);
    return page;
  }

  async function downloaded(click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
    const [download] = (await Promise.all([page.waitForEvent('download'), click()])) as [
      Download,
      void,
    ];
    const file = await download.path();
    return { name: download.suggestedFilename(), bytes: fs.readFileSync(file) };
  }

  it('compares the municipalities of a region: ranked table, bar chart, export, the GraphQL query', async () => {
    await openPage('#/comparison');
    expect(await page.getByTestId('nav-comparison').innerText()).toBe('Сравнение муниципалитетов');
    await page.getByTestId('region-select').selectOption(regionId);
    await page.getByTestId(`pick-${INDICATOR}`).check();
    await page.getByTestId('period-select-ACADEMIC_YEAR').selectOption(PERIOD);

    const expected = (
      await hub.gql(COMPARE, {
        input: { indicatorCodes: [INDICATOR], periods: [PERIOD], regionId },
      })
    ).data!.compareIndicators;
    expect(expected.rows.length).toBeGreaterThan(3);
    const table = page.getByTestId('ranked-table');
    await eventually(async () =>
      expect(await table.getByTestId('ranked-row').count()).toBe(expected.rows.length),
    );
    const shown = await table
      .getByTestId('ranked-row')
      .evaluateAll((rows) =>
        rows.map((row) => [
          row.querySelector('[data-testid="rank"]')!.textContent,
          row.querySelector('[data-testid="unit-name"]')!.textContent,
          row.querySelector('[data-testid="value"]')!.textContent,
        ]),
      );
    expect(shown).toEqual(
      expected.rows.map((r: any) => [
        String(r.rank ?? '—'),
        r.demo ? `${r.unitName}демо` : r.unitName,
        r.value === null ? 'нет данных' : ru1(r.value),
      ]),
    );
    expect(await table.getByTestId('parent-value').innerText()).toBe(
      ru1(expected.summaries[0].parentValue),
    );

    // The chart: an SVG with one bar per unit that has a value, and the region's line.
    const chart = page.locator('[data-testid="bar-chart"][data-ready="true"] svg');
    await chart.waitFor();
    const withValue = expected.rows.filter((r: any) => r.value !== null);
    await eventually(async () => {
      const labels = await chart.locator('text').allTextContents();
      for (const row of withValue) {
        expect(labels.some((label) => label.startsWith(row.unitName.slice(0, 8)))).toBe(true);
      }
      const bars = await chart.evaluate(
        (svg) =>
          [...svg.querySelectorAll('path')].filter((p) =>
            ['#3b6ea5', '#9db7d5', 'rgb(59,110,165)', 'rgb(157,183,213)'].includes(
              (p.getAttribute('fill') ?? '').replace(/\s/g, ''),
            ),
          ).length,
      );
      expect(bars).toBe(withValue.length);
    });
    await page.getByTestId('heatmap').locator('svg').waitFor();

    // CSV for Russian Excel: BOM, semicolons, the ranks and values of the table.
    const csv = await downloaded(() => page.getByTestId('export-csv').click());
    expect(csv.name).toBe(`Сравнение Республика Хакасия 2023-2024.csv`);
    const text = csv.bytes.toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('Сравнение: Республика Хакасия, период 2023/2024');
    const header = lines[1].split(';');
    expect(header.slice(0, 8)).toEqual([
      'Код показателя',
      'Показатель',
      'Единица',
      'Период',
      'Место',
      'Муниципалитет',
      'Демо',
      'Значение',
    ]);
    const data = lines.slice(2).map((line) => line.split(';'));
    expect(data.map((cells) => [cells[0], cells[4], cells[5], cells[7]])).toEqual(
      expected.rows.map((r: any) => [
        INDICATOR,
        r.rank === null ? '' : String(r.rank),
        r.unitName,
        r.value === null ? '' : r.value.toFixed(2).replace('.', ','),
      ]),
    );

    // XLSX: the same table with number cells.
    const xlsx = await downloaded(() => page.getByTestId('export-xlsx').click());
    expect(xlsx.name).toBe(`Сравнение Республика Хакасия 2023-2024.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getCell('E2').value).toBe('Место');
    expect(sheet.getCell('E3').value).toBe(expected.rows[0].rank);
    expect(sheet.getCell('H3').type).toBe(ExcelJS.ValueType.Number);
    expect(sheet.getCell('H3').value).toBeCloseTo(expected.rows[0].value, 9);

    // «Показать GraphQL-запрос»: the document and the variables the page sent.
    await page.getByTestId('graphql-toggle').click();
    expect(await page.getByTestId('graphql-query').innerText()).toMatch(
      /query CompareIndicators\(\$input: CompareIndicatorsInput!\)[\s\S]*compareIndicators\(input: \$input\)/,
    );
    expect(JSON.parse(await page.getByTestId('graphql-variables').innerText())).toEqual({
      input: { indicatorCodes: [INDICATOR], periods: [PERIOD], regionId },
    });
    await page.getByTestId('graphql-copy').click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(
      /compareIndicators[\s\S]*"regionId": "\d+"/,
    );
  });

  it('edits a share in the values grid by pasting numerator and denominator, and saves it', async () => {
    const municipalityId = municipalities.get('город Черногорск')!;
    const { data } = await hub.gql(
      'query ($m: ID!) { organizations(filter: { municipalityId: { eq: $m } }, first: 500) { nodes { id code name shortName } } }',
      { m: municipalityId },
    );
    const organization = [...data!.organizations.nodes].sort((a: any, b: any) =>
      (a.shortName ?? a.name).localeCompare(b.shortName ?? b.name, 'ru'),
    )[0];
    const code = '1.1.NO_CERT_11';
    const field = (part: string) => `${code.replace(/\./g, '~')}:${part}`;
    const VALUE = `query ($o: ID!) {
      indicatorValues(filter: { organizationId: { eq: $o }, period: { eq: "${PERIOD}" }, indicatorCode: { eq: "${code}" } }) {
        nodes { id version value numerator denominator }
      }
    }`;
    const [before] = (await hub.gql(VALUE, { o: organization.id })).data!.indicatorValues.nodes;

    await openPage(
      `#/indicators?municipality=${municipalityId}&period=${encodeURIComponent(PERIOD)}&direction=1.1`,
    );
    const grid = page.getByTestId('editable-grid');
    const cell = (part: string) =>
      grid.locator(`[row-id="o:${organization.id}"] [col-id="${field(part)}"]`);
    await cell('numerator').waitFor();
    expect(await page.getByTestId('nav-indicators').innerText()).toBe('Показатели');
    await cell('numerator').click();
    await page.evaluate((tsv) => {
      const data = new DataTransfer();
      data.setData('text/plain', tsv);
      document.activeElement!.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    }, '2\t80');
    // The share follows the two figures at once: 100 · 2 / 80 = 2,5 %.
    await eventually(async () => expect(await cell('value').innerText()).toBe('2,5'));
    expect(await cell('numerator').getAttribute('class')).toMatch(/eg-cell-dirty/);
    await page.getByTestId('grid-save').click();
    await page.getByTestId('grid-saved').waitFor();

    const [after] = (await hub.gql(VALUE, { o: organization.id })).data!.indicatorValues.nodes;
    expect(after).toMatchObject({ numerator: 2, denominator: 80, value: 2.5 });
    if (before) {
      expect(after.id).toBe(before.id);
      expect(after.version).toBe(before.version + 1);
    }

    // A second edit of the same value sends the new version: no conflict.
    await cell('denominator').dblclick();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('100');
    await page.keyboard.press('Enter');
    await eventually(async () => expect(await cell('value').innerText()).toBe('2'));
    await page.getByTestId('grid-save').click();
    await page.getByTestId('grid-saved').waitFor();
    const [again] = (await hub.gql(VALUE, { o: organization.id })).data!.indicatorValues.nodes;
    expect(again).toMatchObject({ denominator: 100, value: 2, version: after.version + 1 });
  });

  it('deletes a stored value whose cell is cleared, and undo before Save brings it back', async () => {
    const municipalityId = municipalities.get('город Черногорск')!;
    const code = '1.1.EGE_MEAN_RUS';
    const field = `${code.replace(/\./g, '~')}:value`;
    const VALUES = `query ($m: ID!) {
      organizations(filter: { municipalityId: { eq: $m } }, first: 500) { nodes { id name shortName } }
      indicatorValues(filter: { municipalityId: { eq: $m }, period: { eq: "${PERIOD}" }, indicatorCode: { eq: "${code}" } }, first: 500) {
        nodes { value organization { id } }
      }
    }`;
    const { data } = await hub.gql(VALUES, { m: municipalityId });
    // The first row (by name) with a stored value: rendered without scrolling down.
    const stored = new Map<string, number>(
      data!.indicatorValues.nodes.map((n: any) => [n.organization.id, n.value]),
    );
    const organization = [...data!.organizations.nodes]
      .sort((a: any, b: any) => (a.shortName ?? a.name).localeCompare(b.shortName ?? b.name, 'ru'))
      .find((o: any) => stored.has(o.id));
    expect(organization).toBeDefined();
    const shown = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 4 }).format(
      stored.get(organization.id)!,
    );
    const VALUE = `query ($o: ID!) {
      indicatorValues(filter: { organizationId: { eq: $o }, period: { eq: "${PERIOD}" }, indicatorCode: { eq: "${code}" } }) {
        nodes { id value }
      }
    }`;
    const storedNow = async () =>
      (await hub.gql(VALUE, { o: organization.id })).data!.indicatorValues.nodes;

    await openPage(
      `#/indicators?municipality=${municipalityId}&period=${encodeURIComponent(PERIOD)}&direction=1.1`,
    );
    const grid = page.getByTestId('editable-grid');
    const row = grid.locator(`[row-id="o:${organization.id}"]`);
    const cell = row.locator(`[col-id="${field}"]`);
    // The column is right of the window: walk there with the arrow keys, as a user would.
    await row.locator('[col-id="unitName"]').click();
    for (let i = 0; i < 40 && (await cell.count()) === 0; i++) {
      await page.keyboard.press('ArrowRight');
    }
    await eventually(async () => expect(await cell.innerText()).toBe(shown));
    await cell.click();

    // Delete clears the cell; undo before Save restores it, and nothing reaches the server.
    await page.keyboard.press('Delete');
    await eventually(async () => expect(await cell.innerText()).toBe(''));
    expect(await cell.getAttribute('class')).toMatch(/eg-cell-dirty/);
    await page.keyboard.press('Control+z');
    await eventually(async () => expect(await cell.innerText()).toBe(shown));
    expect(await cell.getAttribute('class')).not.toMatch(/eg-cell-dirty/);
    expect(await page.getByTestId('grid-save').isDisabled()).toBe(true);
    expect(await storedNow()).toHaveLength(1);

    // Cleared again and saved: the value is deleted, the cell stays empty and clean.
    await cell.click();
    await page.keyboard.press('Delete');
    await eventually(async () => expect(await cell.innerText()).toBe(''));
    await page.getByTestId('grid-save').click();
    await page.getByTestId('grid-saved').waitFor();
    expect(await storedNow()).toEqual([]);
    expect(await cell.innerText()).toBe('');
    expect(await cell.getAttribute('class')).not.toMatch(/eg-cell-dirty|eg-cell-error/);
  });

  it('shows the МУМ matrix of a region: overview by direction, then one municipality', async () => {
    const municipalityId = municipalities.get('город Черногорск')!;
    const { data } = await hub.gql(
      'query ($r: ID!) { mumMatrix(regionId: $r) { municipalities { id } summaries { municipalityId directionCode presentCount } cells { municipalityId directionCode component present } } }',
      { r: regionId },
    );
    const matrix = data!.mumMatrix;
    await openPage(`#/mum?region=${regionId}`);
    expect(await page.getByTestId('nav-mum').innerText()).toBe('Самооценка МУМ');
    const overview = page.getByTestId('mum-overview');
    await overview.waitFor();
    expect(await overview.locator('tbody tr').count()).toBe(matrix.municipalities.length);
    const summary = matrix.summaries.find(
      (s: any) => s.municipalityId === municipalityId && s.directionCode === '1.1',
    );
    expect(await page.getByTestId(`mum-overview-${municipalityId}-1.1`).innerText()).toBe(
      String(summary.presentCount),
    );

    await page
      .getByTestId(`mum-overview-row-${municipalityId}`)
      .getByRole('button', { name: 'город Черногорск' })
      .click();
    await eventually(async () =>
      expect(await page.getByTestId('mum-municipality').innerText()).toContain('город Черногорск'),
    );
    const mine = matrix.cells.filter(
      (c: any) => c.municipalityId === municipalityId && c.directionCode === '1.1',
    );
    for (const cell of mine) {
      expect(
        await page.getByTestId(`mum-cell-1.1-${cell.component}`).getAttribute('data-present'),
      ).toBe(String(cell.present));
    }
    expect(await page.getByTestId('mum-count-1.1').innerText()).toBe(
      `${summary.presentCount} из 9`,
    );
  });
});
