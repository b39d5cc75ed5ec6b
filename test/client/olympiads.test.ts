// Pure logic of the olympiad pages: the protocol file (header row, columns guessed from the
// organisers' headers, names folded into ФИО, Russian statuses and stages, the dialog's defaults,
// problems by the file's row and column, the server's errors put back onto the file's rows, a
// whole protocol in one request), the protocol grid's save mapping, the funnel's and the
// re-check's figures in words, and the navigation.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';

import { NAV_GROUPS, parseHash, visiblePages } from '../../client/src/app/router';
import type { SaveChange } from '../../client/src/components/editable-grid';
import * as analytics from '../../client/src/features/olympiads/analytics.queries';
import type {
  AnomalousSchoolNode,
  FunnelRow,
  OutlierWorkNode,
} from '../../client/src/features/olympiads/analytics.queries';
import {
  changeText,
  percentText,
  stageChartOption,
} from '../../client/src/features/olympiads/funnel.model';
import {
  parseAcademicYear,
  parseBirthYear,
  parseGrade,
  parseScore,
  parseStage,
  parseStatus,
} from '../../client/src/features/olympiads/olympiadLabels';
import type { EnrolmentRow } from '../../client/src/features/olympiads/enrolmentRow';
import {
  applySavedEnrolments,
  pivotEnrolments,
  toEnrolmentGridErrors,
  toEnrolmentInputs,
} from '../../client/src/features/olympiads/enrolmentRow';
import * as enrolmentQueries from '../../client/src/features/olympiads/enrolments.queries';
import type { EnrolmentNode } from '../../client/src/features/olympiads/enrolments.queries';
import * as queries from '../../client/src/features/olympiads/olympiads.queries';
import type { ProtocolDefaults } from '../../client/src/features/olympiads/protocolFile';
import {
  withFileLines,
  withServerProblems,
} from '../../client/src/features/olympiads/protocolErrors';
import {
  allProtocolProblems,
  buildProtocolRows,
  toProtocolInputs,
} from '../../client/src/features/olympiads/protocolFile';
import {
  findProtocolHeader,
  guessProtocolMapping,
  headerField,
} from '../../client/src/features/olympiads/protocolHeaders';
import { protocolProblemText } from '../../client/src/features/olympiads/ProtocolPreview';
import {
  schoolConfirmation,
  schoolEvidence,
  workEvidence,
} from '../../client/src/features/olympiads/recheck.model';
import type { RecordRow } from '../../client/src/features/olympiads/recordRow';
import {
  canWriteRecord,
  emptyRecordRow,
  recordRow,
  toRecordGridErrors,
  toRecordInputs,
} from '../../client/src/features/olympiads/recordRow';
import { parseCsv, readXlsx } from '../../client/src/components/table-import/sheet';
import { en } from '../../client/src/i18n/en';
import { formatMessage } from '../../client/src/i18n/format';
import type { MessageKey, Params } from '../../client/src/i18n/ru';
import { ru } from '../../client/src/i18n/ru';

const tRu = (key: MessageKey, params?: Params) => formatMessage('ru', ru[key], params);

const DEFAULTS: ProtocolDefaults = {
  olympiadCode: 'VSOSH',
  academicYear: '2024/2025',
  stage: '',
  subject: '',
  maxScore: null,
};

// A school-stage protocol as an organiser publishes it: a title, then the table.
const PROTOCOL = [
  'Протокол школьного этапа всероссийской олимпиады школьников по математике;;;;;;;;;;;;',
  '№ п/п;Код участника;Фамилия;Имя;Отчество;Дата рождения;Образовательная организация;Класс обучения;Класс выполнения;Предмет;Балл;Максимальный балл;Статус',
  '1;M-001;Иванова;Анна;Петровна;12.03.2010;sch-1;8;9;Математика;45,5;50;Победитель',
  '2;M-002;Петров;Олег;;2011;sch-1;7;;математика;30;50;призёр',
  '3;M-003;Сидоров;Иван;Ильич;01.01.2010;sch-2;8 класс;;Математика;12;50;участник',
  ';;;;;;;;;;;;',
  'Председатель жюри: Кузнецова Т. В.;;;;;;;;;;;;',
].join('\n');

