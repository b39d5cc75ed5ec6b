// Indicator values of the scale schools for three academic years: the five indicators the
// comparison and the benchmarks read. All five are entered per organization (the catalogue's
// level), so municipalities and regions get theirs by the hub's roll-up. Shares keep their
// numerator and denominator; the school-stage ВсОШ coverage of an olympiad year is counted from
// the generated protocols.
import { PeriodKind, ValueSource } from '../../server/modules/indicators/indicators.enums';
import { parsePeriod } from '../../server/modules/indicators/period';
import type { Row } from '../demo/demo.bulk';
import { binomial, clamp, normal, type Rng, streamFor } from '../demo/demo.random';
import { BASE_YEARS, type ScaleRegion, type ScaleSchool } from './scale.geography';
import type { Directory, TableData } from './scale.types';
import { VALUE_COLUMNS, withId } from '../table-columns';

export const SCALE_INDICATORS = [
  '1.1.VPR_BASIC',
  '1.1.EGE_MEAN_RUS',
  '1.2.SHNOR_SHARE',
  '1.3.VSOSH_SCHOOL_COVER',
  '2.2.MENTORED',
] as const;

type Figure = { numerator: number; denominator: number } | { value: number } | null;

interface Context {
  school: ScaleSchool;
  year: number;
  t: number;
  rng: Rng;
  young: number;
  participants: number | undefined;
}

const pupilsIn = (school: ScaleSchool, year: number, from: number, to: number) =>
  school.pupils
    .get(year)!
    .slice(from, to + 1)
    .reduce((sum, x) => sum + x, 0);

const FIGURES: Readonly<Record<(typeof SCALE_INDICATORS)[number], (c: Context) => Figure>> = {
  '1.1.VPR_BASIC': ({ school, year, t, rng }) => {
    const works = Math.round(2 * 0.93 * pupilsIn(school, year, 4, 8));
    const p = clamp(0.87 + 0.035 * school.quality + 0.004 * t + 0.02 * normal(rng), 0.5, 0.99);
    return works > 0 ? { numerator: binomial(rng, works, p), denominator: works } : null;
  },
  '1.1.EGE_MEAN_RUS': ({ school, t, rng }) =>
    school.grades[1] === 11
      ? {
          value:
            Math.round(10 * clamp(69 + 4 * school.quality + 0.4 * t + 2.5 * normal(rng), 40, 92)) /
            10,
        }
      : null,
  '1.2.SHNOR_SHARE': ({ school, rng }) => ({
    numerator: school.quality + 0.25 * normal(rng) < -1.4 ? 1 : 0,
    denominator: 1,
  }),
  '1.3.VSOSH_SCHOOL_COVER': ({ school, year, rng, participants }) => {
    const pupils = pupilsIn(school, year, 4, 11);
    if (pupils === 0) {
      return null;
    }
    const cover = clamp(0.27 + 0.06 * school.quality + 0.05 * normal(rng), 0.05, 0.6);
    return { numerator: participants ?? binomial(rng, pupils, cover), denominator: pupils };
  },
  '2.2.MENTORED': ({ young, t, rng }) =>
    young > 0
      ? {
          numerator: binomial(rng, young, clamp(0.5 + 0.1 * t + 0.1 * normal(rng), 0, 1)),
          denominator: young,
        }
      : null,
};

export function generateValues(
  region: ScaleRegion,
  directory: Directory,
  young: Map<number, Map<number, number>>,
  participants: Map<number, Map<number, number>>,
): TableData {
  const rows: Row[] = [];
  for (const code of SCALE_INDICATORS) {
    const indicatorId = directory.indicators.get(code)!;
    BASE_YEARS.forEach((year, t) => {
      const period = parsePeriod(`${year}/${year + 1}`)!;
      for (const school of region.schools) {
        const figure = FIGURES[code]({
          school,
          year,
          t,
          rng: streamFor('scale', school.code, code, year),
          young: young.get(school.index)?.get(year) ?? 0,
          participants: participants.get(school.index)?.get(year),
        });
        if (!figure) {
          continue;
        }
        const ratio = 'numerator' in figure;
        rows.push({
          id: rows.length,
          indicator_id: indicatorId,
          municipality_id: school.municipality,
          organization_id: school.organization,
          period: period.code,
          period_kind: PeriodKind.ACADEMIC_YEAR,
          period_start: period.start,
          value: ratio ? (100 * figure.numerator) / figure.denominator : figure.value,
          numerator: ratio ? figure.numerator : null,
          denominator: ratio ? figure.denominator : null,
          source: ValueSource.DEMO,
        });
      }
    });
  }
  return {
    table: 'indicator_value',
    hasId: true,
    refs: { municipality_id: 'municipality', organization_id: 'organization' },
    columns: withId(VALUE_COLUMNS),
    rows,
  };
}
