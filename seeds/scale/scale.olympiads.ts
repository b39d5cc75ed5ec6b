// ВсОШ of the scale schools: grade enrolments (form ОО-1), pupils under pseudonymous codes and
// protocol entries of the four stages. Per region and year ≈ 60k school-stage entries, ≈ 17k
// municipal, ≈ 2k regional and a few dozen final ones (DOMAIN.md §4: ≈ 7M entries a year).
// A pupil's ability and school drive the merit at each stage; the best go on, keeping the grade
// they wrote (so the stage and admission rules of the hub hold).
import { OlympiadStage, OlympiadStatus } from '../../server/modules/olympiads/olympiads.enums';
import type { Row } from '../demo/demo.bulk';
import { GRADE_FOUR_SUBJECTS, SUBJECTS, type SubjectSpec } from '../demo/demo.olympiads-types';
import { clamp, normal, poisson, type Rng, streamFor } from '../demo/demo.random';
import { Settlement } from '../../server/modules/geography/geography.entity';
import { BASE_YEARS, type ScaleRegion, type ScaleSchool } from './scale.geography';
import type { Directory, TableData } from './scale.types';
import { ENROLMENT_COLUMNS, RECORD_COLUMNS, STUDENT_COLUMNS, withId } from '../table-columns';

/** First year of the default olympiad academic year (2024/2025). */
export const FIRST_OLYMPIAD_YEAR = 2024;

/** Merit needed at each later stage, and for a prize or a win at each stage. */
const ADMISSION = { municipal: 0.35, regional: 1.85, final: 3.45 };
const PRIZE = [0.9, 1.5, 2.7, 3.7];
const WIN = [1.7, 2.3, 3.2, 4.1];
const STAGES = [
  OlympiadStage.SCHOOL,
  OlympiadStage.MUNICIPAL,
  OlympiadStage.REGIONAL,
  OlympiadStage.FINAL,
];

export const olympiadYearsOf = (count: number) =>
  Array.from({ length: count }, (_, i) => FIRST_OLYMPIAD_YEAR + i);

export interface ScaleOlympiads {
  tables: TableData[];
  /** Unique school-stage participants (grades 4–11) per school index and year. */
  participants: Map<number, Map<number, number>>;
}

function eligibleSubjects(grade: number, settlement: Settlement): number[] {
  const out: number[] = [];
  SUBJECTS.forEach((s: SubjectSpec, i) => {
    const allowed = grade === 4 ? GRADE_FOUR_SUBJECTS.has(s.code) : s.minGrade <= grade;
    if (allowed && (s.rural || settlement === Settlement.URBAN)) {
      out.push(i);
    }
  });
  return out;
}

/** `count` distinct subjects drawn by their popularity. */
function drawSubjects(rng: Rng, eligible: readonly number[], count: number): number[] {
  const pool = [...eligible];
  const picked: number[] = [];
  while (picked.length < count && pool.length > 0) {
    let x = rng() * pool.reduce((sum, i) => sum + SUBJECTS[i].weight, 0);
    let at = 0;
    for (; at < pool.length - 1; at += 1) {
      x -= SUBJECTS[pool[at]].weight;
      if (x < 0) {
        break;
      }
    }
    picked.push(pool[at]);
    pool.splice(at, 1);
  }
  return picked;
}

function statusOf(stage: number, merit: number): OlympiadStatus {
  return merit > WIN[stage]
    ? OlympiadStatus.WINNER
    : merit > PRIZE[stage]
      ? OlympiadStatus.PRIZE_WINNER
      : OlympiadStatus.PARTICIPANT;
}

interface Builder {
  directory: Directory;
  students: Row[];
  records: Row[];
  /** Student row by `school|cohort|n`. */
  studentIds: Map<string, number>;
  lastYear: number;
}

function studentOf(
  b: Builder,
  region: ScaleRegion,
  school: ScaleSchool,
  cohort: number,
  n: number,
) {
  const key = `${school.index}|${cohort}|${n}`;
  let id = b.studentIds.get(key);
  if (id === undefined) {
    id = b.students.length;
    b.studentIds.set(key, id);
    b.students.push({
      id,
      code: `${region.code}-P${String(id + 1).padStart(7, '0')}`,
      organization_id: school.organization,
      municipality_id: school.municipality,
      grade: clamp(cohort + (b.lastYear - FIRST_OLYMPIAD_YEAR), 1, 11),
      birth_year: FIRST_OLYMPIAD_YEAR - cohort - 7,
      full_name: null,
    });
  }
  return id;
}

