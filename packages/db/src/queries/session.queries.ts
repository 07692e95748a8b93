import { type Kysely, sql } from "kysely";
import type { Database } from "../schema.ts";

/** Carries a user id (or `*`) whenever what a session grants changes: see migration 000007. */
export const SESSION_CHANNEL = "trame_sessions";

export async function insertSession(
  db: Kysely<Database>,
  values: { tokenHash: string; userId: string; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto("sessions")
    .values({ token_hash: values.tokenHash, user_id: values.userId, expires_at: values.expiresAt.toISOString() })
    .execute();
}

export async function deleteSession(db: Kysely<Database>, tokenHash: string): Promise<void> {
  await db.deleteFrom("sessions").where("token_hash", "=", tokenHash).execute();
}

/** After a password change every other session is closed: a stolen cookie stops working. */
export async function deleteOtherSessions(db: Kysely<Database>, userId: string, keepTokenHash: string): Promise<void> {
  await db.deleteFrom("sessions").where("user_id", "=", userId).where("token_hash", "<>", keepTokenHash).execute();
}

export async function deleteExpiredSessions(db: Kysely<Database>): Promise<void> {
  await db.deleteFrom("sessions").where("expires_at", "<=", sql<string>`now()`).execute();
}
