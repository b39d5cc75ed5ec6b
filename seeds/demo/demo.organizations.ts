// One synthetic organization: size, grades, staff and the latent traits the indicator models
// read (quality, social index, ШНОР and objectivity-risk flags). Proportions follow DOMAIN.md §4:
// rural schools far smaller (many under 100 pupils), ≈ 450 pupils per school on average,
// ШНОР 7–10 %, objectivity flags 5–8 % a year.
import { OrganizationKind, Settlement } from '../../server/modules/geography/geography.entity';
import { schoolName, type SchoolType } from './demo.names';
import { clamp, normal, type Rng, streamFor } from './demo.random';
import { DEMO_YEARS, type DemoOrganization, type MunicipalityPlan } from './demo.types';

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function regionEffect(regionCode: string): number {
  return 0.3 * normal(streamFor('region', regionCode));
}

function lognormal(rng: Rng, median: number, sigma: number, min: number, max: number): number {
  return Math.round(clamp(median * Math.exp(sigma * normal(rng)), min, max));
}

// Grades taught and the relative size of grades 10–11 (many pupils leave after grade 9).
function gradeShape(type: SchoolType, settlement: Settlement): number[] {
  const upper =
    type === 'SOSH' ? (settlement === Settlement.RURAL ? 0.45 : 0.55) : type === 'OOSH' ? 0 : 0.8;
  const lastGrade = type === 'NOSH' ? 4 : 11;
  return Array.from({ length: 12 }, (_, grade) =>
    grade === 0 || grade > lastGrade ? 0 : grade >= 10 ? upper : 1,
  );
}

function schoolGrades(type: SchoolType, settlement: Settlement, enrolment: number): number[] {
  const shape = gradeShape(type, settlement);
  const total = shape.reduce((sum, x) => sum + x, 0);
  return shape.map((x) => Math.round((enrolment * x) / total));
}

const TYPE_BONUS: Record<SchoolType, number> = {
  SOSH: 0,
  SOSH_UIOP: 0.6,
  GYMNASIUM: 0.9,
  LYCEUM: 0.9,
  OOSH: -0.2,
  NOSH: -0.1,
};

function urbanType(rng: Rng, index: number, urbanCount: number): SchoolType {
  if (index === 0 && urbanCount >= 5 && rng() < 0.7) {
    return 'GYMNASIUM';
  }
  if (index === 1 && urbanCount >= 7 && rng() < 0.5) {
    return 'LYCEUM';
  }
  if (index === 2 && urbanCount >= 4 && rng() < 0.4) {
    return 'SOSH_UIOP';
  }
  return 'SOSH';
}

function ruralType(rng: Rng): SchoolType {
  const draw = rng();
  return draw < 0.5 ? 'SOSH' : draw < 0.9 ? 'OOSH' : 'NOSH';
}

function schoolEnrolment(rng: Rng, type: SchoolType, settlement: Settlement): number {
  if (settlement === Settlement.URBAN) {
    return lognormal(rng, type === 'SOSH' ? 780 : 950, 0.35, 250, 1800);
  }
  switch (type) {
    case 'OOSH':
      return lognormal(rng, 70, 0.5, 8, 220);
    case 'NOSH':
      return lognormal(rng, 18, 0.4, 5, 60);
    default:
      return lognormal(rng, 250, 0.45, 60, 700);
  }
}

function yearFlags(rng: Rng, p: (year: number) => number): boolean[] {
  return Array.from({ length: DEMO_YEARS }, (_, year) => rng() < p(year));
}

function baseOrganization(
  plan: MunicipalityPlan,
  rng: Rng,
  code: string,
  settlement: Settlement,
): Pick<
  DemoOrganization,
  'code' | 'municipalityCode' | 'settlement' | 'quality' | 'trend' | 'social' | 'cohortFactor'
> {
  const { municipality } = plan;
  const rural = settlement === Settlement.RURAL;
  const social = clamp(58 + 10 * normal(rng) - (rural ? 8 : 0) + 6 * municipality.effect, 8, 95);
  return {
    code,
    municipalityCode: municipality.code,
    settlement,
    social,
    quality:
      regionEffect(municipality.regionCode) +
      municipality.effect +
      0.35 * ((social - 55) / 12) +
      0.6 * normal(rng) -
      (rural ? 0.25 : 0),
    trend: municipality.trend + 0.05 * normal(rng),
    cohortFactor: Array.from({ length: DEMO_YEARS }, () => 1 + 0.04 * normal(rng)),
  };
}

