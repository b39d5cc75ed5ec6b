// What every browser test needs: Chromium (or a loud notice), the built client, a seeded hub.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { build } from 'vite';
import { startTestServer, type TestServer } from '../helpers/server';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const hasChromium = fs.existsSync(CHROMIUM);
if (!hasChromium) {
  const message = `Browser tests need Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`;
  // CI must run them; elsewhere they are skipped with this notice.
  if (process.env.CI) {
    throw new Error(message);
  }
  console.warn(`SKIPPED: ${message}`);
}

export async function eventually<T>(check: () => Promise<T>, timeout = 8000): Promise<T> {
  const until = Date.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > until) {
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

export interface BrowserHub {
  hub: TestServer;
  browser: Browser;
  /** Municipality ids by name. */
  municipalities: Map<string, string>;
}

/** Builds the client into a temp folder, starts a seeded hub serving it, launches Chromium. */
export async function startBrowserHub(
  /** Extra server settings, e.g. `{ seedDemo: true }` for the synthetic demo data. */
  config: Parameters<typeof startTestServer>[1] = {},
): Promise<BrowserHub> {
  const clientDir = fs.mkdtempSync(path.join(os.tmpdir(), 'msoko-client-'));
  await build({
    configFile: path.join(__dirname, '../../vite.config.mts'),
    build: { outDir: clientDir, emptyOutDir: true, sourcemap: false },
    logLevel: 'warn',
  });
  const hub = await startTestServer('pglite', { ...config, clientDir });
  const { data } = await hub.gql('{ municipalities(first: 100) { nodes { id name } } }');
  const municipalities = new Map<string, string>(
    data!.municipalities.nodes.map((m: any) => [m.name, m.id]),
  );
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  return { hub, browser, municipalities };
}

/** Signs in through the client's form, as a person would, and waits for the signed-in header. */
export async function signInThroughForm(
  page: Page,
  login: string,
  password: string,
): Promise<void> {
  await page.getByTestId('sign-in-form').waitFor();
  await page.getByTestId('sign-in-login').fill(login);
  await page.getByTestId('sign-in-password').fill(password);
  await page.getByTestId('sign-in-submit').click();
  await page.getByTestId('user-badge').waitFor();
}

/** Cell helpers of the shared grid for a page that a test may replace between its cases. */
export function gridCells(page: () => Page, grid: () => Locator) {
  const cell = (rowId: string, col: string): Locator =>
    grid().locator(`[row-id="${rowId}"] [col-id="${col}"]`);

  /** Opens the cell's editor, replaces its text and commits it with Enter. */
  async function editCell(rowId: string, col: string, text: string): Promise<void> {
    await cell(rowId, col).dblclick();
    await page().keyboard.press('Control+a');
    await page().keyboard.type(text);
    await page().keyboard.press('Enter');
  }

  /** Pastes TSV at the cell through a paste event (the clipboard itself: test/browser/grid). */
  async function pasteInto(rowId: string, col: string, text: string): Promise<void> {
    await cell(rowId, col).click();
    await page().evaluate((tsv) => {
      const data = new DataTransfer();
      data.setData('text/plain', tsv);
      document.activeElement!.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    }, text);
  }

  return { cell, editCell, pasteInto };
}
