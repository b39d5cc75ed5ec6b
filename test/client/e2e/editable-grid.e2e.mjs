// Drives the admin client in headless Chromium against the mock hub:
//   node test/client/e2e/editable-grid.e2e.mjs      (needs Debian's chromium at /usr/bin/chromium)
// Screenshots go to test-results/ (git-ignored).
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';

import { startMockHub } from './mock-hub.mjs';

const hub = await startMockHub(0);
process.env.HUB_PORT = String(hub.port);
const vite = await createServer({ configFile: 'vite.config.ts', server: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
await vite.listen();
const base = vite.resolvedUrls.local[0];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
mkdirSync('test-results', { recursive: true });
const context = await browser.newContext({ viewport: { width: 1500, height: 900 } });
await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
const page = await context.newPage();
page.setDefaultTimeout(4000);
const consoleErrors = [];
page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
page.on('pageerror', (e) => consoleErrors.push(String(e)));

const grid = page.getByTestId('editable-grid');
const cell = (rowId, colId) => grid.locator(`.ag-center-cols-container [row-id="${rowId}"] [col-id="${colId}"]`);
const dirty = page.getByTestId('grid-dirty-count');
const steps = [];
async function step(name, fn) {
  try {
    await fn();
    steps.push(`ok   ${name}`);
    console.log(steps.at(-1));
  } catch (e) {
    steps.push(`FAIL ${name}: ${e.message.split('\n').slice(0, 3).join(' | ')}`);
    console.log(steps.at(-1));
    await page.screenshot({ path: `test-results/fail-${steps.length}.png` });
  }
}
async function pasteInto(rowId, colId, text) {
  await cell(rowId, colId).click();
  await page.evaluate((t) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', t);
    document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, text);
}

try {
  await page.goto(`${base}#/roadmaps?municipality=m1`);
  await step('grid loads grouped by section', async () => {
    await cell('a1', 'text').waitFor({ timeout: 10_000 });
    assert.equal(await grid.getByTestId('grid-group-row').count(), 3);
    assert.match(await grid.getByTestId('grid-group-row').first().innerText(), /1\. Нормативно-правовое обеспечение/);
    assert.equal(await page.getByTestId('grid-save').isDisabled(), true);
    assert.match(await dirty.innerText(), /Изменено: 0/);
    assert.match(await cell('a2', 'scheduleKind').innerText(), /ежегодно/);
    assert.match(await cell('a1', 'cycleComponentCode').innerText(), /1\. Цели/);
  });

  await step('inline edit marks the cell and the row dirty', async () => {
    await cell('a1', 'deadlineText').dblclick();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('Февраль 2021');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(100);
    assert.match(await dirty.innerText(), /Изменено: 1 строка/);
    assert.match((await cell('a1', 'deadlineText').getAttribute('class')) ?? '', /eg-cell-dirty/);
    assert.equal(await page.getByTestId('grid-save').isDisabled(), false);
  });

  await step('Ctrl+Z undoes and Ctrl+Y redoes the edit', async () => {
    await cell('a2', 'number').click();
    await page.keyboard.press('Control+z');
    assert.match(await dirty.innerText(), /Изменено: 0/);
    assert.equal(await cell('a1', 'deadlineText').innerText(), 'Январь 2021');
    await page.keyboard.press('Control+y');
    assert.equal(await cell('a1', 'deadlineText').innerText(), 'Февраль 2021');
  });

  await step('pasting a TSV block fills the rectangle over editable columns', async () => {
    await pasteInto('a3', 'deadlineText', 'март\tИМЦ\r\nапрель\tОУ\r\n');
    await page.waitForTimeout(100);
    assert.equal(await cell('a3', 'deadlineText').innerText(), 'март');
    assert.equal(await cell('a3', 'responsibleText').innerText(), 'ИМЦ');
    assert.equal(await cell('a4', 'deadlineText').innerText(), 'апрель');
    assert.equal(await cell('a4', 'responsibleText').innerText(), 'ОУ');
    assert.match(await dirty.innerText(), /Изменено: 3 строки/);
    await page.getByTestId('grid-undo').click();
    assert.equal(await cell('a3', 'deadlineText').innerText(), 'По графику ВПР');
    assert.equal(await cell('a4', 'responsibleText').innerText(), 'ИМЦ');
    await page.getByTestId('grid-redo').click();
    assert.equal(await cell('a4', 'responsibleText').innerText(), 'ОУ');
  });

  await step('real Ctrl+V from the clipboard pastes too', async () => {
    await page.evaluate(() => navigator.clipboard.writeText('Поквартально'));
    await cell('a6', 'deadlineText').click();
    await page.keyboard.press('Control+v');
    await page.waitForTimeout(150);
    assert.equal(await cell('a6', 'deadlineText').innerText(), 'Поквартально');
  });

  await step('paste of an unknown cycle component is reported, not written', async () => {
    await pasteInto('a2', 'cycleComponentCode', 'неизвестно');
    await page.getByTestId('grid-paste-problems').waitFor({ timeout: 2000 });
    assert.match(await page.getByTestId('grid-paste-problems').innerText(), /Не удалось распознать «неизвестно»/);
  });

  await step('Ctrl+D fills down from the row above', async () => {
    await cell('a5', 'responsibleText').click();
    await page.keyboard.press('Control+d');
    assert.equal(await cell('a5', 'responsibleText').innerText(), 'ОУ');
  });

  await step('fill-down button copies into selected rows below', async () => {
    await grid.locator('.ag-center-cols-container [row-id="a2"]').waitFor();
    // Row checkboxes are in the pinned-left selection column.
    for (const id of ['a2', 'a3']) {
      await grid.locator(`.ag-pinned-left-cols-container [row-id="${id}"] input[type="checkbox"]`).check();
    }
    await cell('a1', 'cycleComponentCode').click();
    await page.getByTestId('grid-fill-down').click();
    assert.match(await cell('a2', 'cycleComponentCode').innerText(), /1\. Цели/);
    assert.match(await cell('a3', 'cycleComponentCode').innerText(), /1\. Цели/);
  });

  await step('save sends one bulk mutation and clears the dirty state', async () => {
    const before = hub.state.mutations.length;
    await page.getByTestId('grid-save').click();
    await page.getByTestId('grid-saved').waitFor({ timeout: 5000 });
    assert.equal(hub.state.mutations.length, before + 1);
    const sent = hub.state.mutations.at(-1);
    assert.equal(sent.op, 'UpsertActivities');
    assert.deepEqual(sent.rows.map((r) => r.id).sort(), ['a1', 'a2', 'a3', 'a4', 'a5', 'a6']);
    assert.deepEqual(sent.rows.find((r) => r.id === 'a1'), { id: 'a1', version: 1, deadlineText: 'Февраль 2021' });
    assert.match(await dirty.innerText(), /Изменено: 0/);
    assert.equal(await page.getByTestId('grid-save').isDisabled(), true);
    assert.equal(await page.getByTestId('grid-undo').isDisabled(), true);
    assert.equal(await cell('a1', 'deadlineText').innerText(), 'Февраль 2021');
  });

  await step('row errors stay in the cells and are listed above the grid', async () => {
    await cell('a4', 'number').dblclick();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('DUP');
    await page.keyboard.press('Enter');
    await page.getByTestId('grid-save').click();
    await page.getByTestId('grid-errors').waitFor({ timeout: 5000 });
    assert.match(await page.getByTestId('grid-errors').innerText(), /Строка 4, поле «№»: Номер уже есть в разделе/);
    assert.match((await cell('a4', 'number').getAttribute('class')) ?? '', /eg-cell-error/);
    assert.match(await dirty.innerText(), /Изменено: 1/);
    await page.getByTestId('grid-discard').click();
    assert.equal(await cell('a4', 'number').innerText(), '2.2');
    assert.equal(await page.getByTestId('grid-errors').count(), 0);
  });

  await step('a conflict is explained and «Обновить» reloads the rows', async () => {
    await cell('a2', 'deadlineText').dblclick();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('по мере необходимости');
    await page.keyboard.press('Enter');
    // Another user saves the same activity meanwhile.
    const other = hub.state.activities.find((a) => a.id === 'a2');
    other.version += 1;
    other.text = 'Изменено другим пользователем';
    await page.getByTestId('grid-save').click();
    await page.getByTestId('grid-conflict').waitFor({ timeout: 5000 });
    assert.match(
      await page.getByTestId('grid-conflict').innerText(),
      /Запись изменена другим пользователем после загрузки\. Обновите данные и повторите правку\./,
    );
    await page.getByTestId('grid-conflict-reload').click();
    await page.waitForTimeout(300);
    assert.equal(await cell('a2', 'text').innerText(), 'Изменено другим пользователем');
    assert.match(await dirty.innerText(), /Изменено: 0/);
  });

  await step('a row added in a section is created by the same mutation', async () => {
    await page.getByTestId('section-select').selectOption('s3');
    await page.getByTestId('grid-add-row').click();
    await page.waitForTimeout(200);
    const newRow = grid.locator('.ag-center-cols-container [row-id="new:1"]');
    await newRow.waitFor({ timeout: 2000 });
    await pasteInto('new:1', 'number', '3.2\tЭкскурсии на предприятия\tмай\tОУ');
    await page.getByTestId('grid-save').click();
    await page.getByTestId('grid-saved').waitFor({ timeout: 5000 });
    const sent = hub.state.mutations.at(-1);
    assert.deepEqual(sent.rows, [
      { sectionId: 's3', number: '3.2', text: 'Экскурсии на предприятия', deadlineText: 'май', responsibleText: 'ОУ' },
    ]);
    assert.equal(await grid.locator('.ag-center-cols-container [row-id="new:1"]').count(), 0);
    assert.match(await grid.locator('.ag-center-cols-container').innerText(), /Экскурсии на предприятия/);
  });
  await page.screenshot({ path: 'test-results/roadmaps.png' });

  await step('execution page edits status through the same grid', async () => {
    await page.getByTestId('nav-occurrences').click();
    await cell('o1', 'status').waitFor({ timeout: 5000 });
    assert.equal(await cell('o1', 'overdue').getByTestId('overdue-badge').count(), 1);
    await pasteInto('o1', 'status', 'выполнено\tОтчёт загружен\thttps://example.org/r.pdf');
    assert.match(await cell('o1', 'status').innerText(), /выполнено/);
    await page.getByTestId('grid-save').click();
    await page.getByTestId('grid-saved').waitFor({ timeout: 5000 });
    assert.deepEqual(hub.state.mutations.at(-1).rows, [
      { id: 'o1', version: 1, status: 'DONE', reportText: 'Отчёт загружен', evidenceUrl: 'https://example.org/r.pdf' },
    ]);
    assert.equal(await cell('o1', 'overdue').getByTestId('overdue-badge').count(), 0);
  });
  await page.screenshot({ path: 'test-results/occurrences.png' });

  await step('coverage matrix shows counts and rates', async () => {
    await page.getByTestId('nav-coverage').click();
    await page.getByTestId('coverage-table').waitFor({ timeout: 5000 });
    assert.match(await page.getByTestId('coverage-cell-m1-NORM').innerText(), /2\s*50%/);
    assert.match(await page.getByTestId('coverage-cell-m1-1.4').innerText(), /нет сроков/);
  });
  await page.screenshot({ path: 'test-results/coverage.png' });

  await step('the language switch is remembered', async () => {
    await page.getByTestId('lang-switch').selectOption('en');
    assert.equal(await page.getByTestId('nav-roadmaps').innerText(), 'Roadmaps');
    await page.reload();
    assert.equal(await page.getByTestId('nav-roadmaps').innerText(), 'Roadmaps');
    await page.getByTestId('lang-switch').selectOption('ru');
  });
} finally {
  if (consoleErrors.length) {
    console.log('browser console errors:\n' + consoleErrors.join('\n'));
  }
  await browser.close();
  await vite.close();
  await hub.close();
}
const failed = steps.filter((s) => s.startsWith('FAIL')).length;
console.log(`${steps.length - failed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
