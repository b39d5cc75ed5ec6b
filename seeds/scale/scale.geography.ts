// Synthetic regions, municipalities and organizations of the scale set: one big city, two towns
// and rural districts of varied size per region, schools mostly (with settlement and school
// type like the demo), some kindergartens and a supplementary centre per municipality.
import { MunicipalityType, Settlement } from '../../server/modules/geography/geography.entity';
import type { SchoolType } from '../demo/demo.names';
import { clamp, normal, type Rng, streamFor } from '../demo/demo.random';
import {
  otherOrganizations,
  type ScaleOrganization,
  schoolOrganizations,
} from './scale.organizations';

/** Prefix of every scale code: real and demo regions use two digits ("05", "47"). */
export const SCALE_PREFIX = 'SC-';

export const regionCodeOf = (index: number) => `${SCALE_PREFIX}${String(index).padStart(2, '0')}`;

/** Academic years (first calendar year) of the grade enrolments and teacher figures. */
export const BASE_YEARS: readonly number[] = [2022, 2023, 2024];

const FEDERAL_DISTRICTS = [
  'Центральный',
  'Северо-Западный',
  'Южный',
  'Северо-Кавказский',
  'Приволжский',
  'Уральский',
  'Сибирский',
  'Дальневосточный',
];

export interface ScaleSchool {
  index: number;
  code: string;
  municipality: number;
  settlement: Settlement;
  type: SchoolType;
  /** Lowest and highest grade taught. */
  grades: readonly [number, number];
  /** Pupils per grade (index 1–11) per academic year (key: first year). */
  pupils: Map<number, number[]>;
  /** School quality, a standard normal (drives results and olympiad success). */
  quality: number;
  teachers: number;
  /** Local index of its organization row. */
  organization: number;
}

export interface ScaleMunicipality {
  code: string;
  name: string;
  shortName: string;
  type: MunicipalityType;
  /** Share of schools in towns. */
  urbanShare: number;
  schools: number;
}

export interface ScaleRegion {
  index: number;
  code: string;
  name: string;
  federalDistrict: string;
  municipalities: ScaleMunicipality[];
  organizations: ScaleOrganization[];
  schools: ScaleSchool[];
}

/** Shares of the region's schools: a big city, two towns, then districts of varied size. */
function schoolShares(rng: Rng, count: number): number[] {
  if (count < 4) {
    return Array.from({ length: count }, () => 1 / count);
  }
  const districts = Array.from({ length: count - 3 }, () => Math.exp(0.6 * normal(rng)));
  const total = districts.reduce((sum, w) => sum + w, 0);
  const left = 1 - 0.22 - 0.05 - 0.04;
  return [0.22, 0.05, 0.04, ...districts.map((w) => (left * w) / total)];
}

function municipalitiesOf(code: string, count: number, schools: number): ScaleMunicipality[] {
  const rng = streamFor('scale', code, 'municipalities');
  const shares = schoolShares(rng, count);
  return shares.map((share, i) => {
    const n = String(i + 1).padStart(2, '0');
    const city = i === 0 && count >= 4;
    const town = (i === 1 || i === 2) && count >= 4;
    const okrug = !city && !town && rng() < 0.3;
    const [name, shortName, type] = city
      ? [
          `город Синтетск-${code.slice(3)}`,
          `г. Синтетск-${code.slice(3)}`,
          MunicipalityType.URBAN_OKRUG,
        ]
      : town
        ? [`городской округ Городок-${n}`, `ГО Городок-${n}`, MunicipalityType.URBAN_OKRUG]
        : okrug
          ? [
              `Синтетический муниципальный округ ${n}`,
              `Синт. МО ${n}`,
              MunicipalityType.MUNICIPAL_OKRUG,
            ]
          : [`Синтетический район ${n}`, `Синт. р-н ${n}`, MunicipalityType.MUNICIPAL_DISTRICT];
    return {
      code: `${code}-M${n}`,
      name: `${name} (синтетический)`,
      shortName,
      type,
      urbanShare: city ? 1 : town ? 0.85 : 0.12 + 0.15 * rng(),
      schools: Math.max(2, Math.round(schools * share)),
    };
  });
}

