import {
  type Database,
  type Kysely,
  notifyRecordChange,
  type RecordNotification,
  recordAudit,
  writeWithTimeline,
} from "@trame/db";

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
    await announceRecordChange(trx, target, actorId, before, after);
    return result;
  };
  // Inside a caller's transaction, its timeline notifications go out with that transaction.
  if (db.isTransaction) return run(db);
  // Its own: timeline notifications go out after the commit (see writeWithTimeline).
  return writeWithTimeline(db, run);
}

/** Bookkeeping that moves on every save: not a change a colleague needs to hear of. */
const UNTOLD_FIELDS: ReadonlySet<string> = new Set(["version", "updatedAt", "createdAt"]);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function fieldsOf(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
}

/**
 * The record an open page shows that this write changed (co-editing, issue 15): a project or a
 * cooperation itself, or a cooperation through one of its memberships; null for anything else.
 */
function changedRecord(
  target: AuditTarget,
  before: unknown,
  after: unknown,
): Omit<RecordNotification, "action" | "actorId"> | null {
  const old = fieldsOf(before);
  const now = fieldsOf(after);
  if (target.entityType === "cooperation_member") {
    const cooperationId = now.cooperationId ?? old.cooperationId;
    return typeof cooperationId === "string"
      ? { entity: "cooperation", id: cooperationId, fields: ["members"], version: null }
      : null;
  }
  if ((target.entityType !== "project" && target.entityType !== "cooperation") || before === null) return null;
  const fields = [...new Set([...Object.keys(old), ...Object.keys(now)])].filter(
    (key) => !UNTOLD_FIELDS.has(key) && !same(old[key], now[key]),
  );
  const version = typeof now.version === "number" ? now.version : null;
  return { entity: target.entityType, id: target.entityId, fields, version };
}

/** Read from the same before and after as the audit line, so what open pages hear cannot disagree with it. */
async function announceRecordChange(
  trx: Kysely<Database>,
  target: AuditTarget,
  actorId: string | null,
  before: unknown,
  after: unknown,
): Promise<void> {
  const record = changedRecord(target, before, after);
  if (record) await notifyRecordChange(trx, { ...record, action: target.action, actorId });
}
