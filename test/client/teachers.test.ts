// Pure logic of the teacher pages: the results file (CSV/XLSX rows, header → area mapping,
// checks, server errors back onto the file's rows), the heat map's colour scale and pivot, and
// the grids' row mappings to and from the API.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';

import { formatHash, NAV_GROUPS, parseHash, visiblePages } from '../../client/src/app/router';
import type { SaveChange } from '../../client/src/components/editable-grid';
import type { Writer } from '../../client/src/features/auth/access';
import type { DiagnosticRow } from '../../client/src/features/teachers/diagnosticRow';
import {
  applySavedDiagnostics,
  toDiagnosticGridErrors,
  toDiagnosticInputs,
  toDiagnosticRows,
} from '../../client/src/features/teachers/diagnosticRow';
import {
  academicYearOf,
  academicYears,
  defaultAcademicYear,
  heatColor,
  heatKey,
  heatTextColor,
  NO_DATA_COLOR,
  pivotHeatmap,
} from '../../client/src/features/teachers/heatmap.model';
import type { MentorshipRow } from '../../client/src/features/teachers/mentorshipRow';
import {
  emptyMentorshipRow,
  mentorshipRow,
  toMentorshipInputs,
} from '../../client/src/features/teachers/mentorshipRow';
import {
  allProblems,
  buildImportRows,
  findHeaderRow,
  guessMapping,
  headerArea,
  isPersonnelHeader,
  toImportInputs,
  withServerProblems,
} from '../../client/src/features/teachers/resultsFile';
import {
  cellText,
  detectDelimiter,
  parseCsv,
  readXlsx,
} from '../../client/src/components/table-import/sheet';
import type { RouteRow } from '../../client/src/features/teachers/routeRow';
import {
  emptyRouteRow,
  routeInput,
  routeRow,
  stepProgress,
  toRouteInputs,
  toRouteRows,
} from '../../client/src/features/teachers/routeRow';
import type { CampaignArea } from '../../client/src/features/teachers/teacherLabels';
import {
  areaListOf,
  campaignAreas,
  parseAreaList,
  parseChoice,
  parseDate,
  scoresByArea,
  splitList,
  teacherName,
} from '../../client/src/features/teachers/teacherLabels';
import type { TeacherRow } from '../../client/src/features/teachers/teacherRow';
import {
  canWriteTeacherRow,
  emptyTeacherRow,
  isMove,
  teacherRow,
  toGridErrors,
  toTeacherInputs,
  toTeacherRows,
} from '../../client/src/features/teachers/teacherRow';
import * as queries from '../../client/src/features/teachers/teachers.queries';
import type {
  DiagnosticResultNode,
  HeatmapCellNode,
  MentorshipNode,
  RouteNode,
  TeacherNode,
} from '../../client/src/features/teachers/teachers.queries';

const AREAS: CampaignArea[] = [
  { area: 'SUBJECT', maxScore: 100, deficitBelow: 50 },
  { area: 'METHODICAL', maxScore: 100, deficitBelow: 50 },
  { area: 'PSYCHOLOGICAL_PEDAGOGICAL', maxScore: 30, deficitBelow: 15 },
];

// A stand-in for the translator: the key with its parameters.
const t = ((key: string, params?: Record<string, unknown>) =>
  ({
    'tch.area.SUBJECT': 'Предметная',
    'tch.area.METHODICAL': 'Методическая',
    'tch.area.DIGITAL': 'Цифровая',
    'tch.hidden': 'скрыто',
  })[key] ?? `${key}${params ? JSON.stringify(params) : ''}`) as never;

describe('results file: CSV', () => {
  it('reads a Russian Excel CSV: BOM, «;», quotes, decimal commas, the line of each row', () => {
    const text =
      '\uFEFFТабельный номер;Предметная компетенция;"Методическая; балл"\r\n' +
      'T-001;72,5;40\r\n' +
      '\r\n' +
      '"T-002";"55";"multi\nline"\r\n' +
      'T-003;"say ""hi""";10\r\n';
    const rows = parseCsv(text);
    expect(rows).toEqual([
      { line: 1, cells: ['Табельный номер', 'Предметная компетенция', 'Методическая; балл'] },
      { line: 2, cells: ['T-001', '72,5', '40'] },
      { line: 4, cells: ['T-002', '55', 'multi\nline'] },
      { line: 6, cells: ['T-003', 'say "hi"', '10'] },
    ]);
  });

  it('detects the separator from the header line', () => {
    expect(detectDelimiter('code,subject,methodical\n1,2,3')).toBe(',');
    expect(detectDelimiter('code\tsubject\tmethodical\n')).toBe('\t');
    expect(detectDelimiter('"a,b";c;d\n')).toBe(';');
    expect(parseCsv('code,subject\nT1,5\n')).toEqual([
      { line: 1, cells: ['code', 'subject'] },
      { line: 2, cells: ['T1', '5'] },
    ]);
  });
});

