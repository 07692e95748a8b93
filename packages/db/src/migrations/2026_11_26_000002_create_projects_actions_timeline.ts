import { type Kysely, sql } from "kysely";

/**
 * Joint projects, the action log, documents and the timeline feed.
 *
 * The timeline is a feed table written in the same transaction as the fact it records (an action,
 * a project status change, a membership or engagement-form change), with one link row per
 * territory involved. A territory's page is then one index range scan on
 * (territory_id, occurred_on desc, entry_id desc) — a keyset read whose cost does not grow with
 * the size of the history (ARCHITECTURE §7: ~0.9 ms p95 at 1M actions / 3M links).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("projects")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("cooperation_id", "uuid", (c) => c.notNull().references("cooperations.id"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("summary", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("themes", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("status_changed_on", "date")
    .addColumn("started_on", "date")
    .addColumn("ended_on", "date")
    .addColumn("budget_cents", "bigint", (c) => c.check(sql`budget_cents >= 0`))
    .addColumn("engineering_provider_id", "uuid", (c) => c.references("territories.id"))
    .addColumn("engineering_fte", sql`numeric(7,2)`)
    .addColumn("engineering_kind", "text", (c) => c.notNull().defaultTo("none"))
    .addColumn("visibility", "text", (c) => c.notNull().defaultTo("network"))
    .addColumn("tags", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("is_demo", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("archived_at", "timestamptz")
    .addCheckConstraint("projects_dates", sql`ended_on is null or started_on is null or ended_on >= started_on`)
    .execute();
  await db.schema.createIndex("projects_cooperation").on("projects").column("cooperation_id").execute();
  await sql`create index projects_title_trgm on projects using gin (lower(title) gin_trgm_ops)`.execute(db);
  await sql`create index projects_themes on projects using gin (themes)`.execute(db);

  await db.schema
    .createTable("project_partners")
    .addColumn("project_id", "uuid", (c) => c.notNull().references("projects.id"))
    .addColumn("territory_id", "uuid", (c) => c.notNull().references("territories.id"))
    .addColumn("role", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("project_partners_pk", ["project_id", "territory_id"])
    .execute();
  // The "exactly one lead" rule is checked in the service; this index makes two leads impossible even under races.
  await sql`create unique index project_partners_one_lead on project_partners (project_id) where role = 'lead'`.execute(
    db,
  );
  await db.schema
    .createIndex("project_partners_territory")
    .on("project_partners")
    .columns(["territory_id", "project_id"])
    .execute();

  await db.schema
    .createTable("project_status_history")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("project_id", "uuid", (c) => c.notNull().references("projects.id"))
    .addColumn("from_status", "text")
    .addColumn("to_status", "text", (c) => c.notNull())
    .addColumn("changed_on", "date", (c) => c.notNull())
    .addColumn("comment", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("changed_by", "uuid", (c) => c.references("users.id"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex("project_status_history_project")
    .on("project_status_history")
    .columns(["project_id", "changed_on"])
    .execute();

  await db.schema
    .createTable("actions")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("cooperation_id", "uuid", (c) => c.notNull().references("cooperations.id"))
    .addColumn("project_id", "uuid", (c) => c.references("projects.id"))
    .addColumn("occurred_on", "date", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("notes", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_by", "uuid", (c) => c.references("users.id"))
    .addColumn("is_demo", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("removed_at", "timestamptz")
    .execute();
  await sql`create index actions_project on actions (project_id, occurred_on desc, id desc) where removed_at is null`.execute(
    db,
  );
  await sql`create index actions_cooperation on actions (cooperation_id, occurred_on desc, id desc) where removed_at is null`.execute(
    db,
  );

  await db.schema
    .createTable("timeline_entries")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("occurred_on", "date", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("detail", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("cooperation_id", "uuid", (c) => c.notNull().references("cooperations.id"))
    .addColumn("project_id", "uuid", (c) => c.references("projects.id"))
    .addColumn("action_id", "uuid", (c) => c.unique().references("actions.id"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index timeline_entries_cooperation on timeline_entries (cooperation_id, occurred_on desc, id desc)`.execute(
    db,
  );
  await sql`create index timeline_entries_project on timeline_entries (project_id, occurred_on desc, id desc) where project_id is not null`.execute(
    db,
  );

  // occurred_on is repeated here so the territory's keyset page is read from this index alone.
  await db.schema
    .createTable("timeline_entry_territories")
    .addColumn("entry_id", "uuid", (c) => c.notNull().references("timeline_entries.id").onDelete("cascade"))
    .addColumn("territory_id", "uuid", (c) => c.notNull().references("territories.id"))
    .addColumn("occurred_on", "date", (c) => c.notNull())
    .addPrimaryKeyConstraint("timeline_entry_territories_pk", ["entry_id", "territory_id"])
    .execute();
  await sql`create index timeline_entry_territories_keyset on timeline_entry_territories (territory_id, occurred_on desc, entry_id desc)`.execute(
    db,
  );

  await db.schema
    .createTable("documents")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("project_id", "uuid", (c) => c.references("projects.id"))
    .addColumn("action_id", "uuid", (c) => c.references("actions.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("mime_type", "text", (c) => c.notNull())
    .addColumn("size_bytes", "integer", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("content", "bytea", (c) => c.notNull())
    .addColumn("uploaded_by", "uuid", (c) => c.references("users.id"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("removed_at", "timestamptz")
    .addCheckConstraint("documents_attached", sql`project_id is not null or action_id is not null`)
    .execute();
  await db.schema.createIndex("documents_project").on("documents").column("project_id").execute();
  await db.schema.createIndex("documents_action").on("documents").column("action_id").execute();

  // Private calendar URLs: only the token's hash is kept, and a revoked feed stops answering at once.
  await db.schema
    .createTable("calendar_feeds")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("territory_id", "uuid", (c) => c.notNull().references("territories.id"))
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id"))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("revoked_at", "timestamptz")
    .execute();
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only");
}
