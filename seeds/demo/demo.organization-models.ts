// How each organization-level indicator of the catalogue gets its demo figures.
import { OrganizationKind, Settlement } from '../../server/modules/geography/geography.entity';
import {
  draw,
  type OrganizationModel,
  percent,
  pupils,
  quality,
  score,
  share,
  vprWorks,
  yesNo,
} from './demo.figures';
import { binomial, clamp, normal, poisson } from './demo.random';

const { SCHOOL, PRESCHOOL, SUPPLEMENTARY } = OrganizationKind;

const ALL_KINDS = [SCHOOL, PRESCHOOL, SUPPLEMENTARY] as const;
const STAFFED = [SCHOOL, PRESCHOOL] as const;

/**
 * A share of the school's pupils (social passport) from its social index: base % at ИСБШ 55,
 * slope п. п. per point of the index, trend п. п. per year, noise sd.
 */
function social(shape: {
  base: number;
  slope: number;
  trend: number;
  sd: number;
  min: number;
  max: number;
}): OrganizationModel {
  return {
    kinds: [SCHOOL],
    figure: (org, year, rng) => {
      const level =
        shape.base + shape.slope * (org.social - 55) + shape.trend * year + shape.sd * normal(rng);
      return draw(org.enrolment, clamp(level, shape.min, shape.max) / 100, rng);
    },
  };
}

