// The shared grid as a spreadsheet, in headless Chromium with the real clipboard (Ctrl+C / Ctrl+V
// through the system clipboard, not synthetic events): a 200 × 6 block pasted into the indicator
// grid and saved, a range selected with shift+arrows filled down 50 rows, the fill handle,
// undo of a paste, and a paste with an unreadable cell that blocks Save with the row named.
import fs from 'node:fs';

import ExcelJS from 'exceljs';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../helpers/server';
import { eventually, hasChromium, signInThroughForm, startBrowserHub } from './browser-setup';

const PERIOD = '2024/2025';
// In the grid's column order (by code).
const CODES = ['1.1.VPR_BASIC', '1.1.VPR_CONFIRMED', '1.1.VPR_HIGH'];
const ROWS = 200;
const field = (code: string, part: 'numerator' | 'denominator') =>
  `${code.replace(/\./g, '~')}:${part}`;

/** The block as a spreadsheet would copy it: figures with a decimal comma and a space group. */
function spreadsheetBlock(): { tsv: string; figures: number[][] } {
  const figures: number[][] = [];
  for (let r = 0; r < ROWS; r += 1) {
    const row: number[] = [];
    for (const [c] of CODES.entries()) {
      const denominator = 1000 + ((r * 37 + c * 11) % 400);
      const numerator = ((r * 13 + c * 7) % 900) + (r % 4 === 0 ? 0.5 : 0);
      row.push(numerator, denominator);
    }
    figures.push(row);
  }
  const text = (n: number) =>
    new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 2 }).format(n).replace(/\u00a0/g, ' ');
  // Excel ends the copied block with a line break.
  const tsv = figures.map((row) => row.map(text).join('\t')).join('\r\n') + '\r\n';
  return { tsv, figures };
}

