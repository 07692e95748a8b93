import { type Kysely, sql } from "kysely";
import type { Database } from "../schema.ts";

/** Carries a user id (or `*`) whenever what a session grants changes: see migration 000007. */
export const SESSION_CHANNEL = "trame_sessions";

/** `expiresAt` is the absolute lifetime; the idle limit starts now (default 30 minutes, see session-policy). */
export async function insertSession(
  db: Kysely<Database>,
  values: { tokenHash: string; userId: string; expiresAt: Date; idleSeconds?: number; userAgent?: string | null },
): Promise<void> {
  await db
    .insertInto("sessions")
    .values({
      token_hash: values.tokenHash,
      user_id: values.userId,
      expires_at: values.expiresAt.toISOString(),
      user_agent: values.userAgent?.slice(0, 500) ?? null,
      ...(values.idleSeconds === undefined
        ? {}
        : { idle_expires_at: sql<string>`now() + make_interval(secs => ${values.idleSeconds})` }),
    })
    .execute();
}

/**
 * Activity pushes the idle limit forward. Written at most once a minute per session (the `where`
 * makes other calls a no-op), and the trigger ignores these columns, so caches stay warm.
 */
export async function touchSession(db: Kysely<Database>, tokenHash: string, idleSeconds: number): Promise<void> {
  await sql`update sessions set idle_expires_at = now() + make_interval(secs => ${idleSeconds}), last_seen_at = now()
    where token_hash = ${tokenHash} and idle_expires_at > now()
      and last_seen_at < now() - interval '1 minute'`.execute(db);
}

export interface ActiveSession {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  userAgent: string | null;
  current: boolean;
}

/** The user's sessions still valid, most recently used first; `current` marks the one asking. */
export async function listActiveSessions(
  db: Kysely<Database>,
  userId: string,
  currentTokenHash: string | null,
): Promise<ActiveSession[]> {
  const rows = await db
    .selectFrom("sessions")
    .select(["id", "created_at", "last_seen_at", "user_agent", "token_hash"])
    .where("user_id", "=", userId)
    .where("expires_at", ">", sql<string>`now()`)
    .where("idle_expires_at", ">", sql<string>`now()`)
    .orderBy("last_seen_at", "desc")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    createdAt: new Date(row.created_at).toISOString(),
    lastSeenAt: new Date(row.last_seen_at).toISOString(),
    userAgent: row.user_agent,
    current: row.token_hash === currentTokenHash,
  }));
}

/** Ends one of the user's own sessions by its public id; false when it is not theirs (or gone). */
export async function deleteOwnSession(db: Kysely<Database>, userId: string, sessionId: string): Promise<boolean> {
  const deleted = await db
    .deleteFrom("sessions")
    .where("user_id", "=", userId)
    .where("id", "=", sessionId)
    .executeTakeFirst();
  return Number(deleted.numDeletedRows) > 0;
}

/** Every session of the user ends (the trigger tells every instance); returns how many. */
export async function deleteUserSessions(db: Kysely<Database>, userId: string): Promise<number> {
  const deleted = await db.deleteFrom("sessions").where("user_id", "=", userId).executeTakeFirst();
  return Number(deleted.numDeletedRows);
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
