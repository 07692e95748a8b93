import { type Kysely, sql } from "kysely";

/**
 * Forgotten passwords (issue 14): a reset link's token is stored only as its SHA-256; it lasts one
 * hour and serves once (`used_at`; a successful reset also uses up every other open link of the
 * account). Expired rows are deleted by housekeeping.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("password_resets")
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("used_at", "timestamptz")
    .execute();
  await db.schema.createIndex("password_resets_user").on("password_resets").column("user_id").execute();
  await db.schema.createIndex("password_resets_expires_at").on("password_resets").column("expires_at").execute();
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only");
}
