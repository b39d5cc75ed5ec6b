// The working model of the demo olympiad generator: pupils with latent abilities, and protocol
// entries that the stages score, rank, admit and award in place before they become rows.
import type { OlympiadStage, OlympiadStatus } from '../../server/modules/olympiads/olympiads.enums';
import type { DemoOrganization } from './demo.types';

export interface School {
  org: DemoOrganization;
  regionCode: string;
  /** Latent quality (z) in 2024/2025. */
  quality: number;
  /** Pupils per grade (index 1 … 11) in each olympiad year. */
  enrolment: number[][];
}

export interface Pupil {
  code: string;
  school: School;
  /** Grade in 2024/2025 (3 for pupils who first appear in grade 4 of 2025/2026). */
  firstGrade: number;
  /** Latent talent (z), and an offset per subject (index of SUBJECTS). */
  ability: number;
  affinity: Float64Array;
  female: boolean;
  birthYear: number;
  /** Synthetic «Фамилия Имя Отчество». */
  fullName: string;
}

export interface Entry {
  year: number;
  stage: OlympiadStage;
  /** Index in SUBJECTS. */
  subject: number;
  pupil: Pupil;
  gradeActual: number;
  gradePerformed: number;
  score: number;
  maxScore: number;
  status: OlympiadStatus;
  /** Planted far above its group (kept out of the honest caps). */
  planted: boolean;
  /** Share of the group (region, stage, subject, grade performed) scoring lower, 0–1. */
  standing: number;
}

export const gradeIn = (pupil: Pupil, year: number, firstYear: number): number =>
  pupil.firstGrade + (year - firstYear);

export const shareOf = (entry: Entry): number => entry.score / entry.maxScore;

export const regionOf = (entry: Entry): string => entry.pupil.school.regionCode;

export const organizationOf = (entry: Entry): string => entry.pupil.school.org.code;

export const municipalityOf = (entry: Entry): string => entry.pupil.school.org.municipalityCode;

/** The re-check's group of a paper within a region, stage and year. */
export const groupKey = (entry: Entry): string => `${entry.subject}|${entry.gradePerformed}`;

export const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));
