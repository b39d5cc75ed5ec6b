import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { idCondition, stringCondition } from '../../shared/filters';
import { type ConnectionShape, findConnection } from '../../shared/pagination';
import { type Access, municipalityScopeFilter } from '../access/viewer';
import { AssessmentProcedure, AssessmentResult } from './assessments.entity';
import type { ProcedureListArgs, ResultListArgs } from './assessments.inputs';

/** The procedures (a directory every signed-in reader may see), newest year first. */
export async function listProcedures(
  em: EntityManager,
  args: ProcedureListArgs,
  access: Access,
): Promise<ConnectionShape<AssessmentProcedure>> {
  access.requireViewer();
  const filter = args.filter ?? {};
  const where: Record<string, unknown> = {};
  if (filter.kind?.length) {
    where.kind = { $in: filter.kind };
  }
  if (filter.year != null) {
    where.year = filter.year;
  }
  if (filter.grade != null) {
    where.grade = filter.grade;
  }
  const subjects = stringCondition(filter.subject);
  if (subjects) {
    where.subject = subjects;
  }
  return findConnection(
    em,
    AssessmentProcedure,
    where,
    [{ year: 'desc' }, { kind: 'asc' }, { subject: 'asc' }, { grade: 'asc' }],
    args,
  );
}

/** Schools' results in the viewer's row scope. */
export async function listResults(
  em: EntityManager,
  args: ResultListArgs,
  access: Access,
): Promise<ConnectionShape<AssessmentResult>> {
  const scope = municipalityScopeFilter(access.rowScope());
  const filter = args.filter ?? {};
  const where: Record<string, unknown>[] = [{ municipality: scope }];
  const codes = stringCondition(filter.procedureCode);
  if (codes) {
    where.push({ procedure: { code: codes } });
  }
  if (filter.kind?.length) {
    where.push({ procedure: { kind: { $in: filter.kind } } });
  }
  if (filter.year != null) {
    where.push({ procedure: { year: filter.year } });
  }
  const municipalities = idCondition(filter.municipalityId, 'municipalityId');
  const organizations = idCondition(filter.organizationId, 'organizationId');
  if (municipalities) {
    where.push({ municipality: municipalities });
  }
  if (organizations) {
    where.push({ organization: organizations });
  }
  return findConnection<AssessmentResult>(
    em,
    AssessmentResult,
    { $and: where } as FilterQuery<AssessmentResult>,
    [{ procedure: { year: 'desc' } }, { procedure: { code: 'asc' } }, { organization: 'asc' }],
    args,
  );
}
