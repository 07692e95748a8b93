import { type Kysely, sql } from "kysely";

/**
 * The mail outbox (issue 14, ADR 0011). Every message is written here by the same transaction as
 * what caused it (an invitation, a reset link…), fully rendered (subject, HTML, plain text, the
 * links it carries), then sent by a job. `status`: pending → sending (claimed by one worker, with
 * `claimed_at` as a lease so a crashed worker's claim expires) → sent; `unsent` when the instance
 * has no SMTP server (the message stays readable by instance administrators in /admin).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("mail_outbox")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("to_address", "text", (c) => c.notNull())
    .addColumn("locale", "text", (c) => c.notNull().check(sql`locale in ('fr', 'en')`))
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("html", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("links", "jsonb", (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn("status", "text", (c) =>
      c.notNull().defaultTo("pending").check(sql`status in ('pending', 'sending', 'sent', 'unsent')`),
    )
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("last_error", "text")
    .addColumn("claimed_at", "timestamptz")
    .addColumn("sent_at", "timestamptz")
    .addColumn("message_id", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("mail_outbox_created_at").on("mail_outbox").column("created_at").execute();
  await sql`create index mail_outbox_waiting on mail_outbox (created_at) where status in ('pending', 'sending')`.execute(
    db,
  );
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only");
}
