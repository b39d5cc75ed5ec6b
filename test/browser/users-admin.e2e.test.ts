// The «Пользователи и доступ» page in headless Chromium against the real server and a seeded PGlite.
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

const COVERAGE = '{ roadmapCoverage { totals { municipalityId activityCount } } }';
const ROW_LIST = '{ activities(first: 1) { nodes { id text } } }';

describe.skipIf(!hasChromium)('users and API tokens page in Chromium', () => {
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

  async function openAdminPage(): Promise<void> {
    const context = await browser.newContext({
      viewport: { width: 1600, height: 1000 },
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${hub.url}/#/coverage`);
    await signInThroughForm(page, 'admin', hub.adminPassword);
    await page.getByTestId('nav-admin').click();
    await page.getByTestId('admin-page').waitFor();
  }

  /** A GraphQL request as an API client makes it: plain fetch with a bearer token. */
  async function asBearer(token: string, query: string) {
    const response = await fetch(`${hub.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query }),
    });
    const body = (await response.json()) as {
      data?: Record<string, any> | null;
      errors?: { extensions?: { code?: string } }[];
    };
    return { status: response.status, data: body.data, code: body.errors?.[0]?.extensions?.code };
  }

  const grid = () => page.getByTestId('admin-users').getByTestId('editable-grid');
  const { cell, editCell, pasteInto } = gridCells(() => page, grid);

  it('creates a municipal methodologist in the grid, who then signs in without the admin page', async () => {
    const malyshevsky = municipalities.get('Малышевский городской округ')!;
    const { data: ids } = await hub.gql(
      'query ($m: ID!) { me { id } municipality(id: $m) { region { id name } } }',
      { m: malyshevsky },
    );
    const region = ids!.municipality.region;
    await openAdminPage();
    await eventually(async () => expect(await cell(ids!.me.id, 'login').innerText()).toBe('admin'));
    // Nobody locks themselves out: the signed-in admin's own role and active flag are read-only.
    expect(await cell(ids!.me.id, 'role').getAttribute('class')).toMatch(/eg-cell-readonly/);
    expect(await cell(ids!.me.id, 'active').getAttribute('class')).toMatch(/eg-cell-readonly/);

    await page.getByTestId('grid-add-row').click();
    await grid().locator('[row-id="new:1"]').waitFor();
    // Login, name, role (by its Russian name), no region, municipality (by name), as from Excel.
    await pasteInto(
      'new:1',
      'login',
      'admin\tМетодистова Елена Петровна\tмуниципальный методист\t\tМалышевский городской округ',
    );
    await eventually(async () =>
      expect(await cell('new:1', 'municipalityId').innerText()).toBe('Малышевский городской округ'),
    );
    expect(await cell('new:1', 'role').innerText()).toBe('муниципальный методист');
    // The region follows the municipality.
    expect(await cell('new:1', 'regionId').innerText()).toBe(region.name);

    const password = 'metod-Pass-2024';
    await cell('new:1', 'password').dblclick();
    await page.getByTestId('password-editor').waitFor();
    expect(await page.getByTestId('password-editor').getAttribute('type')).toBe('password');
    await page.keyboard.type(password);
    await page.keyboard.press('Enter');
    await eventually(async () =>
      expect(await cell('new:1', 'password').innerText()).toBe('••••••••'),
    );
    expect(await page.content()).not.toContain(password);

    // «admin» is taken: the server refuses the row and the grid marks the login cell.
    await page.getByTestId('grid-save').click();
    await page.getByTestId('grid-errors').waitFor();
    expect(await page.getByTestId('grid-errors').innerText()).toMatch(
      /Строка \d+, поле «Логин»: Логин admin уже занят/,
    );
    await eventually(async () =>
      expect(await cell('new:1', 'login').getAttribute('class')).toMatch(/eg-cell-error/),
    );
    await editCell('new:1', 'login', 'metodist.malysheva');
    await page.getByTestId('grid-save').click();
    await page.getByTestId('grid-saved').waitFor();

    const { data } = await hub.gql(
      '{ users(first: 500) { nodes { id login displayName role active region { id } municipality { id } } } }',
    );
    const created = data!.users.nodes.find((u: any) => u.login === 'metodist.malysheva');
    expect(created).toMatchObject({
      displayName: 'Методистова Елена Петровна',
      role: 'MUNICIPAL_METHODOLOGIST',
      active: true,
      region: { id: region.id },
      municipality: { id: malyshevsky },
    });
    // The saved row shows no password, not even masked.
    await eventually(async () => expect(await cell(created.id, 'password').innerText()).toBe(''));
    // The audit trail behind the grid: the role as created, by whom; the password only as ***.
    await cell(created.id, 'role').click();
    await page.getByTestId('grid-history').click();
    const history = page.getByTestId('cell-history');
    await eventually(async () =>
      expect(await history.getByTestId('cell-history-entry').innerText()).toMatch(
        /Создано: муниципальный методист/,
      ),
    );
    expect(await history.innerText()).toMatch(/admin/);
    await cell(created.id, 'password').click();
    await eventually(async () =>
      expect(await history.getByTestId('cell-history-entry').innerText()).toMatch(
        /Создано: \*\*\*/,
      ),
    );
    await page.getByTestId('grid-history').click();

    await page.getByTestId('sign-out').click();
    await signInThroughForm(page, 'metodist.malysheva', password);
    expect(await page.getByTestId('user-role').innerText()).toMatch(
      /^муниципальный методист · Малышевский городской округ/,
    );
    await page.getByTestId('nav-coverage').waitFor();
    expect(await page.getByTestId('nav-admin').count()).toBe(0);
    // The page was open when the admin signed out: a methodologist is told there is no access.
    await page.getByTestId('admin-no-access').waitFor();
    expect(await page.getByTestId('admin-no-access').innerText()).toMatch(/Нет доступа/);
    expect(await page.getByTestId('admin-users').count()).toBe(0);
  });

  it('creates a dashboard token whose secret reads aggregates only, then revokes it', async () => {
    await openAdminPage();
    const name = 'Дашборд министерства';
    await page.getByTestId('token-name').fill(name);
    expect(await page.getByTestId('token-role').inputValue()).toBe('DASHBOARD');
    await page.getByTestId('token-create').click();
    const panel = page.getByTestId('token-secret-panel');
    await panel.waitFor();
    expect(await panel.innerText()).toMatch(/больше не будет показан/);
    const secret = await page.getByTestId('token-secret').inputValue();
    expect(secret.length).toBeGreaterThan(40);
    await page.getByTestId('token-copy').click();
    await page.getByTestId('token-copy-status').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);

    const coverage = await asBearer(secret, COVERAGE);
    expect(coverage.status).toBe(200);
    expect(coverage.data!.roadmapCoverage.totals.length).toBeGreaterThan(0);
    const rows = await asBearer(secret, ROW_LIST);
    expect([rows.status, rows.code]).toEqual([403, 'FORBIDDEN']);

    // Once dismissed, the secret is gone from the page for good.
    await page.getByTestId('token-secret-done').click();
    await eventually(async () => expect(await panel.count()).toBe(0));
    expect(await page.content()).not.toContain(secret);

    const row = page.getByTestId('token-table').locator('tr', { hasText: name });
    expect(await row.getAttribute('data-state')).toBe('active');
    expect(await row.innerText()).toMatch(/дашборд/);
    await row.getByTestId('token-revoke').click();
    expect(await row.getByTestId('token-revoke-confirm').innerText()).toMatch(
      /Приложения с ним сразу потеряют доступ/,
    );
    await row.getByTestId('token-revoke-yes').click();
    await eventually(async () => expect(await row.getAttribute('data-state')).toBe('revoked'));
    expect(await row.getByTestId('token-state').innerText()).toMatch(/^отозван /);

    const revoked = await asBearer(secret, COVERAGE);
    expect(revoked.code).toBe('UNAUTHENTICATED');
  });
});
