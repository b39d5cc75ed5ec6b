// A grid over 100,000 rows (issue #8, large tables) in headless Chromium on the demo data
// (≈ 110,000 ВсОШ entries), as the administrator: «Все записи» of the olympiad protocols opens
// with the exact total after one or two requests of 100 rows; scrolled to the middle it asks only
// for the blocks around the viewport (never walking from the top), shows the rows the API has at
// those offsets and keeps a few dozen rows in the page; a click on a header sorts on the server.
import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../helpers/server';
import { eventually, hasChromium, signInThroughForm, startBrowserHub } from './browser-setup';

const GRID = '[data-testid="oly-all-grid"]';
const OPERATION = 'query OlympiadRecordPage';
const FILTER = { olympiadCode: 'VSOSH' };
const PAGE_QUERY = `query ($filter: OlympiadRecordFilter, $orderBy: [OlympiadRecordOrder!], $first: Int, $offset: Int) {
  olympiadRecords(filter: $filter, orderBy: $orderBy, first: $first, offset: $offset) {
    totalCount nodes { id score student { code } }
  }
}`;

interface PageVariables {
  filter?: Record<string, unknown>;
  orderBy?: { field: string; direction: string }[];
  first: number;
  offset: number;
}

describe.skipIf(!hasChromium)('a grid over 100,000 rows pages through the server', () => {
  let hub: TestServer;
  let browser: Browser;
  let page: Page;
  /** Variables of every records-page request the browser sent, in order. */
  const sent: PageVariables[] = [];

  const serverPage = async (variables: Partial<PageVariables>) =>
    (await hub.gql(PAGE_QUERY, { filter: FILTER, ...variables })).data!.olympiadRecords as {
      totalCount: number;
      nodes: { id: string; score: number; student: { code: string } }[];
    };

  /** Student codes the grid shows, by row index (only rows whose data has arrived). */
  const shownCodes = async (): Promise<Record<number, string>> =>
    page.$$eval(`${GRID} .ag-cell[col-id="studentCode"]`, (cells) =>
      Object.fromEntries(
        cells
          .map((cell) => [
            Number(cell.closest('[row-index]')?.getAttribute('row-index')),
            cell.textContent?.trim() ?? '',
          ])
          .filter(([, code]) => code !== ''),
      ),
    );

  /** Waits until no records request has been sent for a while (debounce and answers done). */
  async function quiet(ms = 1200) {
    let count = -1;
    await eventually(async () => {
      const now = sent.length;
      const stable = now === count;
      count = now;
      if (!stable) {
        throw new Error('still requesting');
      }
    }, 20_000).catch(() => undefined);
    await page.waitForTimeout(ms);
  }

  beforeAll(async () => {
    ({ hub, browser } = await startBrowserHub({ seedDemo: true }));
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
  });

  it('opens with the first block, scrolls to the middle by blocks, sorts on the server', async () => {
    const context = await browser.newContext({ viewport: { width: 1500, height: 1000 } });
    page = await context.newPage();
    page.setDefaultTimeout(30_000);
    page.on('request', (request: Request) => {
      if (!request.url().endsWith('/graphql') || request.method() !== 'POST') {
        return;
      }
      const body = request.postDataJSON() as { query?: string; variables?: PageVariables };
      if (body?.query?.includes(OPERATION)) {
        sent.push(body.variables!);
      }
    });
    await page.goto(`${hub.url}/#/olympiads`);
    await signInThroughForm(page, 'admin', hub.adminPassword);
    await page.getByTestId('oly-records-page').waitFor();
    await page.getByTestId('oly-view-all').click();

    // Opening: the exact total from the first answer, one or two blocks of 100 asked for.
    const total = page.getByTestId('oly-all-grid-total');
    await total.waitFor();
    const expected = (await serverPage({ first: 1 })).totalCount;
    const everything = (await hub.gql('{ olympiadRecords { totalCount } }')).data!.olympiadRecords
      .totalCount;
    expect(expected).toBe(everything);
    expect(expected).toBeGreaterThanOrEqual(100_000);
    expect(Number(await total.getAttribute('data-total'))).toBe(expected);
    expect((await total.innerText()).replace(/\D/g, '')).toBe(String(expected));
    await quiet();
    const opening = [...sent];
    console.log(`opening: ${opening.length} request(s)`, JSON.stringify(opening));
    expect(opening.length).toBeGreaterThanOrEqual(1);
    expect(opening.length).toBeLessThanOrEqual(2);
    expect(opening.reduce((sum, v) => sum + v.first, 0)).toBeLessThanOrEqual(200);
    for (const variables of opening) {
      expect(variables.first).toBe(100);
      expect([0, 100]).toContain(variables.offset);
      expect(variables.filter).toEqual(FILTER);
      expect(variables.orderBy).toBeUndefined();
    }
    const top = await serverPage({ first: 5, offset: 0 });
    await eventually(async () => {
      const shownTop = await shownCodes();
      expect([0, 1, 2, 3, 4].map((i) => shownTop[i])).toEqual(top.nodes.map((n) => n.student.code));
    });

    // Scroll to the middle with the mouse wheel over the rows.
    const cell = page.locator(`${GRID} [row-index="5"] .ag-cell[col-id="score"]`);
    const box = (await cell.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    // The element that scrolls vertically: the tallest scroll height in the grid.
    const scrollHeight = await page
      .locator(GRID)
      .evaluate((grid) =>
        Math.max(...[...grid.querySelectorAll('*')].map((el) => el.scrollHeight)),
      );
    await page.mouse.wheel(0, scrollHeight / 2);
    const range = page.getByTestId('oly-all-grid-range');
    await eventually(async () => {
      const from = Number((await range.innerText()).split(/[–-]/)[0].replace(/\D/g, ''));
      expect(from).toBeGreaterThan(expected / 4);
    }, 15_000);
    await quiet();
    const scrolled = sent.slice(opening.length);
    const firstShown = Number((await range.innerText()).split(/[–-]/)[0].replace(/\D/g, '')) - 1;
    console.log(
      `scrolled to row ${firstShown}: ${scrolled.length} request(s)`,
      JSON.stringify(scrolled.map((v) => [v.offset, v.first])),
    );
    expect(firstShown).toBeGreaterThan(expected / 4);
    expect(firstShown).toBeLessThan((expected * 3) / 4);
    expect(scrolled.length).toBeGreaterThanOrEqual(1);
    expect(scrolled.length).toBeLessThanOrEqual(4);
    for (const variables of scrolled) {
      expect(variables.first).toBe(100);
      expect(variables.offset % 100).toBe(0);
      // Blocks around the viewport only: nothing between the top and the scrolled position.
      expect(Math.abs(variables.offset - firstShown)).toBeLessThanOrEqual(300);
    }
    // The rows shown there are the API's rows at those offsets, in the same order.
    await eventually(async () => {
      const shown = await shownCodes();
      const server = await serverPage({ first: 10, offset: firstShown });
      const indexes = server.nodes.map((_, i) => firstShown + i).filter((i) => i in shown);
      expect(indexes.length).toBeGreaterThanOrEqual(8);
      expect(indexes.map((i) => shown[i])).toEqual(
        indexes.map((i) => server.nodes[i - firstShown].student.code),
      );
    });
    // Only a few dozen rows live in the page.
    const domRows = await page.locator(`${GRID} .ag-row:has(.ag-cell[col-id="score"])`).count();
    console.log(`rows in the DOM: ${domRows}`);
    expect(domRows).toBeGreaterThan(5);
    expect(domRows).toBeLessThan(80);

    // A click on «Балл» sorts on the server: orderBy in the request, the server's first row shown.
    const beforeSort = sent.length;
    await page.locator(`${GRID} .ag-header-cell[col-id="score"] .ag-header-cell-label`).click();
    await eventually(() => {
      expect(sent.slice(beforeSort).some((v) => v.orderBy !== undefined)).toBe(true);
      return Promise.resolve();
    }, 15_000);
    await quiet();
    const sorted = sent.slice(beforeSort);
    console.log(
      `sorted: ${sorted.length} request(s)`,
      JSON.stringify(sorted.map((v) => [v.offset, v.first, v.orderBy])),
    );
    expect(sorted.length).toBeLessThanOrEqual(2);
    for (const variables of sorted) {
      expect(variables.orderBy).toEqual([{ field: 'SCORE', direction: 'ASC' }]);
    }
    expect(sorted.map((v) => v.offset)).toContain(0);
    const lowest = await serverPage({ first: 3, orderBy: [{ field: 'SCORE', direction: 'ASC' }] });
    await eventually(async () => {
      const shown = await shownCodes();
      expect([0, 1, 2].map((i) => shown[i])).toEqual(lowest.nodes.map((n) => n.student.code));
    });
    expect(Number(await total.getAttribute('data-total'))).toBe(expected);
    await context.close();
  }, 180_000);
});
