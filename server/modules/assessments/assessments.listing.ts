import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { type IdFilter, idCondition, stringCondition } from '../../shared/filters';
import { type ConnectionShape, findConnection, type PageArgs } from '../../shared/pagination';
import { type Access, municipalityScopeFilter } from '../access/viewer';
import {
  AssessmentAnalysisRun,
  AssessmentProcedure,
  AssessmentResult,
  LowResultStatus,
  ObjectivitySign,
} from './assessments.entity';
import type {
  LowResultListArgs,
  ObjectivitySignListArgs,
  ProcedureListArgs,
  ResultListArgs,
} from './assessments.inputs';

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

/** Conditions shared by the signs and statuses lists: row scope, years, places. */
function findingConditions(
  access: Access,
  filter: { year?: number[]; municipalityId?: IdFilter; organizationId?: IdFilter },
): Record<string, unknown>[] {
  const where: Record<string, unknown>[] = [
    { municipality: municipalityScopeFilter(access.rowScope()) },
  ];
  if (filter.year?.length) {
    where.push({ year: { $in: filter.year } });
  }
  const municipalities = idCondition(filter.municipalityId, 'municipalityId');
  const organizations = idCondition(filter.organizationId, 'organizationId');
  if (municipalities) {
    where.push({ municipality: municipalities });
  }
  if (organizations) {
    where.push({ organization: organizations });
  }
  return where;
}

/** Signs of non-objective results in the viewer's row scope, newest year first. */
export async function listObjectivitySigns(
  em: EntityManager,
  args: ObjectivitySignListArgs,
  access: Access,
): Promise<ConnectionShape<ObjectivitySign>> {
  const filter = args.filter ?? {};
  const where = findingConditions(access, filter);
  if (filter.sign?.length) {
    where.push({ sign: { $in: filter.sign } });
  }
  if (filter.procedureKind?.length) {
    where.push({ procedure: { kind: { $in: filter.procedureKind } } });
  }
  const subjects = stringCondition(filter.subject);
  if (subjects) {
    where.push({ procedure: { subject: subjects } });
  }
  return findConnection<ObjectivitySign>(
    em,
    ObjectivitySign,
    { $and: where } as FilterQuery<ObjectivitySign>,
    [
      { year: 'desc' },
      { municipality: 'asc' },
      { organization: 'asc' },
      { procedure: 'asc' },
      { sign: 'asc' },
    ],
    args,
  );
}

/** ШНОР, ШНСУ, risk-zone and objectivity-excluded statuses in the viewer's row scope. */
export async function listLowResultStatuses(
  em: EntityManager,
  args: LowResultListArgs,
  access: Access,
): Promise<ConnectionShape<LowResultStatus>> {
  const filter = args.filter ?? {};
  const where = findingConditions(access, filter);
  if (filter.kind?.length) {
    where.push({ kind: { $in: filter.kind } });
  }
  return findConnection<LowResultStatus>(
    em,
    LowResultStatus,
    { $and: where } as FilterQuery<LowResultStatus>,
    [{ year: 'desc' }, { municipality: 'asc' }, { organization: 'asc' }, { kind: 'asc' }],
    args,
  );
}

/** Runs of the analysis for the regions the viewer reaches, newest first. */
export async function listAnalysisRuns(
  em: EntityManager,
  args: PageArgs,
  access: Access,
): Promise<ConnectionShape<AssessmentAnalysisRun>> {
  const scope = access.rowScope();
  const where =
    'all' in scope
      ? {}
      : 'regionId' in scope
        ? { region: scope.regionId }
        : { region: { municipalities: scope.municipalityId } };
  return findConnection<AssessmentAnalysisRun>(
    em,
    AssessmentAnalysisRun,
    where as FilterQuery<AssessmentAnalysisRun>,
    [{ createdAt: 'desc' }, { id: 'desc' }],
    args,
  );
}
