// The staff of every demo school: org.teachers teachers with subjects by typical staffing
// (primary classes by the pupils of grades 1–4, subject teachers by weekly load, small schools
// combining subjects), an age pyramid with ≈ 23 % under 35 and few over 65, experience and
// qualification categories consistent with age, and ≈ 2 % who moved from another school of the
// same municipality in the last year. Latent traits (competence) stay here for the diagnostics.
import { OrganizationKind } from '../../server/modules/geography/geography.entity';
import {
  CompetencyArea,
  QualificationCategory,
} from '../../server/modules/teachers/teachers.enums';
import { between, clamp, normal, type Rng, streamFor } from './demo.random';
import { teacherName } from './demo.teachers-names';
import {
  type DemoAssignment,
  type DemoTeacher,
  TEACHER_REFERENCE_YEAR,
} from './demo.teachers-types';
import type { DemoMunicipality, DemoOrganization } from './demo.types';

const DAY = 86_400_000;

/** The ISO date `days` after `iso`. */
export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** A date in [from, to] (ISO), uniform by day. */
export function dateBetween(rng: Rng, from: string, to: string): string {
  const span = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
  return addDays(from, between(rng, 0, span));
}

/** A teacher with the latent traits the diagnostics and mentorships read. */
export interface StaffMember {
  teacher: DemoTeacher;
  regionCode: string;
  /** Where the teacher worked before moving, and since when the teacher is at the current one. */
  previousOrganizationCode: string | null;
  movedOn: string | null;
  /** Start of the first demo assignment (the teacher is diagnosed only from then on). */
  firstStart: string;
  /** Head or deputy who also teaches: the mentor of the leader–teacher form. */
  leader: boolean;
  /** Latent competence (z: talent and school quality, before experience), per-area offsets. */
  competence: number;
  areaBias: Record<CompetencyArea, number>;
}

/** The organization a member worked at on a date. */
export function organizationOn(member: StaffMember, date: string): string {
  return member.movedOn && date < member.movedOn
    ? member.previousOrganizationCode!
    : member.teacher.organizationCode;
}

/** Whole years of teaching on 1 September of `year` (negative: not yet teaching). */
export function experienceIn(member: StaffMember, year: number): number {
  return member.teacher.teachingExperienceYears - (TEACHER_REFERENCE_YEAR - year);
}

interface Profile {
  subjects: string[];
  /** Share of the weekly load, i.e. of the subject teachers. */
  weight: number;
  female: number;
  /** Profiles whose teacher takes these subjects on when the school has no teacher for them. */
  hosts: string[];
}

const PRIMARY: Profile = {
  subjects: ['Начальные классы'],
  weight: 0,
  female: 0.98,
  hosts: [],
};

const PROFILES: readonly Profile[] = [
  { subjects: ['Русский язык', 'Литература'], weight: 4, female: 0.96, hosts: [] },
  { subjects: ['Математика'], weight: 3.6, female: 0.87, hosts: ['Физика', 'Информатика'] },
  { subjects: ['Английский язык'], weight: 2.6, female: 0.94, hosts: ['Русский язык'] },
  { subjects: ['История', 'Обществознание'], weight: 1.8, female: 0.76, hosts: ['География'] },
  { subjects: ['Физическая культура'], weight: 1.6, female: 0.45, hosts: ['ОБЗР'] },
  { subjects: ['Биология'], weight: 0.9, female: 0.92, hosts: ['Химия', 'География'] },
  { subjects: ['Физика'], weight: 0.9, female: 0.72, hosts: ['Математика', 'Информатика'] },
  { subjects: ['Труд (технология)'], weight: 0.9, female: 0.55, hosts: ['Физическая культура'] },
  { subjects: ['Химия'], weight: 0.7, female: 0.9, hosts: ['Биология', 'География'] },
  { subjects: ['География'], weight: 0.7, female: 0.85, hosts: ['Биология', 'История'] },
  { subjects: ['Информатика'], weight: 0.7, female: 0.6, hosts: ['Математика', 'Физика'] },
  {
    subjects: ['Музыка', 'Изобразительное искусство'],
    weight: 0.7,
    female: 0.86,
    hosts: ['Труд (технология)', 'Начальные классы'],
  },
  {
    subjects: ['ОБЗР'],
    weight: 0.4,
    female: 0.3,
    hosts: ['Физическая культура', 'Труд (технология)'],
  },
];

