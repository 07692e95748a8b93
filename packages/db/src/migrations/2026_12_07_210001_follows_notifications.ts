import { type Kysely, sql } from "kysely";

/**
 * Follows and in-app notifications (issue 14, "Being told").
 *
 * `follows`: one row per explicit choice of a user about a project or a cooperation. `following`
 * true is an explicit follow; false an explicit "stop following", which beats the automatic rule
 * (members of a partner territory of a project, or of a current member territory of a cooperation,
 * follow it without a row). No foreign key on `target_id` (it names one of two tables): rows about a
 * removed target are harmless, they match no event.
 *
 * `notifications`: one row per recipient and event, written by the fan-out job. It stores the
 * event's structured payload (kind, ids, names), never a sentence: titles are rendered at read time
 * in the reader's language. `project_id`, `cooperation_id` and `admin_territory_id` are the columns
 * read-time visibility is checked on (a right removed since the event hides it). `event_id` with the
 * recipient is unique, so a retried job never writes a row twice.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("follows")
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("target_kind", "text", (c) => c.notNull().check(sql`target_kind in ('project', 'cooperation')`))
    .addColumn("target_id", "uuid", (c) => c.notNull())
    .addColumn("following", "boolean", (c) => c.notNull())
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("follows_pkey", ["user_id", "target_kind", "target_id"])
    .execute();
  // The fan-out asks "who chose about this target?".
  await db.schema.createIndex("follows_target").on("follows").columns(["target_kind", "target_id"]).execute();

  await db.schema
    .createTable("notifications")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("event_id", "uuid", (c) => c.notNull())
    .addColumn("category", "text", (c) =>
      c.notNull().check(sql`category in ('action', 'project_status', 'funding', 'membership', 'invitation')`),
    )
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("payload", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("actor_id", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("cooperation_id", "uuid")
    .addColumn("project_id", "uuid")
    .addColumn("admin_territory_id", "uuid")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("read_at", "timestamptz")
    .execute();
  await sql`create unique index notifications_event_user on notifications (event_id, user_id)`.execute(db);
  await sql`create index notifications_user_recent on notifications (user_id, created_at desc, id desc)`.execute(db);
  await sql`create index notifications_user_unread on notifications (user_id) where read_at is null`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only");
}
