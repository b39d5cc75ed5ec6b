// Teacher pages in headless Chromium against the real server on an empty database (no demo
// data), signed in as the administrator: four teachers of two Черногорск schools, a diagnostic
// campaign of 2024/2025 with their results (two of the three mathematics teachers below the
// subject threshold). The deficit map shows 66,7 % (n = 3) for mathematics × subject. The
// diagnostics page imports a campaign's results file: a bad row (unknown personnel code, a score
// over the maximum) is reported with the file's row and column and nothing is written; the
// corrected file is checked and committed, and the results are stored with their deficits.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Municipality,
  Organization,
  OrganizationKind,
} from '../../server/modules/geography/geography.entity';
import type { TestServer } from '../helpers/server';
import { eventually, hasChromium, signInThroughForm, startBrowserHub } from './browser-setup';

const MUNICIPALITY = '19-chernogorsk';
const SCHOOLS = [
  { code: 'e2e-t-school-1', name: 'Школа «Берёзка»', shortName: 'СОШ «Берёзка»' },
  { code: 'e2e-t-school-2', name: 'Школа «Рябинка»', shortName: 'СОШ «Рябинка»' },
];
// Held in the 2024/2025 academic year: the deficit map's data.
const MAP_CAMPAIGN = 'E2E-CNPPM-2024-10';
// Held in 2025/2026: filled by the file import only.
const IMPORT_CAMPAIGN = 'E2E-CNPPM-2025-10';

const TEACHERS = [
  {
    personnelCode: 'E2E-T-001',
    fullName: 'Иванова Анна Петровна',
    organizationCode: SCHOOLS[0].code,
    subjects: ['Математика'],
    birthYear: 1998,
    teachingExperienceYears: 2,
    totalExperienceYears: 2,
  },
  {
    personnelCode: 'E2E-T-002',
    fullName: 'Петров Олег Ильич',
    organizationCode: SCHOOLS[0].code,
    subjects: ['Математика'],
    birthYear: 1975,
    teachingExperienceYears: 25,
    totalExperienceYears: 27,
  },
  {
    personnelCode: 'E2E-T-003',
    fullName: 'Сидорова Мария Андреевна',
    organizationCode: SCHOOLS[1].code,
    subjects: ['Математика'],
    birthYear: 1985,
    teachingExperienceYears: 12,
    totalExperienceYears: 14,
  },
  {
    personnelCode: 'E2E-T-004',
    fullName: 'Кузнецов Пётр Сергеевич',
    organizationCode: SCHOOLS[1].code,
    subjects: ['Физика'],
    birthYear: 1980,
    teachingExperienceYears: 18,
    totalExperienceYears: 18,
  },
];

const AREAS = [
  { area: 'SUBJECT', maxScore: 100, deficitBelow: 50 },
  { area: 'METHODICAL', maxScore: 100, deficitBelow: 50 },
];

const UPSERT_TEACHERS = `mutation ($rows: [TeacherInput!]!) {
  upsertTeachers(rows: $rows) { ok errors { index field code message } rows { id personnelCode } }
}`;
const UPSERT_CAMPAIGNS = `mutation ($rows: [DiagnosticCampaignInput!]!) {
  upsertDiagnosticCampaigns(rows: $rows) { ok errors { index field code message } }
}`;
const UPSERT_RESULTS = `mutation ($rows: [DiagnosticResultInput!]!) {
  upsertDiagnosticResults(rows: $rows) { ok errors { index field code message } }
}`;
const STORED_RESULTS = `query ($code: String!) {
  diagnosticResults(filter: { campaignCode: { eq: $code } }, first: 100) {
    totalCount
    nodes { scores deficits teacher { personnelCode } }
  }
}`;

