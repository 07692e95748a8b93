import { type Kysely, sql } from "kysely";
import type { Database } from "../schema.ts";

export interface AuditEntry {
  entityType: string;
  entityId: string;
  action: string;
  actorId: string | null;
  before: unknown;
  after: unknown;
}

/** Written inside the caller's transaction, so a change and its audit line commit together or not at all. */
export async function recordAudit(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  const json = (value: unknown) =>
    value === undefined || value === null ? null : sql`${JSON.stringify(value)}::jsonb`;
  await db
    .insertInto("audit_log")
    .values({
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      action: entry.action,
      actor_id: entry.actorId,
      before: json(entry.before),
      after: json(entry.after),
    })
    .execute();
}

export interface AuditRecord {
  id: number;
  action: string;
  at: string;
  actor: { id: string; name: string } | null;
  before: unknown;
  after: unknown;
}

export async function listAudit(
  db: Kysely<Database>,
  filter: { entityType: string; entityId: string; limit: number; offset: number },
): Promise<AuditRecord[]> {
  const rows = await db
    .selectFrom("audit_log as a")
    .leftJoin("users as u", "u.id", "a.actor_id")
    .select(["a.id", "a.action", "a.at", "a.before", "a.after", "u.id as actor_id", "u.name as actor_name"])
    .where("a.entity_type", "=", filter.entityType)
    .where("a.entity_id", "=", filter.entityId)
    .orderBy("a.id", "desc")
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    action: row.action,
    at: row.at,
    actor: row.actor_id && row.actor_name ? { id: row.actor_id, name: row.actor_name } : null,
    before: row.before,
    after: row.after,
  }));
}
