import { type Kysely, sql } from "kysely";

/**
 * Invitations (issue 14): an administrator invites an e-mail address with a role on a territory. The
 * link's token is stored only as its SHA-256 (`token_hash`): the database never holds a usable link.
 * A link lasts 7 days and serves once (`accepted_at`); resending makes a new token (the old link
 * dies); revoking closes it. At most one open invitation per address and territory.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("invitations")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("territory_id", "uuid", (c) => c.notNull().references("territories.id"))
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull().check(sql`role in ('viewer', 'editor', 'admin')`))
    .addColumn("locale", "text", (c) => c.notNull().check(sql`locale in ('fr', 'en')`))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("invited_by", "uuid", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("sent_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("accepted_at", "timestamptz")
    .addColumn("accepted_by", "uuid", (c) => c.references("users.id"))
    .addColumn("revoked_at", "timestamptz")
    .addColumn("revoked_by", "uuid", (c) => c.references("users.id"))
    .execute();
  await sql`create unique index invitations_one_open on invitations (email, territory_id)
    where accepted_at is null and revoked_at is null`.execute(db);
  await db.schema.createIndex("invitations_territory").on("invitations").column("territory_id").execute();
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only");
}
