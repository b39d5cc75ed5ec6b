import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { idCondition, stringCondition } from '../../shared/filters';
import { type ConnectionShape, findConnection } from '../../shared/pagination';
import { type Access, municipalityScopeFilter } from '../access/viewer';
import { GradeEnrolment, OlympiadRecord } from './olympiads.entity';
import type { GradeEnrolmentListArgs, OlympiadRecordListArgs } from './olympiads.inputs';
import { requireAcademicYear } from './olympiads.rules';

/** Protocol entries of the viewer's row scope (by the municipality of the entry's school). */
export function listOlympiadRecords(
  em: EntityManager,
  args: OlympiadRecordListArgs,
  access: Access,
): Promise<ConnectionShape<OlympiadRecord>> {
  const filter = args.filter ?? {};
  const where: Record<string, unknown>[] = [
    { municipality: municipalityScopeFilter(access.rowScope()) },
  ];
  if (filter.olympiadCode) {
    where.push({ olympiad: { code: filter.olympiadCode } });
  }
  if (filter.academicYear) {
    where.push({ year: requireAcademicYear(filter.academicYear) });
  }
  if (filter.stage?.length) {
    where.push({ stage: { $in: filter.stage } });
  }
  if (filter.status?.length) {
    where.push({ status: { $in: filter.status } });
  }
  const subjects = stringCondition(filter.subjectCode);
  if (subjects) {
    where.push({ subject: { code: subjects } });
  }
  const students = stringCondition(filter.studentCode);
  if (students) {
    where.push({ student: { code: students } });
  }
  for (const [field, column] of [
    ['municipalityId', 'municipality'],
    ['organizationId', 'organization'],
    ['studentId', 'student'],
  ] as const) {
    const condition = idCondition(filter[field], field);
    if (condition) {
      where.push({ [column]: condition });
    }
  }
  return findConnection<OlympiadRecord>(
    em,
    OlympiadRecord,
    { $and: where } as FilterQuery<OlympiadRecord>,
    [{ year: 'desc' }, { stage: 'asc' }, { subject: 'asc' }, { score: 'desc' }, { id: 'asc' }],
    args,
  );
}

/** Grade enrolments of the viewer's row scope. */
export function listGradeEnrolments(
  em: EntityManager,
  args: GradeEnrolmentListArgs,
  access: Access,
): Promise<ConnectionShape<GradeEnrolment>> {
  const filter = args.filter ?? {};
  const where: Record<string, unknown>[] = [
    { municipality: municipalityScopeFilter(access.rowScope()) },
  ];
  if (filter.academicYear) {
    where.push({ year: requireAcademicYear(filter.academicYear) });
  }
  for (const [field, column] of [
    ['municipalityId', 'municipality'],
    ['organizationId', 'organization'],
  ] as const) {
    const condition = idCondition(filter[field], field);
    if (condition) {
      where.push({ [column]: condition });
    }
  }
  return findConnection<GradeEnrolment>(
    em,
    GradeEnrolment,
    { $and: where } as FilterQuery<GradeEnrolment>,
    [{ organization: 'asc' }, { year: 'desc' }, { grade: 'asc' }],
    args,
  );
}