// Dagestan's schools teach the native languages (a notable share of the load).
const NATIVE: Profile = {
  subjects: ['Родной язык', 'Родная литература'],
  weight: 1.4,
  female: 0.86,
  hosts: ['Русский язык'],
};

// A primary school: the class teachers, plus English, PE and music where there is a teacher.
const PRIMARY_SCHOOL_PROFILES = new Set(['Английский язык', 'Физическая культура', 'Музыка']);

interface Seat {
  profile: Profile;
  subjects: string[];
}

function primaryTeachers(org: DemoOrganization, n: number): number {
  const pupils = org.grades.slice(1, 5).reduce((sum, x) => sum + x, 0);
  if (org.schoolType === 'NOSH') {
    return n >= 4 ? n - 1 : n;
  }
  if (pupils === 0) {
    return 0;
  }
  // Small schools teach grades together (two class sets), larger ones one class per ≈ 23 pupils.
  const classes = Math.max(pupils > 12 ? 2 : 1, Math.round(pupils / 23));
  return clamp(classes, 1, Math.max(1, Math.round(0.4 * n)));
}

/** Subjects of each of the n teachers: primary classes first, then subject teachers. */
function staffing(org: DemoOrganization, n: number, regionCode: string, rng: Rng): Seat[] {
  const primary = primaryTeachers(org, n);
  const profiles = [...PROFILES, ...(regionCode === '05' ? [NATIVE] : [])]
    .filter((p) => org.schoolType !== 'NOSH' || PRIMARY_SCHOOL_PROFILES.has(p.subjects[0]))
    .sort((a, b) => b.weight - a.weight);
  const seats: Seat[] = Array.from({ length: primary }, () => ({
    profile: PRIMARY,
    subjects: [...PRIMARY.subjects],
  }));
  // Sainte-Laguë: each seat to the profile with the largest weight / (2 · seats + 1).
  const held = new Map<Profile, number>();
  for (let i = primary; i < n; i += 1) {
    let best = profiles[0];
    let bestQuotient = -1;
    for (const profile of profiles) {
      const quotient = profile.weight / (2 * (held.get(profile) ?? 0) + 1);
      if (quotient > bestQuotient) {
        best = profile;
        bestQuotient = quotient;
      }
    }
    held.set(best, (held.get(best) ?? 0) + 1);
    const subjects =
      best.subjects[0] === 'Английский язык' && held.get(best)! > 1 && rng() < 0.15
        ? ['Немецкий язык']
        : [...best.subjects];
    seats.push({ profile: best, subjects });
  }
  // Subjects without a teacher of their own go to a teacher of a related subject (or the least
  // loaded one): a village school's mathematician also teaches physics and informatics.
  for (const profile of profiles.filter((p) => !held.has(p))) {
    const hosts = profile.hosts.flatMap((subject) =>
      seats.filter((seat) => seat.subjects[0] === subject),
    );
    const subjectSeats = seats.filter((seat) => seat.profile !== PRIMARY);
    const pool = hosts.length ? hosts : subjectSeats.length ? subjectSeats : seats;
    if (pool.length === 0) {
      continue;
    }
    const host = pool.reduce((a, b) => (b.subjects.length < a.subjects.length ? b : a));
    host.subjects.push(...profile.subjects);
  }
  return seats;
}

// Age pyramid on 1 September 2024: ≈ 23 % under 35, ≈ 6 % 65 and over.
const AGE_BANDS: readonly [from: number, to: number, share: number][] = [
  [21, 24, 0.05],
  [25, 29, 0.08],
  [30, 34, 0.1],
  [35, 44, 0.21],
  [45, 54, 0.25],
  [55, 64, 0.25],
  [65, 74, 0.06],
];

