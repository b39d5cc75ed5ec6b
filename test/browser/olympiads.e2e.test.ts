// Olympiad pages in headless Chromium against the real server on an empty database (no demo
// data), signed in as the administrator. Two Черногорск schools with their pupils per grade
// (ОО-1) and a ВсОШ mathematics year written through the API: «Кедр» has 20 pupils of grade 7
// and 5 school-stage participants (25 % coverage, 10 % a year before), «Сосна» 40 pupils of
// grade 9 and 8 participants (20 %); 2 and 3 of them go on to the municipal stage, where K-01
// becomes a prize-winner. The funnel shows it per school; the talent bank lists K-01 with the
// history; a protocol file with a bad row is refused naming the row and the column, the fixed
// file is written at once; a grid edit is saved with the entry's version. One chemistry paper far
// above its group is a re-check candidate.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Municipality,
  Organization,
  OrganizationKind,
} from '../../server/modules/geography/geography.entity';
import type { TestServer } from '../helpers/server';
import { eventually, hasChromium, signInThroughForm, startBrowserHub } from './browser-setup';

const MUNICIPALITY = '19-chernogorsk';
const KEDR = { code: 'e2e-o-kedr', name: 'Школа «Кедр»', shortName: 'СОШ «Кедр»' };
const SOSNA = { code: 'e2e-o-sosna', name: 'Школа «Сосна»', shortName: 'СОШ «Сосна»' };
const YEAR = '2024/2025';
// Written by the import only.
const IMPORT_YEAR = '2025/2026';

const UPSERT_ENROLMENTS = `mutation ($rows: [GradeEnrolmentInput!]!) {
  upsertGradeEnrolments(rows: $rows) { ok errors { index field code message } }
}`;
const UPSERT_RECORDS = `mutation ($rows: [OlympiadRecordInput!]!) {
  upsertOlympiadRecords(rows: $rows) { ok errors { index field code message } }
}`;
const ENROLMENTS = `query ($filter: GradeEnrolmentFilter) {
  gradeEnrolments(filter: $filter, first: 100) {
    nodes { id version grade pupils organization { code } }
  }
}`;
const RECORDS = `query ($filter: OlympiadRecordFilter) {
  olympiadRecords(filter: $filter, first: 100) {
    totalCount
    nodes { id version score status stage student { code fullName birthYear } }
  }
}`;

type Status = 'PARTICIPANT' | 'PRIZE_WINNER' | 'WINNER';
const entry = (
  studentCode: string,
  school: { code: string },
  grade: number,
  stage: 'SCHOOL' | 'MUNICIPAL',
  score: number,
  status: Status = 'PARTICIPANT',
  extra: Record<string, unknown> = {},
) => ({
  academicYear: YEAR,
  subject: 'MATH',
  stage,
  studentCode,
  organizationCode: school.code,
  gradeActual: grade,
  score,
  maxScore: 50,
  status,
  ...extra,
});

const SCHOOL_STAGE = [
  entry('K-01', KEDR, 7, 'SCHOOL', 48, 'WINNER', { fullName: 'Кедрова Алина Игоревна' }),
  entry('K-02', KEDR, 7, 'SCHOOL', 41, 'PRIZE_WINNER'),
  entry('K-03', KEDR, 7, 'SCHOOL', 20),
  entry('K-04', KEDR, 7, 'SCHOOL', 18),
  entry('K-05', KEDR, 7, 'SCHOOL', 11),
  // A second subject: one more entry, the same participant.
  { ...entry('K-01', KEDR, 7, 'SCHOOL', 30), subject: 'PHYS' },
  entry('S-01', SOSNA, 9, 'SCHOOL', 47, 'WINNER'),
  entry('S-02', SOSNA, 9, 'SCHOOL', 40, 'PRIZE_WINNER'),
  entry('S-03', SOSNA, 9, 'SCHOOL', 39, 'PRIZE_WINNER'),
  ...['S-04', 'S-05', 'S-06', 'S-07', 'S-08'].map((c, i) => entry(c, SOSNA, 9, 'SCHOOL', 10 + i)),
];
const MUNICIPAL_STAGE = [
  entry('K-01', KEDR, 7, 'MUNICIPAL', 35, 'PRIZE_WINNER'),
  entry('K-02', KEDR, 7, 'MUNICIPAL', 12),
  entry('S-01', SOSNA, 9, 'MUNICIPAL', 44, 'WINNER'),
  entry('S-02', SOSNA, 9, 'MUNICIPAL', 20),
  entry('S-03', SOSNA, 9, 'MUNICIPAL', 15),
];
// The year before: two participants of «Кедр» (10 % of its 20 pupils).
const PREVIOUS_YEAR = ['K-91', 'K-92'].map((c) => ({
  ...entry(c, KEDR, 6, 'SCHOOL', 25),
  academicYear: '2023/2024',
}));

