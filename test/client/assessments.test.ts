import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';

import { formatHash, parseHash, visiblePages } from '../../client/src/app/router';
import type { SaveChange } from '../../client/src/components/editable-grid';
import type { Writer } from '../../client/src/features/auth/access';
import {
  lowResultKey,
  procedureLabel,
  signKey,
} from '../../client/src/features/assessments/assessmentLabels';
import * as analysisQueries from '../../client/src/features/assessments/analysis.queries';
import * as assessmentQueries from '../../client/src/features/assessments/assessments.queries';
import type {
  LowResultStatusNode,
  ObjectivitySignNode,
} from '../../client/src/features/assessments/analysis.queries';
import type {
  ProcedureKind,
  ResultNode,
} from '../../client/src/features/assessments/assessments.queries';
import {
  LOW_RESULT_KINDS,
  SIGN_KINDS,
} from '../../client/src/features/assessments/assessments.queries';
import {
  countByKind,
  groupLowResults,
  lowResultFilter,
  statusHistory,
} from '../../client/src/features/assessments/lowResults.model';
import {
  flattenSettings,
  groupSignsBySchool,
  signFilter,
  yearChoices,
} from '../../client/src/features/assessments/objectivity.model';
import type { ResultRow } from '../../client/src/features/assessments/resultRow';
import {
  applySavedResults,
  canWriteResultRow,
  parseResultFigure,
  parseTasks,
  resultFieldsFor,
  resultRow,
  toResultGridErrors,
  toResultInputs,
  toResultRows,
} from '../../client/src/features/assessments/resultRow';
import { taskCountOf } from '../../client/src/features/assessments/useResultRows';
import { en } from '../../client/src/i18n/en';
import { formatMessage } from '../../client/src/i18n/format';
import type { MessageKey, Params } from '../../client/src/i18n/ru';
import { ru } from '../../client/src/i18n/ru';

const tRu = (key: MessageKey, params?: Params) => formatMessage('ru', ru[key], params);
const tEn = (key: MessageKey, params?: Params) => formatMessage('en', en[key], params);

const ALFA = { id: 'o1', name: 'Средняя школа «Альфа»', shortName: 'Школа «Альфа»', demo: false };
const BETA = { id: 'o2', name: 'Школа «Бета»', shortName: null, demo: false };
const ZETA = { id: 'o3', name: 'Школа «Дзета»', shortName: null, demo: true };
const CHERN = { id: 'm1', name: 'город Черногорск', shortName: 'г. Черногорск' };
const ABAKAN = { id: 'm2', name: 'город Абакан', shortName: 'г. Абакан' };
const VPR_MATH_5 = {
  code: 'V5',
  kind: 'VPR' as const,
  subject: 'Математика',
  grade: 5,
  year: 2024,
};
const VPR_RUS_5 = { ...VPR_MATH_5, code: 'R5', subject: 'Русский язык' };
const OGE_MATH = { code: 'O9', kind: 'OGE' as const, subject: 'Математика', grade: 9, year: 2024 };

function sign(
  id: string,
  organization: typeof ALFA | typeof BETA | typeof ZETA,
  kind: ObjectivitySignNode['sign'],
  procedure: ObjectivitySignNode['procedure'] = VPR_MATH_5,
  municipality = CHERN,
): ObjectivitySignNode {
  return {
    id,
    year: 2024,
    sign: kind,
    criterion: 'c',
    metric: 1,
    threshold: 0,
    methodVersion: `${kind.toLowerCase()}/1`,
    evidence: `evidence ${id}`,
    organization,
    municipality,
    procedure,
  };
}

describe('objectivity signs grouped by school', () => {
  it('gives one entry per school, by municipality then name, signs by procedure and method order', () => {
    const groups = groupSignsBySchool([
      sign('s1', BETA, 'MARK_DISTRIBUTION'),
      sign('s2', ALFA, 'NOT_CONFIRMED_BY_GIA'),
      sign('s3', ALFA, 'HIGH_VS_REGION'),
      sign('s4', ZETA, 'TASK_PROFILE', VPR_MATH_5, ABAKAN),
      sign('s5', ALFA, 'MARK_DISTRIBUTION', OGE_MATH),
      sign('s6', ALFA, 'TASK_PROFILE', VPR_RUS_5),
    ]);
    expect(groups.map((g) => [g.municipality.id, g.organization.id])).toEqual([
      ['m2', 'o3'],
      ['m1', 'o1'],
      ['m1', 'o2'],
    ]);
    // ОГЭ before ВПР (by kind), Математика before Русский язык, then the method's sign order.
    expect(groups[1].signs.map((s) => s.id)).toEqual(['s5', 's3', 's2', 's6']);
    expect(groups[2].signs.map((s) => s.id)).toEqual(['s1']);
  });

  it('is empty for no signs', () => {
    expect(groupSignsBySchool([])).toEqual([]);
  });
});