describe('protocol file: headers and mapping', () => {
  it('recognises the organisers’ headers', () => {
    expect(headerField('№ п/п')).toBeNull();
    expect(headerField('Код участника')).toBe('studentCode');
    expect(headerField('Фамилия')).toBe('lastName');
    expect(headerField('Имя')).toBe('firstName');
    expect(headerField('Отчество')).toBe('middleName');
    expect(headerField('Фамилия, имя, отчество')).toBe('fullName');
    expect(headerField('ФИО участника')).toBe('fullName');
    expect(headerField('Дата рождения')).toBe('birth');
    expect(headerField('Год рождения')).toBe('birth');
    expect(headerField('Образовательная организация')).toBe('organizationCode');
    expect(headerField('Код ОО')).toBe('organizationCode');
    expect(headerField('Класс обучения')).toBe('gradeActual');
    expect(headerField('Класс')).toBe('gradeActual');
    expect(headerField('Класс выполнения')).toBe('gradePerformed');
    expect(headerField('Предмет')).toBe('subject');
    expect(headerField('Этап')).toBe('stage');
    expect(headerField('Учебный год')).toBe('academicYear');
    expect(headerField('Балл')).toBe('score');
    expect(headerField('Итоговый балл')).toBe('score');
    expect(headerField('Максимальный балл')).toBe('maxScore');
    expect(headerField('Макс. балл')).toBe('maxScore');
    expect(headerField('Статус')).toBe('status');
    expect(headerField('Тип диплома')).toBe('status');
  });

  it('finds the header below the title and maps every column', () => {
    const sheet = parseCsv(PROTOCOL);
    const header = findProtocolHeader(sheet);
    expect(sheet[header].line).toBe(2);
    expect(guessProtocolMapping(sheet[header].cells)).toEqual({
      studentCode: 1,
      lastName: 2,
      firstName: 3,
      middleName: 4,
      fullName: null,
      birth: 5,
      organizationCode: 6,
      gradeActual: 7,
      gradePerformed: 8,
      subject: 9,
      stage: null,
      academicYear: null,
      score: 10,
      maxScore: 11,
      status: 12,
    });
  });
});

