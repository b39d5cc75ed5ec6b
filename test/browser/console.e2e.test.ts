// The GraphQL console (GraphiQL) in headless Chromium against the real server with the demo data:
// it runs the examples with the signed-in user's session and rights, never another identity, and
// «copy as curl» gives a command that replays the same request as the same user.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

import type { Browser, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../helpers/server';
import { eventually, hasChromium, signInThroughForm, startBrowserHub } from './browser-setup';

const run = promisify(execFile);

const INDICATOR = '1.1.VPR_BASIC';
const PERIOD = '2023/2024';
const COMPARE = `query Compare($input: CompareIndicatorsInput!) {
  compareIndicators(input: $input) {
    rows { unitId unitName rank value }
  }
}`;
const METHODOLOGIST = { login: 'console.metodist', password: 'console-Pass-2024' };

describe.skipIf(!hasChromium)('GraphQL console in Chromium', () => {
  let hub: TestServer;
  let browser: Browser;
  let ownRegionId: string;
  let otherRegionId: string;

  beforeAll(async () => {
    ({ hub, browser } = await startBrowserHub({ seedDemo: true }));
    const { data } = await hub.gql('{ regions { id code municipalities { id demo } } }');
    const regions: { id: string; code: string; municipalities: { id: string }[] }[] = data!.regions;
    const own = regions.find((r) => r.code === '19')!;
    ownRegionId = own.id;
    otherRegionId = regions.find((r) => r.code !== '19' && r.municipalities.length > 0)!.id;
    const created = await hub.gql(
      'mutation ($rows: [UserInput!]!) { upsertUsers(rows: $rows) { ok } }',
      {
        rows: [
          {
            login: METHODOLOGIST.login,
            displayName: 'Методист консоли',
            role: 'MUNICIPAL_METHODOLOGIST',
            municipalityId: own.municipalities[0].id,
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

  /** Failed HTTP answers and page errors seen by each page. */
  const problems = new Map<Page, string[]>();
  /** The schema introspection each page's console made. */
  const introspections = new Map<Page, Promise<Response>>();

  async function openConsole(login: string, password: string, hash = '#/console') {
    const context = await browser.newContext({
      viewport: { width: 1500, height: 1000 },
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const seen: string[] = [];
    problems.set(page, seen);
    page.on('pageerror', (error) => seen.push(String(error)));
    page.on('response', (r) => {
      if (r.status() >= 400) {
        seen.push(`${r.status()} ${r.url()} ${r.request().postData() ?? ''}`);
      }
    });
    introspections.set(
      page,
      page.waitForResponse((r) => (r.request().postData() ?? '').includes('IntrospectionQuery')),
    );
    await page.goto(`${hub.url}/${hash}`);
    await signInThroughForm(page, login, password);
    await page.getByTestId('console-page').waitFor();
    // Monaco is up when the operation editor shows its lines.
    await page.locator('.graphiql-query-editor .view-lines').waitFor();
    return page;
  }

  /** Runs the current tab and returns the console's request and the server's answer. */
  async function execute(
    page: Page,
    field: string,
    by: 'mouse' | 'keyboard' = 'mouse',
  ): Promise<{ response: Response; body: any }> {
    const [response] = await Promise.all([
      page.waitForResponse(
        (r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes(field),
      ),
      by === 'mouse'
        ? page.locator('.graphiql-execute-button').click()
        : page
            .locator('.graphiql-query-editor textarea')
            .focus()
            .then(() => page.keyboard.press('Control+Enter')),
    ]);
    return { response, body: await response.json() };
  }

  /** The visible text of the result pane (Monaco draws spaces as no-break spaces). */
  async function resultText(page: Page): Promise<string> {
    const text = await page.locator('.graphiql-response .view-lines').innerText();
    return text.replace(/\u00a0/g, ' ');
  }

  async function queryText(page: Page): Promise<string> {
    const text = await page.locator('.graphiql-query-editor .view-lines').innerText();
    return text.replace(/\u00a0/g, ' ');
  }

  it('runs the comparison example as the administrator: the rows of the municipalities', async () => {
    const page = await openConsole('admin', hub.adminPassword);
    expect(await page.getByTestId('nav-console').innerText()).toBe('Консоль GraphQL');
    expect(await page.getByTestId('console-example-comparison').innerText()).toBe(
      'Сравнение муниципалитетов',
    );
    // The schema is read within the server's depth limit: documentation and completion work.
    const introspection = await introspections.get(page)!;
    expect(introspection.status()).toBe(200);
    expect((await introspection.json()).data.__schema.queryType).toMatchObject({ name: 'Query' });

    // By keyboard: the example button, then Ctrl+Enter in the editor.
    await page.getByTestId('console-example-comparison').focus();
    await page.keyboard.press('Enter');
    await eventually(async () =>
      expect(await queryText(page)).toContain('compareIndicators(input: $input)'),
    );

    const { response, body } = await execute(page, 'compareIndicators', 'keyboard');
    // The session cookie, not a header: the console adds no identity of its own.
    expect(response.request().headers().authorization).toBeUndefined();
    const sent = JSON.parse(response.request().postData()!);
    expect(sent.variables.input).toMatchObject({ indicatorCodes: [INDICATOR] });
    expect(sent.variables.input.regionId).toEqual(expect.any(String));

    const expected = await hub.gql(sent.query, sent.variables);
    expect(expected.errors).toBeUndefined();
    expect(body).toEqual({ data: expected.data });
    const rows = expected.data!.compareIndicators.rows;
    expect(rows.length).toBeGreaterThan(3);
    await eventually(async () => {
      const shown = await resultText(page);
      expect(shown).toContain('"compareIndicators": {');
      expect(shown).toContain(`"unitName": "${rows[0].unitName}"`);
    });
    if (process.env.CONSOLE_SHOT) {
      await page.screenshot({ path: process.env.CONSOLE_SHOT });
    }
    expect(problems.get(page)).toEqual([]);
    await page.context().close();
  });

  it("runs with the signed-in methodologist's rights: the server's refusals are shown", async () => {
    // A comparison of another region, opened from a link: the administrator may run it...
    const variables = {
      input: { indicatorCodes: [INDICATOR], periods: [PERIOD], regionId: otherRegionId },
    };
    const asAdmin = await hub.gql(COMPARE, variables);
    expect(asAdmin.errors).toBeUndefined();
    const link = new URLSearchParams({ query: COMPARE, variables: JSON.stringify(variables) });
    const page = await openConsole(
      METHODOLOGIST.login,
      METHODOLOGIST.password,
      `#/console?${link}`,
    );
    expect(await page.getByTestId('user-role').innerText()).toContain('муниципальный методист');

    // ...the methodologist may not, and the console says so.
    const refused = await execute(page, 'compareIndicators');
    expect(refused.body.data ?? null).toBeNull();
    expect(refused.body.errors[0].extensions.code).toBe('FORBIDDEN');
    await eventually(async () => expect(await resultText(page)).toContain('"FORBIDDEN"'));

    // The users list is the administrators'.
    await page.evaluate(() => {
      window.location.hash = `#/console?${new URLSearchParams({
        query: '{ users(first: 5) { nodes { login role } } }',
      })}`;
    });
    await eventually(async () => expect(await queryText(page)).toContain('users(first: 5)'));
    const users = await execute(page, 'users(first: 5)');
    expect(users.body.errors[0].extensions.code).toBe('FORBIDDEN');
    await eventually(async () => expect(await resultText(page)).toContain('"FORBIDDEN"'));

    // Their own region's comparison (the example) runs.
    await page.getByTestId('console-example-comparison').click();
    await eventually(async () =>
      expect(await queryText(page)).toContain('compareIndicators(input: $input)'),
    );
    const own = await execute(page, 'compareIndicators');
    expect(JSON.parse(own.response.request().postData()!).variables.input.regionId).toBe(
      ownRegionId,
    );
    expect(own.body.errors).toBeUndefined();
    expect(own.body.data.compareIndicators.rows.length).toBeGreaterThan(0);

    // Signing in as someone else from inside the console never reaches the server.
    await page.evaluate(() => {
      window.location.hash = `#/console?${new URLSearchParams({
        query: 'mutation { signIn(login: "admin", password: "guess") { token } }',
      })}`;
    });
    await eventually(async () => expect(await queryText(page)).toContain('signIn(login'));
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.postData() ?? ''));
    await page.locator('.graphiql-execute-button').click();
    await eventually(async () =>
      expect(await resultText(page)).toContain('В консоли нельзя входить и выходить'),
    );
    expect(requests.filter((body) => body.includes('signIn'))).toEqual([]);
    expect(await page.getByTestId('user-name').innerText()).toBe('Методист консоли');
    await page.context().close();
  });

  it('copies the request as curl with the user’s token; the command returns the same data', async () => {
    const page = await openConsole(METHODOLOGIST.login, METHODOLOGIST.password);
    await page.getByTestId('console-example-comparison').click();
    await eventually(async () =>
      expect(await queryText(page)).toContain('compareIndicators(input: $input)'),
    );
    const inConsole = await execute(page, 'compareIndicators');
    expect(inConsole.body.errors).toBeUndefined();

    expect(await page.getByTestId('console-curl-warning').innerText()).toContain('ключ');
    await page.getByTestId('console-copy-curl').click();
    // The session cookie is httpOnly: the password is asked for to issue the token.
    await page.getByTestId('console-curl-password').fill('not-my-password');
    await page.getByTestId('console-curl-submit').click();
    await page.getByTestId('console-curl-error').waitFor();
    // A wrong password there does not sign the user out of the app.
    expect(await page.getByTestId('user-name').innerText()).toBe('Методист консоли');
    await page.getByTestId('console-copy-curl').click();
    await page.getByTestId('console-curl-password').fill(METHODOLOGIST.password);
    await page.getByTestId('console-curl-submit').click();
    await page.getByTestId('console-curl-copied').waitFor();

    const command: string = await page.evaluate(() => navigator.clipboard.readText());
    expect(command.startsWith(`curl '${hub.url}/graphql' \\\n  -X POST \\\n`)).toBe(true);
    const token = /-H 'Authorization: Bearer ([^']+)'/.exec(command)![1];
    // The token is the methodologist's own session, with their rights.
    const me = await hub.gql('{ me { login role } }', {}, { token });
    expect(me.data!.me).toEqual({ login: METHODOLOGIST.login, role: 'MUNICIPAL_METHODOLOGIST' });

    // The command itself, run by a shell, answers exactly what the console showed.
    const { stdout } = await run('sh', ['-c', `${command} --silent --show-error`]);
    expect(JSON.parse(stdout)).toEqual(inConsole.body);

    // A second copy reuses the token without asking again.
    await page.evaluate(() => navigator.clipboard.writeText(''));
    await page.getByTestId('console-copy-curl').click();
    await eventually(async () =>
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(command),
    );
    expect(await page.getByTestId('console-curl-confirm').count()).toBe(0);
    await page.context().close();
  });
});
