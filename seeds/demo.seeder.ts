import type { EntityManager } from '@mikro-orm/postgresql';
import { Seeder } from '@mikro-orm/seeder';
import { AssessmentProcedure } from '../server/modules/assessments/assessments.entity';
import {
  Municipality,
  Organization,
  Region,
  SchoolType,
} from '../server/modules/geography/geography.entity';
import { INDICATOR_CATALOG } from '../server/modules/indicators/indicators.catalog';
import { Indicator } from '../server/modules/indicators/indicators.entity';
import { ValueSource } from '../server/modules/indicators/indicators.enums';
import {
  DEMO_PERIODS,
  type DemoCounts,
  type DemoData,
  generateDemoData,
} from './demo/demo.generator';
import { PeriodKind } from '../server/modules/indicators/indicators.enums';
import { writeTeacherIndicators } from '../server/modules/teachers/analytics.service';
import { writeOlympiadIndicators } from '../server/modules/olympiads/olympiad.indicators';
import type { SchoolType as DemoSchoolType } from './demo/demo.names';
import { Access, SYSTEM_VIEWER } from '../server/modules/access/viewer';
import { runAssessmentAnalysis } from '../server/modules/assessments/analysis.service';
import {
  type Column,
  idsByCode,
  insertUnnest,
  json,
  need,
  withoutForeignKeys,
} from './demo/demo.bulk';
import { OLYMPIAD_YEARS } from './demo/demo.olympiads';
import { insertOlympiads } from './demo/demo.olympiads.load';
import { insertTeachers } from './demo/demo.teachers.load';
import { VALUE_COLUMNS } from './table-columns';

// Rows per multi-row INSERT, well under PostgreSQL's 65,535 bind parameters.
const CHUNK = 2000;

async function insertChunked<T extends object>(
  em: EntityManager,
  entity: new () => T,
  rows: object[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) {
    await em.insertMany(entity, rows.slice(start, start + CHUNK) as never[]);
  }
}

async function insertMunicipalities(
  em: EntityManager,
  data: DemoData,
): Promise<Map<string, number>> {
  const regions = await idsByCode(em, Region, [
    ...new Set(data.municipalities.map((m) => m.regionCode)),
  ]);
  const peers = data.municipalities.filter((m) => m.peer);
  await insertChunked(
    em,
    Municipality,
    peers.map((m) => ({
      region: need(regions, m.regionCode, 'region'),
      code: m.code,
      demo: true,
      ...m.peer,
    })),
  );
  return idsByCode(
    em,
    Municipality,
    data.municipalities.map((m) => m.code),
  );
}

const SCHOOL_TYPES: Readonly<Record<DemoSchoolType, SchoolType>> = {
  SOSH: SchoolType.SOSH,
  SOSH_UIOP: SchoolType.SOSH_UIOP,
  GYMNASIUM: SchoolType.GYMNASIUM,
  LYCEUM: SchoolType.LYCEUM,
  OOSH: SchoolType.OOSH,
  NOSH: SchoolType.NOSH,
};

async function insertOrganizations(
  em: EntityManager,
  data: DemoData,
  municipalities: Map<string, number>,
): Promise<Map<string, number>> {
  await insertChunked(
    em,
    Organization,
    data.organizations.map((org) => ({
      municipality: need(municipalities, org.municipalityCode, 'municipality'),
      code: org.code,
      demo: true,
      name: org.name,
      shortName: org.shortName,
      kind: org.kind,
      settlement: org.settlement,
      schoolType: org.schoolType ? SCHOOL_TYPES[org.schoolType] : null,
      enrolment: org.enrolment,
      lowResults: org.lowResults,
      unfavourableConditions: org.unfavourableConditions,
      riskZone: org.riskZone,
    })),
  );
  return idsByCode(
    em,
    Organization,
    data.organizations.map((org) => org.code),
  );
}