describe('query filters', () => {
  it('builds the ObjectivitySignFilter from the page selection, leaving out empty choices', () => {
    expect(signFilter({ year: null, municipalityId: '', sign: '' })).toEqual({});
    expect(signFilter({ year: 2024, municipalityId: 'm1', sign: 'HIGH_VS_REGION' })).toEqual({
      year: [2024],
      municipalityId: { eq: 'm1' },
      sign: ['HIGH_VS_REGION'],
    });
  });

  it('asks for every year of the municipality on the low-result page', () => {
    expect(lowResultFilter('')).toEqual({});
    expect(lowResultFilter('m1')).toEqual({ municipalityId: { eq: 'm1' } });
  });

  it('merges years from several sources, newest first, without nulls or repeats', () => {
    expect(yearChoices([2023, 2024, 2023], [null, 2022], [undefined, 2024])).toEqual([
      2024, 2023, 2022,
    ]);
    expect(yearChoices([], [null])).toEqual([]);
  });
});

describe('analysis settings as lines', () => {
  it('flattens nested objects, keeps scalar arrays on one line and strings unquoted', () => {
    expect(
      flattenSettings({
        highVsRegion: { z: 1.96, examRule: 'clear_if_above_region' },
        markVsJournal: { shares: ['confirmed', 'lowered'], minShare: { confirmed: 80 } },
        components: [{ key: 'A' }],
        off: null,
      }),
    ).toEqual([
      { key: 'highVsRegion.z', value: '1.96' },
      { key: 'highVsRegion.examRule', value: 'clear_if_above_region' },
      { key: 'markVsJournal.shares', value: 'confirmed, lowered' },
      { key: 'markVsJournal.minShare.confirmed', value: '80' },
      { key: 'components[0].key', value: 'A' },
      { key: 'off', value: 'null' },
    ]);
    expect(flattenSettings(null)).toEqual([]);
  });
});

function status(
  id: string,
  organization: typeof ALFA | typeof BETA | typeof ZETA,
  year: number,
  kind: LowResultStatusNode['kind'],
  municipality = CHERN,
): LowResultStatusNode {
  return {
    id,
    year,
    kind,
    rule: `${kind.toLowerCase()}/1`,
    metric: 40,
    threshold: 45,
    evidence: `why ${id}`,
    organization,
    municipality,
  };
}

describe('low-result schools', () => {
  const STATUSES = [
    status('a22', ALFA, 2022, 'RISK_ZONE'),
    status('a24s', ALFA, 2024, 'SHNSU'),
    status('a24', ALFA, 2024, 'SHNOR'),
    status('a24r', ALFA, 2024, 'RISK_ZONE'),
    status('b23', BETA, 2023, 'SHNOR'),
    status('b24', BETA, 2024, 'OBJECTIVITY_EXCLUDED'),
    status('z24', ZETA, 2024, 'SHNOR', ABAKAN),
  ];
  const YEARS = [2024, 2023, 2022];

  it('lists a year’s schools per municipality with their statuses in a fixed order', () => {
    const groups = groupLowResults(STATUSES, 2024, YEARS);
    expect(groups.map((g) => g.municipality.id)).toEqual(['m2', 'm1']);
    expect(groups[1].schools.map((s) => s.organization.id)).toEqual(['o1', 'o2']);
    expect(groups[1].schools[0].statuses.map((s) => s.kind)).toEqual([
      'SHNOR',
      'SHNSU',
      'RISK_ZONE',
    ]);
  });

  it('keeps each school’s history over every year shown, oldest first', () => {
    const [, chern] = groupLowResults(STATUSES, 2024, YEARS);
    expect(chern.schools[0].history).toEqual([
      { year: 2022, kinds: ['RISK_ZONE'] },
      { year: 2023, kinds: [] },
      { year: 2024, kinds: ['SHNOR', 'SHNSU', 'RISK_ZONE'] },
    ]);
    expect(statusHistory(STATUSES, 'o2', YEARS)).toEqual([
      { year: 2022, kinds: [] },
      { year: 2023, kinds: ['SHNOR'] },
      { year: 2024, kinds: ['OBJECTIVITY_EXCLUDED'] },
    ]);
  });

  it('filters by kind and leaves out schools without a status of the year', () => {
    const groups = groupLowResults(STATUSES, 2024, YEARS, 'OBJECTIVITY_EXCLUDED');
    expect(groups).toHaveLength(1);
    expect(groups[0].schools.map((s) => s.organization.id)).toEqual(['o2']);
    // The history still shows the other statuses of the school.
    expect(groups[0].schools[0].history[1]).toEqual({ year: 2023, kinds: ['SHNOR'] });
    expect(groupLowResults(STATUSES, 2021, YEARS)).toEqual([]);
  });

  it('counts schools per kind in a year', () => {
    expect(countByKind(STATUSES, 2024)).toEqual({
      SHNOR: 2,
      SHNSU: 1,
      RISK_ZONE: 1,
      OBJECTIVITY_EXCLUDED: 1,
    });
    expect(countByKind(STATUSES, 2020)).toEqual({
      SHNOR: 0,
      SHNSU: 0,
      RISK_ZONE: 0,
      OBJECTIVITY_EXCLUDED: 0,
    });
  });
});

