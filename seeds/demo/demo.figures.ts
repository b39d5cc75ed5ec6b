// Building blocks of the demo models: a figure is a ratio (numerator of a denominator drawn
// from enrolment, cohorts, staff, or 1 per organization) or a plain value. Shares move with the
// organization's latent quality and drift gently by year; magnitudes follow DOMAIN.md §1, §3.3, §4.
import { OrganizationKind, Settlement } from '../../server/modules/geography/geography.entity';
import type { DemoOrganization } from './demo.types';
import { binomial, clamp, normal, type Rng } from './demo.random';

export type Figure =
  | { numerator: number; denominator: number }
  | { value: number; numerator?: undefined; denominator?: undefined };

export interface OrganizationModel {
  kinds: readonly OrganizationKind[];
  /** Null: the indicator does not apply that year (e.g. no 11th grade, not a ШНОР). */
  figure(org: DemoOrganization, year: number, rng: Rng): Figure | null;
}

/** What a municipality-level model sees of its municipality. */
export interface MunicipalityStats {
  effect: number;
  trend: number;
  organizations: number;
  schoolEnrolment: number;
}

export interface MunicipalityModel {
  figure(stats: MunicipalityStats, year: number, rng: Rng): Figure | null;
}

const { SCHOOL } = OrganizationKind;

export interface ShareShape {
  /** Percent at average quality in the first year. */
  base: number;
  /** Percentage points per standard deviation of quality. */
  slope: number;
  /** Percentage points per year. */
  trend: number;
  sd: number;
  min?: number;
  max?: number;
  rural?: number;
  risk?: number;
}

export function quality(org: DemoOrganization, year: number): number {
  return org.quality + org.trend * year;
}

export function percent(shape: ShareShape, org: DemoOrganization, year: number, rng: Rng): number {
  const shifted =
    shape.base +
    shape.slope * quality(org, year) +
    shape.trend * year +
    shape.sd * normal(rng) +
    (org.settlement === Settlement.RURAL ? (shape.rural ?? 0) : 0) +
    (org.objectivityRisk ? (shape.risk ?? 0) : 0);
  return clamp(shifted, shape.min ?? 0, shape.max ?? 100);
}

export function draw(denominator: number, share: number, rng: Rng): Figure | null {
  return denominator > 0 ? { numerator: binomial(rng, denominator, share), denominator } : null;
}

export function yesNo(applies: boolean, probability: number, rng: Rng): Figure | null {
  return applies ? { numerator: rng() < probability ? 1 : 0, denominator: 1 } : null;
}

/** Pupils of grades from … to in a year (cohorts vary a little from year to year). */
export function pupils(org: DemoOrganization, from: number, to: number, year: number): number {
  let sum = 0;
  for (let grade = from; grade <= to; grade += 1) {
    sum += org.grades[grade] ?? 0;
  }
  return Math.round(sum * org.cohortFactor[year]);
}

// ВПР in Russian and mathematics, grades 4–8, about 95 % of pupils present.
export function vprWorks(org: DemoOrganization, year: number): number {
  return 2 * Math.round(0.95 * pupils(org, 4, 8, year));
}

export function share(
  kinds: readonly OrganizationKind[],
  denominator: (org: DemoOrganization, year: number, rng: Rng) => number,
  shape: ShareShape,
): OrganizationModel {
  return {
    kinds,
    figure: (org, year, rng) =>
      draw(denominator(org, year, rng), percent(shape, org, year, rng) / 100, rng),
  };
}

export function score(
  minGraduates: number,
  mean: number,
  slope: number,
  sd: number,
  range: [number, number],
): OrganizationModel {
  return {
    kinds: [SCHOOL],
    figure: (org, year, rng) =>
      pupils(org, 11, 11, year) >= minGraduates
        ? {
            value:
              Math.round(
                10 *
                  clamp(
                    mean + slope * quality(org, year) + 0.4 * year + sd * normal(rng),
                    ...range,
                  ),
              ) / 10,
          }
        : null,
  };
}
