import { type Kysely, sql } from "kysely";

/**
 * Which EPCI share a boundary, and along how many km: reference data computed from geometry, loaded
 * by the territory import (never edited by hand; admins record functional links in
 * `territory_neighbours`). One row per unordered pair (`territory_a < territory_b`); the primary
 * key serves the lookups from `territory_a`, the second index those from `territory_b`, so a
 * territory's neighbours are two index scans whatever the size of the country.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("territory_contiguity")
    .addColumn("territory_a", "uuid", (c) => c.notNull().references("territories.id").onDelete("cascade"))
    .addColumn("territory_b", "uuid", (c) => c.notNull().references("territories.id").onDelete("cascade"))
    .addColumn("length_km", "double precision", (c) => c.notNull().check(sql`length_km >= 0`))
    .addPrimaryKeyConstraint("territory_contiguity_pkey", ["territory_a", "territory_b"])
    .addCheckConstraint("territory_contiguity_ordered", sql`territory_a < territory_b`)
    .execute();
  await db.schema
    .createIndex("territory_contiguity_b_idx")
    .on("territory_contiguity")
    .columns(["territory_b", "territory_a"])
    .execute();
}
