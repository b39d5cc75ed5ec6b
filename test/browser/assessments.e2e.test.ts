// Assessment pages in headless Chromium against the real server on an empty database (no demo
// data): twelve schools of Черногорск write ВПР mathematics in 2023 and 2024 and ОГЭ in 2024;
// one school («Альфа») is clearly inflated in 2024 (90 % with a small spread while the region is
// near 55 %, its ОГЭ below the region's). The analysis flags it with high_vs_region, leaves it out
// of the ШНОР selection and names the three weakest schools ШНОР. The pages show all of it.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Municipality,
  Organization,
  OrganizationKind,
} from '../../server/modules/geography/geography.entity';
import type { TestServer } from '../helpers/server';
import { eventually, hasChromium, signInThroughForm, startBrowserHub } from './browser-setup';

const REGION = '19';
const MUNICIPALITY = '19-chernogorsk';
const VPR_2023 = 'E2E-VPR-2023-MATH-5';
const VPR_2024 = 'E2E-VPR-2024-MATH-5';
const OGE_2024 = 'E2E-OGE-2024-MATH-9';

const PROCEDURES = `mutation ($rows: [AssessmentProcedureInput!]!) {
  upsertAssessmentProcedures(rows: $rows) { ok created errors { index field code message } }
}`;
const RESULTS = `mutation ($rows: [AssessmentResultInput!]!) {
  upsertAssessmentResults(rows: $rows) { ok created errors { index field code message } }
}`;
const RUN = `mutation ($regionCode: String!, $year: Int!) {
  runAssessmentAnalysis(regionCode: $regionCode, year: $year) {
    id year results signs flaggedSchools shnor shnsu riskZone objectivityExcluded indicatorValues
    region { code }
  }
}`;

const vpr = (code: string, year: number) => ({
  code,
  kind: 'VPR',
  subject: 'Математика',
  grade: 5,
  year,
  maxScore: 20,
  tasks: Array.from({ length: 10 }, (_, i) => ({ number: String(i + 1), maxScore: 2 })),
  markThresholds: { '3': 7, '4': 12, '5': 16 },
});
const OGE = {
  code: OGE_2024,
  kind: 'OGE',
  subject: 'Математика',
  grade: 9,
  year: 2024,
  maxScore: 31,
  markThresholds: { '3': 8, '4': 15, '5': 22 },
};

// The inflated school and eleven clean ones with their ВПР 2024 mean % (the region's weighted
// mean comes out at 55,6 %). The three weakest are the bottom quartile in both years.
const INFLATED = { code: 'e2e-alfa', name: 'Школа «Альфа»', mean: 90 };
const CLEAN = [
  { code: 'e2e-beta', name: 'Школа «Бета»', mean: 46 },
  { code: 'e2e-gamma', name: 'Школа «Гамма»', mean: 47 },
  { code: 'e2e-delta', name: 'Школа «Дельта»', mean: 49 },
  { code: 'e2e-epsilon', name: 'Школа «Эпсилон»', mean: 50 },
  { code: 'e2e-zeta', name: 'Школа «Дзета»', mean: 52 },
  { code: 'e2e-eta', name: 'Школа «Эта»', mean: 53 },
  { code: 'e2e-theta', name: 'Школа «Тета»', mean: 54 },
  { code: 'e2e-iota', name: 'Школа «Йота»', mean: 55 },
  { code: 'e2e-kappa', name: 'Школа «Каппа»', mean: 56 },
  { code: 'e2e-lambda', name: 'Школа «Лямбда»', mean: 57 },
  { code: 'e2e-mu', name: 'Школа «Мю»', mean: 58 },
];
const SCHOOLS = [INFLATED, ...CLEAN];
const N = 60;
const round1 = (x: number) => Math.round(x * 10) / 10;
// Task profile of an average school (mean 56 %), shifted to each school's mean.
const PROFILE = [85, 80, 75, 70, 62, 55, 48, 40, 30, 15];