// A chemistry group of 31 grade-10 papers in 2022/2023: 18–22 of 50, and one 48 (96 %).
const RECHECK_YEAR = '2022/2023';
const CHEMISTRY = Array.from({ length: 31 }, (_, i) => ({
  ...entry(`R-${i + 1}`, SOSNA, 10, 'SCHOOL', i === 30 ? 48 : 18 + (i % 5)),
  academicYear: RECHECK_YEAR,
  subject: 'CHEM',
}));

describe.skipIf(!hasChromium)('olympiad pages in Chromium', () => {
  let hub: TestServer;
  let browser: Browser;
  let page: Page;
  let municipalityId: string;
  let regionId: string;
  const orgIds = new Map<string, string>();

  async function expectOk(query: string, variables: Record<string, unknown>, field: string) {
    const response = await hub.gql(query, variables);
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    const result = response.data![field];
    expect(result.errors, JSON.stringify(result.errors)).toEqual([]);
    expect(result.ok).toBe(true);
    return result;
  }

  const records = async (filter: Record<string, unknown>) =>
    (await hub.gql(RECORDS, { filter })).data!.olympiadRecords;

  beforeAll(async () => {
    let municipalities: Map<string, string>;
    ({ hub, browser, municipalities } = await startBrowserHub());
    municipalityId = municipalities.get('город Черногорск')!;
    const { data } = await hub.gql('{ municipalities(first: 100) { nodes { id region { id } } } }');
    regionId = data!.municipalities.nodes.find((m: any) => m.id === municipalityId).region.id;

    const em = hub.orm.em.fork();
    const municipality = await em.findOneOrFail(Municipality, { code: MUNICIPALITY });
    for (const school of [KEDR, SOSNA]) {
      const org = em.create(Organization, {
        municipality,
        code: school.code,
        name: school.name,
        shortName: school.shortName,
        kind: OrganizationKind.SCHOOL,
        enrolment: 500,
      });
      await em.flush();
      orgIds.set(school.code, String(org.id));
    }

    await expectOk(
      UPSERT_ENROLMENTS,
      {
        rows: [
          { organizationCode: KEDR.code, academicYear: YEAR, grade: 7, pupils: 20 },
          { organizationCode: SOSNA.code, academicYear: YEAR, grade: 9, pupils: 40 },
          { organizationCode: KEDR.code, academicYear: '2023/2024', grade: 6, pupils: 20 },
        ],
      },
      'upsertGradeEnrolments',
    );
    await expectOk(
      UPSERT_RECORDS,
      { rows: [...CHEMISTRY, ...PREVIOUS_YEAR, ...SCHOOL_STAGE, ...MUNICIPAL_STAGE] },
      'upsertOlympiadRecords',
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

  it('shows the funnel of the municipality per school: coverage, change, stages', async () => {
    await openPage(
      `#/olympiads/funnel?year=${encodeURIComponent(YEAR)}&region=${regionId}&municipality=${municipalityId}`,
    );
    // The olympiad pages sit in one header group.
    const group = page.getByTestId('nav-group-olympiads');
    expect(await group.locator('summary').innerText()).toBe('Олимпиады: Воронка');
    await group.locator('summary').click();
    expect(await group.locator('.nav-group-menu a').allInnerTexts()).toEqual([
      'Протоколы',
      'Воронка',
      'Перепроверка',
      'Банк талантов',
      'Численность по классам',
    ]);
    await group.locator('summary').click();

    const row = (kind: string, id: string) =>
      page.locator(`[data-testid="funnel-row"][data-kind="${kind}"][data-unit="${id}"]`);
    const metric = (r: Locator, name: string, stage?: string) =>
      r.locator(
        stage ? `[data-stage="${stage}"][data-metric="${name}"]` : `[data-metric="${name}"]`,
      );
    const total = row('municipality', municipalityId);
    await total.waitFor();
    expect(await total.locator('th').innerText()).toBe('г. Черногорск');
    // 13 of 60 pupils; a year before 2 of 20.
    expect(await metric(total, 'pupils').innerText()).toBe('60');
    expect(await metric(total, 'coverage').innerText()).toBe('21,7 %');
    expect(await metric(total, 'coverageChange').innerText()).toBe('+11,7 п. п.');
    expect(await metric(total, 'participants', 'SCHOOL').innerText()).toBe('13');
    expect(await metric(total, 'participants', 'MUNICIPAL').innerText()).toBe('5');
    expect(await metric(total, 'passThrough', 'SCHOOL').innerText()).toBe('38,5 %');
    // Five school-stage diplomas per 60 pupils of grades 4–11.
    expect(await metric(total, 'per1000', 'SCHOOL').innerText()).toBe('83,3');

    const kedr = row('organization', orgIds.get(KEDR.code)!);
    expect(await kedr.locator('th').innerText()).toBe('СОШ «Кедр»');
    expect(await metric(kedr, 'coverage').innerText()).toBe('25 %');
    expect(await metric(kedr, 'coverageChange').innerText()).toBe('+15 п. п.');
    // K-01 wrote two subjects: 6 entries, 5 participants.
    expect(await metric(kedr, 'participants', 'SCHOOL').innerText()).toBe('5');
    expect(await metric(kedr, 'participants', 'SCHOOL').getAttribute('title')).toContain(
      'Участий (ученик × предмет): 6',
    );
    expect(await metric(kedr, 'passThrough', 'SCHOOL').innerText()).toBe('40 %');
    expect(await metric(kedr, 'diplomas', 'SCHOOL').innerText()).toBe('2 (1 + 1)');
    expect(await metric(kedr, 'contribution', 'SCHOOL').innerText()).toBe('40 %');
    expect(await metric(kedr, 'diplomas', 'MUNICIPAL').innerText()).toBe('1 (0 + 1)');
    const sosna = row('organization', orgIds.get(SOSNA.code)!);
    expect(await metric(sosna, 'coverage').innerText()).toBe('20 %');
    expect(await metric(sosna, 'coverageChange').innerText()).toBe('—');

    // The stage labels: in the table and on the chart's axis.
    const heads = await page
      .locator('[data-testid="funnel-table"] .oly-stage-head')
      .allInnerTexts();
    expect(heads).toEqual(['Школьный', 'Муниципальный', 'Региональный', 'Заключительный']);
    const chart = page.locator('[data-testid="funnel-stage-chart"][data-ready="true"] svg');
    await chart.waitFor();
    await eventually(async () => {
      const labels = await chart.locator('text').allTextContents();
      expect(labels).toEqual(
        expect.arrayContaining([
          'Школьный',
          'Муниципальный',
          'Региональный',
          'Заключительный',
          '13',
        ]),
      );
    });
    const coverage = page.locator('[data-testid="funnel-part-chart"][data-ready="true"] svg');
    await eventually(async () =>
      expect(await coverage.locator('text').allTextContents()).toEqual(
        expect.arrayContaining(['СОШ «Кедр»', '25 %', '20 %']),
      ),
    );
  });

  it('names the outlier paper for re-checking with its evidence', async () => {
    await openPage(
      `#/olympiads/recheck?year=${encodeURIComponent(RECHECK_YEAR)}&region=${regionId}&municipality=${municipalityId}`,
    );
    const work = page.getByTestId('recheck-work');
    await work.first().waitFor();
    expect(await work.count()).toBe(1);
    expect(await work.locator('td').first().innerText()).toBe('R-31');
    expect(await work.getByTestId('recheck-evidence').innerText()).toBe(
      'балл 96 % при медиане 40 % группы из 31 работы, z = 18,9',
    );
    expect(await page.getByTestId('recheck-thresholds').innerText()).toBe(
      'Пороги: работа — |z| ≥ 3,5, работ в группе не меньше 30; школа — z ≥ 3, участий не меньше 20.',
    );
    await page.getByTestId('recheck-schools-empty').waitFor();
  });

  it('lists the prize-winner in the talent bank with the history', async () => {
    await openPage(
      `#/olympiads/talent?year=${encodeURIComponent(YEAR)}&region=${regionId}&municipality=${municipalityId}`,
    );
    const kedrova = page.locator('[data-testid="talent-row"][data-code="K-01"]');
    await kedrova.waitFor();
    // Municipal-stage diplomas: K-01 (prize-winner) and S-01 (winner); K-02 only a school one.
    expect(await page.getByTestId('talent-row').count()).toBe(2);
    expect(await kedrova.getByTestId('talent-name').innerText()).toBe('Кедрова Алина Игоревна');
    expect(await kedrova.getByTestId('talent-diplomas').innerText()).toBe('2');
    await kedrova.getByTestId('talent-history-button').click();
    const history = page.getByTestId('talent-history');
    await history.waitFor();
    const municipal = history.locator('[data-testid="talent-record"][data-stage="MUNICIPAL"]');
    expect(await municipal.locator('td').allInnerTexts()).toEqual([
      YEAR,
      'Математика',
      'Муниципальный',
      'Призёр',
      '35 / 50',
    ]);
    expect(await history.getByTestId('talent-record').count()).toBe(3);
  });

  it('imports a protocol: the bad row named by row and column, nothing written, then one commit', async () => {
    expect((await records({ academicYear: IMPORT_YEAR })).totalCount).toBe(0);
    await openPage(
      `#/olympiads?municipality=${municipalityId}&year=${encodeURIComponent(IMPORT_YEAR)}`,
    );
    await page.getByTestId('oly-records-empty').waitFor();
    await page.getByTestId('oly-import-open').click();

    const header =
      '№ п/п;Код участника;Фамилия;Имя;Отчество;Дата рождения;Образовательная организация;Класс обучения;Класс выполнения;Предмет;Балл;Максимальный балл;Статус';
    const file = (school: string) =>
      [
        'Протокол школьного этапа ВсОШ по информатике;;;;;;;;;;;;',
        header,
        `1;I-01;Иванова;Анна;Петровна;12.03.2010;${KEDR.code};9;9;Информатика;45,5;50;победитель`,
        `2;I-02;Петров;Олег;;14.07.2011;${school};8;;информатика;30;50;призёр`,
        `3;I-03;Сидоров;Иван;Ильич;01.01.2010;${SOSNA.code};9;10;Информатика;12;50;участник`,
      ].join('\r\n');
    const upload = async (text: string) => {
      await page.getByTestId('oly-import-file').setInputFiles({
        name: 'protocol-inf-2025.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(`\uFEFF${text}\r\n`, 'utf8'),
      });
      await page.getByTestId('oly-import-mapping').waitFor();
    };
    await upload(file('no-such-school'));
    expect(await page.getByTestId('oly-import-summary').innerText()).toContain(
      'строк с данными — 3, заголовок в строке 2',
    );
    // Guessed from the headers; the protocol has no stage column: it is chosen in the dialog.
    expect(await page.getByTestId('oly-map-studentCode').inputValue()).toBe('1');
    expect(await page.getByTestId('oly-map-status').inputValue()).toBe('12');
    expect(await page.getByTestId('oly-map-stage').inputValue()).toBe('');
    expect(await page.getByTestId('oly-import-year').inputValue()).toBe(IMPORT_YEAR);
    await page.getByTestId('oly-import-stage').selectOption('SCHOOL');
    const preview = page.getByTestId('oly-import-preview');
    const previewRow = (line: number) =>
      preview.locator(`[data-testid="oly-import-row"][data-line="${line}"]`);
    expect(await previewRow(3).locator('[data-field="fullName"]').innerText()).toBe(
      'Иванова Анна Петровна',
    );
    expect(await previewRow(4).locator('[data-field="status"]').innerText()).toBe('Призёр');

    await page.getByTestId('oly-import-check').click();
    const problems = page.getByTestId('oly-import-problems');
    await problems.waitFor();
    expect(await problems.getByTestId('oly-import-problem').count()).toBe(1);
    const problem = problems.getByTestId('oly-import-problem').first();
    expect(await problem.getAttribute('data-line')).toBe('4');
    expect(await problem.getAttribute('data-field')).toBe('organizationCode');
    expect(await problem.innerText()).toBe(
      'Строка 4, столбец «Образовательная организация»: Организация no-such-school не найдена',
    );
    expect(await problems.innerText()).toContain('ничего не записано');
    expect(await previewRow(4).getAttribute('class')).toBe('oly-import-bad');
    expect(await page.getByTestId('oly-import-commit').isDisabled()).toBe(true);
    expect((await records({ academicYear: IMPORT_YEAR })).totalCount).toBe(0);

    // The fixed file: checked, then written in one request.
    await upload(file(KEDR.code));
    await page.getByTestId('oly-import-stage').selectOption('SCHOOL');
    await page.getByTestId('oly-import-check').click();
    await page.getByTestId('oly-import-ok').waitFor();
    expect(await page.getByTestId('oly-import-ok').innerText()).toContain(
      'будет создано 3, обновлено 0',
    );
    expect((await records({ academicYear: IMPORT_YEAR })).totalCount).toBe(0);
    await page.getByTestId('oly-import-commit').click();
    await page.getByTestId('oly-import-done').waitFor();
    expect(await page.getByTestId('oly-import-done').innerText()).toBe(
      'Загружено: создано 3, обновлено 0',
    );
    const stored = await records({ academicYear: IMPORT_YEAR });
    expect(stored.totalCount).toBe(3);
    const byCode = new Map<string, any>(stored.nodes.map((n: any) => [n.student.code, n]));
    expect(byCode.get('I-01')).toMatchObject({
      stage: 'SCHOOL',
      status: 'WINNER',
      score: 45.5,
      student: { fullName: 'Иванова Анна Петровна', birthYear: 2010 },
    });
    expect(byCode.get('I-02').status).toBe('PRIZE_WINNER');

    // The grid reloads with the entries.
    const grid = page.getByTestId('editable-grid');
    await eventually(async () =>
      expect(await grid.locator('[col-id="fullName"]').allInnerTexts()).toEqual(
        expect.arrayContaining(['Иванова Анна Петровна', 'Петров Олег']),
      ),
    );
    expect(await page.getByTestId('oly-records-total').innerText()).toBe('1–3 из 3');

    // The same protocol again: existing entries need «Заменить существующие записи».
    await upload(file(KEDR.code));
    await page.getByTestId('oly-import-stage').selectOption('SCHOOL');
    await page.getByTestId('oly-import-check').click();
    await problems.waitFor();
    expect(await problems.getByTestId('oly-import-problem').count()).toBe(3);
    expect(await problems.getByTestId('oly-import-problem').first().innerText()).toMatch(
      /^Строка 3: Запись уже есть/,
    );
    await page.getByTestId('oly-import-replace').check();
    await page.getByTestId('oly-import-check').click();
    await page.getByTestId('oly-import-ok').waitFor();
    expect(await page.getByTestId('oly-import-ok').innerText()).toContain(
      'будет создано 0, обновлено 3',
    );
  });

  it('saves a grid edit with the entry’s version and reports a stale one as a conflict', async () => {
    const [k02] = (
      await records({ academicYear: YEAR, stage: ['MUNICIPAL'], studentCode: { eq: 'K-02' } })
    ).nodes;
    await openPage(
      `#/olympiads?municipality=${municipalityId}&year=${encodeURIComponent(YEAR)}&stage=MUNICIPAL`,
    );
    const grid = page.getByTestId('editable-grid');
    const cell = (col: string) => grid.locator(`[row-id="${k02.id}"] [col-id="${col}"]`);
    await eventually(async () => expect(await cell('score').first().innerText()).toBe('12'));
    expect(await page.getByTestId('oly-records-total').innerText()).toBe('1–5 из 5');
    expect(await cell('stage').first().innerText()).toBe('Муниципальный');

    const edit = async (col: string, text: string) => {
      await cell(col).first().dblclick();
      await page.keyboard.press('Control+a');
      await page.keyboard.type(text);
      await page.keyboard.press('Enter');
    };
    await edit('score', '17,5');
    await page.getByTestId('grid-save').click();
    await page.getByTestId('grid-saved').waitFor();
    const [saved] = (
      await records({ academicYear: YEAR, stage: ['MUNICIPAL'], studentCode: { eq: 'K-02' } })
    ).nodes;
    expect(saved).toMatchObject({ score: 17.5, version: k02.version + 1 });

    // Someone else changes the entry; this grid's version is stale now.
    await expectOk(
      UPSERT_RECORDS,
      { rows: [{ ...entry('K-02', KEDR, 7, 'MUNICIPAL', 19), version: saved.version }] },
      'upsertOlympiadRecords',
    );
    await edit('score', '18');
    await page.getByTestId('grid-save').click();
    await page.getByTestId('grid-conflict').waitFor();
    const [after] = (
      await records({ academicYear: YEAR, stage: ['MUNICIPAL'], studentCode: { eq: 'K-02' } })
    ).nodes;
    expect(after.score).toBe(19);
  });

  it('stores pupils per grade typed into the grid, and a second save updates by the version', async () => {
    const kedrId = orgIds.get(KEDR.code)!;
    const stored = async (grade: number) =>
      (
        await hub.gql(ENROLMENTS, {
          filter: { academicYear: YEAR, organizationId: { eq: kedrId } },
        })
      ).data!.gradeEnrolments.nodes.find((n: any) => n.grade === grade);
    expect(await stored(5)).toBeUndefined();

    const editGrade5 = async (text: string) => {
      await openPage(
        `#/olympiads/enrolments?municipality=${municipalityId}&year=${encodeURIComponent(YEAR)}`,
      );
      const grid = page.getByTestId('editable-grid');
      const cell = (col: string) => grid.locator(`[row-id="${kedrId}"] [col-id="${col}"]`).first();
      // The stored figure of grade 7 is shown.
      await eventually(async () => expect(await cell('g7').innerText()).toBe('20'));
      await cell('g5').dblclick();
      await page.keyboard.press('Control+a');
      await page.keyboard.type(text);
      await page.keyboard.press('Enter');
      // The total follows the edit.
      await eventually(async () =>
        expect(await cell('total').innerText()).toBe(String(20 + Number(text))),
      );
      await page.getByTestId('grid-save').click();
      await page.getByTestId('grid-saved').waitFor();
    };

    await editGrade5('18');
    const first = await stored(5);
    expect(first).toMatchObject({ pupils: 18, organization: { code: KEDR.code } });

    // After a reload the stored figure goes back with its version: an update, not a duplicate.
    await editGrade5('19');
    const second = await stored(5);
    expect(second).toMatchObject({ id: first.id, pupils: 19, version: first.version + 1 });
    expect((await stored(7)).pupils).toBe(20);
  });
});