describe('labels', () => {
  it('names the signs in Russian as the method does', () => {
    expect(SIGN_KINDS.map((k) => tRu(signKey(k)))).toEqual([
      'Превышение над регионом (доверительный интервал)',
      'Профиль выполнения заданий',
      'Отметки ВПР и журнала',
      'Распределение отметок',
      'Не подтверждено ОГЭ/ЕГЭ',
      'Разрыв с контрольной выборкой',
      'Неподтверждение медалистов',
    ]);
    expect(LOW_RESULT_KINDS.map((k) => tRu(lowResultKey(k)))).toEqual([
      'ШНОР',
      'ШНСУ',
      'зона риска',
      'исключена из отбора ШНОР (признаки необъективности)',
    ]);
  });

  it('has an English text for every assessment key', () => {
    const keys = Object.keys(ru).filter((k) => k.startsWith('asm.')) as MessageKey[];
    expect(keys.length).toBeGreaterThan(100);
    for (const key of keys) {
      expect(typeof en[key] === 'string' ? en[key] : 'fn', key).not.toBe('');
      // The Russian abbreviations ШНОР / ШНСУ are kept in English as the terms of the method.
      const text = tEn(key, { n: 1, year: 2024, schools: 1, signs: 2 });
      expect(text.replace(/ШНОР|ШНСУ/g, ''), key).not.toMatch(/[А-Яа-яЁё]{4}/);
    }
    expect(tRu('asm.obj.summary', { year: 2024, schools: 2, signs: 5 })).toBe(
      '2024 год: 2 школы с признаками, 5 признаков',
    );
  });

  it('labels a procedure by kind, subject and grade', () => {
    expect(procedureLabel(tRu, VPR_MATH_5)).toBe('ВПР · Математика · 5 кл.');
    expect(procedureLabel(tRu, { ...OGE_MATH, grade: null }, true)).toBe('ОГЭ · Математика · 2024');
    expect(procedureLabel(tEn, VPR_MATH_5)).toBe('VPR · Математика · grade 5');
  });
});

const SCHOOLS = [
  { id: '2', code: 'b', name: 'Школа «Бета»', shortName: null, demo: false },
  { id: '1', code: 'a', name: 'Средняя школа «Альфа»', shortName: 'Альфа', demo: true },
];

function node(organization: (typeof SCHOOLS)[number], extra: Partial<ResultNode> = {}): ResultNode {
  return {
    id: `r${organization.id}`,
    version: 3,
    participants: 50,
    mark2: 5,
    mark3: 20,
    mark4: 15,
    mark5: 10,
    meanScore: 9.4,
    scoreSd: 2.8,
    meanPercent: 62.7,
    taskCompletion: [81, 70.5],
    journalLowered: 12,
    journalConfirmed: 33,
    journalRaised: 5,
    belowMinimum: null,
    medalists: null,
    medalistsBelowRequirement: null,
    procedure: { code: 'V5' },
    organization,
    ...extra,
  };
}

const MESSAGES = { participantsRequired: 'need participants', badTasks: 'bad tasks' };
const PROCEDURE = { code: 'V5', kind: 'VPR' as ProcedureKind, taskCount: 2 };

function change(
  row: ResultRow,
  index: number,
  changedFields: string[] = [],
): SaveChange<ResultRow> {
  return { index, row, changedFields, isNew: false };
}