export const ORGANIZATION_MODELS: Readonly<Record<string, OrganizationModel>> = {
  // 1.1
  '1.1.VPR_BASIC': share([SCHOOL], vprWorks, {
    base: 88,
    slope: 3.5,
    trend: 0.4,
    sd: 2,
    min: 50,
    risk: 6,
  }),
  '1.1.VPR_HIGH': share([SCHOOL], vprWorks, {
    base: 47,
    slope: 8,
    trend: 0.6,
    sd: 4,
    min: 5,
    max: 92,
    risk: 16,
  }),
  '1.1.VPR_CONFIRMED': share([SCHOOL], vprWorks, {
    base: 68,
    slope: 1.5,
    trend: 0.8,
    sd: 5,
    min: 20,
    max: 98,
    risk: -22,
  }),
  '1.1.NO_CERT_11': share([SCHOOL], (org, year) => pupils(org, 11, 11, year), {
    base: 1,
    slope: -0.8,
    trend: -0.1,
    sd: 0.5,
    max: 25,
  }),
  '1.1.NO_CERT_9': share([SCHOOL], (org, year) => pupils(org, 9, 9, year), {
    base: 2.2,
    slope: -1.4,
    trend: -0.15,
    sd: 0.8,
    max: 30,
  }),
  '1.1.EGE_MEAN_RUS': score(3, 69, 4, 2.5, [40, 92]),
  '1.1.EGE_MEAN_MATH': score(4, 55, 6, 3.5, [27, 86]),
  '1.1.EGE_100': {
    kinds: [SCHOOL],
    // ≈ 0.9 hundred-point results per 100 graduates, concentrated in strong schools.
    figure: (org, year, rng) => {
      const graduates = pupils(org, 11, 11, year);
      return graduates > 0
        ? { value: poisson(rng, graduates * 0.009 * Math.exp(0.9 * quality(org, year) - 0.4)) }
        : null;
    },
  },
  '1.1.OBJ_RISK_MAX': {
    kinds: [SCHOOL],
    figure: (org, _year, rng) => ({
      value:
        Math.round(10 * clamp(16 + 7 * normal(rng) + (org.objectivityRisk ? 48 : 0), 0, 100)) / 10,
    }),
  },
  // 1.2
  '1.2.SHNOR_IMPROVED': {
    kinds: [SCHOOL],
    figure: (org, year, rng) => yesNo(org.lowResultsByYear[year], 0.3 + 0.1 * year, rng),
  },
  '1.2.SHNOR_PLAN': {
    kinds: [SCHOOL],
    figure: (org, year, rng) => yesNo(org.lowResultsByYear[year], 0.65 + 0.12 * year, rng),
  },
  '1.2.VPR_LOW_QUARTILE': share(
    [SCHOOL],
    (org, year) => Math.round(0.95 * pupils(org, 4, 4, year)),
    { base: 25, slope: -7, trend: -0.3, sd: 4, max: 90, risk: -8 },
  ),
  '1.2.ISBSH_MIN': {
    kinds: [SCHOOL],
    figure: (org, year, rng) => ({
      value: Math.round(10 * clamp(org.social + 0.8 * year + 1.5 * normal(rng), 0, 100)) / 10,
    }),
  },
  // Social passport (ИСБШ components): driven by the school's social index, with noise.
  '1.2.SOC_PARENTS_HE': social({ base: 34, slope: 1.3, trend: 0.5, sd: 4, min: 8, max: 70 }),
  '1.2.SOC_SINGLE_PARENT': social({ base: 20, slope: -0.55, trend: 0, sd: 3, min: 6, max: 42 }),
  '1.2.SOC_PREVENTION': social({
    base: 2.2,
    slope: -0.11,
    trend: -0.05,
    sd: 0.6,
    min: 0.3,
    max: 8,
  }),
  '1.2.SOC_LOW_INCOME': social({ base: 18, slope: -0.75, trend: -0.3, sd: 4, min: 3, max: 50 }),
  '1.2.SOC_NON_NATIVE': {
    kinds: [SCHOOL],
    // Many first languages in Dagestan (region 05), more in its villages; few elsewhere.
    figure: (org, year, rng) => {
      const dagestan = org.municipalityCode.startsWith('05-');
      const rural = org.settlement === Settlement.RURAL;
      const level = dagestan ? 15 + (rural ? 7 : 0) + 5 * normal(rng) : 2.5 + 1.5 * normal(rng);
      return draw(org.enrolment, clamp(level + 0.1 * year, 0, 32) / 100, rng);
    },
  },
  // 1.3
  '1.3.VSOSH_SCHOOL_COVER': share([SCHOOL], (org, year) => pupils(org, 4, 11, year), {
    base: 42,
    slope: 5,
    trend: 1.5,
    sd: 7,
    min: 5,
    max: 95,
  }),
  '1.3.VSOSH_MUN_CONVERSION': share(
    [SCHOOL],
    (org, year, rng) => binomial(rng, pupils(org, 7, 11, year), 0.42),
    { base: 19, slope: 4, trend: 0.5, sd: 4, min: 2, max: 60 },
  ),
  '1.3.VSOSH_MUN_WP': {
    kinds: [SCHOOL],
    figure: (org, year, rng) => {
      const cohort = pupils(org, 7, 11, year);
      return cohort > 0
        ? { value: poisson(rng, cohort * 0.025 * Math.exp(0.6 * quality(org, year))) }
        : null;
    },
  },
  '1.3.VSOSH_REG_WP_1000': {
    kinds: [SCHOOL],
    // ≈ 5 per 1000 pupils of grades 9–11 on average, many more in selective schools.
    figure: (org, year, rng) =>
      draw(pupils(org, 9, 11, year), 0.005 * Math.exp(0.8 * quality(org, year)), rng),
  },
  '1.3.EXTRA_SCHOOL': share([SCHOOL], (org) => org.enrolment, {
    base: 45,
    slope: 4,
    trend: 2,
    sd: 9,
    min: 5,
    max: 95,
    rural: -5,
  }),
  // 1.4
  '1.4.PROF_TRIALS': share([SCHOOL], (org, year) => pupils(org, 6, 11, year), {
    base: 28,
    slope: 3,
    trend: 7,
    sd: 8,
    max: 95,
  }),
  '1.4.CAREER_PROGRAMME': share([SCHOOL], (org, year) => pupils(org, 6, 11, year), {
    base: 62,
    slope: 2,
    trend: 9,
    sd: 8,
    min: 10,
  }),
  '1.4.SPO_AFTER_9': {
    kinds: [SCHOOL],
    // Basic schools (no grade 10) send more of their leavers to colleges.
    figure: (org, year, rng) =>
      draw(
        pupils(org, 9, 9, year),
        percent(
          { base: org.grades[10] ? 52 : 70, slope: -6, trend: 1.5, sd: 7, min: 5, max: 98 },
          org,
          year,
          rng,
        ) / 100,
        rng,
      ),
  },
  '1.4.PROFILE_10_11': share([SCHOOL], (org, year) => pupils(org, 10, 11, year), {
    base: 50,
    slope: 9,
    trend: 3,
    sd: 12,
    rural: -10,
  }),
  // 2.1
  '2.1.LEADERS_TRAINED': share(ALL_KINDS, (org) => org.leaders, {
    base: 72,
    slope: 4,
    trend: 5,
    sd: 10,
  }),
  '2.1.LEADERS_ASSESSED': {
    kinds: ALL_KINDS,
    figure: (org, year, rng) => yesNo(true, 0.35 + 0.12 * year + 0.05 * quality(org, year), rng),
  },
  // 2.2
  '2.2.DIAGNOSED': share(STAFFED, (org) => org.teachers, {
    base: 24,
    slope: 2,
    trend: 9,
    sd: 8,
  }),
  '2.2.IOM': share([SCHOOL], (org, year, rng) => binomial(rng, org.teachers, 0.12 + 0.04 * year), {
    base: 55,
    slope: 3,
    trend: 10,
    sd: 12,
  }),
  '2.2.MENTORED': share(
    [SCHOOL, PRESCHOOL],
    (org, _year, rng) => binomial(rng, org.teachers, 0.1),
    {
      base: 78,
      slope: 2,
      trend: 6,
      sd: 10,
    },
  ),
  '2.2.CATEGORY': share(STAFFED, (org) => org.teachers, {
    base: 60,
    slope: 4,
    trend: 0.7,
    sd: 7,
    rural: -5,
  }),
  '2.2.PK_3Y': share(STAFFED, (org) => org.teachers, {
    base: 90,
    slope: 2,
    trend: 1.5,
    sd: 4,
    min: 50,
  }),
  '2.2.VACANCIES': share([SCHOOL], (org) => Math.round(org.teachers * 1.3), {
    base: 4,
    slope: -1,
    trend: 0.4,
    sd: 2,
    max: 30,
    rural: 1.5,
  }),
  // 2.3
  '2.3.EDU_PROGRAMME': {
    kinds: [SCHOOL],
    figure: (_org, year, rng) => yesNo(true, 0.92 + 0.03 * year, rng),
  },
  '2.3.CHILD_ASSOCIATIONS': share([SCHOOL], (org) => org.enrolment, {
    base: 22,
    slope: 3,
    trend: 9,
    sd: 8,
    max: 95,
  }),
  '2.3.ADVISER': {
    kinds: [SCHOOL],
    figure: (org, year, rng) =>
      yesNo(true, 0.5 + 0.17 * year + (org.settlement === Settlement.URBAN ? 0.1 : 0), rng),
  },
  // 2.4
  '2.4.MKDO_PARTICIPATION': {
    kinds: [PRESCHOOL],
    figure: (org, year) => ({ numerator: org.monitoredByYear[year] ? 1 : 0, denominator: 1 }),
  },
  '2.4.MKDO_BASIC_LEVEL': {
    kinds: [PRESCHOOL],
    figure: (org, year, rng) =>
      yesNo(org.monitoredByYear[year], 0.68 + 0.05 * year + 0.08 * quality(org, year), rng),
  },
  '2.4.DOO_TEACHERS_HE': share([PRESCHOOL], (org) => org.teachers, {
    base: 46,
    slope: 4,
    trend: 1.5,
    sd: 9,
    rural: -8,
  }),
};