/** The entries of one pupil in one subject and year: school stage and as far as merit goes. */
function entries(
  b: Builder,
  rng: Rng,
  at: { school: ScaleSchool; year: number; student: number; grade: number; ability: number },
  subject: number,
): void {
  const spec = SUBJECTS[subject];
  const performed = at.grade < 11 && rng() < 0.03 ? at.grade + 1 : at.grade;
  let merit = at.ability + 0.25 * at.school.quality + 0.7 * normal(rng);
  for (let stage = 0; stage < STAGES.length; stage += 1) {
    if (stage > 0) {
      const bar = [0, ADMISSION.municipal, ADMISSION.regional, ADMISSION.final][stage];
      const minGrade = stage === 1 ? 7 : 9;
      merit = 0.6 * merit + 0.4 * (at.ability + 0.9 * normal(rng)) + 0.15;
      if (performed < minGrade || merit < bar) {
        return;
      }
    }
    const max = spec.max[stage];
    const share = clamp(
      0.35 + 0.17 * (merit - [0, 0.8, 2.3, 3.4][stage]) + 0.05 * normal(rng),
      0.02,
      1,
    );
    b.records.push({
      olympiad_id: b.directory.olympiadId,
      year: at.year,
      subject_id: b.directory.subjects.get(spec.code)!,
      stage: STAGES[stage],
      student_id: at.student,
      organization_id: at.school.organization,
      municipality_id: at.school.municipality,
      grade_actual: at.grade,
      grade_performed: performed,
      score: Math.round(2 * share * max) / 2,
      max_score: max,
      status: statusOf(stage, merit),
    });
  }
}

function schoolYear(b: Builder, region: ScaleRegion, school: ScaleSchool, year: number): number {
  const pupils = school.pupils.get(year)!;
  const cover = clamp(
    0.27 + 0.06 * school.quality + 0.05 * normal(streamFor('scale', school.code, 'cover', year)),
    0.05,
    0.6,
  );
  let participants = 0;
  for (let grade = Math.max(4, school.grades[0]); grade <= school.grades[1]; grade += 1) {
    const cohort = grade - (year - FIRST_OLYMPIAD_YEAR);
    const abilities = streamFor('scale', school.code, 'ability', cohort);
    const rng = streamFor('scale', school.code, 'entries', year, grade);
    const eligible = eligibleSubjects(grade, school.settlement);
    for (let n = 0; n < pupils[grade]; n += 1) {
      const ability = normal(abilities);
      if (rng() >= cover) {
        continue;
      }
      participants += 1;
      const student = studentOf(b, region, school, cohort, n);
      const subjects = drawSubjects(rng, eligible, 1 + Math.min(4, poisson(rng, 0.9)));
      for (const subject of subjects) {
        entries(b, rng, { school, year, student, grade, ability }, subject);
      }
    }
  }
  return participants;
}

export function generateOlympiads(
  region: ScaleRegion,
  years: readonly number[],
  directory: Directory,
): ScaleOlympiads {
  const b: Builder = {
    directory,
    students: [],
    records: [],
    studentIds: new Map(),
    lastYear: Math.max(...years),
  };
  const participants = new Map<number, Map<number, number>>();
  const enrolments: Row[] = [];
  const enrolmentYears = [...new Set([...BASE_YEARS, ...years])].sort();
  for (const school of region.schools) {
    for (const year of enrolmentYears) {
      const pupils = school.pupils.get(year)!;
      for (let grade = school.grades[0]; grade <= school.grades[1]; grade += 1) {
        enrolments.push({
          organization_id: school.organization,
          municipality_id: school.municipality,
          year,
          grade,
          pupils: pupils[grade],
        });
      }
    }
    const own = new Map<number, number>();
    for (const year of years) {
      own.set(year, schoolYear(b, region, school, year));
    }
    participants.set(school.index, own);
  }
  // Within a stage the pupils go in school order; the table's order is stage by stage.
  const byStage = STAGES.flatMap((stage) => b.records.filter((r) => r.stage === stage));
  return {
    participants,
    tables: [
      {
        table: 'grade_enrolment',
        hasId: true,
        refs: { organization_id: 'organization', municipality_id: 'municipality' },
        columns: withId(ENROLMENT_COLUMNS),
        rows: enrolments.map((row, id) => ({ id, ...row })),
      },
      {
        table: 'student',
        hasId: true,
        refs: { organization_id: 'organization', municipality_id: 'municipality' },
        columns: withId(STUDENT_COLUMNS),
        rows: b.students,
      },
      {
        table: 'olympiad_record',
        hasId: true,
        refs: {
          student_id: 'student',
          organization_id: 'organization',
          municipality_id: 'municipality',
        },
        columns: withId(RECORD_COLUMNS),
        rows: byStage.map((row, id) => ({ id, ...row })),
      },
    ],
  };
}
