import { createHash } from "node:crypto";
import { type ContiguityPair, type Database, type Kysely, replaceContiguity, sql } from "@trame/db";
import contiguityJson from "./data/epci-contiguity.json" with { type: "json" };

/** Reference data marks live beside the demo's seed marks, under a prefix of their own. */
const MARK_PREFIX = "reference:epci-contiguity:";

const pairs = contiguityJson.pairs as unknown as ContiguityPair[];

/** Identifies this version of the data: the import loads it again only when this changes. */
export const CONTIGUITY_CHECKSUM = createHash("sha256").update(JSON.stringify(pairs)).digest("hex");

/**
 * Loads which EPCI share a boundary (`data/epci-contiguity.json`) into `territory_contiguity`, once
 * per version of the data: the version loaded is recorded as a seed mark keyed by its checksum, so
 * a restart or a re-import with the same data reads one row and writes nothing. A new version
 * replaces the table's content set-based (only changed pairs are written). Runs after the EPCI
 * import: pairs are matched to territories by SIREN.
 */
export async function importContiguity(db: Kysely<Database>): Promise<{ pairs: number; loaded: boolean }> {
  const key = `${MARK_PREFIX}${CONTIGUITY_CHECKSUM}`;
  const done = await db.selectFrom("seed_marks").select("key").where("key", "=", key).executeTakeFirst();
  if (done) return { pairs: pairs.length, loaded: false };
  return db.transaction().execute(async (trx) => {
    // Two instances starting together would otherwise load side by side.
    await sql`select pg_advisory_xact_lock(hashtext('trame.import-contiguity'))`.execute(trx);
    const again = await trx.selectFrom("seed_marks").select("key").where("key", "=", key).executeTakeFirst();
    if (again) return { pairs: pairs.length, loaded: false };
    const stored = await replaceContiguity(trx, pairs);
    await trx.deleteFrom("seed_marks").where("key", "like", `${MARK_PREFIX}%`).execute();
    await trx.insertInto("seed_marks").values({ key, entity_id: null }).execute();
    return { pairs: stored, loaded: true };
  });
}
