import { type Database, type Kysely, recordAudit, writeWithTimeline } from "@trame/db";

export interface AuditTarget {
  entityType: string;
  entityId: string;
  action: string;
}

/**
 * Runs a change and its audit line in one transaction: `change` returns the before and after
 * states (and the result), so the audit cannot disagree with what was written. Given a transaction
 * already open (a spreadsheet import writes every row through these services in one), it joins it
 * instead of opening its own, so the whole import commits or rolls back together.
 */
export async function auditedWrite<T>(
  db: Kysely<Database>,
  actorId: string | null,
  change: (trx: Kysely<Database>) => Promise<{ target: AuditTarget; before: unknown; after: unknown; result: T }>,
): Promise<T> {
  const run = async (trx: Kysely<Database>) => {
    const { target, before, after, result } = await change(trx);
    await recordAudit(trx, { ...target, actorId, before, after });
    return result;
  };
  // Inside a caller's transaction, its timeline notifications go out with that transaction.
  if (db.isTransaction) return run(db);
  // Its own: timeline notifications go out after the commit (see writeWithTimeline).
  return writeWithTimeline(db, run);
}