describe('protocol file: rows', () => {
  const sheet = parseCsv(PROTOCOL);
  const header = findProtocolHeader(sheet);
  const mapping = guessProtocolMapping(sheet[header].cells);

  it('reads the rows with the dialog’s stage, folds the name, maps Russian statuses', () => {
    const plan = buildProtocolRows(sheet, header, mapping, { ...DEFAULTS, stage: 'SCHOOL' });
    expect(plan.headerLine).toBe(2);
    // The jury's signature below the table is no entry.
    expect(plan.skipped).toEqual([7]);
    expect(allProtocolProblems(plan.rows)).toEqual([]);
    expect(plan.rows.map((r) => r.line)).toEqual([3, 4, 5]);
    expect(plan.rows[0].values).toEqual({
      studentCode: 'M-001',
      fullName: 'Иванова Анна Петровна',
      birthYear: 2010,
      organizationCode: 'sch-1',
      gradeActual: 8,
      gradePerformed: 9,
      subject: 'Математика',
      stage: 'SCHOOL',
      academicYear: '2024/2025',
      score: 45.5,
      maxScore: 50,
      status: 'WINNER',
    });
    expect(plan.rows[1].values).toMatchObject({
      fullName: 'Петров Олег',
      birthYear: 2011,
      gradePerformed: null,
      status: 'PRIZE_WINNER',
    });
    expect(plan.rows[2].values).toMatchObject({ gradeActual: 8, status: 'PARTICIPANT' });

    const { inputs, origins } = toProtocolInputs(plan.rows, 'VSOSH');
    expect(origins).toEqual([0, 1, 2]);
    expect(inputs[0]).toEqual({
      olympiadCode: 'VSOSH',
      academicYear: '2024/2025',
      subject: 'Математика',
      stage: 'SCHOOL',
      studentCode: 'M-001',
      fullName: 'Иванова Анна Петровна',
      birthYear: 2010,
      organizationCode: 'sch-1',
      gradeActual: 8,
      gradePerformed: 9,
      score: 45.5,
      maxScore: 50,
      status: 'WINNER',
    });
    // No grade written: the server takes the actual one.
    expect(inputs[1]).not.toHaveProperty('gradePerformed');
  });

  it('names each problem by the file’s row and column, and sends only clean rows', () => {
    const bad = parseCsv(
      [
        'Код участника;ФИО;Образовательная организация;Класс;Предмет;Этап;Балл;Максимальный балл;Статус',
        'M-1;Иванов Иван;sch-1;9;Физика;муниципальный;12;40;участник',
        'M-2;Петров Пётр;sch-1;13;Физика;школьный;сорок;40;лауреат',
        'M-3;Сидоров Семён;sch-1;9;Физика;полуфинал;41;40;',
        'M-1;Иванов Иван;sch-1;9;Физика;Муниципальный этап;15;40;призер',
      ].join('\n'),
    );
    // No academic year in the file and none chosen: a field without a column.
    const noYear = { ...DEFAULTS, academicYear: '' };
    const plan = buildProtocolRows(bad, 0, guessProtocolMapping(bad[0].cells), noYear);
    const problems = allProtocolProblems(plan.rows).map((p) => [p.line, p.field, p.column, p.code]);
    expect(problems).toEqual([
      [2, 'academicYear', null, 'REQUIRED'],
      [3, 'gradeActual', 'Класс', 'BAD_GRADE'],
      [3, 'score', 'Балл', 'NOT_A_NUMBER'],
      [3, 'status', 'Статус', 'BAD_STATUS'],
      [3, 'academicYear', null, 'REQUIRED'],
      [4, 'stage', 'Этап', 'BAD_STAGE'],
      [4, 'academicYear', null, 'REQUIRED'],
      [4, 'score', 'Балл', 'OVER_MAX'],
      [5, 'academicYear', null, 'REQUIRED'],
      [5, 'studentCode', 'Код участника', 'DUPLICATE'],
    ]);
    expect(
      allProtocolProblems(plan.rows)
        .filter((p) => p.line === 3)
        .map((p) => protocolProblemText(tRu, p)),
    ).toEqual([
      'Строка 3, столбец «Класс»: «13» — не класс от 1 до 11',
      'Строка 3, столбец «Балл»: «сорок» — не число',
      'Строка 3, столбец «Статус»: «лауреат» — не статус (участник, призёр, победитель)',
      'Строка 3, поле «Учебный год»: не заполнено',
    ]);
    // The same pupil, subject and stage twice (the stage written two ways).
    const withYear = buildProtocolRows(bad, 0, guessProtocolMapping(bad[0].cells), DEFAULTS);
    const duplicate = allProtocolProblems(withYear.rows).find((p) => p.code === 'DUPLICATE');
    expect(duplicate).toMatchObject({
      line: 5,
      field: 'studentCode',
      column: 'Код участника',
      value: '2',
    });
    expect(toProtocolInputs(withYear.rows, 'VSOSH').origins).toEqual([0]);
  });

  it('puts the server’s errors on the file’s rows, with the column and the file’s row numbers', () => {
    const plan = buildProtocolRows(sheet, header, mapping, { ...DEFAULTS, stage: 'MUNICIPAL' });
    const { origins } = toProtocolInputs(plan.rows, 'VSOSH');
    const rows = withServerProblems(
      plan,
      mapping,
      [
        {
          index: 1,
          field: 'stage',
          code: 'BAD_USER_INPUT',
          message: 'Нет записи школьного этапа 2024/2025 по предмету «Математика»',
        },
        {
          index: 2,
          field: 'organizationCode',
          code: 'CONFLICT',
          message: 'Ученик M-003 в 2024/2025 учится в sch-1 (строка 1)',
        },
        { index: 0, field: 'version', code: 'DUPLICATE', message: 'Запись уже есть' },
      ],
      origins,
    );
    const problems = allProtocolProblems(rows);
    expect(problems.map((p) => [p.line, p.field, p.column])).toEqual([
      [3, 'row', null],
      // The stage came from the dialog: no column.
      [4, 'stage', null],
      [5, 'organizationCode', 'Образовательная организация'],
    ]);
    // «строка 1» of the request is the file's row 3.
    expect(problems[2].message).toBe('Ученик M-003 в 2024/2025 учится в sch-1 (строка 3)');
    expect(withFileLines('в строке 2 указано', (i) => [10, 20][i])).toBe('в строке 20 указано');
  });

  it('sends a 5,000-row protocol as one request’s rows', () => {
    const lines = ['Код участника;Класс;Предмет;Этап;Балл;Макс. балл;Код ОО'];
    for (let i = 0; i < 5000; i += 1) {
      lines.push(`P-${i};${5 + (i % 7)};Математика;школьный;${i % 50};50;sch-${i % 9}`);
    }
    const big = parseCsv(lines.join('\n'));
    const plan = buildProtocolRows(big, 0, guessProtocolMapping(big[0].cells), DEFAULTS);
    expect(allProtocolProblems(plan.rows)).toEqual([]);
    const { inputs } = toProtocolInputs(plan.rows, 'VSOSH');
    expect(inputs).toHaveLength(5000);
    expect(inputs[4999]).toMatchObject({ studentCode: 'P-4999', stage: 'SCHOOL', gradeActual: 6 });
  });

  it('reads an XLSX protocol with a date cell and numbers', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet('Протокол');
    ws.getCell('A1').value = 'Протокол муниципального этапа ВсОШ по физике';
    ws.getRow(3).values = ['Код участника', 'ФИО', 'Дата рождения', 'Код ОО', 'Класс', 'Балл'];
    ws.getRow(4).values = [
      'F-1',
      'Орлова Мария',
      new Date(Date.UTC(2009, 4, 2)),
      'sch-1',
      10,
      33.5,
    ];
    const rows = await readXlsx(new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer));
    const header = findProtocolHeader(rows);
    expect(rows[header].line).toBe(3);
    const plan = buildProtocolRows(rows, header, guessProtocolMapping(rows[header].cells), {
      ...DEFAULTS,
      stage: 'MUNICIPAL',
      subject: 'PHYSICS',
      maxScore: 50,
    });
    expect(allProtocolProblems(plan.rows)).toEqual([]);
    expect(plan.rows[0]).toMatchObject({
      line: 4,
      values: { birthYear: 2009, gradeActual: 10, score: 33.5, maxScore: 50, subject: 'PHYSICS' },
    });
  });
});