describe.skipIf(!hasChromium)('the grid as a spreadsheet, in Chromium', () => {
  let hub: TestServer;
  let browser: Browser;
  let page: Page;
  let municipalityId: string;
  let organizations: { id: string; code: string }[];

  const VALUES = `query ($m: ID!) {
    indicatorValues(filter: { municipalityId: { eq: $m }, period: { eq: "${PERIOD}" } }, first: 500, offset: 0) {
      totalCount nodes { indicator { code } numerator denominator organization { code } }
    }
  }`;
  async function stored(): Promise<Map<string, [number, number]>> {
    const result = new Map<string, [number, number]>();
    for (let offset = 0; ; offset += 500) {
      const { data } = await hub.gql(VALUES.replace('offset: 0', `offset: ${offset}`), {
        m: municipalityId,
      });
      for (const v of data!.indicatorValues.nodes) {
        result.set(`${v.organization.code}|${v.indicator.code}`, [v.numerator, v.denominator]);
      }
      if (offset + 500 >= data!.indicatorValues.totalCount) {
        return result;
      }
    }
  }

  beforeAll(async () => {
    ({ hub, browser } = await startBrowserHub());
    // A municipality with 200 schools of its own, so a 200-row block lands on 200 rows.
    const em = hub.orm.em.fork();
    const [municipality] = await em.execute(
      `insert into municipality (region_id, name, short_name, type, code)
       select id, 'Сеточный муниципальный округ', 'Сеточный', (enum_range(null::municipality_type))[1], 'E2E-GRID'
       from region order by id limit 1 returning id`,
    );
    municipalityId = String(municipality.id);
    organizations = (
      await em.execute(
        `insert into organization (municipality_id, code, name, short_name, kind)
         select ?, 'E2E-' || lpad(g::text, 4, '0'), 'Школа № ' || lpad(g::text, 3, '0'),
                'Школа № ' || lpad(g::text, 3, '0'), 'school'
         from generate_series(1, ${ROWS}) g order by g returning id, code`,
        [municipality.id],
      )
    ).map((o) => ({ id: String(o.id), code: String(o.code) }));
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
  });

  async function openGrid(): Promise<void> {
    const context = await browser.newContext({
      viewport: { width: 1600, height: 1000 },
      acceptDownloads: true,
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(
      `${hub.url}/#/indicators?municipality=${municipalityId}&period=${encodeURIComponent(PERIOD)}&direction=1.1`,
    );
    await signInThroughForm(page, 'admin', hub.adminPassword);
    await grid().locator(`[row-id="o:${organizations[0].id}"]`).first().waitFor();
    // The VPR columns come last (codes in order) and AG Grid renders only the visible columns:
    // scroll right with the wheel, as a person would.
    const header = grid().locator(`.ag-header-cell[col-id="${field(CODES[0], 'numerator')}"]`);
    const box = (await grid().boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let i = 0; i < 40 && (await header.count()) === 0; i += 1) {
      await page.mouse.wheel(400, 0);
      await page.waitForTimeout(50);
    }
    await cell(0, CODES[0], 'numerator').waitFor();
  }

  const grid = () => page.getByTestId('editable-grid');
  const shown = async (row: number, code: string, part: 'numerator' | 'denominator') =>
    (await cell(row, code, part).innerText()).replace(/[\u00a0\u202f]/g, ' ');
  const cell = (row: number, code: string, part: 'numerator' | 'denominator') =>
    grid().locator(`[row-id="o:${organizations[row].id}"] [col-id="${field(code, part)}"]`);
  const dirty = async () =>
    Number(await page.getByTestId('grid-dirty-count').getAttribute('data-count'));
  const clipboard = {
    write: (text: string) => page.evaluate((t) => navigator.clipboard.writeText(t), text),
    read: () => page.evaluate(() => navigator.clipboard.readText()),
  };
  /** Wheels the grid until the organization's row is rendered (AG Grid renders visible rows only). */
  async function reveal(row: number): Promise<void> {
    const locator = grid().locator(`[row-id="o:${organizations[row].id}"] .ag-cell`).first();
    const box = (await grid().boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let i = 0; i < 60 && !(await locator.isVisible()); i += 1) {
      const shown = await grid()
        .locator('.ag-row[row-index]')
        .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('row-index'))));
      await page.mouse.wheel(0, row > Math.max(...shown) - 3 ? 300 : -300);
      await page.waitForTimeout(50);
    }
    await locator.waitFor();
  }
  async function save(): Promise<void> {
    await page.getByTestId('grid-save').click();
    await page.getByTestId('grid-saved').waitFor();
  }

  it('pastes a 200 × 6 block copied from a spreadsheet and saves exactly those values', async () => {
    await openGrid();
    const { tsv, figures } = spreadsheetBlock();
    await cell(0, CODES[0], 'numerator').click();
    await clipboard.write(tsv);
    await page.keyboard.press('Control+V');

    await eventually(async () => expect(await dirty()).toBe(ROWS));
    // The block is laid over the six editable columns (the computed shares in between are skipped).
    await eventually(async () => {
      expect(await cell(0, CODES[0], 'numerator').innerText()).toBe('0,5');
      expect(await shown(0, CODES[0], 'denominator')).toBe('1 000');
      expect(await shown(0, CODES[2], 'denominator')).toBe('1 022');
    });
    await save();

    const values = await stored();
    expect(values.size).toBe(ROWS * CODES.length);
    organizations.forEach((o, r) => {
      CODES.forEach((code, c) => {
        expect([o.code, code, values.get(`${o.code}|${code}`)]).toEqual([
          o.code,
          code,
          [figures[r][2 * c], figures[r][2 * c + 1]],
        ]);
      });
    });
  });

  it('selects 50 rows with shift+arrows, copies them as TSV and fills down with Ctrl+D', async () => {
    await cell(0, CODES[1], 'numerator').click();
    for (let i = 0; i < 49; i += 1) {
      await page.keyboard.press('Shift+ArrowDown');
    }
    await page.keyboard.press('Shift+ArrowRight');
    expect(await page.getByTestId('grid-selection').innerText()).toBe('Выделено: 50 × 2');
    await page.keyboard.press('Control+C');
    const copied = (await clipboard.read()).split('\r\n');
    expect(copied).toHaveLength(50);
    const { figures } = spreadsheetBlock();
    // Numbers go out without group separators, with the decimal comma.
    expect(copied[0]).toBe(`${figures[0][2]}\t${figures[0][3]}`.replace('.', ','));
    expect(copied[49]).toBe(`${figures[49][2]}\t${figures[49][3]}`);

    await page.keyboard.press('Control+D');
    await eventually(async () => {
      expect(await dirty()).toBe(49);
      expect(await cell(49, CODES[1], 'numerator').innerText()).toBe(
        String(figures[0][2]).replace('.', ','),
      );
    });
    expect(await cell(50, CODES[1], 'numerator').innerText()).not.toBe(
      String(figures[0][2]).replace('.', ','),
    );
    await save();
    const values = await stored();
    for (let r = 0; r < 60; r += 1) {
      const expected = r < 50 ? [figures[0][2], figures[0][3]] : [figures[r][2], figures[r][3]];
      expect([r, values.get(`${organizations[r].code}|${CODES[1]}`)]).toEqual([r, expected]);
    }
  });

  it('drags the fill handle down three rows, and undo takes the whole fill back', async () => {
    await reveal(60);
    const source = cell(60, CODES[1], 'numerator');
    await source.click();
    const before = await cell(63, CODES[1], 'numerator').innerText();
    const box = (await source.boundingBox())!;
    const target = (await cell(63, CODES[1], 'numerator').boundingBox())!;
    await page.mouse.move(box.x + box.width - 3, box.y + box.height - 3);
    await page.mouse.down();
    await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 6 });
    await page.mouse.up();
    const value = await source.innerText();
    await eventually(async () =>
      expect(await cell(63, CODES[1], 'numerator').innerText()).toBe(value),
    );
    expect(await dirty()).toBe(3);
    await page.keyboard.press('Control+Z');
    await eventually(async () => {
      expect(await dirty()).toBe(0);
      expect(await cell(63, CODES[1], 'numerator').innerText()).toBe(before);
    });
  });

  it('undoes a paste: the previous values come back and nothing is left to save', async () => {
    await reveal(100);
    const before = await Promise.all([
      cell(100, CODES[0], 'numerator').innerText(),
      cell(101, CODES[0], 'denominator').innerText(),
    ]);
    await cell(100, CODES[0], 'numerator').click();
    await clipboard.write('1\t2\r\n3\t4\r\n');
    await page.keyboard.press('Control+V');
    await eventually(async () =>
      expect(await cell(101, CODES[0], 'denominator').innerText()).toBe('4'),
    );
    expect(await dirty()).toBe(2);
    await page.keyboard.press('Control+Z');
    await eventually(async () => {
      expect(await dirty()).toBe(0);
      expect([
        await cell(100, CODES[0], 'numerator').innerText(),
        await cell(101, CODES[0], 'denominator').innerText(),
      ]).toEqual(before);
    });
    await page.keyboard.press('Control+Y');
    await eventually(async () => expect(await dirty()).toBe(2));
    await page.getByTestId('grid-discard').click();
    await eventually(async () => expect(await dirty()).toBe(0));
  });

  it('marks an unreadable pasted cell and refuses Save naming its row; nothing is written', async () => {
    const valuesBefore = await stored();
    await reveal(150);
    await cell(150, CODES[0], 'numerator').click();
    await clipboard.write('5\t100\r\nпять\t100\r\n7\t100\r\n');
    await page.keyboard.press('Control+V');
    const bad = cell(151, CODES[0], 'numerator');
    // AG Grid's React cells take the new text a frame after their classes.
    await eventually(async () => {
      expect(await bad.getAttribute('class')).toMatch(/eg-cell-invalid/);
      expect(await bad.innerText()).toBe('пять');
    });
    expect(await page.getByTestId('grid-unreadable').innerText()).toContain(
      'Не распознано: 1 ячейка',
    );

    await page.getByTestId('grid-save').click();
    const position = await grid()
      .locator(`[row-id="o:${organizations[151].id}"] [col-id="__marker"]`)
      .innerText();
    const errors = page.getByTestId('grid-errors');
    await errors.waitFor();
    expect(await errors.innerText()).toContain(
      `Строка ${position}, поле «${CODES[0]} · числитель»: Не удалось распознать значение «пять»`,
    );
    expect(await stored()).toEqual(valuesBefore);

    // Fixing the cell lets the rows go: typing on the focused cell replaces its text.
    await bad.click();
    await page.keyboard.type('6');
    await page.keyboard.press('Enter');
    await eventually(async () =>
      expect(await bad.getAttribute('class')).not.toMatch(/eg-cell-invalid/),
    );
    await save();
    const after = await stored();
    expect(after.get(`${organizations[151].code}|${CODES[0]}`)).toEqual([6, 100]);
    expect(after.get(`${organizations[152].code}|${CODES[0]}`)).toEqual([7, 100]);
  });

  async function xlsx(rows: (string | number)[][]): Promise<Buffer> {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Лист1');
    rows.forEach((row) => sheet.addRow(row));
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }
  async function upload(name: string, bytes: Buffer): Promise<void> {
    await page.getByTestId('table-import-file').setInputFiles({
      name,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: bytes,
    });
    await page.getByTestId('table-import-summary').waitFor();
  }
  const mapped = (i: number) => page.getByTestId(`table-import-map-${i}`).inputValue();
  const VERSIONS = `query ($m: ID!) {
    indicatorValues(filter: { municipalityId: { eq: $m }, period: { eq: "${PERIOD}" } }, first: 500) {
      nodes { id version }
    }
  }`;
  const versions = async () =>
    (await hub.gql(VERSIONS, { m: municipalityId })).data!.indicatorValues.nodes.map(
      (n: any) => `${n.id}:${n.version}`,
    );

  it('imports an XLSX with its own column names: mapping, preview, the server’s dry run, commit; the same file again changes nothing', async () => {
    const header = ['Код ОО', 'Наименование', 'ВПР: работ на «3»–«5»', 'ВПР: всего работ'];
    const lines = (bad: boolean) =>
      organizations
        .slice(0, 10)
        .map((o, r) => [
          o.code,
          `Школа № ${r + 1}`,
          bad && r === 4 ? 150 : 40 + r,
          r === 7 ? '1 000,5' : 100 + r,
        ]);
    const title = ['Результаты ВПР по школам, 2024/2025 учебный год'];
    await page.getByTestId('grid-import').click();
    await upload('впр.xlsx', await xlsx([title, [], header, ...lines(true)]));

    // The header row is found under the title; «Код ОО» is known, the VPR columns are not yet.
    expect(await page.getByTestId('table-import-header-row').inputValue()).toBe('1');
    expect(await mapped(0)).toBe('unitCode');
    expect([await mapped(1), await mapped(2), await mapped(3)]).toEqual(['', '', '']);
    await page.getByTestId('table-import-map-2').selectOption(field(CODES[0], 'numerator'));
    await page.getByTestId('table-import-map-3').selectOption(field(CODES[0], 'denominator'));
    await eventually(async () =>
      expect(await page.getByTestId('table-import-summary').innerText()).toBe(
        'Строк в файле: 10; изменится значений: 20; без изменений: 0; ошибок: 0',
      ),
    );
    const preview = page.getByTestId('table-import-preview');
    expect(await preview.locator('tbody tr').count()).toBe(10);
    expect(await preview.locator('tbody tr').nth(7).innerText()).toContain('1 000,5');

    // 150 of 100 works: only the server knows the share may not exceed 100 %.
    const before = await stored();
    await page.getByTestId('table-import-check').click();
    const problems = page.getByTestId('table-import-problems');
    await problems.waitFor();
    expect(await problems.innerText()).toContain(
      'Строка 8, «1.1.VPR_BASIC · значение»: Значение больше 100',
    );
    expect(await page.getByTestId('table-import-commit').isDisabled()).toBe(true);
    const [download] = (await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('table-import-download').click(),
    ])) as [Download, void];
    const errorsCsv = fs.readFileSync(await download.path(), 'utf8');
    expect(errorsCsv).toContain('8;1.1.VPR_BASIC · значение;');
    expect(errorsCsv).toContain('Значение больше 100');
    expect(await stored()).toEqual(before);

    // The corrected file maps itself (the choice was remembered for this table) and commits.
    await upload('впр-исправлено.xlsx', await xlsx([title, [], header, ...lines(false)]));
    expect([await mapped(0), await mapped(1), await mapped(2), await mapped(3)]).toEqual([
      'unitCode',
      '',
      field(CODES[0], 'numerator'),
      field(CODES[0], 'denominator'),
    ]);
    await page.getByTestId('table-import-check').click();
    await page.getByTestId('table-import-checked').waitFor();
    expect(await stored()).toEqual(before);
    await page.getByTestId('table-import-commit').click();
    expect(await page.getByTestId('table-import-done').innerText()).toBe(
      'Загружено: изменено значений — 20, строк — 10.',
    );
    const after = await stored();
    organizations.slice(0, 10).forEach((o, r) => {
      expect([o.code, after.get(`${o.code}|${CODES[0]}`)]).toEqual([
        o.code,
        [40 + r, r === 7 ? 1000.5 : 100 + r],
      ]);
    });
    await reveal(7);
    expect(await cell(7, CODES[0], 'denominator').innerText()).toMatch(/^1\s000,5$/);

    // Importing the same file again: nothing to load, not one version moves.
    const saved = await versions();
    await upload('впр-исправлено.xlsx', await xlsx([title, [], header, ...lines(false)]));
    await page.getByTestId('table-import-nothing').waitFor();
    expect(await page.getByTestId('table-import-summary').innerText()).toBe(
      'Строк в файле: 10; изменится значений: 0; без изменений: 20; ошибок: 0',
    );
    expect(await page.getByTestId('table-import-commit').isDisabled()).toBe(true);
    expect(await versions()).toEqual(saved);
    await page.getByTestId('table-import-close').click();
  });

  it('exports the view to XLSX, and that file imported back restores the data of the export', async () => {
    const snapshot = await stored();
    const [download] = (await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-xlsx').click(),
    ])) as [Download, void];
    expect(download.suggestedFilename()).toBe('Значения показателей 2024-2025.xlsx');
    const bytes = fs.readFileSync(await download.path());
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as any);
    const sheet = book.worksheets[0];
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers.slice(0, 2)).toEqual(['Код организации', 'Организация / муниципалитет']);
    const numerator = headers.indexOf(`${CODES[0]} · числитель`) + 1;
    expect(sheet.rowCount).toBe(ROWS + 1);
    // Numbers are number cells, not text.
    expect(sheet.getRow(2).getCell(1).value).toBe(organizations[0].code);
    expect(sheet.getRow(9).getCell(numerator).value).toBe(47);

    // Edit three rows and save: the stored data moves away from the export.
    await reveal(0);
    await cell(0, CODES[0], 'numerator').click();
    await clipboard.write('1\t2\r\n3\t4\r\n5\t6\r\n');
    await page.keyboard.press('Control+V');
    await save();
    expect(await stored()).not.toEqual(snapshot);

    await page.getByTestId('grid-import').click();
    await upload('экспорт.xlsx', bytes);
    // The export's own headers map every editable column without help.
    expect(await page.getByTestId('table-import-summary').innerText()).toMatch(
      /^Строк в файле: 200; изменится значений: 6; без изменений: \d+; ошибок: 0$/,
    );
    await page.getByTestId('table-import-check').click();
    await page.getByTestId('table-import-checked').waitFor();
    await page.getByTestId('table-import-commit').click();
    await page.getByTestId('table-import-done').waitFor();
    expect(await stored()).toEqual(snapshot);
  });

  it('sorts by a header click; a paste then lands on the rows in the order shown, which keep their numbers', async () => {
    await reveal(0);
    const header = grid().locator(
      `.ag-header-cell[col-id="${field(CODES[2], 'denominator')}"] .ag-header-cell-label`,
    );
    await header.click();
    await eventually(async () =>
      expect(
        await grid()
          .locator(`.ag-header-cell[col-id="${field(CODES[2], 'denominator')}"]`)
          .getAttribute('aria-sort'),
      ).toBe('ascending'),
    );
    const values = await stored();
    const order = organizations
      .map((o, r) => ({ r, o, d: values.get(`${o.code}|${CODES[2]}`)![1] }))
      .sort((a, b) => a.d - b.d || a.r - b.r);
    const top = grid().locator('.ag-row[row-index="0"]').first();
    await top.waitFor();
    expect(await top.getAttribute('row-id')).toBe(`o:${order[0].o.id}`);

    const first = grid().locator(
      `[row-id="o:${order[0].o.id}"] [col-id="${field(CODES[2], 'numerator')}"]`,
    );
    await first.click();
    await clipboard.write('1\r\n2\r\n');
    await page.keyboard.press('Control+V');
    await eventually(async () => expect(await dirty()).toBe(2));
    const second = grid().locator(
      `[row-id="o:${order[1].o.id}"] [col-id="${field(CODES[2], 'numerator')}"]`,
    );
    expect([await first.innerText(), await second.innerText()]).toEqual(['1', '2']);
    // The marker still shows each row's own number (the one the error list names).
    const marker = grid().locator(`[row-id="o:${order[1].o.id}"] [col-id="__marker"]`);
    expect(await marker.innerText()).toBe(String(order[1].r + 1));
    await page.getByTestId('grid-discard').click();
    await eventually(async () => expect(await dirty()).toBe(0));
  });
});