function cleanVpr2024(school: { code: string; mean: number }) {
  const k = school.mean - 46;
  const mark5 = Math.round(N * (0.05 + k * 0.01));
  const mark4 = Math.round(N * (0.25 + k * 0.01));
  const mark2 = Math.round(N * (0.15 - k * 0.008));
  return {
    procedureCode: VPR_2024,
    organizationCode: school.code,
    participants: N,
    mark2,
    mark3: N - mark2 - mark4 - mark5,
    mark4,
    mark5,
    meanPercent: school.mean,
    meanScore: round1((school.mean / 100) * 20),
    // 4 of 20 points: the lower bound of the best clean school (58 %) stays below the region.
    scoreSd: 4,
    taskCompletion: PROFILE.map((p) => Math.min(100, Math.max(0, p + school.mean - 56))),
    journalLowered: 12,
    journalConfirmed: 42,
    journalRaised: 6,
  };
}

const INFLATED_VPR_2024 = {
  procedureCode: VPR_2024,
  organizationCode: INFLATED.code,
  participants: N,
  mark2: 0,
  mark3: 3,
  mark4: 17,
  mark5: 40,
  meanPercent: 90,
  meanScore: 18,
  scoreSd: 1.5,
  taskCompletion: [95, 94, 93, 92, 91, 90, 89, 88, 85, 83],
  journalLowered: 1,
  journalConfirmed: 57,
  journalRaised: 2,
};

// ОГЭ of the same subject: the clean schools near the region, «Альфа» below it.
function oge(school: { code: string; mean: number }) {
  const percent = school === INFLATED ? 45 : 50 + (school.mean - 53) * 0.5;
  return {
    procedureCode: OGE_2024,
    organizationCode: school.code,
    participants: 40,
    meanPercent: percent,
    meanScore: round1((percent / 100) * 31),
    scoreSd: 5,
  };
}

// 2023: everyone ordinary («Альфа» included), a wider spread: nobody is above the region.
function vpr2023(school: { code: string; mean: number }) {
  const mean = school === INFLATED ? 52 : school.mean;
  return {
    procedureCode: VPR_2023,
    organizationCode: school.code,
    participants: N,
    meanPercent: mean,
    meanScore: round1((mean / 100) * 20),
    scoreSd: 5,
  };
}

