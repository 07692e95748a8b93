import { type Kysely, sql } from "kysely";
import type { Database } from "../schema.ts";

export async function insertSession(
  db: Kysely<Database>,
  values: { tokenHash: string; userId: string; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto("sessions")
    .values({ token_hash: values.tokenHash, user_id: values.userId, expires_at: values.expiresAt.toISOString() })
    .execute();
}

/** The user id of a live session; an expired one is as good as absent. */
export async function findSessionUserId(db: Kysely<Database>, tokenHash: string): Promise<string | undefined> {
  const row = await db
    .selectFrom("sessions")
    .select("user_id")
    .where("token_hash", "=", tokenHash)
    .where("expires_at", ">", sql<string>`now()`)
    .executeTakeFirst();
  return row?.user_id;
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
