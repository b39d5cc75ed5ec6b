import type { EntityManager } from '@mikro-orm/postgresql';
import { idCondition, stringCondition } from '../../shared/filters';
import { type ConnectionShape, toConnection, toPage } from '../../shared/pagination';
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
  const page = toPage(args);
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
  const [items, total] = await em.findAndCount(AssessmentProcedure, where, {
    orderBy: [{ year: 'desc' }, { kind: 'asc' }, { subject: 'asc' }, { grade: 'asc' }],
    limit: page.limit,
    offset: page.offset,
  });
  return toConnection(items, total, page);
}

/** Schools' results in the viewer's row scope. */
export async function listResults(
  em: EntityManager,
  args: ResultListArgs,
  access: Access,
): Promise<ConnectionShape<AssessmentResult>> {
  const scope = municipalityScopeFilter(access.rowScope());
  const page = toPage(args);
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
  const [items, total] = await em.findAndCount(
    AssessmentResult,
    { $and: where },
    {
      orderBy: [
        { procedure: { year: 'desc' } },
        { procedure: { code: 'asc' } },
        { organization: 'asc' },
      ],
      limit: page.limit,
      offset: page.offset,
    },
  );
  return toConnection(items, total, page);
}
