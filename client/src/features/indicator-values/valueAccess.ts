import type { RoleName } from '../auth/auth.queries';
import type { ValueRow } from './valueRow';

export interface ValueWriter {
  role: RoleName;
  municipalityId: string | null;
  organizationId: string | null;
}

/**
 * Which rows of a municipality the viewer may write (the server checks again): administrators
 * all, a municipal methodologist its municipality's, a school coordinator its organization's.
 */
export function canWriteValueRow(
  writer: ValueWriter | null,
  municipalityId: string,
  row: Pick<ValueRow, 'level' | 'unitId'>,
): boolean {
  if (!writer) {
    return false;
  }
  switch (writer.role) {
    case 'ADMIN':
      return true;
    case 'MUNICIPAL_METHODOLOGIST':
      return writer.municipalityId === municipalityId;
    case 'SCHOOL_COORDINATOR':
      return row.level === 'ORGANIZATION' && row.unitId === writer.organizationId;
    default:
      return false;
  }
}
