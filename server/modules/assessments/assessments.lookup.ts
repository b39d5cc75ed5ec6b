import type { EntityManager } from '@mikro-orm/postgresql';
import type { RowErrors } from '../../shared/bulk';
import { Organization } from '../geography/geography.entity';
import { AssessmentProcedure } from './assessments.entity';

/** A request row whose procedure and school were both found. */
export interface ResolvedRow {
  index: number;
  procedure: AssessmentProcedure;
  organization: Organization;
}

/**
 * Looks up the procedures and schools a bulk write names by code (two queries for the whole
 * batch); a code not found is a NOT_FOUND error on its row and field.
 */
export async function resolveProcedureRows(
  em: EntityManager,
  rows: readonly { procedureCode: string; organizationCode: string }[],
  errors: RowErrors,
): Promise<ResolvedRow[]> {
  const byCode = <T extends { code: string }>(items: T[]) =>
    new Map(items.map((item) => [item.code, item]));
  const procedures = byCode(
    await em.find(AssessmentProcedure, {
      code: { $in: [...new Set(rows.map((r) => r.procedureCode))] },
    }),
  );
  const organizations = byCode(
    await em.find(Organization, {
      code: { $in: [...new Set(rows.map((r) => r.organizationCode))] },
    }),
  );
  return rows.flatMap((input, index) => {
    const procedure = procedures.get(input.procedureCode);
    const organization = organizations.get(input.organizationCode);
    if (!procedure) {
      const message = `Процедура ${input.procedureCode} не найдена`;
      errors.add(index, null, 'procedureCode', 'NOT_FOUND', message);
    }
    if (!organization) {
      const message = `Организация ${input.organizationCode} не найдена`;
      errors.add(index, null, 'organizationCode', 'NOT_FOUND', message);
    }
    return procedure && organization ? [{ index, procedure, organization }] : [];
  });
}