const NO_YEARS = Array.from({ length: DEMO_YEARS }, () => false);

export function school(
  plan: MunicipalityPlan,
  index: number,
  label: string,
  urban: boolean,
): DemoOrganization {
  const code = `${plan.municipality.code}-s${pad(index + 1)}`;
  const rng = streamFor('organization', code);
  const settlement = urban ? Settlement.URBAN : Settlement.RURAL;
  const type = urban ? urbanType(rng, index, plan.urbanSchools) : ruralType(rng);
  const enrolment = schoolEnrolment(rng, type, settlement);
  const grades = schoolGrades(type, settlement, enrolment);
  const base = baseOrganization(plan, rng, code, settlement);
  // A few clearly weaker schools (ШНОР): never the selective ones.
  const selective = type === 'GYMNASIUM' || type === 'LYCEUM';
  const weak = !selective && rng() < (urban ? 0.05 : 0.1);
  const objectivityRisk = !weak && rng() < 0.06;
  const quality = base.quality + TYPE_BONUS[type] - (weak ? 1.6 : 0);
  const social = clamp(base.social - (weak ? 8 : 0), 5, 95);
  const riskZone = !weak && quality < -0.6 && rng() < 0.5;
  // ШНОР may leave the list after a year or two of support; a risk-zone school may enter it.
  const exit = rng();
  const lowResultsByYear = weak
    ? [true, exit >= 0.15, exit >= 0.35]
    : [false, false, riskZone && rng() < 0.2];
  const total = grades.reduce((sum, n) => sum + n, 0);
  const [name, shortName] = schoolName(type, settlement, label);
  return {
    ...base,
    name,
    shortName,
    kind: OrganizationKind.SCHOOL,
    schoolType: type,
    enrolment: total,
    grades,
    teachers:
      type === 'NOSH'
        ? Math.round(2 + total / 12)
        : Math.round(3 + total / 20 + 6 * (1 - Math.exp(-total / 80))),
    leaders: 1 + Math.min(5, Math.ceil(total / 300)),
    quality,
    social,
    objectivityRisk,
    lowResultsByYear,
    monitoredByYear: NO_YEARS,
    lowResults: lowResultsByYear[DEMO_YEARS - 1],
    unfavourableConditions: social < 40,
    riskZone,
  };
}

export function preschool(
  plan: MunicipalityPlan,
  index: number,
  label: string,
  urban: boolean,
): DemoOrganization {
  const code = `${plan.municipality.code}-d${pad(index + 1)}`;
  const rng = streamFor('organization', code);
  const settlement = urban ? Settlement.URBAN : Settlement.RURAL;
  const enrolment = urban ? lognormal(rng, 220, 0.3, 80, 400) : lognormal(rng, 45, 0.4, 10, 120);
  const monitoredByYear = yearFlags(rng, (year) => 0.45 + 0.1 * year);
  return {
    ...baseOrganization(plan, rng, code, settlement),
    name: urban ? `МБДОУ «Детский сад № ${label}»` : `МКДОУ детский сад «${label}»`,
    shortName: urban ? `Детский сад № ${label}` : `Д/с «${label}»`,
    kind: OrganizationKind.PRESCHOOL,
    schoolType: null,
    enrolment,
    grades: [],
    teachers: Math.round(2 + enrolment / 10),
    leaders: enrolment > 150 ? 2 : 1,
    objectivityRisk: false,
    lowResultsByYear: NO_YEARS,
    monitoredByYear,
    lowResults: false,
    unfavourableConditions: false,
    riskZone: false,
  };
}

export function supplementaryCentre(plan: MunicipalityPlan): DemoOrganization {
  const code = `${plan.municipality.code}-u01`;
  const rng = streamFor('organization', code);
  const urban = plan.urbanSchools * 2 >= plan.schools;
  const enrolment = lognormal(rng, urban ? 1400 : 700, 0.3, 200, 3000);
  return {
    ...baseOrganization(plan, rng, code, Settlement.URBAN),
    name: urban ? 'МБУ ДО «Центр детского творчества»' : 'МБУ ДО «Дом детского творчества»',
    shortName: urban ? 'ЦДТ' : 'ДДТ',
    kind: OrganizationKind.SUPPLEMENTARY,
    schoolType: null,
    enrolment,
    grades: [],
    teachers: Math.round(10 + enrolment / 40),
    leaders: 2,
    objectivityRisk: false,
    lowResultsByYear: NO_YEARS,
    monitoredByYear: NO_YEARS,
    lowResults: false,
    unfavourableConditions: false,
    riskZone: false,
  };
}