describe('results file: XLSX', () => {
  it('reads the first sheet with its spreadsheet row numbers and numbers as numbers', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Результаты');
    sheet.getCell('A1').value = 'Результаты диагностики ЦНППМ';
    sheet.addRow([]);
    sheet.getRow(3).values = ['Код педагога', 'Предметные', 'Методические'];
    sheet.getRow(4).values = ['T-001', 72.5, 40];
    sheet.getRow(6).values = ['T-002', { formula: '20+35', result: 55 }, 'н/д'];
    const bytes = await workbook.xlsx.writeBuffer();
    const rows = await readXlsx(new Uint8Array(bytes as ArrayBuffer));
    expect(rows).toEqual([
      { line: 1, cells: ['Результаты диагностики ЦНППМ'] },
      { line: 3, cells: ['Код педагога', 'Предметные', 'Методические'] },
      { line: 4, cells: ['T-001', '72.5', '40'] },
      { line: 6, cells: ['T-002', '55', 'н/д'] },
    ]);
    // The title line is skipped: the header is the row naming the code and the areas.
    expect(findHeaderRow(rows)).toBe(1);
  });

  it('turns cell values into text', () => {
    expect(cellText({ richText: [{ text: 'Пред' }, { text: 'метная' }] })).toBe('Предметная');
    expect(cellText(new Date(Date.UTC(2024, 9, 15)))).toBe('2024-10-15');
    expect(cellText(null)).toBe('');
    expect(cellText({ text: 'ссылка', hyperlink: 'http://x' })).toBe('ссылка');
  });
});

describe('results file: columns → areas', () => {
  it('recognises areas and the personnel code in the operator’s words', () => {
    expect(headerArea('Предметная компетенция, балл')).toBe('SUBJECT');
    expect(headerArea('SUBJECT')).toBe('SUBJECT');
    expect(headerArea('psychological pedagogical')).toBe('PSYCHOLOGICAL_PEDAGOGICAL');
    expect(headerArea('Психолого-педагогическая')).toBe('PSYCHOLOGICAL_PEDAGOGICAL');
    expect(headerArea('Нормативно-правовая')).toBe('NORMATIVE_LEGAL');
    expect(headerArea('ИКТ-компетентность')).toBe('DIGITAL');
    expect(headerArea('Итого')).toBeNull();
    expect(isPersonnelHeader('Табельный номер')).toBe(true);
    expect(isPersonnelHeader('Код педагога')).toBe(true);
    expect(isPersonnelHeader('personnelCode')).toBe(true);
    expect(isPersonnelHeader('Код')).toBe(true);
    expect(isPersonnelHeader('Код ОО')).toBe(false);
    expect(isPersonnelHeader('Предметная')).toBe(false);
  });

  it('maps each campaign area to one column, leaving unknown ones unmapped', () => {
    const headers = ['№', 'Табельный номер', 'Методическая', 'Итого', 'Предметная компетенция'];
    expect(guessMapping(headers, AREAS)).toEqual({
      personnelCode: 1,
      areas: { SUBJECT: 4, METHODICAL: 2, PSYCHOLOGICAL_PEDAGOGICAL: null },
    });
  });
});

