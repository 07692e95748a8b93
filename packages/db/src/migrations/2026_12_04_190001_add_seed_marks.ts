import { type Kysely, sql } from "kysely";

/**
 * What the seeds own, so that a restart writes nothing and never undoes a user's edit.
 *
 * `seed_marks`: one row per piece of demo content the seed created, under a key the seed owns
 * (`demo:project:<key>`, never a title a user can edit). A marked piece is never created again,
 * even once a user has renamed or removed it.
 *
 * `reference` on territories and programmes: the values the reference import last wrote. A new
 * version of the reference data changes a field only where the stored value is still the one the
 * import wrote, so an administrator's correction survives every re-import. Null on rows written
 * before this migration: their baseline is unknown, so their current values are kept.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("seed_marks")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("entity_id", "uuid")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.alterTable("territories").addColumn("reference", "jsonb").execute();
  await db.schema.alterTable("funding_programmes").addColumn("reference", "jsonb").execute();
}
