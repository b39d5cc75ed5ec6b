// Shapes shared by the demo generator's modules.
import type {
  MunicipalityType,
  OrganizationKind,
  Settlement,
} from '../../server/modules/geography/geography.entity';
import type { SchoolType } from './demo.names';

/** Years of demo values (index 0 … 2: 2022/2023 … 2024/2025). */
export const DEMO_YEARS = 3;

export interface DemoMunicipality {
  code: string;
  regionCode: string;
  /** A synthetic peer to insert; null for a seeded (real) one, whose organizations alone are demo. */
  peer: { name: string; shortName: string; type: MunicipalityType } | null;
  /** Latent quality offset, in school standard deviations. */
  effect: number;
  /** Change of the latent quality per year. */
  trend: number;
}

export interface DemoOrganization {
  code: string;
  municipalityCode: string;
  name: string;
  shortName: string;
  kind: OrganizationKind;
  settlement: Settlement;
  schoolType: SchoolType | null;
  enrolment: number;
  /** Pupils per grade, index 1 … 11 (0 where the grade is not taught). */
  grades: number[];
  /** Cohort size factor per year (classes differ in size from year to year). */
  cohortFactor: number[];
  teachers: number;
  /** Head and deputies. */
  leaders: number;
  /** Latent quality (z) in the first year; `trend` is added per year. */
  quality: number;
  trend: number;
  /** School social well-being index 0–100 (ИСБШ). */
  social: number;
  objectivityRisk: boolean;
  /** ШНОР per year. */
  lowResultsByYear: boolean[];
  /** Took part in the preschool quality monitoring, per year (preschools). */
  monitoredByYear: boolean[];
  lowResults: boolean;
  unfavourableConditions: boolean;
  riskZone: boolean;
}

export interface MunicipalityPlan {
  municipality: DemoMunicipality;
  schools: number;
  urbanSchools: number;
  preschools: number;
}
