// Saved views in headless Chromium against the real server with the synthetic demo data: the
// administrator saves the indicators page's filters and columns as a shared view, the link
// brings them back; a municipal methodologist opens the link with their own rights and keeps a
// copy; an unshared view reads «Вид не найден»; the default view opens a bare page; a stale save
// from a second tab shows the conflict.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../helpers/server';
import { eventually, hasChromium, signInThroughForm, startBrowserHub } from './browser-setup';

const PERIOD = '2023/2024';
const METHODOLOGIST = { login: 'views.metodist', password: 'views-Pass-2024' };
const FIELDS = 'id version name state shared slug isDefault mine ownerName';
const SAVE = `mutation ($input: SaveViewInput!) { saveView(input: $input) { ${FIELDS} } }`;
const LIST = `query ($page: String!) { savedViews(page: $page) { ${FIELDS} } }`;
// The grid's own columns, not the page's.
const OWN = new Set(['__marker', 'ag-Grid-SelectionColumn']);

describe.skipIf(!hasChromium)('saved views in Chromium', () => {
  let hub: TestServer;
  let browser: Browser;
  let chernogorsk: string;
  let otherMunicipality: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    let municipalities: Map<string, string>;
    ({ hub, browser, municipalities } = await startBrowserHub({ seedDemo: true }));
    chernogorsk = municipalities.get('город Черногорск')!;
    const { data } = await hub.gql('{ regions { code municipalities { id name } } }');
    const region = data!.regions.find((r: any) => r.code === '19');
    otherMunicipality = region.municipalities.find((m: any) => m.id !== chernogorsk).id;
    const created = await hub.gql(
      'mutation ($rows: [UserInput!]!) { upsertUsers(rows: $rows) { ok } }',
      {
        rows: [
          {
            login: METHODOLOGIST.login,
            displayName: 'Методист видов',
            role: 'MUNICIPAL_METHODOLOGIST',
            municipalityId: otherMunicipality,
            password: METHODOLOGIST.password,
          },
        ],
      },
    );
    expect(created.data!.upsertUsers.ok).toBe(true);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
  });

  async function openAs(
    who: { login: string; password: string },
    url: string,
    context?: BrowserContext,
  ): Promise<Page> {
    const ctx =
      context ??
      (await browser.newContext({
        viewport: { width: 1500, height: 1000 },
        permissions: ['clipboard-read', 'clipboard-write'],
      }));
    contexts.push(ctx);
    const page = await ctx.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(url.startsWith('http') ? url : `${hub.url}/${url}`);
    if (!context) {
      await signInThroughForm(page, who.login, who.password);
    }
    return page;
  }
  const admin = () => ({ login: 'admin', password: hub.adminPassword });

  /** Displayed page columns left to right (rendered ones: the grid virtualises columns). */
  const headerIds = (page: Page) =>
    page
      .getByTestId('editable-grid')
      .locator('.ag-header-cell[col-id]')
      .evaluateAll((cells) =>
        cells
          .map((c) => [Number(c.getAttribute('aria-colindex')), c.getAttribute('col-id')!] as const)
          .sort((a, b) => a[0] - b[0])
          .map(([, id]) => id),
      )
      .then((ids) => ids.filter((id) => !OWN.has(id)));
  const headerWidth = (page: Page, colId: string) =>
    page
      .getByTestId('editable-grid')
      .locator(`.ag-header-cell[col-id="${colId}"]`)
      .evaluate((cell) => Math.round(cell.getBoundingClientRect().width));
  const filters = async (page: Page) => ({
    municipality: await page.getByTestId('municipality-select').inputValue(),
    period: await page.getByTestId('period-select').inputValue(),
    direction: await page.getByTestId('direction-select').inputValue(),
  });
  async function saveView(page: Page, name: string, options: { shared?: boolean } = {}) {
    await page.getByTestId('views-save').click();
    await page.getByTestId('views-name').fill(name);
    if (options.shared) {
      await page.getByTestId('views-shared').check();
    }
    await page.getByTestId('views-save-new').click();
    await eventually(async () =>
      expect(await page.getByTestId('views-current').innerText()).toContain(`«${name}»`),
    );
  }

  it('saves filters and columns as a shared view; the link brings them back, also for a methodologist who keeps a copy', async () => {
    const page = await openAs(admin(), `#/indicators?municipality=${chernogorsk}`);
    await page.getByTestId('direction-select').selectOption('1.1');
    await page.getByTestId('period-select').selectOption(PERIOD);
    await page.getByTestId('editable-grid').locator('.ag-header-cell[col-id="unitName"]').waitFor();
    const [, hidden, resized] = await eventually(async () => {
      const ids = await headerIds(page);
      expect(ids.length).toBeGreaterThan(3);
      return ids;
    });

    // Hide a column with the keyboard-usable column list, then widen another by dragging.
    await page.getByTestId('views-columns').click();
    await page.getByTestId(`views-column-${hidden}`).uncheck();
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('views-columns-panel').count()).toBe(0);
    await eventually(async () => expect(await headerIds(page)).not.toContain(hidden));
    const before = await headerWidth(page, resized);
    const handle = page
      .getByTestId('editable-grid')
      .locator(`.ag-header-cell[col-id="${resized}"] .ag-header-cell-resize`);
    const box = (await handle.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 40, box.y + box.height / 2, { steps: 4 });
    await page.mouse.move(box.x + box.width / 2 + 90, box.y + box.height / 2, { steps: 4 });
    await page.mouse.up();
    const width = await headerWidth(page, resized);
    expect(width).toBeGreaterThan(before + 60);
    const chosen = await filters(page);
    expect(chosen).toEqual({ municipality: chernogorsk, period: PERIOD, direction: '1.1' });

    await saveView(page, 'Черногорск 1.1', { shared: true });
    const [stored] = (await hub.gql(LIST, { page: 'indicators' })).data!.savedViews;
    expect(stored).toMatchObject({ name: 'Черногорск 1.1', shared: true, mine: true, version: 1 });
    expect(stored.state.params).toEqual(chosen);
    const columns = new Map(stored.state.columns.map((c: any) => [c.colId, c]));
    expect(columns.get(hidden)).toMatchObject({ hide: true });
    expect(columns.get(resized)).toMatchObject({ width });
    expect([...columns.keys()].some((id) => OWN.has(id as string))).toBe(false);

    // The link, from the menu (Tab reaches the menu's buttons; Escape closes it).
    await page.getByTestId('views-button').click();
    const item = page.getByTestId('views-menu').locator('[data-name="Черногорск 1.1"]');
    await item.getByTestId('view-copy-link').click();
    const link = await page.getByTestId('view-link').inputValue();
    expect(link).toBe(`${hub.url}/#/indicators?view=${stored.slug}`);
    await eventually(async () =>
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link),
    );
    await page.getByTestId('views-button').focus();
    await page.keyboard.press('Tab');
    expect(
      await page.evaluate(
        () => document.activeElement?.closest('[data-testid="views-menu"]') !== null,
      ),
    ).toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('views-menu').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'views-button',
    );

    // Other filters, then the link and a reload: the view's filters and columns are back.
    await page.getByTestId('direction-select').selectOption('1.2');
    // The link opened in the same tab applies the view at once …
    await page.goto(link);
    await eventually(async () => expect(await filters(page)).toEqual(chosen));
    expect(page.url()).toContain(`view=${stored.slug}`);
    // … and the address keeps naming it, so a reload opens it again.
    await page.reload();
    await page.getByTestId('user-badge').waitFor();
    await eventually(async () => expect(await filters(page)).toEqual(chosen));
    await page
      .getByTestId('editable-grid')
      .locator(`.ag-header-cell[col-id="${resized}"]`)
      .waitFor();
    await eventually(async () => {
      expect(await headerIds(page)).not.toContain(hidden);
      expect(await headerWidth(page, resized)).toBe(width);
    });
    expect(await page.getByTestId('views-current').innerText()).toBe('Вид: «Черногорск 1.1»');

    // A methodologist of another municipality: the same filters and columns, their own rights.
    const other = await openAs(METHODOLOGIST, link);
    await eventually(async () => expect(await filters(other)).toEqual(chosen));
    await other
      .getByTestId('editable-grid')
      .locator(`.ag-header-cell[col-id="${resized}"]`)
      .waitFor();
    await eventually(async () => {
      expect(await headerIds(other)).not.toContain(hidden);
      expect(await headerWidth(other, resized)).toBe(width);
    });
    expect(await other.getByTestId('views-current').innerText()).toMatch(
      /^Вид пользователя .+: «Черногорск 1\.1»/,
    );
    // Another municipality's values: read only for them.
    await other.getByTestId('read-only-notice').waitFor();
    // Not theirs to overwrite: only «save as new», which keeps a copy of their own.
    await other.getByTestId('views-save').click();
    expect(await other.getByTestId('views-update').count()).toBe(0);
    expect(await other.getByTestId('views-name').inputValue()).toBe('Черногорск 1.1');
    await other.getByTestId('views-name').fill('Копия Черногорска');
    await other.getByTestId('views-save-new').click();
    await eventually(async () =>
      expect(await other.getByTestId('views-current').innerText()).toBe('Вид: «Копия Черногорска»'),
    );
    await other.getByTestId('views-button').click();
    expect(await other.getByTestId('views-menu').getByTestId('view-apply').allInnerTexts()).toEqual(
      ['Копия Черногорска'],
    );
    // The administrator's view is as it was.
    const [still] = (await hub.gql(LIST, { page: 'indicators' })).data!.savedViews;
    expect(still).toMatchObject({ id: stored.id, version: 1, name: 'Черногорск 1.1' });
  });

  it('tells a methodologist «Вид не найден» for a view that is not shared', async () => {
    const { data } = await hub.gql(SAVE, {
      input: {
        page: 'indicators',
        name: 'Личный',
        state: { params: { municipality: chernogorsk, period: PERIOD, direction: '1.2' } },
      },
    });
    const page = await openAs(METHODOLOGIST, `#/indicators?view=${data!.saveView.slug}`);
    const notice = page.getByTestId('views-notice');
    await notice.waitFor();
    expect(await notice.innerText()).toMatch(/^Вид не найден/);
    expect(await notice.getAttribute('role')).toBe('alert');
    expect(await page.getByTestId('views-current').count()).toBe(0);
    // The page keeps its own defaults: the methodologist's municipality.
    await eventually(async () =>
      expect(await page.getByTestId('municipality-select').inputValue()).toBe(otherMunicipality),
    );
  });

  it('opens a bare page with the default view, and shows a stale save from a second tab as a conflict', async () => {
    const analyst = { login: 'views.analyst', password: 'views-Analyst-2024' };
    const created = await hub.gql(
      'mutation ($rows: [UserInput!]!) { upsertUsers(rows: $rows) { ok } }',
      { rows: [{ ...analyst, displayName: 'Аналитик видов', role: 'ADMIN' }] },
    );
    expect(created.data!.upsertUsers.ok).toBe(true);
    const first = await openAs(analyst, `#/indicators?municipality=${chernogorsk}`);
    await first.getByTestId('direction-select').selectOption('1.2');
    await first.getByTestId('period-select').selectOption(PERIOD);
    await first.getByTestId('views-save').click();
    await first.getByTestId('views-name').fill('Основной');
    await first.getByTestId('views-default').check();
    await first.getByTestId('views-save-new').click();
    await eventually(async () =>
      expect(await first.getByTestId('views-current').innerText()).toBe('Вид: «Основной»'),
    );

    // A bare page in a second tab: the default view applies.
    const second = await openAs(analyst, '#/indicators', first.context());
    await eventually(async () =>
      expect(await filters(second)).toEqual({
        municipality: chernogorsk,
        period: PERIOD,
        direction: '1.2',
      }),
    );
    expect(await second.getByTestId('views-current').innerText()).toBe('Вид: «Основной»');
    await second.getByTestId('views-button').click();
    const item = second.getByTestId('views-menu').locator('[data-name="Основной"]');
    expect(await item.getByTestId('view-default').innerText()).toBe('по умолчанию');
    await second.keyboard.press('Escape');

    // The first tab updates the view; the second still holds version 1.
    await first.getByTestId('views-save').click();
    await first.getByTestId('views-update').click();
    await first.getByTestId('views-dialog').waitFor({ state: 'detached' });
    await second.getByTestId('views-save').click();
    await second.getByTestId('views-update').click();
    const error = second.getByTestId('views-dialog-error');
    await error.waitFor();
    expect(await error.innerText()).toMatch(/^Вид изменён в другой вкладке.*версия 2/);
    expect(await error.getAttribute('role')).toBe('alert');
    // Nothing was written by the stale save; after the reload a second try goes through.
    const listed = async () =>
      (
        await hub.gql(LIST, { page: 'indicators' }, { token: await tokenOf(analyst) })
      ).data!.savedViews.find((v: any) => v.name === 'Основной');
    expect((await listed()).version).toBe(2);
    await second.getByTestId('views-update').click();
    await second.getByTestId('views-dialog').waitFor({ state: 'detached' });
    expect((await listed()).version).toBe(3);
  });

  async function tokenOf(who: { login: string; password: string }): Promise<string> {
    const response = await fetch(`${hub.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation ($l: String!, $p: String!) { signIn(login: $l, password: $p) { token } }',
        variables: { l: who.login, p: who.password },
      }),
    });
    const body = (await response.json()) as { data: { signIn: { token: string } } };
    return body.data.signIn.token;
  }
});
