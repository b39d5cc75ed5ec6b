// Shapes of the demo olympiad data (ВсОШ protocols of the demo schools): grade enrolments, pupils
// under pseudonymous codes, protocol entries of the four stages, and the planted re-check
// candidates. Plain rows keyed by codes, like the rest of the demo set.
import {
  DEFAULT_OLYMPIAD_SETTINGS,
  type OlympiadSettings,
} from '../../server/modules/olympiads/olympiad.settings';
import { OlympiadStage, type OlympiadStatus } from '../../server/modules/olympiads/olympiads.enums';

/** First years of the demo academic years of olympiad protocols (2024/2025, 2025/2026). */
export const OLYMPIAD_YEARS: readonly number[] = [2024, 2025];

/**
 * Share of each school's pupils on the demo's olympiad roll. The grade enrolments, and with
 * them every protocol, cover this share of the organization's grades: the whole roll would
 * mean ≈ 330k protocol entries and about three times the load time, while every ratio the hub
 * reports (coverage, conversion, diplomas per entry or per 1,000 pupils) stays the same.
 */
export const OLYMPIAD_ROLL_SHARE = 0.35;

/** The olympiad the demo protocols belong to (seeded by the olympiads migration). */
export const DEMO_OLYMPIAD_CODE = 'VSOSH';

/** The re-check thresholds the demo keeps clear of: the hub's defaults. */
export const DEMO_RECHECK: Readonly<OlympiadSettings> = DEFAULT_OLYMPIAD_SETTINGS;

/**
 * Margins: honest papers and schools stay at or below the first two (the re-check judges from
 * 3.5 and 3), planted ones at or above the others.
 */
export const HONEST_MAX_ROBUST_Z = 3.0;
export const HONEST_MAX_SCHOOL_Z = 2.3;
export const PLANTED_MIN_ROBUST_Z = 4.5;
export const PLANTED_MIN_SCHOOL_Z = 5;

export interface DemoGradeEnrolment {
  organizationCode: string;
  municipalityCode: string;
  year: number;
  grade: number;
  pupils: number;
}

export interface DemoStudent {
  /** Pseudonymous code `S-<organization code>-<n>`. */
  code: string;
  /** Organization and grade of the latest demo year the pupil is on the school's roll. */
  organizationCode: string;
  municipalityCode: string;
  grade: number;
  birthYear: number;
  fullName: string;
}

export interface DemoOlympiadRecord {
  year: number;
  stage: OlympiadStage;
  subjectCode: string;
  studentCode: string;
  organizationCode: string;
  municipalityCode: string;
  gradeActual: number;
  gradePerformed: number;
  score: number;
  maxScore: number;
  status: OlympiadStatus;
}

/** A paper planted far above its group (its holder then scores low at the next stage). */
export interface PlantedOutlierWork {
  regionCode: string;
  year: number;
  stage: OlympiadStage;
  subjectCode: string;
  studentCode: string;
  organizationCode: string;
  /** Its robust z in the demo data (as the re-check computes it). */
  robustZ: number;
}

/** A school planted with an anomalously high share of school-stage diplomas. */
export interface PlantedAnomalousSchool {
  regionCode: string;
  year: number;
  stage: OlympiadStage;
  organizationCode: string;
  z: number;
}

export interface DemoOlympiadCounts {
  gradeEnrolments: number;
  students: number;
  records: number;
}

export interface DemoOlympiads {
  enrolments: DemoGradeEnrolment[];
  students: DemoStudent[];
  records: DemoOlympiadRecord[];
  planted: { works: PlantedOutlierWork[]; schools: PlantedAnomalousSchool[] };
  counts: DemoOlympiadCounts;
}

/** A subject as the demo draws it: popularity at the school stage, lowest grade, maxima. */
export interface SubjectSpec {
  code: string;
  name: string;
  /** Relative share of school-stage entries. */
  weight: number;
  /** Lowest grade writing it at the school stage. */
  minGrade: number;
  /** Written in villages too (rare languages only in towns). */
  rural: boolean;
  /** Maximum score per stage, in STAGE_ORDER. */
  max: readonly [number, number, number, number];
}