function schoolTypeOf(rng: Rng, urban: boolean, first: boolean): SchoolType {
  if (first) {
    return 'SOSH';
  }
  const x = rng();
  if (!urban) {
    return x < 0.6 ? 'SOSH' : x < 0.9 ? 'OOSH' : 'NOSH';
  }
  return x < 0.7
    ? 'SOSH'
    : x < 0.78
      ? 'SOSH_UIOP'
      : x < 0.86
        ? 'GYMNASIUM'
        : x < 0.93
          ? 'LYCEUM'
          : x < 0.97
            ? 'OOSH'
            : 'NOSH';
}

const GRADES: Readonly<Record<SchoolType, readonly [number, number]>> = {
  SOSH: [1, 11],
  SOSH_UIOP: [1, 11],
  GYMNASIUM: [1, 11],
  LYCEUM: [1, 11],
  OOSH: [1, 9],
  NOSH: [1, 4],
};

/** Pupils per grade per year: an even spread with smaller senior grades, drifting a little. */
function pupilsByYear(code: string, grades: readonly [number, number], enrolment: number) {
  const weights = Array.from({ length: 12 }, (_, g): number =>
    g >= grades[0] && g <= grades[1] ? (g >= 10 ? 0.55 : 1) : 0,
  );
  const total = weights.reduce((sum, w) => sum + w, 0);
  const years = new Map<number, number[]>();
  for (const year of [...BASE_YEARS, 2025, 2026, 2027, 2028]) {
    const rng = streamFor('scale', code, 'pupils', year);
    years.set(
      year,
      weights.map((w) =>
        w ? Math.max(1, Math.round((enrolment * w * (1 + 0.05 * normal(rng))) / total)) : 0,
      ),
    );
  }
  return years;
}

function schoolsOf(municipality: ScaleMunicipality, m: number, first: number): ScaleSchool[] {
  const rng = streamFor('scale', municipality.code, 'schools');
  const urbanCount = Math.round(municipality.schools * municipality.urbanShare);
  return Array.from({ length: municipality.schools }, (_, i) => {
    const urban = i < urbanCount;
    const type = schoolTypeOf(rng, urban, i === 0);
    const size = urban
      ? clamp(700 + 250 * normal(rng), 150, 1600)
      : clamp(180 + 90 * normal(rng), 25, 500);
    const enrolment = Math.round(
      type === 'NOSH' ? size * 0.35 : type === 'OOSH' ? size * 0.7 : size,
    );
    const code = `${municipality.code}-S${String(i + 1).padStart(3, '0')}`;
    return {
      index: first + i,
      code,
      municipality: m,
      settlement: urban ? Settlement.URBAN : Settlement.RURAL,
      type,
      grades: GRADES[type],
      pupils: pupilsByYear(code, GRADES[type], enrolment),
      quality:
        normal(rng) + (type === 'GYMNASIUM' || type === 'LYCEUM' ? 0.8 : 0) - (urban ? 0 : 0.3),
      teachers: Math.max(4, Math.round(enrolment / 16 + 2)),
      organization: -1,
    };
  });
}

/** The geography of scale region `index` (1-based); never depends on how many regions exist. */
export function generateRegion(
  index: number,
  municipalities: number,
  schools: number,
): ScaleRegion {
  const code = regionCodeOf(index);
  const list = municipalitiesOf(code, municipalities, schools);
  const allSchools: ScaleSchool[] = [];
  const organizations: ScaleOrganization[] = [];
  list.forEach((municipality, m) => {
    const own = schoolsOf(municipality, m, allSchools.length);
    own.forEach((school, i) => (school.organization = organizations.length + i));
    allSchools.push(...own);
    organizations.push(
      ...schoolOrganizations(own, municipality),
      ...otherOrganizations(municipality, m, own.length),
    );
  });
  return {
    index,
    code,
    name: `Синтетический регион ${code.slice(3)} (масштабные данные)`,
    federalDistrict: FEDERAL_DISTRICTS[(index - 1) % FEDERAL_DISTRICTS.length],
    municipalities: list,
    organizations,
    schools: allSchools,
  };
}
