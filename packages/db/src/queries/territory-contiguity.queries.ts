import { type Kysely, sql } from "kysely";
import type { Database } from "../schema.ts";

/** A pair of EPCI sharing a boundary, by SIREN, as the reference data lists it. */
export type ContiguityPair = readonly [sirenA: string, sirenB: string, lengthKm: number];

/**
 * Makes `territory_contiguity` hold exactly `pairs`, set-based: new pairs inserted, changed lengths
 * updated, pairs gone from the list deleted, nothing else written. Pairs naming a SIREN unknown to
 * `territories` are skipped (the territory import runs first). Returns the number of pairs stored.
 */
export async function replaceContiguity(db: Kysely<Database>, pairs: readonly ContiguityPair[]): Promise<number> {
  const rows = JSON.stringify(pairs.map(([a, b, km]) => ({ a, b, km })));
  // Ordered by id, whatever the SIREN order, so each pair has one row (`territory_a < territory_b`).
  const incoming = sql`
    select least(ta.id, tb.id) as territory_a, greatest(ta.id, tb.id) as territory_b, r.km as length_km
    from jsonb_to_recordset(${rows}::jsonb) as r(a text, b text, km double precision)
    join territories ta on ta.siren = r.a
    join territories tb on tb.siren = r.b`;
  await sql`
    delete from territory_contiguity c
    where not exists (
      select 1 from (${incoming}) i where i.territory_a = c.territory_a and i.territory_b = c.territory_b)
  `.execute(db);
  await sql`
    insert into territory_contiguity (territory_a, territory_b, length_km)
    select territory_a, territory_b, length_km from (${incoming}) i
    on conflict (territory_a, territory_b) do update set length_km = excluded.length_km
    where territory_contiguity.length_km is distinct from excluded.length_km
  `.execute(db);
  const count = await db
    .selectFrom("territory_contiguity")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(count.n);
}

/** A territory's contiguous neighbours (ids) with the shared length: two index scans, flat at national scale. */
export async function listContiguity(
  db: Kysely<Database>,
  territoryId: string,
): Promise<Array<{ id: string; lengthKm: number }>> {
  const rows = await db
    .selectFrom("territory_contiguity")
    .select(["territory_b as id", "length_km"])
    .where("territory_a", "=", territoryId)
    .unionAll(
      db
        .selectFrom("territory_contiguity")
        .select(["territory_a as id", "length_km"])
        .where("territory_b", "=", territoryId),
    )
    .execute();
  return rows.map((row) => ({ id: row.id, lengthKm: Number(row.length_km) }));
}
