import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInputError } from '../../errors';
import { type ConnectionShape, findConnection } from '../../shared/pagination';
import { ChangeLog } from './audit.entity';
import { AUDITED_TABLES, type AuditedTable } from './audit.enums';
import type { HistoryArgs } from './audit.inputs';

function isAuditedTable(entity: string): entity is AuditedTable {
  return (AUDITED_TABLES as readonly string[]).includes(entity);
}

/** The audited table named by a history request, or a clear error. */
export function auditedTable(entity: string): AuditedTable {
  if (!isAuditedTable(entity)) {
    throw new BadUserInputError(`No history is kept for "${entity}"`, {
      field: 'entity',
      allowed: AUDITED_TABLES,
    });
  }
  return entity;
}

/** Every recorded change of one row (or of one of its cells), oldest first. */
export async function rowHistory(
  em: EntityManager,
  args: HistoryArgs,
): Promise<ConnectionShape<ChangeLog>> {
  const row = { entity: args.entity, entityId: args.id };
  // A cell's story: its own updates plus the row's creation and deletion (which carry every column).
  const where = args.field ? { ...row, $or: [{ field: args.field }, { field: null }] } : row;
  return findConnection(em, ChangeLog, where, { id: 'asc' }, args);
}

/** Every change written by one request (one batch), in the order it was made. */
export function batchHistory(em: EntityManager, batchId: string): Promise<ChangeLog[]> {
  return em.find(ChangeLog, { batchId }, { orderBy: { id: 'asc' } });
}