describe('olympiad parsers', () => {
  it('reads stages, statuses, years, grades and birth years as protocols write them', () => {
    expect(parseStage('Школьный этап')).toBe('SCHOOL');
    expect(parseStage('МЭ')).toBe('MUNICIPAL');
    expect(parseStage('региональный')).toBe('REGIONAL');
    expect(parseStage('Заключительный')).toBe('FINAL');
    expect(parseStage('FINAL')).toBe('FINAL');
    expect(parseStage('')).toBeNull();
    expect(() => parseStage('отборочный')).toThrow();
    expect(parseStatus('Призёр')).toBe('PRIZE_WINNER');
    expect(parseStatus('призер')).toBe('PRIZE_WINNER');
    expect(parseStatus('ПОБЕДИТЕЛЬ')).toBe('WINNER');
    expect(parseStatus('участник')).toBe('PARTICIPANT');
    expect(() => parseStatus('лауреат')).toThrow();
    expect(parseAcademicYear('2024-2025')).toBe('2024/2025');
    expect(parseAcademicYear('2024/25')).toBe('2024/2025');
    expect(() => parseAcademicYear('2024/2026')).toThrow();
    expect(parseGrade('9А')).toBe(9);
    expect(parseGrade('11 класс')).toBe(11);
    expect(() => parseGrade('12')).toThrow();
    expect(parseBirthYear('2010-03-12')).toBe(2010);
    expect(() => parseBirthYear('12.03.10')).toThrow();
    expect(parseScore('45,5')).toBe(45.5);
    expect(() => parseScore('-1')).toThrow();
  });
});

const node = (over: Partial<queries.RecordNode> = {}): queries.RecordNode => ({
  id: '7',
  version: 3,
  academicYear: '2024/2025',
  stage: 'SCHOOL',
  gradeActual: 8,
  gradePerformed: 8,
  score: 20,
  maxScore: 50,
  status: 'PARTICIPANT',
  olympiad: { code: 'VSOSH' },
  subject: { code: 'MATH', name: 'Математика' },
  student: { code: 'M-1', fullName: null, birthYear: null },
  organization: { id: '11', code: 'sch-1', shortName: 'СОШ 1', name: 'Школа 1' },
  municipality: { id: '2', shortName: 'г. Черногорск' },
  ...over,
});