describe('results grid rows', () => {
  it('shows the figures of the procedure kind', () => {
    expect(resultFieldsFor('VPR')).toContain('journalConfirmed');
    expect(resultFieldsFor('VPR')).not.toContain('belowMinimum');
    expect(resultFieldsFor('OGE')).toContain('belowMinimum');
    expect(resultFieldsFor('OGE')).not.toContain('medalists');
    expect(resultFieldsFor('EGE')).toEqual(
      expect.arrayContaining(['belowMinimum', 'medalists', 'medalistsBelowRequirement']),
    );
    expect(resultFieldsFor('NIKO')[0]).toBe('participants');
  });

  it('makes one row per school by name, with its stored result and version', () => {
    const rows = toResultRows(SCHOOLS, [node(SCHOOLS[1])]);
    expect(rows.map((r) => [r.id, r.organizationName, r.version, r.participants])).toEqual([
      ['o:1', 'Альфа', 3, 50],
      ['o:2', 'Школа «Бета»', null, null],
    ]);
    expect(rows[0]).toMatchObject({
      taskCompletion: '81; 70.5',
      demo: true,
      organizationCode: 'a',
    });
    // An organization with a result but not in the school list still gets its row.
    const other = { id: '9', code: 'x', name: 'Гимназия', shortName: null, demo: false };
    expect(toResultRows(SCHOOLS, [node(other)]).map((r) => r.id)).toEqual(['o:1', 'o:9', 'o:2']);
  });

  it('parses task completion and figures, refusing impossible ones', () => {
    expect(parseTasks('81; 70,5', 2)).toEqual([81, 70.5]);
    expect(parseTasks('81 70.5', 2)).toEqual([81, 70.5]);
    expect(parseTasks('  ', 2)).toBeNull();
    expect(() => parseTasks('81', 2)).toThrow();
    expect(() => parseTasks('81; 101', 2)).toThrow();
    expect(parseTasks('1;2;3', null)).toEqual([1, 2, 3]);
    expect(parseResultFigure('meanScore', '9,4')).toBe(9.4);
    expect(parseResultFigure('mark2', '')).toBeNull();
    expect(() => parseResultFigure('mark2', '2,5')).toThrow();
    expect(() => parseResultFigure('participants', '-1')).toThrow();
    expect(() => parseResultFigure('meanScore', 'abc')).toThrow();
  });

  it('sends every figure of the kind with the version, skips untouched empty rows', () => {
    const [alfa, beta] = toResultRows(SCHOOLS, [node(SCHOOLS[1])]);
    const edited = { ...alfa, mark2: 6, mark3: null };
    const emptyNew = { ...beta };
    const { inputs, origins, errors } = toResultInputs(
      [change(emptyNew, 0, ['mark2']), change(edited, 1, ['mark2', 'mark3'])],
      PROCEDURE,
      MESSAGES,
    );
    expect(errors).toEqual([]);
    expect(origins).toEqual([1]);
    expect(inputs).toEqual([
      {
        procedureCode: 'V5',
        organizationCode: 'a',
        participants: 50,
        mark2: 6,
        mark3: null,
        mark4: 15,
        mark5: 10,
        meanScore: 9.4,
        scoreSd: 2.8,
        meanPercent: 62.7,
        taskCompletion: [81, 70.5],
        journalLowered: 12,
        journalConfirmed: 33,
        journalRaised: 5,
        version: 3,
      },
    ]);
  });

  it('creates a result without a version, and refuses a row without participants locally', () => {
    const [, beta] = toResultRows(SCHOOLS, []);
    const created = toResultInputs(
      [change({ ...beta, participants: 30, meanPercent: 50 }, 0)],
      PROCEDURE,
      MESSAGES,
    );
    expect(created.inputs[0]).not.toHaveProperty('version');
    expect(created.inputs[0]).toMatchObject({
      organizationCode: 'b',
      participants: 30,
      mark2: null,
    });
    const refused = toResultInputs(
      [
        change({ ...beta, mark5: 3 }, 4),
        change({ ...beta, taskCompletion: '1', participants: 5 }, 5),
      ],
      PROCEDURE,
      MESSAGES,
    );
    expect(refused.inputs).toEqual([]);
    expect(refused.errors).toEqual([
      { index: 4, field: 'participants', code: 'REQUIRED', message: 'need participants' },
      { index: 5, field: 'taskCompletion', code: 'INVALID_FORMAT', message: 'bad tasks' },
    ]);
  });

  it('maps server errors back to the changes and merges saved versions', () => {
    expect(
      toResultGridErrors(
        [
          { index: 1, id: null, field: 'mark2', code: 'INVALID_FORMAT', message: 'too many' },
          { index: 0, id: '7', field: 'version', code: 'CONFLICT', message: 'stale' },
        ],
        [3, 5],
      ),
    ).toEqual([
      { index: 5, field: 'mark2', code: 'INVALID_FORMAT', message: 'too many' },
      { index: 3, field: 'version', code: 'CONFLICT', message: 'stale' },
    ]);
    const rows = toResultRows(SCHOOLS, []);
    const saved = applySavedResults(rows, [node(SCHOOLS[0], { version: 1, mark5: 2 })]);
    expect(saved[0]).toBe(rows[0]);
    expect(saved[1]).toMatchObject({ version: 1, participants: 50, mark5: 2 });
  });

  it('lets administrators, the municipality’s methodologist and the school’s coordinator write', () => {
    const row = resultRow(SCHOOLS[0], null);
    const writer = (w: Partial<Writer>): Writer => ({
      role: 'ADMIN',
      municipalityId: null,
      organizationId: null,
      ...w,
    });
    expect(canWriteResultRow(writer({}), 'm1', row)).toBe(true);
    expect(
      canWriteResultRow(
        writer({ role: 'MUNICIPAL_METHODOLOGIST', municipalityId: 'm1' }),
        'm1',
        row,
      ),
    ).toBe(true);
    expect(
      canWriteResultRow(
        writer({ role: 'MUNICIPAL_METHODOLOGIST', municipalityId: 'm2' }),
        'm1',
        row,
      ),
    ).toBe(false);
    expect(
      canWriteResultRow(writer({ role: 'SCHOOL_COORDINATOR', organizationId: '2' }), 'm1', row),
    ).toBe(true);
    expect(
      canWriteResultRow(writer({ role: 'SCHOOL_COORDINATOR', organizationId: '1' }), 'm1', row),
    ).toBe(false);
    expect(canWriteResultRow(writer({ role: 'REGIONAL_ANALYST' }), 'm1', row)).toBe(false);
    expect(canWriteResultRow(null, 'm1', row)).toBe(false);
  });

  it('counts the tasks a procedure lists', () => {
    expect(taskCountOf({ tasks: [{ number: '1', maxScore: 2 }] })).toBe(1);
    expect(taskCountOf({ tasks: [] })).toBeNull();
    expect(taskCountOf({ tasks: null })).toBeNull();
  });
});

