// How each municipality-level indicator of the catalogue gets its demo figures.
import { draw, type Figure, type MunicipalityModel } from './demo.figures';
import { binomial, clamp, normal, poisson, type Rng } from './demo.random';

function municipalShare(denominator: number, probability: number, rng: Rng): Figure | null {
  return draw(denominator, clamp(probability, 0, 1), rng);
}

// Summer (the second demo quarter) lowers navigator enrolment a little.
const QUARTER_SEASON = [0, -0.03, 0.01];

export const MUNICIPALITY_MODELS: Readonly<Record<string, MunicipalityModel>> = {
  '1.3.EXTRA_COVER_5_18': {
    figure: (m, quarter, rng) =>
      municipalShare(
        Math.round(1.2 * m.schoolEnrolment),
        0.74 + 0.015 * quarter + QUARTER_SEASON[quarter] + 0.05 * m.effect + 0.01 * normal(rng),
        rng,
      ),
  },
  '2.1.RESERVE': {
    figure: (m, year, rng) => ({
      value: poisson(rng, m.organizations * Math.max(0.1, 0.45 + 0.08 * year + 0.15 * m.effect)),
    }),
  },
  '2.1.RESERVE_COVERAGE': {
    figure: (m, year, rng) =>
      municipalShare(m.organizations, 0.45 + 0.08 * year + 0.12 * m.effect, rng),
  },
  '2.3.OFFENCES_1000': {
    figure: (m, year, rng) => ({
      numerator: poisson(
        rng,
        (m.schoolEnrolment * Math.max(1, 4.5 - 1.2 * m.effect - 0.3 * year)) / 1000,
      ),
      denominator: m.schoolEnrolment,
    }),
  },
  '2.4.ACCESS_3_7': {
    // Children aged 3–7 ≈ 4/11 of the school population; a short queue remains in some places.
    figure: (m, year, rng) => {
      const children = Math.round(0.36 * m.schoolEnrolment);
      const queue = binomial(
        rng,
        children,
        clamp(0.015 - 0.004 * year - 0.006 * m.effect, 0, 0.05),
      );
      return children > 0 ? { numerator: children - queue, denominator: children } : null;
    },
  },
};
