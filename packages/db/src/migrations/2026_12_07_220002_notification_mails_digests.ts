import { type Kysely, sql } from "kysely";

/**
 * E-mail of notifications (issue 14): `notification_mails` marks a notification sent on its own
 * (immediately), `digests_sent` a person's daily or weekly digest of one day. Each row is inserted by
 * the transaction that writes the message(s) to the outbox, with its key as primary key: two
 * instances, a retried job or a restart never send one twice.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("notification_mails")
    .addColumn("notification_id", "uuid", (c) => c.primaryKey().references("notifications.id").onDelete("cascade"))
    .addColumn("outbox_id", "uuid")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable("digests_sent")
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("period", "text", (c) => c.notNull().check(sql`period in ('daily', 'weekly')`))
    .addColumn("day", "date", (c) => c.notNull())
    .addColumn("outbox_id", "uuid")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("digests_sent_key", ["user_id", "period", "day"])
    .execute();
  // Immediate e-mails look at the notifications of the last day only.
  await db.schema.createIndex("notifications_created_at").on("notifications").column("created_at").execute();
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only");
}