describe.skipIf(!hasChromium)('teacher pages in Chromium', () => {
  let hub: TestServer;
  let browser: Browser;
  let page: Page;
  let municipalityId: string;
  let regionId: string;
  const teacherIds = new Map<string, string>();

  async function expectOk(query: string, variables: Record<string, unknown>, field: string) {
    const response = await hub.gql(query, variables);
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    const result = response.data![field];
    expect(result.errors, JSON.stringify(result.errors)).toEqual([]);
    expect(result.ok).toBe(true);
    return result;
  }

  beforeAll(async () => {
    let municipalities: Map<string, string>;
    ({ hub, browser, municipalities } = await startBrowserHub());
    municipalityId = municipalities.get('город Черногорск')!;
    const { data } = await hub.gql('{ municipalities(first: 100) { nodes { id region { id } } } }');
    regionId = data!.municipalities.nodes.find((m: any) => m.id === municipalityId).region.id;

    const em = hub.orm.em.fork();
    const municipality = await em.findOneOrFail(Municipality, { code: MUNICIPALITY });
    for (const school of SCHOOLS) {
      em.create(Organization, {
        municipality,
        code: school.code,
        name: school.name,
        shortName: school.shortName,
        kind: OrganizationKind.SCHOOL,
        enrolment: 500,
      });
    }
    await em.flush();

    const teachers = await expectOk(UPSERT_TEACHERS, { rows: TEACHERS }, 'upsertTeachers');
    for (const t of teachers.rows) {
      teacherIds.set(t.personnelCode, t.id);
    }
    await expectOk(
      UPSERT_CAMPAIGNS,
      {
        rows: [
          {
            code: MAP_CAMPAIGN,
            name: 'Диагностика ЦНППМ, осень 2024',
            heldOn: '2024-10-15',
            areas: AREAS,
          },
          {
            code: IMPORT_CAMPAIGN,
            name: 'Диагностика ЦНППМ, осень 2025',
            heldOn: '2025-10-15',
            operator: 'ЦНППМ Республики Хакасия',
            areas: AREAS,
          },
        ],
      },
      'upsertDiagnosticCampaigns',
    );
    // Mathematics × subject: 40 and 30 are below 50 (2 of 3); physics: none of 1.
    await expectOk(
      UPSERT_RESULTS,
      {
        rows: [
          { campaignCode: MAP_CAMPAIGN, personnelCode: 'E2E-T-001', scores: { SUBJECT: 40 } },
          { campaignCode: MAP_CAMPAIGN, personnelCode: 'E2E-T-002', scores: { SUBJECT: 70 } },
          { campaignCode: MAP_CAMPAIGN, personnelCode: 'E2E-T-003', scores: { SUBJECT: 30 } },
          { campaignCode: MAP_CAMPAIGN, personnelCode: 'E2E-T-004', scores: { SUBJECT: 80 } },
        ],
      },
      'upsertDiagnosticResults',
    );
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
  });

  async function openPage(hash: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1500, height: 1000 } });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${hub.url}/${hash}`);
    await signInThroughForm(page, 'admin', hub.adminPassword);
    return page;
  }

  it('shows the share of mathematics teachers with a subject deficit on the deficit map', async () => {
    await openPage(
      `#/teachers/heatmap?year=${encodeURIComponent('2024/2025')}&region=${regionId}&municipality=${municipalityId}`,
    );
    // The teacher pages sit in one header group.
    const group = page.getByTestId('nav-group-teachers');
    expect(await group.locator('summary').innerText()).toBe('Педагоги: Карта дефицитов');
    await group.locator('summary').click();
    expect(await page.getByTestId('nav-teachers-diagnostics').innerText()).toBe('Диагностика');
    await group.locator('summary').click();

    const table = page.locator(
      `[data-testid="heat-municipality"][data-municipality="${municipalityId}"]`,
    );
    await table.waitFor();
    expect(await table.locator('h3').innerText()).toBe('г. Черногорск');
    const cell = (subject: string) =>
      table.locator(`[data-testid="heat-cell"][data-area="SUBJECT"][data-subject="${subject}"]`);
    expect(await cell('Математика').getByTestId('heat-share').innerText()).toBe('66,7 %');
    expect(await cell('Математика').getByTestId('heat-n').innerText()).toBe('n = 3');
    expect(await cell('Математика').getAttribute('title')).toBe(
      'С дефицитом 2 из 3 продиагностированных',
    );
    expect(await cell('Физика').getByTestId('heat-share').innerText()).toBe('0 %');
    // Hotter means redder: the mathematics cell is on the amber–red side, physics light green.
    const background = (subject: string) =>
      cell(subject).evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(await background('Физика')).toBe('rgb(237, 248, 233)');
    expect(await background('Математика')).not.toBe('rgb(237, 248, 233)');
    expect(await table.locator('tbody th').first().innerText()).toBe('Предметная');

    // The analytics of the municipality: everyone diagnosed in the year.
    const row = page.locator(`[data-testid="analytics-row"][data-unit="${municipalityId}"]`);
    await row.waitFor();
    expect(await row.locator('th').innerText()).toBe('г. Черногорск');
    expect(await row.locator('[data-metric="teachers"]').innerText()).toBe('4');
    expect(await row.locator('[data-metric="diagnosed"]').innerText()).toBe('4');
    expect(await row.locator('[data-metric="diagnosedShare"]').innerText()).toBe('100 %');
    expect(await row.locator('[data-metric="withDeficits"]').innerText()).toBe('2');
  });

  it('imports a campaign’s results file: problems by row and column, nothing written, then commit', async () => {
    const stored = async () =>
      (await hub.gql(STORED_RESULTS, { code: IMPORT_CAMPAIGN })).data!.diagnosticResults;
    expect((await stored()).totalCount).toBe(0);

    await openPage(
      `#/teachers/diagnostics?municipality=${municipalityId}&campaign=${IMPORT_CAMPAIGN}`,
    );
    await eventually(async () =>
      expect(await page.getByTestId('campaign-select').inputValue()).toBe(IMPORT_CAMPAIGN),
    );
    expect(await page.getByTestId('campaign-meta').innerText()).toContain(
      'Предметная: макс. 100, дефицит ниже 50',
    );
    const grid = page.getByTestId('editable-grid');
    const gridCell = (code: string, field: string) =>
      grid.locator(`[row-id="t:${teacherIds.get(code)}"] [col-id="${field}"]`);
    await eventually(async () =>
      expect(await gridCell('E2E-T-001', 'fullName').first().innerText()).toBe(
        'Иванова Анна Петровна',
      ),
    );

    // The operator's headers: «Методика преподавания» is not recognised and is mapped by hand.
    const upload = async (lines: string[]) => {
      await page.getByTestId('diag-import-file').setInputFiles({
        name: 'cnppm-2025.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8'),
      });
      await page.getByTestId('diag-import-mapping').waitFor();
      expect(await page.getByTestId('map-personnelCode').inputValue()).toBe('0');
      expect(await page.getByTestId('map-SUBJECT').inputValue()).toBe('1');
      expect(await page.getByTestId('map-METHODICAL').inputValue()).toBe('');
      await page.getByTestId('map-METHODICAL').selectOption({ label: 'Методика преподавания' });
    };
    const header = 'Табельный номер;Предметные компетенции;Методика преподавания';
    await upload([header, 'E2E-T-001;72;48', 'E2E-T-404;120;45', 'E2E-T-003;35,5;60']);
    const preview = page.getByTestId('diag-import-preview');
    expect(await preview.getByTestId('diag-import-row').count()).toBe(3);
    expect(
      await preview.locator('[data-testid="diag-import-row"][data-line="4"] td').nth(2).innerText(),
    ).toBe('35,5');

    await page.getByTestId('diag-import-check').click();
    const problems = page.getByTestId('diag-import-problems');
    await problems.waitFor();
    const problem = (field: string) =>
      problems.locator(`[data-testid="diag-import-problem"][data-line="3"][data-field="${field}"]`);
    expect(await problem('personnelCode').innerText()).toBe(
      'Строка 3, столбец «Табельный номер»: Педагог E2E-T-404 не найден',
    );
    expect(await problem('SUBJECT').innerText()).toBe(
      'Строка 3, столбец «Предметные компетенции»: балл 120 вне диапазона 0–100',
    );
    expect(await problems.getByTestId('diag-import-problem').count()).toBe(2);
    expect(await problems.innerText()).toContain('ничего не записано');
    expect(
      await preview.locator('[data-testid="diag-import-row"][data-line="3"]').getAttribute('class'),
    ).toBe('tch-import-bad');
    expect(await page.getByTestId('diag-import-commit').isDisabled()).toBe(true);
    // The check was a dry run: nothing stored.
    expect((await stored()).totalCount).toBe(0);

    // The corrected file: checked, then committed.
    await upload([header, 'E2E-T-001;72;48', 'E2E-T-002;65;45', 'E2E-T-003;35,5;60']);
    await page.getByTestId('diag-import-check').click();
    await page.getByTestId('diag-import-ok').waitFor();
    expect(await page.getByTestId('diag-import-ok').innerText()).toContain(
      'будет создано 3, обновлено 0',
    );
    expect((await stored()).totalCount).toBe(0);
    await page.getByTestId('diag-import-commit').click();
    await page.getByTestId('diag-import-done').waitFor();
    expect(await page.getByTestId('diag-import-done').innerText()).toBe(
      'Загружено: создано 3, обновлено 0',
    );

    const after = await stored();
    expect(after.totalCount).toBe(3);
    const byCode = new Map<string, any>(after.nodes.map((n: any) => [n.teacher.personnelCode, n]));
    expect(byCode.get('E2E-T-001').deficits).toEqual(['METHODICAL']);
    expect(byCode.get('E2E-T-002').deficits).toEqual(['METHODICAL']);
    expect(byCode.get('E2E-T-003').deficits).toEqual(['SUBJECT']);
    expect(byCode.get('E2E-T-003').scores).toEqual({ subject: 35.5, methodical: 60 });

    // The grid reloads with the stored scores and the deficits the server found.
    await eventually(async () =>
      expect(await gridCell('E2E-T-003', 'score_SUBJECT').first().innerText()).toBe('35,5'),
    );
    const chips = gridCell('E2E-T-003', 'deficits').getByTestId('deficit-chip');
    expect(await chips.count()).toBe(1);
    expect(await chips.first().innerText()).toBe('Предметная');
    expect(await chips.first().getAttribute('data-area')).toBe('SUBJECT');
    expect(await gridCell('E2E-T-004', 'deficits').getByTestId('deficit-chip').count()).toBe(0);
  });
});
