// Grade enrolments and the pupils who write the school stage of ВсОШ, with their entries.
// Enrolments: the organization's grades in 2024/2025, cohorts moved up a grade with a little
// noise in 2025/2026. Coverage of grades 4–11 ≈ 35–60 % by the school's quality (DOMAIN.md §4,
// §3.3), 2–3 subject entries per participant (grade 4: Russian and mathematics only), a few
// papers of an older grade; most participants of the first year write again the next one.
import { Settlement } from '../../server/modules/geography/geography.entity';
import { OlympiadStage, OlympiadStatus } from '../../server/modules/olympiads/olympiads.enums';
import { quality } from './demo.figures';
import type { Entry, Pupil, School } from './demo.olympiads-model';
import {
  GRADE_FOUR_SUBJECTS,
  OLYMPIAD_ROLL_SHARE,
  OLYMPIAD_YEARS,
  SUBJECTS,
} from './demo.olympiads-types';
import { binomial, clamp, normal, type Rng, streamFor } from './demo.random';
import { teacherName } from './demo.teachers-names';
import { DEMO_YEARS, type DemoOrganization } from './demo.types';

/**
 * Pupils per grade (1 … 11) on the olympiad roll in each year: OLYMPIAD_ROLL_SHARE of the
 * organization's grades in 2024/2025, the cohorts moved up a grade with a little noise in
 * 2025/2026 (fewer stay on after grade 9, as the organization's grades show).
 */
export function enrolmentOf(org: DemoOrganization): number[][] {
  const rng = streamFor('olympiad-enrolment', org.code);
  const first = org.grades.map((n, grade) =>
    grade > 0 && n > 0 ? Math.max(1, Math.round(n * OLYMPIAD_ROLL_SHARE)) : 0,
  );
  const next = first.map((n, grade) => {
    if (n === 0) {
      return 0;
    }
    if (grade === 1 || first[grade - 1] === 0) {
      return Math.max(1, Math.round(n * (1 + 0.05 * normal(rng))));
    }
    // Last year's cohort a grade below, times the share that stays on (fewer after grade 9).
    const staysOn = org.grades[grade] / org.grades[grade - 1];
    return Math.max(1, Math.round(first[grade - 1] * staysOn * (1 + 0.03 * normal(rng))));
  });
  return [first, next];
}

// Coverage by grade: grade 4 writes two subjects only, the middle grades most, 10–11 a little less.
const GRADE_FACTOR = [0, 0, 0, 0, 0.85, 1.05, 1.05, 1.05, 1.02, 1, 0.92, 0.88];

// Subject entries per participant of grades 5–11 (mean ≈ 2.5).
const ENTRY_COUNTS: readonly [number, number][] = [
  [1, 0.2],
  [2, 0.36],
  [3, 0.24],
  [4, 0.12],
  [5, 0.08],
];

function entryCount(rng: Rng, grade: number, ability: number): number {
  if (grade === 4) {
    return rng() < 0.55 ? 2 : 1;
  }
  let draw = rng();
  let count = 1;
  for (const [n, p] of ENTRY_COUNTS) {
    count = n;
    if (draw < p) {
      break;
    }
    draw -= p;
  }
  return count + (ability > 1.3 ? 1 : 0);
}

/** Subjects a pupil of the grade may write at the school's stage. */
function allowedSubjects(grade: number, rural: boolean): number[] {
  return SUBJECTS.flatMap((s, index) =>
    (grade === 4 ? GRADE_FOUR_SUBJECTS.has(s.code) : s.minGrade <= grade) && (s.rural || !rural)
      ? [index]
      : [],
  );
}

/** `count` subjects by popularity and the pupil's own strengths, keeping `kept` first. */
function chooseSubjects(
  rng: Rng,
  pupil: Pupil,
  allowed: readonly number[],
  count: number,
  kept: readonly number[],
): number[] {
  const chosen = kept.filter((s) => allowed.includes(s));
  const pool = allowed.filter((s) => !chosen.includes(s));
  const weights = pool.map((s) => SUBJECTS[s].weight * Math.exp(0.7 * pupil.affinity[s]));
  while (chosen.length < count && pool.length > 0) {
    const total = weights.reduce((sum, w) => sum + w, 0);
    let draw = rng() * total;
    let index = 0;
    while (index < pool.length - 1 && draw >= weights[index]) {
      draw -= weights[index];
      index += 1;
    }
    chosen.push(pool[index]);
    pool.splice(index, 1);
    weights.splice(index, 1);
  }
  return chosen;
}

