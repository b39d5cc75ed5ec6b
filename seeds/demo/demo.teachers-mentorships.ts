// Mentorship of young specialists (under 35, first three years): ≈ 70–85 % of them have a
// mentor each year — an experienced teacher (≥ 10 years, category первая or higher) of the same
// school when there is one with time, else of another school of the municipality; at most three
// mentees per mentor at a time; mostly педагог–педагог, some руководитель ОО–педагог (the
// deputy head). Active in the current year, completed (or ended by a move) in earlier ones.
import { isYoungSpecialist } from '../../server/modules/teachers/deficits';
import {
  MentorshipDelivery,
  MentorshipForm,
  MentorshipStatus,
  QualificationCategory,
} from '../../server/modules/teachers/teachers.enums';
import { clamp, normal, type Rng, streamFor } from './demo.random';
import {
  categoryRank,
  dateBetween,
  experienceIn,
  organizationOn,
  type StaffMember,
} from './demo.teachers-staff';
import { type DemoMentorship, TEACHER_REFERENCE_YEAR, TEACHER_YEARS } from './demo.teachers-types';

export const MAX_MENTEES_PER_MENTOR = 3;

/** Young specialist in the academic year starting in `year`, by the hub's own rule. */
export function youngIn(member: StaffMember, year: number): boolean {
  const experience = experienceIn(member, year);
  return (
    experience >= 0 &&
    isYoungSpecialist(
      { birthYear: member.teacher.birthYear, teachingExperienceYears: experience },
      year,
    )
  );
}

function canMentor(member: StaffMember, year: number): boolean {
  return (
    experienceIn(member, year) >= 10 &&
    categoryRank(member.teacher.category) >= 2 &&
    !youngIn(member, year)
  );
}

const DELIVERY: readonly [MentorshipDelivery, number][] = [
  [MentorshipDelivery.TRADITIONAL, 0.7],
  [MentorshipDelivery.SHORT_TERM, 0.1],
  [MentorshipDelivery.GROUP, 0.1],
  [MentorshipDelivery.SITUATIONAL, 0.05],
  [MentorshipDelivery.VIRTUAL, 0.05],
];

function delivery(rng: Rng): MentorshipDelivery {
  let draw = rng();
  for (const [type, share] of DELIVERY) {
    if (draw < share) {
      return type;
    }
    draw -= share;
  }
  return MentorshipDelivery.TRADITIONAL;
}

const OUTCOMES = [
  'Программа выполнена: наставляемый провёл открытый урок',
  'Программа выполнена: наставляемый адаптирован, готовит портфолио к аттестации',
  'Программа выполнена: наставляемый выступил на заседании ШМО',
  'Программа выполнена частично: продолжение в следующем году',
];

/**
 * One pair per mentored young specialist per academic year. `members` in generation order
 * (schools in order, teachers in order), so the result is deterministic.
 */
export function generateMentorships(members: readonly StaffMember[]): DemoMentorship[] {
  const byCode = new Map(members.map((m) => [m.teacher.personnelCode, m]));
  const pairs: DemoMentorship[] = [];
  let previousMentor = new Map<string, string>();
  for (const year of TEACHER_YEARS) {
    const start = `${year}-09-01`;
    const present = members.filter((m) => m.firstStart <= start);
    const bySchool = new Map<string, StaffMember[]>();
    for (const member of present) {
      const school = organizationOn(member, start);
      const staff = bySchool.get(school);
      if (staff) {
        staff.push(member);
      } else {
        bySchool.set(school, [member]);
      }
    }
    const schoolsOf = new Map<string, string[]>();
    for (const [school, staff] of bySchool) {
      const municipality = staff[0].teacher.municipalityCode;
      schoolsOf.set(municipality, [...(schoolsOf.get(municipality) ?? []), school]);
    }
    const load = new Map<string, number>();
    const mentorOf = new Map<string, string>();
    const free = (m: StaffMember) =>
      (load.get(m.teacher.personnelCode) ?? 0) < MAX_MENTEES_PER_MENTOR && canMentor(m, year);
    for (const [school, staff] of bySchool) {
      const rng = streamFor('mentorship', school, year);
      const coverage = clamp(0.78 + 0.07 * normal(rng), 0.6, 0.93);
      for (const mentee of staff.filter((m) => youngIn(m, year))) {
        const menteeSubject = mentee.teacher.subjects[0];
        if (rng() >= coverage) {
          continue;
        }
        const byPreference = (candidates: StaffMember[]) =>
          candidates
            .filter((m) => m !== mentee && free(m))
            .sort(
              (a, b) =>
                Number(b.teacher.category === QualificationCategory.MENTOR) -
                  Number(a.teacher.category === QualificationCategory.MENTOR) ||
                Number(b.teacher.subjects[0] === menteeSubject) -
                  Number(a.teacher.subjects[0] === menteeSubject) ||
                (load.get(a.teacher.personnelCode) ?? 0) -
                  (load.get(b.teacher.personnelCode) ?? 0) ||
                b.teacher.teachingExperienceYears - a.teacher.teachingExperienceYears ||
                a.teacher.personnelCode.localeCompare(b.teacher.personnelCode),
            )[0];
        const leader = staff.find((m) => m.leader && m !== mentee && free(m));
        const earlier = byCode.get(previousMentor.get(mentee.teacher.personnelCode) ?? '');
        const leads = leader !== undefined && rng() < 0.12;
        const mentor = leads
          ? leader
          : earlier && staff.includes(earlier) && free(earlier)
            ? earlier
            : (byPreference(staff) ??
              byPreference(
                (schoolsOf.get(mentee.teacher.municipalityCode) ?? [])
                  .filter((other) => other !== school)
                  .flatMap((other) => bySchool.get(other) ?? []),
              ));
        if (!mentor) {
          continue;
        }
        const mentorCode = mentor.teacher.personnelCode;
        load.set(mentorCode, (load.get(mentorCode) ?? 0) + 1);
        mentorOf.set(mentee.teacher.personnelCode, mentorCode);
        const end = `${year + 1}-05-31`;
        // A move of either during the year ends the pair.
        const move = [mentee.movedOn, mentor.movedOn]
          .filter((d): d is string => d !== null && d > start && d <= end)
          .sort()[0];
        const startedOn = move ? start : dateBetween(rng, start, `${year}-10-15`);
        const current = year === TEACHER_REFERENCE_YEAR;
        const outcome = OUTCOMES[Math.floor(rng() * OUTCOMES.length)];
        const deliveryType = delivery(rng);
        pairs.push({
          mentorCode,
          menteeCode: mentee.teacher.personnelCode,
          municipalityCode: mentee.teacher.municipalityCode,
          year,
          form: leads ? MentorshipForm.LEADER_TEACHER : MentorshipForm.TEACHER_TEACHER,
          deliveryType,
          programme: leads
            ? `Программа адаптации молодого специалиста в ОО, ${year}/${year + 1}`
            : `Программа наставничества «Молодой педагог», ${year}/${year + 1}`,
          startedOn,
          endedOn: move ?? (current ? null : end),
          status: move
            ? MentorshipStatus.TERMINATED
            : current
              ? MentorshipStatus.ACTIVE
              : MentorshipStatus.COMPLETED,
          outcome: move
            ? 'Прекращено: переход в другую образовательную организацию'
            : current
              ? null
              : outcome,
        });
      }
    }
    previousMentor = mentorOf;
  }
  return pairs;
}
