// The demo data set as plain rows keyed by codes: pure and deterministic (same output on every
// run and machine), so tests can compare it and the seeder only maps codes to ids.
import type { IndicatorSeed } from '../../server/modules/indicators/indicators.catalog';
import {
  IndicatorLevel,
  PeriodKind,
  unitScale,
} from '../../server/modules/indicators/indicators.enums';
import { parsePeriod } from '../../server/modules/indicators/period';
import {
  DEMO_YEARS,
  type DemoMunicipality,
  type DemoOrganization,
  generateDemoGeography,
} from './demo.geography';
import { type Figure, type MunicipalityStats } from './demo.figures';
import { MUNICIPALITY_MODELS } from './demo.municipality-models';
import { ORGANIZATION_MODELS } from './demo.organization-models';
import { streamFor } from './demo.random';
import { type DemoAssessments, generateDemoAssessments } from './demo.assessments';
import { type DemoOlympiads, generateDemoOlympiads } from './demo.olympiads';
import { type DemoTeachers, generateDemoTeachers } from './demo.teachers';

/** Three periods of each kind, oldest first (index = demo year). */
export const DEMO_PERIODS: Readonly<Record<PeriodKind, readonly string[]>> = {
  [PeriodKind.ACADEMIC_YEAR]: ['2022/2023', '2023/2024', '2024/2025'],
  [PeriodKind.YEAR]: ['2022', '2023', '2024'],
  [PeriodKind.QUARTER]: ['2024Q2', '2024Q3', '2024Q4'],
};

export interface DemoValue {
  indicatorCode: string;
  municipalityCode: string;
  organizationCode: string | null;
  period: string;
  periodKind: PeriodKind;
  periodStart: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
}

export interface DemoCounts {
  /** Synthetic peer municipalities (the seeded ones get organizations and values only). */
  municipalities: number;
  organizations: number;
  values: number;
  /** Assessment procedures (ВПР, ОГЭ, ЕГЭ of three years) and school results. */
  procedures: number;
  results: number;
  /** Teachers of the demo schools with their moves, diagnostics, routes and mentorships. */
  teachers: number;
  teacherAssignments: number;
  diagnosticCampaigns: number;
  diagnosticResults: number;
  routes: number;
  routeSteps: number;
  mentorships: number;
  /** ВсОШ of 2024/2025 and 2025/2026: grade enrolments, pupils and protocol entries. */
  gradeEnrolments: number;
  students: number;
  olympiadRecords: number;
}

export interface DemoData {
  municipalities: DemoMunicipality[];
  organizations: DemoOrganization[];
  values: DemoValue[];
  assessments: DemoAssessments;
  teachers: DemoTeachers;
  olympiads: DemoOlympiads;
  counts: DemoCounts;
}

function toValue(
  indicator: IndicatorSeed,
  figure: Figure,
): Pick<DemoValue, 'value' | 'numerator' | 'denominator'> {
  if (figure.numerator === undefined) {
    return { value: figure.value, numerator: null, denominator: null };
  }
  // value = scale · numerator / denominator exactly, so roll-ups re-compute the same figure.
  return {
    value: (unitScale(indicator.unit) * figure.numerator) / figure.denominator,
    numerator: figure.numerator,
    denominator: figure.denominator,
  };
}

function municipalityStats(
  municipality: DemoMunicipality,
  organizations: DemoOrganization[],
): MunicipalityStats {
  const own = organizations.filter((org) => org.municipalityCode === municipality.code);
  return {
    effect: municipality.effect,
    trend: municipality.trend,
    organizations: own.length,
    schoolEnrolment: own
      .filter((org) => org.grades.length > 0)
      .reduce((sum, org) => sum + org.enrolment, 0),
  };
}

/**
 * Generates the whole demo set for the given catalogue. Indicators the hub's analysis computes
 * (`computedBy`) get no demo values: the analysis writes them from the assessment results.
 */
export function generateDemoData(catalog: readonly IndicatorSeed[]): DemoData {
  const { municipalities, organizations } = generateDemoGeography();
  const stats = new Map(
    municipalities.map((m) => [m.code, municipalityStats(m, organizations)] as const),
  );
  const values: DemoValue[] = [];
  for (const indicator of catalog.filter((entry) => !entry.computedBy)) {
    for (let year = 0; year < DEMO_YEARS; year += 1) {
      const period = parsePeriod(DEMO_PERIODS[indicator.periodKind][year])!;
      const push = (municipalityCode: string, organizationCode: string | null, figure: Figure) => {
        values.push({
          indicatorCode: indicator.code,
          municipalityCode,
          organizationCode,
          period: period.code,
          periodKind: period.kind,
          periodStart: period.start,
          ...toValue(indicator, figure),
        });
      };
      if (indicator.level === IndicatorLevel.ORGANIZATION) {
        const model = ORGANIZATION_MODELS[indicator.code];
        if (!model) {
          throw new Error(`Demo data: no organization model for indicator ${indicator.code}`);
        }
        for (const org of organizations) {
          const figure = model.kinds.includes(org.kind)
            ? model.figure(org, year, streamFor(org.code, indicator.code, period.code))
            : null;
          if (figure) {
            push(org.municipalityCode, org.code, figure);
          }
        }
      } else {
        const model = MUNICIPALITY_MODELS[indicator.code];
        if (!model) {
          throw new Error(`Demo data: no municipality model for indicator ${indicator.code}`);
        }
        for (const municipality of municipalities) {
          const figure = model.figure(
            stats.get(municipality.code)!,
            year,
            streamFor(municipality.code, indicator.code, period.code),
          );
          if (figure) {
            push(municipality.code, null, figure);
          }
        }
      }
    }
  }
  const assessments = generateDemoAssessments(organizations, municipalities);
  const teachers = generateDemoTeachers(organizations, municipalities);
  const olympiads = generateDemoOlympiads(organizations, municipalities);
  return {
    municipalities,
    organizations,
    values,
    assessments,
    teachers,
    olympiads,
    counts: {
      municipalities: municipalities.filter((m) => m.peer).length,
      organizations: organizations.length,
      values: values.length,
      procedures: assessments.counts.procedures,
      results: assessments.counts.results,
      teachers: teachers.counts.teachers,
      teacherAssignments: teachers.counts.assignments,
      diagnosticCampaigns: teachers.counts.campaigns,
      diagnosticResults: teachers.counts.diagnosticResults,
      routes: teachers.counts.routes,
      routeSteps: teachers.counts.routeSteps,
      mentorships: teachers.counts.mentorships,
      gradeEnrolments: olympiads.counts.gradeEnrolments,
      students: olympiads.counts.students,
      olympiadRecords: olympiads.counts.records,
    },
  };
}