describe('protocol grid rows', () => {
  it('sends edited rows whole with their version, new rows without, deletions last', () => {
    const stored = recordRow(node());
    expect(stored.nameHidden).toBe(true);
    const added: RecordRow = {
      ...emptyRecordRow({
        academicYear: '2024/2025',
        stage: null,
        subject: 'MATH',
        organizationCode: 'sch-1',
      }),
      studentCode: ' M-9 ',
      fullName: 'Новиков Илья',
      gradeActual: 7,
      score: 10,
      maxScore: 50,
    };
    const gone = recordRow(
      node({ id: '8', version: 1, student: { code: 'M-2', fullName: 'Х', birthYear: null } }),
    );
    const changes: SaveChange<RecordRow>[] = [
      {
        index: 0,
        row: { ...stored, score: 35, status: 'PRIZE_WINNER' },
        changedFields: ['score', 'status'],
        isNew: false,
      },
      { index: 1, row: added, changedFields: [], isNew: true },
    ];
    const { inputs, origins, errors } = toRecordInputs(changes, [gone], 'Обязательное поле');
    expect(errors).toEqual([]);
    expect(origins).toEqual([0, 1, 2]);
    expect(inputs[0]).toEqual({
      olympiadCode: 'VSOSH',
      academicYear: '2024/2025',
      subject: 'MATH',
      stage: 'SCHOOL',
      studentCode: 'M-1',
      organizationCode: 'sch-1',
      gradeActual: 8,
      gradePerformed: 8,
      score: 35,
      maxScore: 50,
      status: 'PRIZE_WINNER',
      version: 3,
    });
    // A hidden name is never sent.
    expect(inputs[0]).not.toHaveProperty('fullName');
    expect(inputs[1]).toMatchObject({
      studentCode: 'M-9',
      fullName: 'Новиков Илья',
      stage: 'SCHOOL',
    });
    expect(inputs[1]).not.toHaveProperty('version');
    expect(inputs[2]).toMatchObject({ studentCode: 'M-2', version: 1, delete: true });

    // The server's errors land on the cells; version and delete on the row.
    expect(
      toRecordGridErrors(
        [
          { index: 1, field: 'gradePerformed', code: 'INVALID_FORMAT', message: 'x' },
          { index: 2, field: 'delete', code: 'CONFLICT', message: 'y' },
          { index: 0, field: 'version', code: 'CONFLICT', message: 'z' },
        ],
        origins,
      ).map((e) => [e.index, e.field]),
    ).toEqual([
      [1, 'gradePerformed'],
      [2, null],
      [0, null],
    ]);
  });

  it('refuses a row without the natural key or the scores before sending', () => {
    const row = emptyRecordRow({
      academicYear: '2024/2025',
      stage: 'REGIONAL',
      subject: null,
      organizationCode: null,
    });
    const { inputs, errors } = toRecordInputs(
      [{ index: 0, row, changedFields: [], isNew: true }],
      [],
      'req',
    );
    expect(inputs).toEqual([]);
    expect(errors.map((e) => e.field)).toEqual([
      'subject',
      'studentCode',
      'organizationCode',
      'gradeActual',
      'score',
      'maxScore',
    ]);
  });

  it('lets a school coordinator write their own school’s entries only', () => {
    const coordinator = {
      role: 'SCHOOL_COORDINATOR' as const,
      municipalityId: '2',
      organizationId: '11',
    };
    expect(canWriteRecord(coordinator, '2', { organizationId: '11' })).toBe(true);
    expect(canWriteRecord(coordinator, '2', { organizationId: '12' })).toBe(false);
    expect(
      canWriteRecord(
        { role: 'MUNICIPAL_METHODOLOGIST', municipalityId: '2', organizationId: null },
        '2',
        { organizationId: '12' },
      ),
    ).toBe(true);
    expect(
      canWriteRecord(
        { role: 'REGIONAL_ANALYST', municipalityId: null, organizationId: null },
        '2',
        { organizationId: null },
      ),
    ).toBe(false);
  });
});

