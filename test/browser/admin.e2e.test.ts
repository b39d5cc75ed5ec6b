// The admin client in headless Chromium against the real server and a seeded PGlite database.
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

describe.skipIf(!hasChromium)('admin client in Chromium', () => {
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
    const context = await browser.newContext({
      viewport: { width: 1500, height: 900 },
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${hub.url}/${hash}`);
    await signInThroughForm(page, 'admin', hub.adminPassword);
    return page;
  }

  async function regionOf(name: string): Promise<string> {
    const { data } = await hub.gql('{ municipalities { nodes { name region { id } } } }');
    return data!.municipalities.nodes.find((m: any) => m.name === name).region.id;
  }

  async function roadmapActivities(municipality: string): Promise<
    {
      id: string;
      version: number;
      number: string;
      deadlineText: string;
      responsibleText: string;
      section: { id: string };
    }[]
  > {
    const { data } = await hub.gql(
      'query ($m: ID!) { activities(filter: { municipalityId: { eq: $m } }, first: 500) { nodes { id version number deadlineText responsibleText section { id } } } }',
      { m: municipalities.get(municipality) },
    );
    return data!.activities.nodes;
  }

  const grid = () => page.getByTestId('editable-grid');
  const { cell, editCell, pasteInto } = gridCells(() => page, grid);
  const dirtyCount = () => page.getByTestId('grid-dirty-count');

  it('signs in, shows the user and role, and shows an analyst the roadmap read-only', async () => {
    await openPage('#/coverage');
    expect(await page.getByTestId('user-role').innerText()).toMatch(/^администратор/);
    const created = await hub.gql(
      'mutation ($rows: [UserInput!]!) { upsertUsers(rows: $rows) { ok } }',
      {
        rows: [
          {
            login: 'analyst',
            displayName: 'Петрова А.А.',
            role: 'REGIONAL_ANALYST',
            regionId: await regionOf('город Черногорск'),
            password: 'analyst-password-1',
          },
        ],
      },
    );
    expect(created.data!.upsertUsers.ok).toBe(true);
    await page.getByTestId('sign-out').click();
    await page.getByTestId('sign-in-form').waitFor();
    await page.getByTestId('sign-in-login').fill('analyst');
    await page.getByTestId('sign-in-password').fill('wrong-password-0');
    await page.getByTestId('sign-in-submit').click();
    expect(await page.getByTestId('sign-in-error').innerText()).toBe('Неверный логин или пароль');
    await signInThroughForm(page, 'analyst', 'analyst-password-1');
    expect(await page.getByTestId('user-name').innerText()).toBe('Петрова А.А.');
    expect(await page.getByTestId('user-role').innerText()).toMatch(
      /^региональный аналитик · Республика Хакасия/,
    );
    await page.goto(`${hub.url}/#/roadmaps?municipality=${municipalities.get('город Черногорск')}`);
    await page.getByTestId('read-only-notice').waitFor();
    const [first] = await roadmapActivities('город Черногорск');
    await cell(first.id, 'text').dblclick();
    await page.keyboard.type('попытка правки');
    expect(await grid().locator('.ag-cell-inline-editing').count()).toBe(0);
    expect(await cell(first.id, 'text').getAttribute('class')).not.toMatch(/eg-cell-dirty/);
    expect(await page.getByTestId('grid-add-row').count()).toBe(0);

    // A session that ends (cookie gone) sends the user back to the sign-in page.
    await page.context().clearCookies();
    await page.getByTestId('nav-coverage').click();
    await page.getByTestId('sign-in-form').waitFor();
  });

  it('opens the roadmap page, edits a cell, saves, and shows the change after a reload', async () => {
    const [first] = await roadmapActivities('город Черногорск');
    await openPage(`#/roadmaps?municipality=${municipalities.get('город Черногорск')}`);
    await cell(first.id, 'text').waitFor();
    // Rows are virtualised: the first section header is on screen.
    expect(await grid().getByTestId('grid-group-row').first().innerText()).toMatch(
      /1\. Нормативно-правовое обеспечение/,
    );
    await editCell(first.id, 'deadlineText', 'Декабрь 2023');
    await eventually(async () =>
      expect(await dirtyCount().innerText()).toMatch(/Изменено: 1 строка/),
    );
    expect(await cell(first.id, 'deadlineText').getAttribute('class')).toMatch(/eg-cell-dirty/);
    await page.getByTestId('grid-save').click();
    await page.getByTestId('grid-saved').waitFor();

    await page.reload();
    await cell(first.id, 'deadlineText').waitFor();
    await eventually(async () =>
      expect(await cell(first.id, 'deadlineText').innerText()).toBe('Декабрь 2023'),
    );
    const { data } = await hub.gql(
      'query ($id: ID!) { activity(id: $id) { version deadlineText schedule { kind years } } }',
      { id: first.id },
    );
    expect(data!.activity).toEqual({
      version: first.version + 1,
      deadlineText: 'Декабрь 2023',
      schedule: { kind: 'once', years: [2023] },
    });

    // Cell history: the panel follows the focused cell and tells who changed what.
    await cell(first.id, 'deadlineText').click();
    await page.getByTestId('grid-history').click();
    const panel = page.getByTestId('cell-history');
    await eventually(async () =>
      expect(await panel.getByTestId('cell-history-entry').count()).toBe(2),
    );
    const [created, changed] = await panel.getByTestId('cell-history-entry').all();
    expect(await created.getAttribute('data-kind')).toBe('created');
    expect(await created.innerText()).toContain(`Создано: ${first.deadlineText}`);
    expect(await changed.innerText()).toMatch(/admin/);
    expect(await changed.locator('del').innerText()).toBe(first.deadlineText);
    expect(await changed.locator('ins').innerText()).toBe('Декабрь 2023');
    expect(await panel.locator('strong').first().innerText()).toMatch(/История ячейки: «Срок/);
    // The executors list lives in another table: no history of its own.
    await cell(first.id, 'executors').click();
    await eventually(async () =>
      expect(await panel.innerText()).toContain('У этого столбца нет своей истории'),
    );
    await page.keyboard.press('Control+Shift+KeyH');
    await eventually(async () => expect(await panel.count()).toBe(0));
  });

  it('pastes a block from Excel, undoes and redoes it, fills down, and saves it all in one mutation', async () => {
    const rows = (await roadmapActivities('Малышевский городской округ')).slice(0, 4);
    await openPage(`#/roadmaps?municipality=${municipalities.get('Малышевский городской округ')}`);
    await cell(rows[0].id, 'text').waitFor();
    await pasteInto(rows[1].id, 'deadlineText', 'март 2022\tИМЦ\r\nапрель 2022\tОУ\r\n');
    await eventually(async () =>
      expect(await cell(rows[2].id, 'responsibleText').innerText()).toBe('ОУ'),
    );
    expect(await cell(rows[1].id, 'deadlineText').innerText()).toBe('март 2022');
    await page.getByTestId('grid-undo').click();
    await eventually(async () =>
      expect(await cell(rows[2].id, 'responsibleText').innerText()).toBe(rows[2].responsibleText),
    );
    await page.getByTestId('grid-redo').click();
    await eventually(async () =>
      expect(await cell(rows[2].id, 'responsibleText').innerText()).toBe('ОУ'),
    );
    await cell(rows[3].id, 'responsibleText').click();
    await page.keyboard.press('Control+d');
    await eventually(async () =>
      expect(await cell(rows[3].id, 'responsibleText').innerText()).toBe('ОУ'),
    );
    await eventually(async () =>
      expect(await dirtyCount().innerText()).toMatch(/Изменено: 3 строки/),
    );

    let mutations = 0;
    page.on('request', (request) => {
      if (request.url().endsWith('/graphql') && request.postData()?.includes('mutation')) {
        mutations += 1;
      }
    });
    await page.getByTestId('grid-save').click();
    await page.getByTestId('grid-saved').waitFor();
    expect(mutations).toBe(1);
    const saved = await roadmapActivities('Малышевский городской округ');
    const byId = new Map(saved.map((row) => [row.id, row]));
    expect(byId.get(rows[1].id)).toMatchObject({
      deadlineText: 'март 2022',
      responsibleText: 'ИМЦ',
    });
    expect(byId.get(rows[2].id)).toMatchObject({
      deadlineText: 'апрель 2022',
      responsibleText: 'ОУ',
    });
    expect(byId.get(rows[3].id)).toMatchObject({
      responsibleText: 'ОУ',
      deadlineText: rows[3].deadlineText,
    });
  });

  it('shows a refused row in its cell and explains a conflict instead of overwriting', async () => {
    const [first, second] = await roadmapActivities('Сергокалинский район');
    await openPage(`#/roadmaps?municipality=${municipalities.get('Сергокалинский район')}`);
    await cell(first.id, 'text').waitFor();
    await editCell(first.id, 'number', second.number);
    await page.getByTestId('grid-save').click();
    await page.getByTestId('grid-errors').waitFor();
    expect(await page.getByTestId('grid-errors').innerText()).toMatch(
      /Строка 1, поле «№»: Номер 2 уже есть в разделе 1/,
    );
    await eventually(async () =>
      expect(await cell(first.id, 'number').getAttribute('class')).toMatch(/eg-cell-error/),
    );
    await page.getByTestId('grid-discard').click();

    await editCell(first.id, 'responsibleText', 'Исаева Х.Н., начальник МКУ «УО»; методисты');
    const other = await hub.gql(
      'mutation ($rows: [ActivityInput!]!) { upsertActivities(rows: $rows) { ok } }',
      {
        rows: [{ id: first.id, version: first.version, deadlineText: 'Февраль 2025' }],
      },
    );
    expect(other.data!.upsertActivities.ok).toBe(true);
    await page.getByTestId('grid-save').click();
    await page.getByTestId('grid-conflict').waitFor();
    expect(await page.getByTestId('grid-conflict').innerText()).toMatch(
      /Запись изменена другим пользователем после загрузки\. Обновите данные и повторите правку\./,
    );
    await page.getByTestId('grid-conflict-reload').click();
    await eventually(async () =>
      expect(await cell(first.id, 'deadlineText').innerText()).toBe('Февраль 2025'),
    );
    const { data } = await hub.gql('query ($id: ID!) { activity(id: $id) { responsibleText } }', {
      id: first.id,
    });
    expect(data!.activity.responsibleText).toBe(first.responsibleText);
  });

  it('adds a row in a section and deletes rows, each through Save', async () => {
    const rows = await roadmapActivities('город Черногорск');
    const last = rows[rows.length - 1];
    await openPage(`#/roadmaps?municipality=${municipalities.get('город Черногорск')}`);
    await cell(rows[0].id, 'text').waitFor();
    await page.getByTestId('section-select').selectOption(last.section.id);
    await page.getByTestId('grid-add-row').click();
    await grid().locator('[row-id="new:1"]').waitFor();
    await pasteInto(
      'new:1',
      'number',
      '10.9\tЭкскурсии на предприятия города\tмай 2024\tГУО администрации г. Черногорска',
    );
    await page.getByTestId('grid-save').click();
    await page.getByTestId('grid-saved').waitFor();
    const created = (await roadmapActivities('город Черногорск')).find(
      (row) => row.number === '10.9',
    );
    expect(created).toMatchObject({
      deadlineText: 'май 2024',
      responsibleText: 'ГУО администрации г. Черногорска',
      section: { id: last.section.id },
    });

    await cell(created!.id, 'text').waitFor();
    await grid().locator(`[row-id="${created!.id}"] input[type="checkbox"]`).check();
    await page.getByTestId('grid-delete-rows').click();
    await eventually(async () =>
      expect(await grid().locator(`[row-id="${created!.id}"]`).getAttribute('class')).toMatch(
        /eg-row-deleted/,
      ),
    );
    await page.getByTestId('grid-save').click();
    await page.getByTestId('grid-saved').waitFor();
    const { data } = await hub.gql('query ($id: ID!) { activity(id: $id) { id } }', {
      id: created!.id,
    });
    expect(data!.activity).toBeNull();
  });

  it('records execution on the occurrences page: overdue items, status, report', async () => {
    await openPage('#/occurrences');
    await page.getByTestId('overdue-filter').check();
    const firstRow = grid().locator('[row-id]').first();
    await firstRow.waitFor();
    const rowId = (await firstRow.getAttribute('row-id'))!;
    await eventually(async () =>
      expect(await cell(rowId, 'overdue').getByTestId('overdue-badge').count()).toBe(1),
    );
    await pasteInto(rowId, 'status', 'выполнено\tПриказ издан\thttps://example.org/order.pdf');
    await eventually(async () =>
      expect(await cell(rowId, 'status').innerText()).toMatch(/выполнено/),
    );
    await page.getByTestId('grid-save').click();
    await page.getByTestId('grid-saved').waitFor();
    const { data } = await hub.gql(
      '{ activityOccurrences(filter: { status: { in: [DONE] }, text: { contains: "Приказ издан" } }) { nodes { id overdue reportText evidenceUrl } } }',
    );
    expect(data!.activityOccurrences.nodes).toEqual([
      {
        id: rowId,
        overdue: false,
        reportText: 'Приказ издан',
        evidenceUrl: 'https://example.org/order.pdf',
      },
    ]);
  });

  it('shows the coverage matrix and switches the language', async () => {
    await openPage('#/coverage');
    const malyshevsky = municipalities.get('Малышевский городской округ');
    const norm = page.getByTestId(`coverage-cell-${malyshevsky}-NORM`);
    await norm.waitFor();
    expect(await norm.locator('.coverage-count').innerText()).toBe('8');
    expect(await norm.locator('.coverage-rate').innerText()).toMatch(/^\d+(,\d+)?\s?%$/);
    expect(
      await page
        .getByTestId(`coverage-cell-${municipalities.get('городской округ «город Кизляр»')}-NORM`)
        .innerText(),
    ).toBe('—');
    await page.getByTestId('lang-switch').selectOption('en');
    await eventually(async () =>
      expect(await page.getByTestId('nav-roadmaps').innerText()).toBe('Roadmaps'),
    );
    await page.reload();
    await eventually(async () =>
      expect(await page.getByTestId('nav-roadmaps').innerText()).toBe('Roadmaps'),
    );
  });
});
