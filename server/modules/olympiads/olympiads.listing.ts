import type { FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInputError } from '../../errors';
import { idCondition, SortDirection, stringCondition } from '../../shared/filters';
import { type ConnectionShape, findConnection } from '../../shared/pagination';
import { type Access, municipalityScopeFilter } from '../access/viewer';
import { GradeEnrolment, OlympiadRecord } from './olympiads.entity';
import {
  type GradeEnrolmentListArgs,
  type OlympiadRecordListArgs,
  type OlympiadRecordOrder,
  OlympiadRecordOrderField,
} from './olympiads.inputs';
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
    recordOrder(args.orderBy),
    args,
  );
}

type RecordOrder = QueryOrderMap<OlympiadRecord>;

// Relations sort by a column of theirs (a join, still one statement).
const RECORD_ORDER: Record<OlympiadRecordOrderField, (d: SortDirection) => RecordOrder[]> = {
  [OlympiadRecordOrderField.ACADEMIC_YEAR]: (d) => [{ year: d }],
  [OlympiadRecordOrderField.STAGE]: (d) => [{ stage: d }],
  [OlympiadRecordOrderField.SUBJECT]: (d) => [{ subject: { position: d } }],
  [OlympiadRecordOrderField.SCORE]: (d) => [{ score: d }],
  [OlympiadRecordOrderField.STATUS]: (d) => [{ status: d }],
  [OlympiadRecordOrderField.GRADE]: (d) => [{ gradeActual: d }],
  [OlympiadRecordOrderField.STUDENT_CODE]: (d) => [{ student: { code: d } }],
  // As the grid shows a school: its short name, the full one where there is none.
  [OlympiadRecordOrderField.ORGANIZATION]: (d) => [
    { organization: { shortName: d } },
    { organization: { name: d } },
  ],
  [OlympiadRecordOrderField.MUNICIPALITY]: (d) => [{ municipality: { name: d } }],
};

// The default matches the index on (year desc, stage, subject, score desc, id).
const DEFAULT_RECORD_ORDER: RecordOrder[] = [
  { year: 'desc' },
  { stage: 'asc' },
  { subject: 'asc' },
  { score: 'desc' },
];

/** The requested order, each column once, with the id last: offset pages never overlap. */
export function recordOrder(orderBy: readonly OlympiadRecordOrder[] | undefined): RecordOrder[] {
  if (!orderBy?.length) {
    return [...DEFAULT_RECORD_ORDER, { id: 'asc' }];
  }
  const seen = new Set<OlympiadRecordOrderField>();
  const order = orderBy.flatMap(({ field, direction }, index) => {
    if (seen.has(field)) {
      throw new BadUserInputError(`Sort by ${field} once only`, { field: `orderBy.${index}` });
    }
    seen.add(field);
    return RECORD_ORDER[field](direction ?? SortDirection.ASC);
  });
  return [...order, { id: 'asc' }];
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