describe('funnel and re-check in words', () => {
  it('formats shares and changes', () => {
    expect(percentText('ru', 21.666)).toBe('21,7 %');
    expect(percentText('ru', null)).toBe('—');
    expect(changeText('ru', -2.25, 'п. п.')).toBe('−2,3 п. п.');
    expect(changeText('ru', 1.5, 'п. п.')).toBe('+1,5 п. п.');
  });

  it('draws participants and diplomas per stage, school stage first', () => {
    const figures = (stage: queries.OlympiadStage, participants: number, winners: number) => ({
      stage,
      participants,
      entries: participants,
      winners,
      prizeWinners: 1,
      diplomaShare: null,
      passThrough: null,
      diplomasPer1000: null,
      contributionShare: null,
      previousParticipants: 0,
      previousDiplomas: 0,
      participantsChange: null,
    });
    const total: FunnelRow = {
      unitKind: 'municipality',
      unitId: '2',
      unitName: 'г. Черногорск',
      isTotal: true,
      pupils4to11: 60,
      pupils7to11: 60,
      pupils9to11: 40,
      coverage: 21.7,
      previousCoverage: null,
      coverageChange: null,
      stages: [
        figures('SCHOOL', 13, 2),
        figures('MUNICIPAL', 5, 1),
        figures('REGIONAL', 0, 0),
        figures('FINAL', 0, 0),
      ],
    };
    const option = stageChartOption(total, 'ru', {
      stage: (s) => tRu(`oly.stage.${s}` as MessageKey),
      participants: 'Участники',
      diplomas: 'П+П',
    });
    expect(option.yAxis.data).toEqual([
      'Школьный',
      'Муниципальный',
      'Региональный',
      'Заключительный',
    ]);
    expect(option.series[0].data).toEqual([13, 5, 0, 0]);
    expect(option.series[1].data).toEqual([3, 2, 1, 1]);
  });

  it('states the evidence of an outlier paper and an anomalous school', () => {
    const work = {
      percent: 95,
      groupMedian: 30,
      groupSize: 120,
      robustZ: 5.08,
    } as OutlierWorkNode;
    expect(workEvidence(tRu, 'ru', work)).toBe(
      'балл 95 % при медиане 30 % группы из 120 работ, z = 5,1',
    );
    expect(workEvidence(tRu, 'ru', { ...work, groupSize: 31 })).toContain('группы из 31 работы');
    const school = {
      diplomas: 12,
      entries: 21,
      diplomaShare: 57.14,
      referenceShare: 15,
      z: 4.2,
      diplomaHolders: 10,
      nextStageParticipants: 8,
      nextStageDiplomaShare: 12.5,
      referenceNextStageDiplomaShare: 40,
    } as AnomalousSchoolNode;
    expect(schoolEvidence(tRu, 'ru', school)).toBe(
      '12 дипломов на 21 участие (57,1 %) при 15 % у остальных школ региона, z = 4,2',
    );
    expect(schoolConfirmation(tRu, 'ru', school)).toBe(
      'следующий этап писали 8 из 10 обладателей дипломов; дипломов там 12,5 % (у остальных школ 40 %)',
    );
  });

  it('has every olympiad word in both languages', () => {
    const keys = Object.keys(ru).filter((k) => k.startsWith('oly.')) as MessageKey[];
    expect(keys.length).toBeGreaterThan(150);
    for (const key of keys) {
      expect(en[key], key).toBeDefined();
    }
  });
});

