import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInputError } from '../../errors';
import { type ConnectionShape, toConnection, toPage } from '../../shared/pagination';
import { ChangeLog } from './audit.entity';
import { AUDITED_TABLES, type AuditedTable } from './audit.enums';
import type { HistoryArgs } from './audit.inputs';

function isAuditedTable(entity: string): entity is AuditedTable {
  return (AUDITED_TABLES as readonly string[]).includes(entity);
}

/** Every recorded change of one row, oldest first. */
export async function rowHistory(
  em: EntityManager,
  args: HistoryArgs,
): Promise<ConnectionShape<ChangeLog>> {
  if (!isAuditedTable(args.entity)) {
    throw new BadUserInputError(`No history is kept for "${args.entity}"`, {
      field: 'entity',
      allowed: AUDITED_TABLES,
    });
  }
  const page = toPage(args);
  const [items, total] = await em.findAndCount(
    ChangeLog,
    { entity: args.entity, entityId: args.id },
    { orderBy: { id: 'asc' }, limit: page.limit, offset: page.offset },
  );
  return toConnection(items, total, page);
}

/** Every change written by one request (one batch), in the order it was made. */
export function batchHistory(em: EntityManager, batchId: string): Promise<ChangeLog[]> {
  return em.find(ChangeLog, { batchId }, { orderBy: { id: 'asc' } });
}
