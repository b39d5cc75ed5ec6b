import type { Writer } from '../auth/access';
import { canEdit } from '../auth/access';
import type { ValueRow } from './valueRow';

/**
 * Which rows of a municipality the viewer may write (the server checks again): whoever may edit
 * the municipality's rows, and a school coordinator its organization's.
 */
export function canWriteValueRow(
  writer: Writer | null,
  municipalityId: string,
  row: Pick<ValueRow, 'level' | 'unitId'>,
): boolean {
  if (canEdit(writer, municipalityId)) {
    return true;
  }
  return (
    writer?.role === 'SCHOOL_COORDINATOR' &&
    row.level === 'ORGANIZATION' &&
    row.unitId === writer.organizationId
  );
}