describe('pupils per grade: pivot and save mapping', () => {
  const kedr = { id: '1', code: 'kedr', name: 'Школа «Кедр»', shortName: 'СОШ «Кедр»' };
  const sosna = { id: '2', code: 'sosna', name: 'Школа «Сосна»', shortName: null };
  const node = (id: string, org: typeof kedr, grade: number, pupils: number): EnrolmentNode => ({
    id,
    version: 3,
    academicYear: '2024/2025',
    grade,
    pupils,
    organization: org,
  });
  const rows = pivotEnrolments([kedr, sosna], [node('e7', kedr, 7, 20), node('e8', kedr, 8, 22)]);
  const change = (row: EnrolmentRow, fields: string[], index = 0): SaveChange<EnrolmentRow> => ({
    index,
    row,
    changedFields: fields,
    isNew: false,
  });

  it('makes a row per school with a cell per grade, the stored versions and the total', () => {
    expect(rows.map((r) => [r.id, r.organizationName, r.total])).toEqual([
      ['1', 'СОШ «Кедр»', 42],
      ['2', 'Школа «Сосна»', null],
    ]);
    expect(rows[0]).toMatchObject({ g7: 20, g8: 22, g1: null, versions: { 7: 3, 8: 3 } });
  });

  it('sends the changed cells, a stored one with its version, and refuses clearing one', () => {
    const edited = { ...rows[0], g7: 25, g5: 18, g8: null };
    const { inputs, origins, errors } = toEnrolmentInputs(
      [change(edited, ['g5', 'g7', 'g8']), change({ ...rows[1], g1: null }, ['g1'], 1)],
      '2024/2025',
      'Нужно значение',
    );
    expect(inputs).toEqual([
      { organizationCode: 'kedr', academicYear: '2024/2025', grade: 5, pupils: 18 },
      { organizationCode: 'kedr', academicYear: '2024/2025', grade: 7, pupils: 25, version: 3 },
    ]);
    expect(origins.map((o) => [o.index, o.field])).toEqual([
      [0, 'g5'],
      [0, 'g7'],
    ]);
    expect(errors).toEqual([
      { index: 0, field: 'g8', code: 'REQUIRED', message: 'Нужно значение' },
    ]);
    // Server errors land on the cell of their input; the school's on the row.
    expect(
      toEnrolmentGridErrors(
        [
          { index: 1, field: 'version', code: 'CONFLICT', message: 'изменена' },
          { index: 0, field: 'organizationCode', code: 'NOT_FOUND', message: 'нет' },
        ],
        origins,
      ),
    ).toEqual([
      { index: 0, field: 'g7', code: 'CONFLICT', message: 'изменена' },
      { index: 0, field: null, code: 'NOT_FOUND', message: 'нет' },
    ]);
    // After the save the row carries the written versions.
    const edits = [change({ ...rows[0], g7: 25, g5: 18 }, ['g5', 'g7'])];
    const saved = toEnrolmentInputs(edits, '2024/2025', '');
    const next = applySavedEnrolments(rows, edits, saved.origins, [
      { ...node('e5', kedr, 5, 18), version: 1 },
      { ...node('e7', kedr, 7, 25), version: 4 },
    ]);
    expect(next[0]).toMatchObject({ g5: 18, g7: 25, total: 65, versions: { 5: 1, 7: 4, 8: 3 } });
    expect(next[1]).toBe(rows[1]);
  });
});

describe('olympiad navigation', () => {
  it('groups the five pages and shows dashboards the funnel only', () => {
    expect(NAV_GROUPS.find((g) => g.id === 'olympiads')?.pages).toEqual([
      'olympiads',
      'olympiads/funnel',
      'olympiads/recheck',
      'olympiads/talent',
      'olympiads/enrolments',
    ]);
    expect(visiblePages('MUNICIPAL_METHODOLOGIST')).toEqual(
      expect.arrayContaining([
        'olympiads',
        'olympiads/funnel',
        'olympiads/recheck',
        'olympiads/talent',
      ]),
    );
    expect(visiblePages('DASHBOARD')).toContain('olympiads/funnel');
    for (const page of [
      'olympiads',
      'olympiads/recheck',
      'olympiads/talent',
      'olympiads/enrolments',
    ]) {
      expect(visiblePages('DASHBOARD')).not.toContain(page);
    }
    expect(parseHash('#/olympiads/talent?year=2024%2F2025').page).toBe('olympiads/talent');
  });
});

const schema = buildSchema(readFileSync(resolve(__dirname, '../../schema/schema.graphql'), 'utf8'));
const documents = Object.entries({ ...queries, ...analytics, ...enrolmentQueries })
  .filter(([name, value]) => /_(QUERY|MUTATION)$/.test(name) && typeof value === 'string')
  .map(([name, value]) => [name, value as string] as const);

describe('olympiad GraphQL documents', () => {
  it('finds the documents', () => {
    expect(documents.length).toBeGreaterThanOrEqual(8);
  });

  it.each(documents)('%s is valid against schema/schema.graphql', (_name, source) => {
    expect(validate(schema, parse(source)).map((e) => e.message)).toEqual([]);
  });
});
