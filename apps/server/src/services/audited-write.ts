import { type Database, type Kysely, recordAudit } from "@trame/db";

export interface AuditTarget {
  entityType: string;
  entityId: string;
  action: string;
}

/**
 * Runs a change and its audit line in one transaction: `change` returns the before and after
 * states (and the result), so the audit cannot disagree with what was written.
 */
export async function auditedWrite<T>(
  db: Kysely<Database>,
  actorId: string | null,
  change: (trx: Kysely<Database>) => Promise<{ target: AuditTarget; before: unknown; after: unknown; result: T }>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const { target, before, after, result } = await change(trx);
    await recordAudit(trx, { ...target, actorId, before, after });
    return result;
  });
}