function drawAge(rng: Rng): number {
  let draw = rng();
  for (const [from, to, share] of AGE_BANDS) {
    if (draw < share) {
      return between(rng, from, to);
    }
    draw -= share;
  }
  return between(rng, 45, 54);
}

/** Teaching and total experience for an age: most start at 22–24, some change careers. */
function drawExperience(rng: Rng, age: number, female: boolean): [teaching: number, total: number] {
  const draw = rng();
  const start =
    draw < 0.75 ? between(rng, 22, 24) : draw < 0.95 ? between(rng, 25, 35) : between(rng, 36, 45);
  const breaks = female && rng() < 0.55 ? between(rng, 1, 4) : 0;
  const teaching = Math.max(0, age - Math.min(start, age) - breaks);
  const before = start > 24 ? Math.round((start - 22) * (0.5 + 0.5 * rng())) : 0;
  return [teaching, Math.min(teaching + before, Math.max(teaching, age - 18))];
}

/** Competence lost to inexperience: novices score lower, the gap closes in a few years. */
export function novicePenalty(experience: number): number {
  return 0.55 * Math.exp(-Math.max(0, experience) / 4);
}

// Cut points of the category score (calibrated to the shares below).
const CATEGORY_CUTS = [-1.25, -0.05, 1.0] as const;

/**
 * Category from experience and competence: ≈ 35 % высшая (a few of them педагог-методист or
 * педагог-наставник since 2023), 30 % первая, 20 % соответствие, 15 % без категории (all the
 * novices with under two years among them).
 */
function drawCategory(rng: Rng, experience: number, competence: number): QualificationCategory {
  if (experience < 2) {
    return QualificationCategory.NONE;
  }
  const z = 0.8 * clamp((experience - 12) / 9, -1.5, 1.8) + 0.55 * competence + 0.5 * normal(rng);
  if (z < CATEGORY_CUTS[0]) {
    return QualificationCategory.NONE;
  }
  if (z < CATEGORY_CUTS[1]) {
    return QualificationCategory.POSITION_MATCH;
  }
  if (z < CATEGORY_CUTS[2]) {
    return QualificationCategory.FIRST;
  }
  if (experience >= 15) {
    const draw = rng();
    if (draw < 0.05) {
      return QualificationCategory.METHODIST;
    }
    if (draw < 0.09) {
      return QualificationCategory.MENTOR;
    }
  }
  return QualificationCategory.HIGHEST;
}

const CATEGORY_RANK: Readonly<Record<QualificationCategory, number>> = {
  [QualificationCategory.NONE]: 0,
  [QualificationCategory.POSITION_MATCH]: 1,
  [QualificationCategory.FIRST]: 2,
  [QualificationCategory.HIGHEST]: 3,
  [QualificationCategory.METHODIST]: 4,
  [QualificationCategory.MENTOR]: 4,
};

export function categoryRank(category: QualificationCategory): number {
  return CATEGORY_RANK[category];
}

/** Hired at the school: usually in late August, some in the middle of a year. */
function hireDateIn(rng: Rng, year: number): string {
  return rng() < 0.85
    ? `${year}-08-${String(between(rng, 20, 31)).padStart(2, '0')}`
    : dateBetween(rng, `${year}-01-10`, `${year}-03-31`);
}

export interface Staff {
  members: StaffMember[];
  assignments: DemoAssignment[];
}

