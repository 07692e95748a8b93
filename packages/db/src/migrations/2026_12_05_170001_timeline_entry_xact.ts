import { type Kysely, sql } from "kysely";

/**
 * Live positions without a global lock (issue 17, ADR 0013): each entry records the transaction that
 * wrote it (`xact`, a 64-bit transaction id that never wraps). Readers deliver only entries whose
 * transaction is older than every transaction still running, in (xact, seq) order, so a writer no
 * longer waits for the others to commit. Rows written before carry 0: they were numbered under the
 * old lock, so their `seq` order already is their commit order, and they all come first.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // A constant default fills existing rows without rewriting the table; new rows take their writer's id.
  await sql`alter table timeline_entries add column xact xid8 not null default '0'`.execute(db);
  await sql`alter table timeline_entries alter column xact set default pg_current_xact_id()`.execute(db);
  await sql`create index timeline_entries_xact_seq on timeline_entries (xact, seq)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only");
}
