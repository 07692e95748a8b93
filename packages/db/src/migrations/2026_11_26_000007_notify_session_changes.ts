import { type Kysely, sql } from "kysely";

/**
 * Every change to what a session grants (the session itself, its user, their memberships, the
 * names shown with them) is announced on `trame_sessions` with the user's id, or `*` for everyone.
 * Instances cache signed-in users between requests and drop them on these notifications; triggers
 * rather than calls in each service, so no write path (CLI, import, a future service) can forget.
 * NOTIFY is transactional: the cache is dropped only once the change is visible.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create function trame_notify_session_change() returns trigger language plpgsql as $$
    begin
      if tg_table_name = 'territories' then
        perform pg_notify('trame_sessions', '*');
      elsif tg_table_name = 'users' then
        perform pg_notify('trame_sessions', coalesce(new.id, old.id)::text);
      elsif tg_op = 'DELETE' then
        perform pg_notify('trame_sessions', old.user_id::text);
      else
        perform pg_notify('trame_sessions', new.user_id::text);
      end if;
      return null;
    end $$`.execute(db);
  // A new session grants nothing a cache could hold yet: only its change or removal matters.
  await sql`create trigger sessions_notify after update or delete on sessions
    for each row execute function trame_notify_session_change()`.execute(db);
  await sql`create trigger users_notify after update or delete on users
    for each row execute function trame_notify_session_change()`.execute(db);
  await sql`create trigger memberships_notify after insert or update or delete on memberships
    for each row execute function trame_notify_session_change()`.execute(db);
  await sql`create trigger territories_notify after update of name on territories
    for each statement execute function trame_notify_session_change()`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only");
}
