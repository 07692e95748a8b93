import { type Kysely, sql } from "kysely";

/**
 * Spreadsheet import (issue 18). An upload is kept as its bytes until committed, so the preview and
 * the commit read exactly the same file; import keys tie a row's stable key (an identifier column
 * or the row's own identity) to what it created, so importing the file again updates instead of
 * duplicating; runs are the import history with their report; mappings are remembered per layout.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("import_uploads")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("cooperation_id", "uuid", (c) => c.notNull().references("cooperations.id").onDelete("cascade"))
    .addColumn("uploaded_by", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("content", "bytea", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("import_keys")
    .addColumn("cooperation_id", "uuid", (c) => c.notNull().references("cooperations.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("entity_id", "uuid", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("import_keys_pkey", ["cooperation_id", "kind", "key"])
    .execute();

  await db.schema
    .createTable("import_runs")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("cooperation_id", "uuid", (c) => c.notNull().references("cooperations.id").onDelete("cascade"))
    .addColumn("actor_id", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("mode", "text", (c) => c.notNull())
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("created_count", "integer", (c) => c.notNull())
    .addColumn("updated_count", "integer", (c) => c.notNull())
    .addColumn("skipped_count", "integer", (c) => c.notNull())
    .addColumn("report", "jsonb", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex("import_runs_cooperation")
    .on("import_runs")
    .columns(["cooperation_id", "created_at"])
    .execute();

  await db.schema
    .createTable("import_mappings")
    .addColumn("cooperation_id", "uuid", (c) => c.notNull().references("cooperations.id").onDelete("cascade"))
    .addColumn("signature", "text", (c) => c.notNull())
    .addColumn("mapping", "jsonb", (c) => c.notNull())
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("import_mappings_pkey", ["cooperation_id", "signature"])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only");
}