/** The teachers of every demo school, personnel codes numbered per region (DEMO-05-00001). */
export function generateStaff(
  organizations: readonly DemoOrganization[],
  municipalities: readonly DemoMunicipality[],
): Staff {
  const regionOf = new Map(municipalities.map((m) => [m.code, m.regionCode]));
  const schools = organizations.filter((org) => org.kind === OrganizationKind.SCHOOL);
  const schoolsOf = new Map<string, DemoOrganization[]>();
  for (const org of schools) {
    schoolsOf.set(org.municipalityCode, [...(schoolsOf.get(org.municipalityCode) ?? []), org]);
  }
  const sequence = new Map<string, number>();
  const members: StaffMember[] = [];
  const assignments: DemoAssignment[] = [];
  for (const org of schools) {
    const regionCode = regionOf.get(org.municipalityCode)!;
    const rng = streamFor('teachers', org.code);
    const own: StaffMember[] = [];
    for (const seat of staffing(org, org.teachers, regionCode, rng)) {
      const number = (sequence.get(regionCode) ?? 0) + 1;
      sequence.set(regionCode, number);
      const personnelCode = `DEMO-${regionCode}-${String(number).padStart(5, '0')}`;
      const female = rng() < seat.profile.female;
      const age = drawAge(rng);
      const [teaching, total] = drawExperience(rng, age, female);
      // Talent plus the school's quality; experience and age act per year (diagnostics).
      const competence = normal(rng) + 0.3 * org.quality;
      const category = drawCategory(rng, teaching, competence - novicePenalty(teaching));
      const areaBias = {
        [CompetencyArea.NORMATIVE_LEGAL]: 0.6 * normal(rng),
        [CompetencyArea.SUBJECT]: 0.6 * normal(rng),
        [CompetencyArea.METHODICAL]: 0.6 * normal(rng),
        [CompetencyArea.PSYCHOLOGICAL_PEDAGOGICAL]: 0.6 * normal(rng),
        [CompetencyArea.DIGITAL]: 0.6 * normal(rng),
        [CompetencyArea.COMMUNICATIVE]: 0.6 * normal(rng),
      };
      // Years at this school: novices since the start of their career, others since any year.
      const yearsHere = teaching <= 3 ? teaching : Math.floor(rng() * (teaching + 1));
      const hireDate =
        teaching === 0
          ? `${TEACHER_REFERENCE_YEAR}-08-${String(between(rng, 20, 31)).padStart(2, '0')}`
          : hireDateIn(rng, TEACHER_REFERENCE_YEAR - yearsHere);
      const others = (schoolsOf.get(org.municipalityCode) ?? []).filter((o) => o !== org);
      const moves = rng() < 0.022 && teaching >= 3 && others.length > 0;
      const previous = moves ? others[Math.floor(rng() * others.length)] : null;
      const movedOn = previous
        ? dateBetween(rng, `${TEACHER_REFERENCE_YEAR}-06-01`, `${TEACHER_REFERENCE_YEAR + 1}-02-28`)
        : null;
      // A mover had been at the previous school since before the move's academic year.
      const firstStart = previous
        ? hireDateIn(rng, TEACHER_REFERENCE_YEAR - 1 - Math.floor(rng() * teaching))
        : hireDate;
      const teacher: DemoTeacher = {
        personnelCode,
        organizationCode: org.code,
        municipalityCode: org.municipalityCode,
        fullName: teacherName(rng, female, regionCode),
        birthYear: TEACHER_REFERENCE_YEAR - age,
        subjects: seat.subjects,
        position: seat.profile === PRIMARY ? 'учитель начальных классов' : 'учитель',
        category,
        totalExperienceYears: total,
        teachingExperienceYears: teaching,
        hireDate: movedOn ?? hireDate,
      };
      own.push({
        teacher,
        regionCode,
        previousOrganizationCode: previous?.code ?? null,
        movedOn,
        firstStart,
        leader: false,
        competence,
        areaBias,
      });
      if (previous) {
        assignments.push({
          personnelCode,
          organizationCode: previous.code,
          startedOn: firstStart,
          endedOn: movedOn,
        });
      }
      assignments.push({
        personnelCode,
        organizationCode: org.code,
        startedOn: movedOn ?? hireDate,
        endedOn: null,
      });
    }
    // The deputy head who also teaches: the most experienced of the best-qualified (not a mover).
    const leader = own
      .filter((m) => !m.movedOn && m.teacher.teachingExperienceYears >= 12)
      .sort(
        (a, b) =>
          categoryRank(b.teacher.category) - categoryRank(a.teacher.category) ||
          b.teacher.teachingExperienceYears - a.teacher.teachingExperienceYears,
      )[0];
    if (leader) {
      leader.leader = true;
      leader.teacher.position = 'заместитель директора по УВР';
    }
    members.push(...own);
  }
  return { members, assignments };
}
