import { type Kysely, sql } from "kysely";

/**
 * Account lifecycle (issue 13, item 6).
 *
 * `sessions.id`: a public handle for "my sessions" (the token hash stays server-side only).
 * `sessions.idle_expires_at`: pushed forward on activity (at most once a minute); a session unused
 * for the idle limit ends even before `expires_at` (now the absolute lifetime, set at sign-in).
 * `sessions.last_seen_at`, `user_agent`: what the owner sees to recognise a device.
 * `users.password_change_required`: set by an administrator; the account can only change its password.
 *
 * The change-notification trigger of migration 000007 fired on every update of a session: it now
 * ignores activity bookkeeping (`idle_expires_at`, `last_seen_at`), or every request would empty the
 * session caches of every instance.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("sessions")
    .addColumn("id", "uuid", (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn("idle_expires_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now() + interval '30 minutes'`))
    .addColumn("last_seen_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("user_agent", "text")
    .execute();
  await db.schema.createIndex("sessions_id").on("sessions").column("id").unique().execute();
  await db.schema.createIndex("sessions_user_id").on("sessions").column("user_id").execute();
  await db.schema
    .alterTable("users")
    .addColumn("password_change_required", "boolean", (c) => c.notNull().defaultTo(false))
    .execute();
  await sql`drop trigger sessions_notify on sessions`.execute(db);
  await sql`create trigger sessions_notify after update of token_hash, user_id, expires_at or delete on sessions
    for each row execute function trame_notify_session_change()`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only");
}