describe('results file: rows and problems', () => {
  const sheet = parseCsv(
    [
      'Табельный номер;Предметная;Методическая;Психолого-педагогическая',
      'T-001;72,5;40;20',
      'T-404;120;45;10',
      ';50;50;10',
      'T-001;10;10;10',
      'T-005;abc;;31',
      'T-006;;;',
    ].join('\n'),
  );
  const mapping = guessMapping(sheet[0].cells, AREAS);
  const plan = buildImportRows(sheet, 0, mapping, AREAS);

  it('reads the scores and names each problem by the file’s row and column', () => {
    expect(plan.headerLine).toBe(1);
    expect(plan.rows.map((r) => r.line)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(plan.rows[0]).toMatchObject({
      personnelCode: 'T-001',
      scores: { SUBJECT: 72.5, METHODICAL: 40, PSYCHOLOGICAL_PEDAGOGICAL: 20 },
      problems: [],
    });
    expect(plan.rows[1].scores).toEqual({ METHODICAL: 45, PSYCHOLOGICAL_PEDAGOGICAL: 10 });
    expect(
      allProblems(plan.rows).map(({ line, field, column, code }) => ({
        line,
        field,
        column,
        code,
      })),
    ).toEqual([
      { line: 3, field: 'SUBJECT', column: 'Предметная', code: 'OUT_OF_RANGE' },
      { line: 4, field: 'personnelCode', column: 'Табельный номер', code: 'REQUIRED' },
      { line: 5, field: 'personnelCode', column: 'Табельный номер', code: 'DUPLICATE' },
      { line: 6, field: 'SUBJECT', column: 'Предметная', code: 'NOT_A_NUMBER' },
      {
        line: 6,
        field: 'PSYCHOLOGICAL_PEDAGOGICAL',
        column: 'Психолого-педагогическая',
        code: 'OUT_OF_RANGE',
      },
      { line: 7, field: 'scores', column: null, code: 'NO_SCORES' },
    ]);
    expect(plan.rows[1].problems[0]).toMatchObject({ value: '120', max: 100 });
    expect(plan.rows[3].problems[0]).toMatchObject({ value: '2' });
  });

  it('sends every row with a code (bad scores left out) and puts server errors on file rows', () => {
    const { inputs, origins } = toImportInputs(plan.rows, 'CNPPM-2024');
    // No code and the repeated code are not sent.
    expect(origins).toEqual([0, 1, 4, 5]);
    expect(inputs[1]).toEqual({
      campaignCode: 'CNPPM-2024',
      personnelCode: 'T-404',
      scores: { METHODICAL: 45, PSYCHOLOGICAL_PEDAGOGICAL: 10 },
    });
    const rows = withServerProblems(
      plan,
      mapping,
      [
        {
          index: 1,
          field: 'personnelCode',
          code: 'NOT_FOUND',
          message: 'Педагог T-404 не найден',
        },
        // Same as the local NOT_A_NUMBER of line 6: left out.
        { index: 2, field: 'scores', code: 'INVALID_FORMAT', message: 'Балл…' },
        { index: 3, field: 'scores', code: 'INVALID_FORMAT', message: 'Нужны баллы' },
      ],
      origins,
    );
    const line3 = rows.find((r) => r.line === 3)!;
    expect(line3.problems).toEqual([
      expect.objectContaining({ field: 'SUBJECT', code: 'OUT_OF_RANGE' }),
      {
        line: 3,
        field: 'personnelCode',
        column: 'Табельный номер',
        code: 'NOT_FOUND',
        message: 'Педагог T-404 не найден',
      },
    ]);
    expect(rows.find((r) => r.line === 6)!.problems.map((p) => p.code)).toEqual([
      'NOT_A_NUMBER',
      'OUT_OF_RANGE',
    ]);
    expect(rows.find((r) => r.line === 7)!.problems.map((p) => [p.field, p.code])).toEqual([
      ['scores', 'NO_SCORES'],
      ['scores', 'INVALID_FORMAT'],
    ]);
    // The plan itself is left as it was (a new check starts from it again).
    expect(plan.rows[1].problems).toHaveLength(1);
  });

  it('follows a changed mapping', () => {
    const swapped = buildImportRows(
      sheet,
      0,
      { ...mapping, areas: { ...mapping.areas, SUBJECT: 2, METHODICAL: 1 } },
      AREAS,
    );
    expect(swapped.rows[0].scores).toMatchObject({ SUBJECT: 40, METHODICAL: 72.5 });
    expect(swapped.rows[1].problems[0]).toMatchObject({
      field: 'METHODICAL',
      column: 'Предметная',
    });
  });
});

describe('heat map', () => {
  it('colours shares from light green through amber to red, grey without data', () => {
    expect(heatColor(0)).toBe('rgb(237, 248, 233)');
    expect(heatColor(50)).toBe('rgb(254, 196, 79)');
    expect(heatColor(100)).toBe('rgb(203, 24, 29)');
    expect(heatColor(25)).toBe('rgb(246, 222, 156)');
    expect(heatColor(140)).toBe(heatColor(100));
    expect(heatColor(-5)).toBe(heatColor(0));
    expect(heatColor(null)).toBe(NO_DATA_COLOR);
    expect(heatColor(Number.NaN)).toBe(NO_DATA_COLOR);
    // The green channel falls steadily: more deficits, hotter.
    const greens = [0, 10, 30, 50, 70, 90, 100].map((p) =>
      Number(/rgb\(\d+, (\d+),/.exec(heatColor(p))![1]),
    );
    expect([...greens].sort((a, b) => b - a)).toEqual(greens);
    expect(heatTextColor(80)).toBe('#fff');
    expect(heatTextColor(40)).toBe('#1f2937');
  });

  it('pivots the cells per municipality: areas in catalogue order, subjects by name', () => {
    const cell = (over: Partial<HeatmapCellNode>): HeatmapCellNode => ({
      municipalityId: 'm1',
      municipalityName: 'Черногорск',
      subject: 'Математика',
      area: 'SUBJECT',
      diagnosed: 4,
      withDeficit: 1,
      share: 25,
      ...over,
    });
    const tables = pivotHeatmap([
      cell({ subject: 'Физика', area: 'METHODICAL', withDeficit: 3, share: 75 }),
      cell({}),
      cell({ subject: null, area: 'SUBJECT', diagnosed: 2, withDeficit: 2, share: null }),
      cell({ municipalityId: 'm0', municipalityName: 'Абакан', area: 'DIGITAL', share: 0 }),
    ]);
    expect(tables.map((x) => x.municipalityName)).toEqual(['Абакан', 'Черногорск']);
    const [, chern] = tables;
    expect(chern.areas).toEqual(['SUBJECT', 'METHODICAL']);
    expect(chern.subjects).toEqual(['Математика', 'Физика', '']);
    expect(chern.cells.get(heatKey('METHODICAL', 'Физика'))).toEqual({
      diagnosed: 4,
      withDeficit: 3,
      percent: 75,
    });
    // No share from the server: computed from the counts.
    expect(chern.cells.get(heatKey('SUBJECT', ''))!.percent).toBe(100);
    expect(chern.cells.get(heatKey('METHODICAL', 'Математика'))).toBeUndefined();
  });

  it('offers academic years starting on 1 September', () => {
    expect(academicYearOf(new Date(2025, 7, 31))).toBe('2024/2025');
    expect(academicYearOf(new Date(2025, 8, 1))).toBe('2025/2026');
    expect(academicYears(new Date(2025, 2, 10), 3)).toEqual([
      '2024/2025',
      '2023/2024',
      '2022/2023',
    ]);
  });
});

describe('labels and small parsers', () => {
  it('reads dates, lists, areas and choices', () => {
    expect(parseDate('01.09.2024')).toBe('2024-09-01');
    expect(parseDate('2024-9-1')).toBe('2024-09-01');
    expect(parseDate(' ')).toBeNull();
    expect(() => parseDate('31.02.2024')).toThrow();
    expect(() => parseDate('вчера')).toThrow();
    expect(splitList('Математика; Физика, ;Информатика')).toEqual([
      'Математика',
      'Физика',
      'Информатика',
    ]);
    expect(parseAreaList('Предметная, methodical; предметная', t)).toBe('SUBJECT,METHODICAL');
    expect(parseAreaList('', t)).toBeNull();
    expect(() => parseAreaList('Предметная, Творческая', t)).toThrow();
    expect(areaListOf('SUBJECT,DIGITAL,NOPE')).toEqual(['SUBJECT', 'DIGITAL']);
    expect(
      parseChoice('первая', ['NONE', 'FIRST'] as const, (c) => (c === 'FIRST' ? 'Первая' : 'без')),
    ).toBe('FIRST');
    expect(parseChoice('none', ['NONE', 'FIRST'] as const, () => '')).toBe('NONE');
    expect(teacherName(t, null)).toBe('скрыто');
    expect(teacherName(t, 'Иванова Анна')).toBe('Иванова Анна');
  });

  it('reads a campaign’s areas and scores keyed as stored or by enum name', () => {
    expect(
      campaignAreas([
        { area: 'subject', maxScore: 100, deficitBelow: 50 },
        { area: 'nope', maxScore: 1, deficitBelow: 1 },
        { area: 'DIGITAL', maxScore: 20, deficitBelow: 10 },
      ]),
    ).toEqual([
      { area: 'SUBJECT', maxScore: 100, deficitBelow: 50 },
      { area: 'DIGITAL', maxScore: 20, deficitBelow: 10 },
    ]);
    expect(campaignAreas(null)).toEqual([]);
    expect(scoresByArea({ subject: 42, METHODICAL: 7, other: 1, digital: 'x' })).toEqual({
      SUBJECT: 42,
      METHODICAL: 7,
    });
  });
});

const ORG_A = { id: 'o1', code: 'sch-1', name: 'Школа № 1', shortName: 'СОШ 1' };
const ORG_B = { id: 'o2', code: 'sch-2', name: 'Школа № 2', shortName: 'СОШ 2' };

function teacherNode(over: Partial<TeacherNode>): TeacherNode {
  return {
    id: 't1',
    version: 3,
    personnelCode: 'T-001',
    fullName: 'Иванова Анна Петровна',
    birthYear: 1995,
    subjects: ['Математика', 'Физика'],
    position: 'учитель',
    category: 'FIRST',
    totalExperienceYears: 4,
    teachingExperienceYears: 2,
    hireDate: '2022-09-01',
    youngSpecialist: true,
    organization: ORG_A,
    municipality: { id: 'm1', shortName: 'г. Черногорск' },
    assignments: [
      {
        organization: { shortName: 'СОШ 1', name: 'Школа № 1' },
        startedOn: '2022-09-01',
        endedOn: null,
      },
    ],
    ...over,
  };
}

function change<R>(
  row: R,
  index: number,
  changedFields: string[] = [],
  isNew = false,
): SaveChange<R> {
  return { index, row, changedFields, isNew };
}

const writer = (over: Partial<Writer>): Writer => ({
  role: 'MUNICIPAL_METHODOLOGIST',
  municipalityId: 'm1',
  organizationId: null,
  ...over,
});

describe('teachers grid rows', () => {
  it('maps teachers to rows, hidden names last, and flags hidden names', () => {
    const rows = toTeacherRows([
      teacherNode({ id: 't2', personnelCode: 'T-002', fullName: null }),
      teacherNode({}),
      teacherNode({ id: 't3', personnelCode: 'T-003', fullName: 'Белов Олег' }),
    ]);
    // «Белов» before «Иванова»; a hidden name after every shown one.
    expect(rows.map((r) => r.personnelCode)).toEqual(['T-003', 'T-001', 'T-002']);
    expect(rows[2]).toMatchObject({ nameHidden: true, fullName: null });
    expect(rows[1]).toMatchObject({
      id: 't1',
      version: 3,
      subjects: 'Математика; Физика',
      organizationCode: 'sch-1',
      storedOrganizationCode: 'sch-1',
      storedOrganizationId: 'o1',
      movedOn: null,
      assignmentCount: 1,
      youngSpecialist: true,
    });
  });

  it('sends an edited row’s changed fields with its version, never a hidden name', () => {
    const row: TeacherRow = { ...teacherRow(teacherNode({ fullName: null })), position: 'завуч' };
    const { inputs, origins, errors } = toTeacherInputs(
      [change(row, 4, ['position', 'fullName'])],
      { required: 'обязательно' },
    );
    expect(errors).toEqual([]);
    expect(origins).toEqual([4]);
    expect(inputs).toEqual([
      { personnelCode: 'T-001', organizationCode: 'sch-1', version: 3, position: 'завуч' },
    ]);
  });

  it('sends a move with its date, and a new teacher with what was entered', () => {
    const moved: TeacherRow = {
      ...teacherRow(teacherNode({})),
      organizationCode: 'sch-2',
      movedOn: '2025-01-10',
    };
    expect(isMove(moved)).toBe(true);
    const fresh: TeacherRow = {
      ...emptyTeacherRow('sch-1'),
      personnelCode: ' T-009 ',
      fullName: 'Петров Пётр',
      subjects: 'Химия',
      birthYear: 1990,
    };
    expect(isMove(fresh)).toBe(false);
    const { inputs } = toTeacherInputs(
      [change(moved, 0, ['organizationCode', 'movedOn']), change(fresh, 1, [], true)],
      { required: 'обязательно' },
    );
    expect(inputs).toEqual([
      { personnelCode: 'T-001', organizationCode: 'sch-2', version: 3, movedOn: '2025-01-10' },
      {
        personnelCode: 'T-009',
        organizationCode: 'sch-1',
        fullName: 'Петров Пётр',
        birthYear: 1990,
        subjects: ['Химия'],
      },
    ]);
  });

  it('refuses rows without a code or an organization before sending', () => {
    const { inputs, errors } = toTeacherInputs(
      [change({ ...emptyTeacherRow(null), fullName: 'Без кода' }, 2, [], true)],
      { required: 'обязательно' },
    );
    expect(inputs).toEqual([]);
    expect(errors).toEqual([
      { index: 2, field: 'personnelCode', code: 'REQUIRED', message: 'обязательно' },
      { index: 2, field: 'organizationCode', code: 'REQUIRED', message: 'обязательно' },
    ]);
  });

  it('puts server errors on the changes they came from (a version conflict on the row)', () => {
    expect(
      toGridErrors(
        [
          { index: 0, field: 'organizationCode', code: 'NOT_FOUND', message: 'нет' },
          { index: 1, field: 'version', code: 'CONFLICT', message: 'изменён' },
        ],
        [3, 7],
      ),
    ).toEqual([
      { index: 3, field: 'organizationCode', code: 'NOT_FOUND', message: 'нет' },
      { index: 7, field: null, code: 'CONFLICT', message: 'изменён' },
    ]);
  });

  it('lets methodologists write their municipality and coordinators their school', () => {
    const stored = { storedOrganizationId: 'o1' };
    expect(canWriteTeacherRow(writer({}), 'm1', stored)).toBe(true);
    expect(canWriteTeacherRow(writer({}), 'm2', stored)).toBe(false);
    expect(canWriteTeacherRow(writer({ role: 'ADMIN', municipalityId: null }), 'm2', stored)).toBe(
      true,
    );
    const coordinator = writer({ role: 'SCHOOL_COORDINATOR', organizationId: 'o1' });
    expect(canWriteTeacherRow(coordinator, 'm1', stored)).toBe(true);
    expect(canWriteTeacherRow(coordinator, 'm1', { storedOrganizationId: 'o2' })).toBe(false);
    expect(canWriteTeacherRow(writer({ role: 'REGIONAL_ANALYST' }), 'm1', stored)).toBe(false);
  });
});

function resultNode(over: Partial<DiagnosticResultNode>): DiagnosticResultNode {
  return {
    id: 'r1',
    version: 1,
    scores: { subject: 42, methodical: 80 },
    deficits: ['SUBJECT'],
    campaign: { code: 'C1', name: 'Диагностика', heldOn: '2024-10-15' },
    teacher: { id: 't1', personnelCode: 'T-001', fullName: 'Иванова Анна Петровна' },
    organization: { id: 'o1', shortName: 'СОШ 1', name: 'Школа № 1' },
    municipality: { shortName: 'г. Черногорск' },
    ...over,
  };
}

describe('diagnostics grid rows', () => {
  const teachers = [
    teacherNode({}),
    teacherNode({
      id: 't2',
      personnelCode: 'T-002',
      fullName: 'Абрамов Илья',
      organization: ORG_B,
    }),
  ];

  it('gives every teacher a row with the result’s scores and deficits, one who left too', () => {
    const rows = toDiagnosticRows(teachers, [
      resultNode({}),
      resultNode({
        id: 'r9',
        teacher: { id: 't9', personnelCode: 'T-009', fullName: null },
        organization: { id: 'o1', shortName: 'СОШ 1', name: 'Школа № 1' },
        deficits: [],
        scores: { SUBJECT: 90 },
      }),
    ]);
    expect(rows.map((r) => r.personnelCode)).toEqual(['T-001', 'T-009', 'T-002']);
    expect(rows[0]).toMatchObject({
      id: 't:t1',
      version: 1,
      score_SUBJECT: 42,
      score_METHODICAL: 80,
      score_DIGITAL: null,
      deficits: 'SUBJECT',
    });
    expect(rows[2]).toMatchObject({ version: null, score_SUBJECT: null, deficits: '' });
  });

  it('sends the filled scores of the campaign’s areas, and the deficits come back from the server', () => {
    const rows = toDiagnosticRows(teachers, [resultNode({})]);
    const edited: DiagnosticRow = { ...rows[1], score_SUBJECT: 30, score_DIGITAL: 5 };
    const untouched: DiagnosticRow = rows[1];
    const { inputs, origins } = toDiagnosticInputs(
      [change(edited, 0, ['score_SUBJECT']), change({ ...rows[0], score_METHODICAL: 45 }, 1)],
      'C1',
      AREAS,
    );
    expect(origins).toEqual([0, 1]);
    expect(inputs).toEqual([
      { campaignCode: 'C1', personnelCode: 'T-002', scores: { SUBJECT: 30 } },
      {
        campaignCode: 'C1',
        personnelCode: 'T-001',
        scores: { SUBJECT: 42, METHODICAL: 45 },
        version: 1,
      },
    ]);
    expect(toDiagnosticInputs([change(untouched, 0)], 'C1', AREAS).inputs).toEqual([]);
    const saved = applySavedDiagnostics(rows, [
      resultNode({
        teacher: { id: 't2', personnelCode: 'T-002', fullName: 'Абрамов Илья' },
        scores: { subject: 30 },
        deficits: ['SUBJECT'],
        version: 1,
      }),
    ]);
    expect(saved[1]).toMatchObject({ version: 1, score_SUBJECT: 30, deficits: 'SUBJECT' });
    expect(
      toDiagnosticGridErrors(
        [{ index: 0, field: 'scores', code: 'INVALID_FORMAT', message: 'x' }],
        [5],
      ),
    ).toEqual([{ index: 5, field: null, code: 'INVALID_FORMAT', message: 'x' }]);
  });
});

function routeNode(over: Partial<RouteNode>): RouteNode {
  return {
    id: 'r1',
    version: 2,
    teacher: {
      id: 't1',
      personnelCode: 'T-001',
      fullName: 'Иванова Анна Петровна',
      organization: { shortName: 'СОШ 1' },
    },
    targetedDeficits: ['SUBJECT', 'METHODICAL'],
    status: 'OPEN',
    openedOn: '2024-10-20',
    closedOn: null,
    tutor: 'Сидорова',
    diagnostic: { id: 'd1', campaign: { code: 'C1', heldOn: '2024-10-15' } },
    closedBy: null,
    steps: [
      {
        id: 's1',
        kind: 'REFRESHER_COURSE',
        title: 'КПК',
        provider: 'ЦНППМ',
        hours: 36,
        dueDate: '2024-12-01',
        status: 'DONE',
      },
      {
        id: 's2',
        kind: 'SELF_STUDY',
        title: 'Чтение',
        provider: null,
        hours: null,
        dueDate: null,
        status: 'CANCELLED',
      },
      {
        id: 's3',
        kind: 'MENTORING',
        title: 'Наставник',
        provider: ' ',
        hours: 10,
        dueDate: '',
        status: 'PLANNED',
      },
    ],
    ...over,
  };
}

describe('routes grid rows', () => {
  it('maps routes: open first, the closing diagnosis, step progress', () => {
    const rows = toRouteRows([
      routeNode({
        id: 'r2',
        status: 'CLOSED',
        closedOn: '2025-03-20',
        closedBy: { id: 'd2', campaign: { code: 'C2', heldOn: '2025-03-14' } },
      }),
      routeNode({}),
    ]);
    expect(rows.map((r) => r.id)).toEqual(['r1', 'r2']);
    expect(rows[1]).toMatchObject({
      closedOn: '2025-03-20',
      closedByCode: 'C2',
      closedByDate: '2025-03-14',
      campaignCode: 'C1',
      targetedDeficits: 'SUBJECT,METHODICAL',
    });
    expect(stepProgress(rows[0].steps)).toEqual({ done: 1, total: 2 });
  });

  it('sends the whole route; steps only when given; a closed status never', () => {
    const row = routeRow(routeNode({}));
    expect(routeInput(row)).toEqual({
      id: 'r1',
      version: 2,
      personnelCode: 'T-001',
      openedOn: '2024-10-20',
      tutor: 'Сидорова',
      campaignCode: 'C1',
      targetedDeficits: ['SUBJECT', 'METHODICAL'],
      status: 'OPEN',
    });
    const withSteps = routeInput(row, row.steps);
    expect(withSteps.steps).toEqual([
      {
        kind: 'REFRESHER_COURSE',
        title: 'КПК',
        provider: 'ЦНППМ',
        hours: 36,
        dueDate: '2024-12-01',
        status: 'DONE',
      },
      {
        kind: 'SELF_STUDY',
        title: 'Чтение',
        provider: null,
        hours: null,
        dueDate: null,
        status: 'CANCELLED',
      },
      {
        kind: 'MENTORING',
        title: 'Наставник',
        provider: null,
        hours: 10,
        dueDate: null,
        status: 'PLANNED',
      },
    ]);
    const closed = routeRow(routeNode({ status: 'CLOSED' }));
    expect(routeInput(closed)).not.toHaveProperty('status');
  });

  it('lets a new route take its deficits from the diagnosis and requires teacher and date', () => {
    const fresh: RouteRow = {
      ...emptyRouteRow('2025-01-15'),
      personnelCode: 'T-002',
      campaignCode: 'C1',
    };
    const { inputs, errors } = toRouteInputs(
      [change(fresh, 0, [], true), change({ ...emptyRouteRow(''), openedOn: null }, 1, [], true)],
      'обязательно',
    );
    expect(inputs).toEqual([
      {
        personnelCode: 'T-002',
        openedOn: '2025-01-15',
        tutor: null,
        campaignCode: 'C1',
        status: 'OPEN',
      },
    ]);
    expect(errors.map((e) => [e.index, e.field])).toEqual([
      [1, 'personnelCode'],
      [1, 'openedOn'],
    ]);
  });
});

describe('mentorship grid rows', () => {
  const node: MentorshipNode = {
    id: 'p1',
    version: 4,
    mentor: { id: 't5', personnelCode: 'T-005', fullName: 'Смирнова' },
    mentee: { id: 't1', personnelCode: 'T-001', fullName: null, youngSpecialist: true },
    form: 'TEACHER_TEACHER',
    deliveryType: 'TRADITIONAL',
    programme: '',
    startedOn: '2024-09-01',
    endedOn: null,
    status: 'ACTIVE',
    outcome: null,
  };
  const messages = { required: 'обязательно', samePerson: 'один', endsBeforeStart: 'раньше' };

  it('maps a pair and sends it whole with id and version', () => {
    const row: MentorshipRow = { ...mentorshipRow(node), outcome: ' Аттестован ' };
    expect(row).toMatchObject({ mentorName: 'Смирнова', menteeName: null, menteeYoung: true });
    expect(toMentorshipInputs([change(row, 0, ['outcome'])], messages).inputs).toEqual([
      {
        id: 'p1',
        version: 4,
        mentorCode: 'T-005',
        menteeCode: 'T-001',
        form: 'TEACHER_TEACHER',
        deliveryType: 'TRADITIONAL',
        programme: null,
        startedOn: '2024-09-01',
        endedOn: null,
        outcome: 'Аттестован',
        status: 'ACTIVE',
      },
    ]);
  });

  it('refuses a pair without codes, with one person twice or ending before it starts', () => {
    const { inputs, errors } = toMentorshipInputs(
      [
        change(emptyMentorshipRow('2025-01-01'), 0, [], true),
        change(
          {
            ...emptyMentorshipRow('2025-01-01'),
            mentorCode: 'A',
            menteeCode: 'A',
            endedOn: '2024-12-31',
          },
          1,
          [],
          true,
        ),
      ],
      messages,
    );
    expect(inputs).toEqual([]);
    expect(errors.map((e) => [e.index, e.field, e.code])).toEqual([
      [0, 'mentorCode', 'REQUIRED'],
      [0, 'menteeCode', 'REQUIRED'],
      [1, 'menteeCode', 'INVALID_FORMAT'],
      [1, 'endedOn', 'INVALID_FORMAT'],
    ]);
  });
});

describe('teacher navigation', () => {
  const ROWS = ['teachers', 'teachers/diagnostics', 'teachers/routes', 'teachers/mentorships'];

  it('shows the teacher pages to signed-in roles, only the heat map to dashboards', () => {
    for (const role of [
      'ADMIN',
      'REGIONAL_ANALYST',
      'MUNICIPAL_METHODOLOGIST',
      'SCHOOL_COORDINATOR',
    ]) {
      expect(visiblePages(role)).toEqual(expect.arrayContaining([...ROWS, 'teachers/heatmap']));
    }
    expect(visiblePages('DASHBOARD')).toContain('teachers/heatmap');
    for (const page of ROWS) {
      expect(visiblePages('DASHBOARD')).not.toContain(page);
    }
  });

  it('groups the teacher pages into one header entry and routes their addresses', () => {
    expect(NAV_GROUPS.find((g) => g.id === 'teachers')?.pages).toEqual([
      ...ROWS,
      'teachers/heatmap',
    ]);
    const route = parseHash('#/teachers/diagnostics?municipality=5&campaign=C1');
    expect(route.page).toBe('teachers/diagnostics');
    expect(route.params.get('campaign')).toBe('C1');
    expect(formatHash('teachers/heatmap', { year: '2024/2025', municipality: '' })).toBe(
      '#/teachers/heatmap?year=2024%2F2025',
    );
  });
});

const schema = buildSchema(readFileSync(resolve(__dirname, '../../schema/schema.graphql'), 'utf8'));
const documents = Object.entries(queries)
  .filter(([name, value]) => /_(QUERY|MUTATION)$/.test(name) && typeof value === 'string')
  .map(([name, value]) => [name, value as string] as const);

describe('teacher GraphQL documents', () => {
  it('finds the documents', () => {
    expect(documents.length).toBeGreaterThanOrEqual(12);
  });

  it.each(documents)('%s is valid against schema/schema.graphql', (_name, source) => {
    expect(validate(schema, parse(source)).map((e) => e.message)).toEqual([]);
  });
});

describe('the heatmap opens on the newest diagnosed year', () => {
  it('takes the academic year of the newest campaign, else the current one', () => {
    const today = new Date('2026-11-22T12:00:00');
    expect(defaultAcademicYear('2025-04-15', today)).toBe('2024/2025');
    expect(defaultAcademicYear('2024-09-01', today)).toBe('2024/2025');
    expect(defaultAcademicYear('2024-08-31', today)).toBe('2023/2024');
    expect(defaultAcademicYear(null, today)).toBe('2026/2027');
  });
});
