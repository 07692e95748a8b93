import { type Kysely, sql } from "kysely";

/**
 * Deadline reminders, e-mail preferences and one-click unsubscribe (issue 14, "Being told").
 * - `deadline_reminders_sent`: one row per reminder given, its key (application, deadline kind,
 *   offset, user) unique, inserted by the same transaction that writes the message to the outbox:
 *   two instances, a retried job or a restart can never send it twice.
 * - `mail_preferences`: a row only where the person chose something else than the default.
 * - `mail_outbox.headers`: the headers a message carries (List-Unsubscribe, RFC 8058).
 * - `instance_secrets`: the key that signs unsubscribe links, drawn here by PostgreSQL's strong
 *   random generator (gen_random_uuid), so every instance of a deployment shares it with no setting.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("deadline_reminders_sent")
    .addColumn("application_id", "uuid", (c) => c.notNull().references("funding_applications.id").onDelete("cascade"))
    .addColumn("deadline_kind", "text", (c) =>
      c.notNull().check(sql`deadline_kind in ('submission', 'decision', 'spending')`),
    )
    .addColumn("offset_days", "integer", (c) => c.notNull().check(sql`offset_days in (1, 7, 30)`))
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("deadline_on", "date", (c) => c.notNull())
    .addColumn("outbox_id", "uuid")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("deadline_reminders_sent_key", [
      "application_id",
      "deadline_kind",
      "offset_days",
      "user_id",
    ])
    .execute();
  await db.schema.createIndex("deadline_reminders_sent_user").on("deadline_reminders_sent").column("user_id").execute();

  await db.schema
    .createTable("mail_preferences")
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("category", "text", (c) =>
      c
        .notNull()
        .check(
          sql`category in ('action', 'project_status', 'funding', 'membership', 'invitation', 'reminder', 'digest')`,
        ),
    )
    .addColumn("delivery", "text", (c) =>
      c.notNull().check(sql`delivery in ('immediately', 'daily', 'weekly', 'never')`),
    )
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("mail_preferences_key", ["user_id", "category"])
    .execute();

  await db.schema
    .alterTable("mail_outbox")
    .addColumn("headers", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();

  await db.schema
    .createTable("instance_secrets")
    .addColumn("name", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .execute();
  await sql`insert into instance_secrets (name, value)
    values ('unsubscribe', replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''))`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only");
}