describe('assessment navigation', () => {
  const PAGES = ['assessments/results', 'assessments/objectivity', 'assessments/low-results'];

  it('shows the assessment pages to every signed-in role except dashboards', () => {
    for (const role of [
      'ADMIN',
      'REGIONAL_ANALYST',
      'MUNICIPAL_METHODOLOGIST',
      'SCHOOL_COORDINATOR',
    ]) {
      expect(visiblePages(role)).toEqual(expect.arrayContaining(PAGES));
    }
    for (const page of PAGES) {
      expect(visiblePages('DASHBOARD')).not.toContain(page);
    }
  });

  it('routes the nested paths with their parameters', () => {
    const route = parseHash('#/assessments/objectivity?year=2024&sign=HIGH_VS_REGION');
    expect(route.page).toBe('assessments/objectivity');
    expect(route.params.get('sign')).toBe('HIGH_VS_REGION');
    expect(formatHash('assessments/low-results', { year: '2024', kind: '' })).toBe(
      '#/assessments/low-results?year=2024',
    );
    expect(parseHash('#/assessments/nowhere').page).toBe('roadmaps');
  });
});

const schema = buildSchema(readFileSync(resolve(__dirname, '../../schema/schema.graphql'), 'utf8'));
const documents = Object.entries({ ...assessmentQueries, ...analysisQueries })
  .filter(([name, value]) => /_(QUERY|MUTATION)$/.test(name) && typeof value === 'string')
  .map(([name, value]) => [name, value as string] as const);

describe('assessment GraphQL documents', () => {
  it('covers every document of the pages', () => {
    expect(documents.map(([name]) => name)).toHaveLength(11);
  });

  it.each(documents)('%s is valid against schema/schema.graphql', (_name, source) => {
    expect(validate(schema, parse(source)).map((e) => e.message)).toEqual([]);
  });
});