function newPupil(rng: Rng, school: School, number: number, firstGrade: number): Pupil {
  const affinity = new Float64Array(SUBJECTS.length);
  for (let s = 0; s < affinity.length; s += 1) {
    affinity[s] = normal(rng);
  }
  const age = rng();
  const female = rng() < 0.52;
  return {
    code: `S-${school.org.code}-${String(number).padStart(4, '0')}`,
    school,
    firstGrade,
    ability: 0.35 * clamp(school.quality, -2, 2) + normal(rng),
    affinity,
    female,
    // Aged grade + 6 on 1 September mostly; some a year older or younger.
    birthYear: OLYMPIAD_YEARS[0] - firstGrade - (age < 0.7 ? 6 : age < 0.9 ? 7 : 5),
    fullName: teacherName(rng, female, school.regionCode),
  };
}

function schoolEntries(
  rng: Rng,
  pupil: Pupil,
  year: number,
  grade: number,
  subjects: readonly number[],
): Entry[] {
  return subjects.map((subject) => {
    // An older grade's paper now and then, more often by the strong (grade 4: the two subjects).
    const older = grade <= 10 && rng() < 0.02 + 0.03 * Math.max(0, pupil.ability);
    return {
      year,
      stage: OlympiadStage.SCHOOL,
      subject,
      pupil,
      gradeActual: grade,
      gradePerformed: older ? grade + 1 : grade,
      score: 0,
      maxScore: SUBJECTS[subject].max[0],
      status: OlympiadStatus.PARTICIPANT,
      planted: false,
      standing: 0,
    };
  });
}

export interface SchoolStage {
  pupils: Pupil[];
  /** School-stage entries per olympiad year (index of OLYMPIAD_YEARS). */
  entries: Entry[][];
}

/**
 * The school's participants of both years: those of the first year move up a grade and mostly
 * write again (the keenest keep most of their subjects), new ones make up the second year's
 * coverage.
 */
export function schoolStage(school: School): SchoolStage {
  const { org } = school;
  const rng = streamFor('olympiad-pupils', org.code);
  const rural = org.settlement === Settlement.RURAL;
  const coverage = clamp(0.45 + 0.06 * school.quality + 0.04 * normal(rng), 0.33, 0.62);
  const coverages = [coverage, clamp(coverage + 0.01 + 0.015 * normal(rng), 0.33, 0.63)];
  const pupils: Pupil[] = [];
  const entries: Entry[][] = [[], []];
  const subjectsOf = new Map<Pupil, number[]>();
  const firstYear = new Map<number, Pupil[]>();
  for (let y = 0; y < OLYMPIAD_YEARS.length; y += 1) {
    const year = OLYMPIAD_YEARS[y];
    for (let grade = 4; grade <= 11; grade += 1) {
      const writers = binomial(
        rng,
        school.enrolment[y][grade],
        clamp(coverages[y] * GRADE_FACTOR[grade], 0.05, 0.8),
      );
      const cohort = y === 0 ? [] : (firstYear.get(grade - 1) ?? []);
      const returning = Math.min(cohort.length, binomial(rng, writers, 0.72));
      const again = cohort
        .map((pupil) => ({ pupil, key: pupil.ability + normal(rng) }))
        .sort((a, b) => b.key - a.key)
        .slice(0, returning)
        .map((x) => x.pupil);
      const fresh = Array.from({ length: writers - returning }, () => {
        const pupil = newPupil(rng, school, pupils.length + 1, grade - y);
        pupils.push(pupil);
        return pupil;
      });
      if (y === 0) {
        firstYear.set(grade, fresh);
      }
      const allowed = allowedSubjects(grade, rural);
      for (const pupil of [...again, ...fresh]) {
        const count = Math.min(allowed.length, entryCount(rng, grade, pupil.ability));
        const kept = (subjectsOf.get(pupil) ?? []).filter(() => rng() < 0.75).slice(0, count);
        const subjects = chooseSubjects(rng, pupil, allowed, count, kept);
        subjectsOf.set(pupil, subjects);
        entries[y].push(...schoolEntries(rng, pupil, year, grade, subjects));
      }
    }
  }
  return { pupils, entries };
}

/** The school as the generator sees it: its enrolments and its quality in 2024/2025. */
export function schoolOf(org: DemoOrganization, regionCode: string): School {
  return {
    org,
    regionCode,
    quality: quality(org, DEMO_YEARS - 1),
    enrolment: enrolmentOf(org),
  };
}
