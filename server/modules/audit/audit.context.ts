import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';

export interface AuditActor {
  userId: number | null;
  label: string;
}

/**
 * Names who writes and the batch for the audit_row() trigger. Call it inside the transaction,
 * with its em: the settings are transaction-local and vanish at commit or rollback.
 */
export async function setAuditContext(
  em: EntityManager,
  actor: AuditActor,
  batchId: string,
): Promise<void> {
  // '' reads as "no actor" in the trigger (set_config cannot hold null).
  // em.execute runs on the em's transaction (getConnection().execute would not).
  await em.execute(
    `select set_config('msoko.actor_id', ?, true), set_config('msoko.actor_label', ?, true), set_config('msoko.batch_id', ?, true)`,
    [actor.userId == null ? '' : String(actor.userId), actor.label, batchId],
  );
}

/** A fresh batch id: one per request, shared by every change it writes. */
export function newBatchId(): string {
  return randomUUID();
}