const PROCEDURE_COLUMNS: readonly Column[] = [
  ['code', 'text'],
  ['kind', 'procedure_kind'],
  ['subject', 'text'],
  ['grade', 'smallint'],
  ['year', 'smallint'],
  ['max_score', 'float8'],
  ['tasks', 'jsonb'],
  ['mark_thresholds', 'jsonb'],
];

const RESULT_COLUMNS: readonly Column[] = [
  ['procedure_id', 'int'],
  ['organization_id', 'int'],
  ['municipality_id', 'int'],
  ['participants', 'int'],
  ['mark2', 'int'],
  ['mark3', 'int'],
  ['mark4', 'int'],
  ['mark5', 'int'],
  ['mean_score', 'float8'],
  ['score_sd', 'float8'],
  ['mean_percent', 'float8'],
  ['task_completion', 'jsonb'],
  ['journal_lowered', 'int'],
  ['journal_confirmed', 'int'],
  ['journal_raised', 'int'],
  ['below_minimum', 'int'],
  ['medalists', 'int'],
  ['medalists_below_requirement', 'int'],
  ['score_histogram', 'jsonb'],
];

/** Demo procedures (kept if a procedure of the same code exists) and the results of the demo
 * schools, the results without a change_log row each (like the values). */
async function insertAssessments(
  em: EntityManager,
  data: DemoData,
  municipalities: Map<string, number>,
  organizations: Map<string, number>,
): Promise<void> {
  const { procedures, results } = data.assessments;
  await insertUnnest(
    em,
    'assessment_procedure',
    PROCEDURE_COLUMNS,
    procedures.map((p) => ({
      code: p.code,
      kind: p.kind,
      subject: p.subject,
      grade: p.grade,
      year: p.year,
      max_score: p.maxScore,
      tasks: json(p.tasks),
      mark_thresholds: json(p.markThresholds),
    })),
    'on conflict ("code") do nothing',
  );
  const procedureIds = await idsByCode(
    em,
    AssessmentProcedure,
    procedures.map((p) => p.code),
  );
  await em.execute('alter table "assessment_result" disable trigger "audit_row"');
  await withoutForeignKeys(em, ['assessment_result'], () =>
    insertUnnest(
      em,
      'assessment_result',
      RESULT_COLUMNS,
      results.map((r) => ({
        procedure_id: need(procedureIds, r.procedureCode, 'procedure'),
        organization_id: need(organizations, r.organizationCode, 'organization'),
        municipality_id: need(municipalities, r.municipalityCode, 'municipality'),
        participants: r.participants,
        mark2: r.mark2,
        mark3: r.mark3,
        mark4: r.mark4,
        mark5: r.mark5,
        mean_score: r.meanScore,
        score_sd: r.scoreSd,
        mean_percent: r.meanPercent,
        task_completion: json(r.taskCompletion),
        journal_lowered: r.journalLowered,
        journal_confirmed: r.journalConfirmed,
        journal_raised: r.journalRaised,
        below_minimum: r.belowMinimum,
        medalists: r.medalists,
        medalists_below_requirement: r.medalistsBelowRequirement,
        score_histogram: json(r.scoreHistogram),
      })),
    ),
  );
  await em.execute('alter table "assessment_result" enable trigger "audit_row"');
}

const NOTHING_SEEDED: DemoCounts = {
  municipalities: 0,
  organizations: 0,
  values: 0,
  procedures: 0,
  results: 0,
  teachers: 0,
  teacherAssignments: 0,
  diagnosticCampaigns: 0,
  diagnosticResults: 0,
  routes: 0,
  routeSteps: 0,
  mentorships: 0,
  gradeEnrolments: 0,
  students: 0,
  olympiadRecords: 0,
};

/**
 * Loads the deterministic demo set (organizations, synthetic peer municipalities, three years
 * of values, assessment procedures and results, the schools' teachers with their diagnostics,
 * routes and mentorships, two years of ВсОШ protocols with pupils and grade enrolments) with
 * bulk inserts, in one transaction (a savepoint inside the caller's). Needs the geography, the
 * indicator catalogue and the olympiad directory (migrations); does nothing when demo
 * organizations already exist. Returns what it inserted.
 */