describe.skipIf(!hasChromium)('assessment pages in Chromium', () => {
  let hub: TestServer;
  let browser: Browser;
  let page: Page;
  let municipalityId: string;
  const organizationIds = new Map<string, string>();

  async function expectOk(query: string, variables: Record<string, unknown>, field: string) {
    const response = await hub.gql(query, variables);
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    const result = response.data![field];
    expect(result.errors, JSON.stringify(result.errors)).toEqual([]);
    expect(result.ok).toBe(true);
  }

  async function runAnalysis(year: number) {
    const response = await hub.gql(RUN, { regionCode: REGION, year });
    // Reported verbatim when the server refuses: the request and what came back.
    expect(
      response.errors,
      `runAssessmentAnalysis(regionCode: "${REGION}", year: ${year}) → ${JSON.stringify(response.errors)}`,
    ).toBeUndefined();
    return response.data!.runAssessmentAnalysis;
  }

  beforeAll(async () => {
    let municipalities: Map<string, string>;
    ({ hub, browser, municipalities } = await startBrowserHub());
    municipalityId = municipalities.get('город Черногорск')!;
    const em = hub.orm.em.fork();
    const municipality = await em.findOneOrFail(Municipality, { code: MUNICIPALITY });
    for (const school of SCHOOLS) {
      em.create(Organization, {
        municipality,
        code: school.code,
        name: school.name,
        kind: OrganizationKind.SCHOOL,
        enrolment: 600,
      });
    }
    await em.flush();
    const { data } = await hub.gql(
      'query ($m: ID!) { organizations(filter: { municipalityId: { eq: $m } }, first: 500) { nodes { id code } } }',
      { m: municipalityId },
    );
    for (const o of data!.organizations.nodes) {
      organizationIds.set(o.code, o.id);
    }

    await expectOk(
      PROCEDURES,
      { rows: [vpr(VPR_2023, 2023), vpr(VPR_2024, 2024), OGE] },
      'upsertAssessmentProcedures',
    );
    await expectOk(
      RESULTS,
      {
        rows: [
          ...SCHOOLS.map(vpr2023),
          INFLATED_VPR_2024,
          ...CLEAN.map(cleanVpr2024),
          ...SCHOOLS.map(oge),
        ],
      },
      'upsertAssessmentResults',
    );

    // 2023 first: ШНОР in 2024 needs the bottom quartile of 2023 as well.
    const first = await runAnalysis(2023);
    expect(first).toMatchObject({ year: 2023, results: 12, signs: 0, flaggedSchools: 0 });
    const second = await runAnalysis(2024);
    expect(second).toMatchObject({
      year: 2024,
      results: 24,
      flaggedSchools: 1,
      shnor: 3,
      shnsu: 0,
      riskZone: 0,
      objectivityExcluded: 1,
    });
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

  it('lists the inflated school with its evidence on the objectivity page, and re-runs the analysis from its button', async () => {
    const { data } = await hub.gql(
      '{ objectivitySigns(filter: { year: [2024] }, first: 500) { nodes { sign organization { name } } } }',
    );
    const signs = data!.objectivitySigns.nodes;
    expect(new Set(signs.map((s: any) => s.organization.name))).toEqual(new Set([INFLATED.name]));
    expect(signs.map((s: any) => s.sign)).toContain('HIGH_VS_REGION');

    await openPage('#/assessments/objectivity');
    expect(await page.getByTestId('nav-assessments-objectivity').innerText()).toBe('Объективность');
    expect(await page.getByTestId('nav-assessments-results').innerText()).toBe(
      'Результаты оценочных процедур',
    );
    expect(await page.getByTestId('nav-assessments-low-results').innerText()).toBe('ШНОР и ШНСУ');
    // The newest year with signs is chosen by default.
    await eventually(async () =>
      expect(await page.getByTestId('objectivity-year-select').inputValue()).toBe('2024'),
    );
    const school = page.getByTestId('objectivity-school');
    await eventually(async () => expect(await school.count()).toBe(1));
    await expect.poll(() => school.getByTestId('school-name').innerText()).toBe(INFLATED.name);
    expect(await school.getAttribute('data-organization')).toBe(organizationIds.get(INFLATED.code));
    expect(await school.getByTestId('school-municipality').innerText()).toBe('г. Черногорск');

    const high = school.locator('[data-testid="objectivity-sign"][data-sign="HIGH_VS_REGION"]');
    expect(await high.getByTestId('sign-kind').innerText()).toBe(
      'Превышение над регионом (доверительный интервал)',
    );
    expect(await high.getByTestId('sign-procedure').innerText()).toBe('ВПР · Математика · 5 кл.');
    const evidence = high.getByTestId('sign-evidence');
    expect(await evidence.isVisible()).toBe(true);
    const text = await evidence.innerText();
    expect(text).toContain('нижняя граница');
    expect(text).toContain('ДИ');
    expect(text).toContain('90');
    expect(text).toContain('n = 60');
    expect(text).toContain('ОГЭ «Математика» не подтверждает');
    expect(await high.getByTestId('sign-method').innerText()).toContain('high_vs_region/1');
    expect(await high.getByTestId('sign-metric').innerText()).toMatch(
      /^значение \d+,\d+ при пороге 55,\d+$/,
    );

    const listed = await page.getByTestId('objectivity-schools').innerText();
    for (const clean of CLEAN) {
      expect(listed).not.toContain(clean.name);
    }

    // The administrator runs the analysis again from the page: same counts, same list.
    const panel = page.getByTestId('run-analysis');
    // The last run's region is proposed.
    await eventually(async () =>
      expect(await panel.getByTestId('run-region').inputValue()).toBe(REGION),
    );
    await panel.getByTestId('run-year').fill('2024');
    await panel.getByTestId('run-analysis-button').click();
    await eventually(
      async () =>
        expect(await panel.getByTestId('run-result').innerText()).toContain(
          'Анализ выполнен: Республика Хакасия, 2024 год',
        ),
      30_000,
    );
    const count = async (field: string) =>
      (await panel.getByTestId(`run-count-${field}`).locator('dd').innerText()).trim();
    expect(await count('results')).toBe('24');
    expect(await count('flaggedSchools')).toBe('1');
    expect(await count('shnor')).toBe('3');
    expect(await count('objectivityExcluded')).toBe('1');
    await eventually(async () => expect(await school.count()).toBe(1));
    expect(await school.getByTestId('school-name').innerText()).toBe(INFLATED.name);

    // Filtered by another sign kind: the school has no medal holders' sign.
    await page.getByTestId('sign-select').selectOption('MEDALIST_NONCONFIRMATION');
    await page.getByTestId('objectivity-empty').waitFor();
    expect(await school.count()).toBe(0);
  });

  it('shows the low-result schools of Черногорск with their rule, evidence and years', async () => {
    await openPage(`#/assessments/low-results?municipality=${municipalityId}`);
    await eventually(async () =>
      expect(await page.getByTestId('low-year-select').inputValue()).toBe('2024'),
    );
    const rows = page.getByTestId('low-result-school');
    await eventually(async () => expect(await rows.count()).toBe(4));
    const row = (code: string) =>
      page.locator(`[data-organization="${organizationIds.get(code)}"]`);

    // The weakest school: ШНОР with the rule and the two years it stands on.
    const beta = row('e2e-beta');
    expect(await beta.getByTestId('school-name').innerText()).toBe('Школа «Бета»');
    const shnor = beta.locator('[data-testid="low-status"][data-kind="SHNOR"]');
    expect(await shnor.locator('.badge').innerText()).toBe('ШНОР');
    expect(await shnor.getByTestId('low-rule').innerText()).toContain(
      'правило shnor/bottom-quartile-2y/1',
    );
    const because = await shnor.getByTestId('low-evidence').innerText();
    expect(because).toContain('2 года подряд');
    expect(because).toContain('2023 г.');
    expect(await beta.locator('[data-testid="history-chip"][data-year="2023"]').textContent()).toBe(
      '2023 —',
    );
    expect(await beta.locator('[data-testid="history-chip"][data-year="2024"]').textContent()).toBe(
      '2024 ШНОР',
    );

    // The inflated school: left out of the ШНОР selection for its objectivity signs.
    const alfa = row(INFLATED.code);
    const excluded = alfa.locator('[data-testid="low-status"][data-kind="OBJECTIVITY_EXCLUDED"]');
    expect(await excluded.locator('.badge').innerText()).toBe(
      'исключена из отбора ШНОР (признаки необъективности)',
    );
    expect(await excluded.getByTestId('low-evidence').innerText()).toContain(
      'признаки необъективности',
    );
    expect(await page.getByTestId('low-count-SHNOR').innerText()).toBe('ШНОР: 3');
    expect(await row('e2e-mu').count()).toBe(0);
  });

  it('shows and saves the results of the municipality’s schools in the grid', async () => {
    await openPage(
      `#/assessments/results?municipality=${municipalityId}&year=2024&procedure=${VPR_2024}`,
    );
    const grid = page.getByTestId('editable-grid');
    const alfaRow = grid.locator(`[row-id="o:${organizationIds.get(INFLATED.code)}"]`);
    await eventually(async () =>
      expect(await alfaRow.locator('[col-id="organizationName"]').first().innerText()).toBe(
        INFLATED.name,
      ),
    );
    expect(await page.getByTestId('procedure-select').inputValue()).toBe(VPR_2024);
    const cell = (code: string, field: string) =>
      grid.locator(`[row-id="o:${organizationIds.get(code)}"] [col-id="${field}"]`);
    expect(await cell(INFLATED.code, 'participants').innerText()).toBe('60');
    expect(await cell(INFLATED.code, 'meanPercent').innerText()).toBe('90');
    expect(await cell(INFLATED.code, 'mark5').innerText()).toBe('40');

    // An impossible figure comes back from the server onto its cell, and nothing is saved.
    await cell('e2e-beta', 'mark2').dblclick();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('70');
    await page.keyboard.press('Enter');
    await page.getByTestId('grid-save').click();
    await page.getByTestId('grid-errors').waitFor();
    expect(await page.getByTestId('grid-errors').innerText()).toContain('больше, чем участников');
    expect(await cell('e2e-beta', 'mark2').getAttribute('class')).toMatch(/eg-cell-error/);

    // Corrected: saved with the stored version, which the server then increments.
    const RESULT = `query ($o: ID!) {
      assessmentResults(filter: { organizationId: { eq: $o }, procedureCode: { eq: "${VPR_2024}" } }) {
        nodes { version mark2 }
      }
    }`;
    const stored = async () =>
      (await hub.gql(RESULT, { o: organizationIds.get('e2e-beta') })).data!.assessmentResults
        .nodes[0];
    const before = await stored();
    await cell('e2e-beta', 'mark2').dblclick();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('8');
    await page.keyboard.press('Enter');
    await page.getByTestId('grid-save').click();
    await page.getByTestId('grid-saved').waitFor();
    expect(await stored()).toEqual({ version: before.version + 1, mark2: 8 });
  });
});
