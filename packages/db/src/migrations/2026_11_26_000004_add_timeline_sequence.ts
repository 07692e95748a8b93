import { type Kysely, sql } from "kysely";

/**
 * A commit-ordered sequence on timeline entries, for live updates: a client that reconnects asks for
 * every entry after the last one it saw. Writers take a transaction-scoped advisory lock before
 * drawing the number (see insertTimelineEntry), so numbers become visible in increasing order and
 * "after N" never skips an entry that was still being written.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create sequence timeline_entry_seq`.execute(db);
  await db.schema.alterTable("timeline_entries").addColumn("seq", "bigint").execute();
  await sql`update timeline_entries set seq = s.n from (
      select id, row_number() over (order by created_at, id) as n from timeline_entries) s
    where s.id = timeline_entries.id`.execute(db);
  await sql`select setval('timeline_entry_seq', greatest((select max(seq) from timeline_entries), 1))`.execute(db);
  await sql`alter table timeline_entries alter column seq set not null`.execute(db);
  await sql`create unique index timeline_entries_seq on timeline_entries (seq)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only");
}