const P100 = [100, 100, 100, 100] as const;

// The 24 ВсОШ subjects (codes of the olympiads migration); grade 4 writes only Russian and
// mathematics. Maxima are typical of the stages' tasks (7 points a problem in mathematics, 100 a
// problem in informatics).
export const SUBJECTS: readonly SubjectSpec[] = [
  { code: 'MATH', name: 'Математика', weight: 12, minGrade: 4, rural: true, max: [35, 35, 70, 56] },
  {
    code: 'RUS',
    name: 'Русский язык',
    weight: 12,
    minGrade: 4,
    rural: true,
    max: [60, 80, 100, 100],
  },
  { code: 'ENG', name: 'Английский язык', weight: 9, minGrade: 5, rural: true, max: P100 },
  { code: 'GER', name: 'Немецкий язык', weight: 1, minGrade: 5, rural: true, max: P100 },
  { code: 'FRE', name: 'Французский язык', weight: 0.6, minGrade: 5, rural: false, max: P100 },
  { code: 'SPA', name: 'Испанский язык', weight: 0.2, minGrade: 5, rural: false, max: P100 },
  { code: 'CHI', name: 'Китайский язык', weight: 0.2, minGrade: 5, rural: false, max: P100 },
  { code: 'ITA', name: 'Итальянский язык', weight: 0.1, minGrade: 5, rural: false, max: P100 },
  {
    code: 'INF',
    name: 'Информатика',
    weight: 3,
    minGrade: 5,
    rural: true,
    max: [400, 400, 800, 800],
  },
  { code: 'PHYS', name: 'Физика', weight: 4, minGrade: 7, rural: true, max: [50, 50, 100, 100] },
  { code: 'CHEM', name: 'Химия', weight: 3, minGrade: 8, rural: true, max: [50, 100, 100, 100] },
  { code: 'BIO', name: 'Биология', weight: 7, minGrade: 5, rural: true, max: P100 },
  { code: 'ECOL', name: 'Экология', weight: 3, minGrade: 5, rural: true, max: P100 },
  { code: 'GEO', name: 'География', weight: 5, minGrade: 5, rural: true, max: P100 },
  { code: 'ASTR', name: 'Астрономия', weight: 2, minGrade: 5, rural: true, max: P100 },
  { code: 'LIT', name: 'Литература', weight: 6, minGrade: 5, rural: true, max: P100 },
  { code: 'HIST', name: 'История', weight: 6, minGrade: 5, rural: true, max: P100 },
  { code: 'SOC', name: 'Обществознание', weight: 6, minGrade: 6, rural: true, max: P100 },
  { code: 'ECON', name: 'Экономика', weight: 1.5, minGrade: 5, rural: true, max: P100 },
  { code: 'LAW', name: 'Право', weight: 1.5, minGrade: 9, rural: true, max: P100 },
  { code: 'ART', name: 'Искусство (МХК)', weight: 2, minGrade: 5, rural: true, max: P100 },
  { code: 'PE', name: 'Физическая культура', weight: 5, minGrade: 5, rural: true, max: P100 },
  { code: 'TECH', name: 'Труд (технология)', weight: 4, minGrade: 5, rural: true, max: P100 },
  {
    code: 'OBZR',
    name: 'Основы безопасности и защиты Родины',
    weight: 4,
    minGrade: 5,
    rural: true,
    max: P100,
  },
];

export const SUBJECT_BY_CODE: ReadonlyMap<string, SubjectSpec> = new Map(
  SUBJECTS.map((s) => [s.code, s]),
);

/** Subjects grade 4 may write at the school stage. */
export const GRADE_FOUR_SUBJECTS: ReadonlySet<string> = new Set(['MATH', 'RUS']);

export const STAGE_INDEX: Readonly<Record<OlympiadStage, number>> = {
  [OlympiadStage.SCHOOL]: 0,
  [OlympiadStage.MUNICIPAL]: 1,
  [OlympiadStage.REGIONAL]: 2,
  [OlympiadStage.FINAL]: 3,
};