export async function seedDemoData(em: EntityManager): Promise<DemoCounts> {
  return em.transactional(async (tem) => {
    if ((await tem.count(Organization, { demo: true })) > 0) {
      return NOTHING_SEEDED;
    }
    const data = generateDemoData(INDICATOR_CATALOG);
    const municipalities = await insertMunicipalities(tem, data);
    const organizations = await insertOrganizations(tem, data, municipalities);
    const indicators = await idsByCode(
      tem,
      Indicator,
      INDICATOR_CATALOG.map((indicator) => indicator.code),
    );
    // Tens of thousands of synthetic values would double the write time (and the audit log)
    // with one change_log row each; the demo organizations and municipalities stay audited.
    // Transactional: the trigger is back on at commit, and a rollback undoes both.
    await tem.execute('alter table "indicator_value" disable trigger "audit_row"');
    await withoutForeignKeys(tem, ['indicator_value'], () =>
      insertUnnest(
        tem,
        'indicator_value',
        VALUE_COLUMNS,
        data.values.map((value) => ({
          indicator_id: need(indicators, value.indicatorCode, 'indicator'),
          municipality_id: need(municipalities, value.municipalityCode, 'municipality'),
          organization_id: value.organizationCode
            ? need(organizations, value.organizationCode, 'organization')
            : null,
          period: value.period,
          period_kind: value.periodKind,
          period_start: value.periodStart,
          value: value.value,
          numerator: value.numerator,
          denominator: value.denominator,
          source: ValueSource.DEMO,
        })),
      ),
    );
    await tem.execute('alter table "indicator_value" enable trigger "audit_row"');
    // Procedures and results of the demo schools, their teachers (diagnostics, routes,
    // mentorships) and olympiad protocols, then the analysis over the results: signs, ШНОР / ШНСУ / risk zone, the
    // computed shares and the flags, region by region, oldest year first (ШНОР of a year reads
    // the signs of the year before). Its computed values are synthetic too, so they skip the
    // audit log like the values above.
    await insertAssessments(tem, data, municipalities, organizations);
    await insertTeachers(tem, data, municipalities, organizations);
    await insertOlympiads(tem, data, municipalities, organizations);
    await tem.execute('alter table "indicator_value" disable trigger "audit_row"');
    const access = new Access(SYSTEM_VIEWER);
    const years = [...new Set(data.assessments.procedures.map((p) => p.year))].sort();
    const regionCodes = [...new Set(data.municipalities.map((m) => m.regionCode))].sort();
    for (const regionCode of regionCodes) {
      for (const year of years) {
        await runAssessmentAnalysis(tem, access, { regionCode, year });
      }
    }
    // The teachers' shares (2.2.DIAGNOSED, 2.2.IOM, 2.2.MENTORED) from the demo teachers.
    const regions = await idsByCode(tem, Region, regionCodes);
    for (const regionCode of regionCodes) {
      for (const academicYear of DEMO_PERIODS[PeriodKind.ACADEMIC_YEAR]) {
        await writeTeacherIndicators(tem, {
          academicYear,
          regionId: need(regions, regionCode, 'region'),
        });
      }
    }
    // The olympiad figures of every demo school (1.3.VSOSH_*) from the protocols and enrolments.
    for (const regionCode of regionCodes) {
      for (const year of OLYMPIAD_YEARS) {
        await writeOlympiadIndicators(tem, { year, regionId: need(regions, regionCode, 'region') });
      }
    }
    await tem.execute('alter table "indicator_value" enable trigger "audit_row"');
    return data.counts;
  });
}

/**
 * Demo organizations, synthetic peer municipalities and values, all marked demo, with the demo
 * schools' assessment results, teachers and olympiad protocols.
 */
export class DemoSeeder extends Seeder {
  async run(em: EntityManager): Promise<void> {
    await seedDemoData(em);
  }
}
