import { type Kysely, sql } from "kysely";

/**
 * Idempotency keys (issue 13, item 8; ADR 0008). A create or a payment carries a key made by the
 * client for one submission; the first request stores the answer here, a resend of the same key
 * gets that answer back and writes nothing. `result` is null while the first request is running.
 * `request_hash` tells a true resend from a key reused for something else (CONFLICT).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("idempotency_keys")
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("procedure", "text", (c) => c.notNull())
    .addColumn("request_hash", "text", (c) => c.notNull())
    .addColumn("result", "jsonb")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("idempotency_keys_pkey", ["user_id", "key"])
    .execute();
  await db.schema.createIndex("idempotency_keys_created_at").on("idempotency_keys").column("created_at").execute();
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only");
}
