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

// Thrown inside the transaction to roll a dry run back after the database has checked it.
class DryRunRollback<R> extends Error {
  constructor(readonly result: R) {
    super('dry run');
  }
}

/**
 * Runs `work` in one transaction whose every write the audit trail stamps with `actor` and one
 * fresh batch id. A dry run does all the writes too (so the database checks them), then rolls
 * back and returns what the work returned.
 */
export async function auditedTransaction<R>(
  em: EntityManager,
  actor: AuditActor,
  work: (tem: EntityManager) => Promise<R>,
  { dryRun = false }: { dryRun?: boolean } = {},
): Promise<R> {
  try {
    return await em.transactional(async (tem) => {
      await setAuditContext(tem, actor, newBatchId());
      const result = await work(tem);
      if (dryRun) {
        throw new DryRunRollback(result);
      }
      return result;
    });
  } catch (error) {
    if (error instanceof DryRunRollback) {
      return error.result as R;
    }
    throw error;
  }
}
