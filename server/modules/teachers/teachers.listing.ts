import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { idCondition, stringCondition } from '../../shared/filters';
import { type ConnectionShape, findConnection, type PageArgs } from '../../shared/pagination';
import { type Access, municipalityScopeFilter } from '../access/viewer';
import { YOUNG_SPECIALIST_AGE, YOUNG_SPECIALIST_YEARS } from './deficits';
import {
  DiagnosticCampaign,
  DiagnosticResult,
  IndividualRoute,
  Mentorship,
  Teacher,
} from './teachers.entity';
import type {
  DiagnosticResultListArgs,
  MentorshipListArgs,
  RouteListArgs,
  TeacherListArgs,
} from './teachers.inputs';

/** Teachers of the viewer's row scope (by their current municipality). */
export function listTeachers(
  em: EntityManager,
  args: TeacherListArgs,
  access: Access,
  year: number,
): Promise<ConnectionShape<Teacher>> {
  const filter = args.filter ?? {};
  const where: Record<string, unknown>[] = [
    { municipality: municipalityScopeFilter(access.rowScope()) },
  ];
  const municipalities = idCondition(filter.municipalityId, 'municipalityId');
  const organizations = idCondition(filter.organizationId, 'organizationId');
  if (municipalities) {
    where.push({ municipality: municipalities });
  }
  if (organizations) {
    where.push({ organization: organizations });
  }
  const codes = stringCondition(filter.personnelCode);
  if (codes) {
    where.push({ personnelCode: codes });
  }
  if (filter.category?.length) {
    where.push({ category: { $in: filter.category } });
  }
  if (filter.subject?.contains) {
    // subjects is a JSON array of strings: match any element, case-insensitively.
    where.push({
      id: {
        $in: em
          .createQueryBuilder(Teacher, 's')
          .select('s.id')
          .where(`exists (select 1 from jsonb_array_elements_text(s.subjects) x where x ilike ?)`, [
            `%${filter.subject.contains}%`,
          ])
          .getKnexQuery(),
      },
    });
  }
  if (filter.youngSpecialist != null) {
    const young = {
      birthYear: { $gt: year - YOUNG_SPECIALIST_AGE },
      teachingExperienceYears: { $lte: YOUNG_SPECIALIST_YEARS },
    };
    where.push(filter.youngSpecialist ? young : { $not: young });
  }
  return findConnection<Teacher>(
    em,
    Teacher,
    { $and: where } as FilterQuery<Teacher>,
    [{ municipality: 'asc' }, { organization: 'asc' }, { personnelCode: 'asc' }],
    args,
  );
}

/** Campaigns: a directory every signed-in reader may see, newest first. */
export function listCampaigns(
  em: EntityManager,
  args: PageArgs,
  access: Access,
): Promise<ConnectionShape<DiagnosticCampaign>> {
  access.requireViewer();
  return findConnection(em, DiagnosticCampaign, {}, [{ heldOn: 'desc' }, { code: 'asc' }], args);
}

/**
 * Results in the viewer's scope: where the teacher was when diagnosed, or where the teacher
 * works now (the new school's methodologist builds the route from the earlier diagnosis).
 */
export function listDiagnosticResults(
  em: EntityManager,
  args: DiagnosticResultListArgs,
  access: Access,
): Promise<ConnectionShape<DiagnosticResult>> {
  const filter = args.filter ?? {};
  const where: Record<string, unknown>[] = [ownOrTeacherScope(access, 'teacher')];
  const campaigns = stringCondition(filter.campaignCode);
  if (campaigns) {
    where.push({ campaign: { code: campaigns } });
  }
  const municipalities = idCondition(filter.municipalityId, 'municipalityId');
  const organizations = idCondition(filter.organizationId, 'organizationId');
  const teachers = idCondition(filter.teacherId, 'teacherId');
  if (municipalities) {
    where.push({ municipality: municipalities });
  }
  if (organizations) {
    where.push({ organization: organizations });
  }
  if (teachers) {
    where.push({ teacher: teachers });
  }
  if (filter.deficit?.length) {
    where.push({ deficits: { $overlap: filter.deficit } });
  }
  return findConnection<DiagnosticResult>(
    em,
    DiagnosticResult,
    { $and: where } as FilterQuery<DiagnosticResult>,
    [{ campaign: { heldOn: 'desc' } }, { municipality: 'asc' }, { teacher: 'asc' }],
    args,
  );
}

/** Rows whose own municipality, or whose teacher's current one, is in the viewer's scope. */
function ownOrTeacherScope(
  access: Access,
  teacherField: 'teacher' | 'mentee',
): Record<string, unknown> {
  const scope = municipalityScopeFilter(access.rowScope());
  return { $or: [{ municipality: scope }, { [teacherField]: { municipality: scope } }] };
}

/** Routes (ИОМ) in scope, newest first. */
export function listRoutes(
  em: EntityManager,
  args: RouteListArgs,
  access: Access,
): Promise<ConnectionShape<IndividualRoute>> {
  const filter = args.filter ?? {};
  const where: Record<string, unknown>[] = [ownOrTeacherScope(access, 'teacher')];
  const municipalities = idCondition(filter.municipalityId, 'municipalityId');
  const teachers = idCondition(filter.teacherId, 'teacherId');
  if (municipalities) {
    where.push({ municipality: municipalities });
  }
  if (teachers) {
    where.push({ teacher: teachers });
  }
  if (filter.status?.length) {
    where.push({ status: { $in: filter.status } });
  }
  return findConnection<IndividualRoute>(
    em,
    IndividualRoute,
    { $and: where } as FilterQuery<IndividualRoute>,
    [{ openedOn: 'desc' }, { id: 'asc' }],
    args,
  );
}

/** Mentorship pairs in scope (by the mentee), newest first. */
export function listMentorships(
  em: EntityManager,
  args: MentorshipListArgs,
  access: Access,
): Promise<ConnectionShape<Mentorship>> {
  const filter = args.filter ?? {};
  const where: Record<string, unknown>[] = [ownOrTeacherScope(access, 'mentee')];
  const municipalities = idCondition(filter.municipalityId, 'municipalityId');
  const mentors = idCondition(filter.mentorId, 'mentorId');
  const mentees = idCondition(filter.menteeId, 'menteeId');
  if (municipalities) {
    where.push({ municipality: municipalities });
  }
  if (mentors) {
    where.push({ mentor: mentors });
  }
  if (mentees) {
    where.push({ mentee: mentees });
  }
  if (filter.status?.length) {
    where.push({ status: { $in: filter.status } });
  }
  return findConnection<Mentorship>(
    em,
    Mentorship,
    { $and: where } as FilterQuery<Mentorship>,
    [{ startedOn: 'desc' }, { id: 'asc' }],
    args,
  );
}
