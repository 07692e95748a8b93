import { type Kysely, sql } from "kysely";

/**
 * ProConnect sign-in (ADR 0012).
 *
 * `communes.siren`: the SIREN of each member commune (from `@etalab/decoupage-administratif`), so an
 * agent whose SIRET belongs to a commune is pointed to the commune's EPCI. Null until the next
 * import of the EPCI list (done at start when any commune lacks it).
 *
 * `proconnect_flows`: one sign-in attempt, keyed by the hash of a random value kept in a
 * short-lived httpOnly cookie; it holds the state, nonce and PKCE verifier server-side (any instance
 * can finish the flow), then, for an agent without an account, the verified identity until they send
 * an access request. Rows older than 15 minutes are ignored and deleted.
 *
 * `access_requests`: an agent asks a territory's admins for access; at most one pending request per
 * e-mail and territory, so a resent request writes nothing.
 *
 * `sessions.proconnect_logout_url`: where sign-out sends the browser to end the ProConnect session too.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("communes").addColumn("siren", "text").execute();
  await db.schema.createIndex("communes_siren").on("communes").column("siren").execute();
  await db.schema.alterTable("sessions").addColumn("proconnect_logout_url", "text").execute();

  await db.schema
    .createTable("proconnect_flows")
    .addColumn("id_hash", "text", (c) => c.primaryKey())
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("nonce", "text", (c) => c.notNull())
    .addColumn("code_verifier", "text", (c) => c.notNull())
    .addColumn("identity", "jsonb")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("access_requests")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("territory_id", "uuid", (c) => c.notNull().references("territories.id"))
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("siret", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) =>
      c.notNull().defaultTo("pending").check(sql`status in ('pending', 'accepted', 'refused')`),
    )
    .addColumn("role", "text", (c) => c.check(sql`role in ('viewer', 'editor', 'admin')`))
    .addColumn("decided_by", "uuid", (c) => c.references("users.id"))
    .addColumn("decided_at", "timestamptz")
    .addColumn("user_id", "uuid", (c) => c.references("users.id"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index access_requests_one_pending on access_requests (email, territory_id) where status = 'pending'`.execute(
    db,
  );
  await db.schema.createIndex("access_requests_territory").on("access_requests").column("territory_id").execute();
}
