import { type Kysely, sql } from "kysely";

/**
 * Foundation: territories (EPCI from the official list and other public bodies), their communes and
 * neighbours, accounts and sessions, cooperations with members and form history, and the audit log.
 * Frozen in time: later changes are new migrations.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // pg_trgm backs the substring search on names; the accent folding is done in code (see searchKey).
  await sql`create extension if not exists pg_trgm`.execute(db);

  await db.schema
    .createTable("territories")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("siren", "text", (c) => c.unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("population", "integer")
    .addColumn("departements", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("country", "text", (c) => c.notNull().defaultTo("FR"))
    .addColumn("search_key", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull().defaultTo("manual"))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("archived_at", "timestamptz")
    .execute();
  await sql`create index territories_search_key_trgm on territories using gin (search_key gin_trgm_ops)`.execute(db);
  await db.schema.createIndex("territories_kind").on("territories").column("kind").execute();

  await db.schema
    .createTable("communes")
    .addColumn("insee", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("population", "integer")
    .addColumn("territory_id", "uuid", (c) => c.references("territories.id").onDelete("set null"))
    .execute();
  await db.schema.createIndex("communes_territory").on("communes").column("territory_id").execute();

  await db.schema
    .createTable("territory_neighbours")
    .addColumn("territory_id", "uuid", (c) => c.notNull().references("territories.id"))
    .addColumn("neighbour_id", "uuid", (c) => c.notNull().references("territories.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("territory_neighbours_pk", ["territory_id", "neighbour_id"])
    .addCheckConstraint("territory_neighbours_not_self", sql`territory_id <> neighbour_id`)
    .execute();
  await db.schema
    .createIndex("territory_neighbours_reverse")
    .on("territory_neighbours")
    .column("neighbour_id")
    .execute();

  await db.schema
    .createTable("users")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("is_instance_admin", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("locale", "text", (c) => c.notNull().defaultTo("fr"))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("disabled_at", "timestamptz")
    .execute();

  await db.schema
    .createTable("memberships")
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id"))
    .addColumn("territory_id", "uuid", (c) => c.notNull().references("territories.id"))
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("memberships_pk", ["user_id", "territory_id"])
    .execute();
  await db.schema.createIndex("memberships_territory").on("memberships").column("territory_id").execute();

  // The cookie carries a random token; only its SHA-256 is stored, so a leaked table opens no session.
  await db.schema
    .createTable("sessions")
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("sessions_user").on("sessions").column("user_id").execute();

  // Failed sign-ins per key (an email or an address) in the current window; shared by every instance.
  await db.schema
    .createTable("login_throttle")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("failures", "integer", (c) => c.notNull())
    .addColumn("window_started_at", "timestamptz", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("cooperations")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("external_ref", "text", (c) => c.unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("engagement_form", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("started_on", "date")
    .addColumn("ended_on", "date")
    .addColumn("narrative_text", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("narrative_adopted_on", "date")
    .addColumn("engineering_provider_id", "uuid", (c) => c.references("territories.id"))
    .addColumn("engineering_fte", sql`numeric(7,2)`)
    .addColumn("engineering_kind", "text", (c) => c.notNull().defaultTo("none"))
    .addColumn("themes", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("source_url", "text")
    .addColumn("confidence", "text", (c) => c.notNull().defaultTo("confirmed"))
    .addColumn("is_demo", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("archived_at", "timestamptz")
    .execute();
  await sql`create index cooperations_search on cooperations using gin (lower(name) gin_trgm_ops)`.execute(db);

  await db.schema
    .createTable("cooperation_members")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("cooperation_id", "uuid", (c) => c.notNull().references("cooperations.id"))
    .addColumn("territory_id", "uuid", (c) => c.notNull().references("territories.id"))
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("joined_on", "date")
    .addColumn("left_on", "date")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // A territory is a current member at most once; a former membership stays as history.
  await sql`create unique index cooperation_members_current on cooperation_members (cooperation_id, territory_id) where left_on is null`.execute(
    db,
  );
  // Exactly one current lead is enforced in the service; at most one is enforced here, against races.
  await sql`create unique index cooperation_members_one_lead on cooperation_members (cooperation_id) where role = 'lead' and left_on is null`.execute(
    db,
  );
  await db.schema
    .createIndex("cooperation_members_territory")
    .on("cooperation_members")
    .column("territory_id")
    .execute();

  await db.schema
    .createTable("cooperation_form_history")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("cooperation_id", "uuid", (c) => c.notNull().references("cooperations.id"))
    .addColumn("engagement_form", "text", (c) => c.notNull())
    .addColumn("from_on", "date")
    .addColumn("to_on", "date")
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("changed_by", "uuid", (c) => c.references("users.id"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex("cooperation_form_history_coop")
    .on("cooperation_form_history")
    .column("cooperation_id")
    .execute();

  await db.schema
    .createTable("audit_log")
    .addColumn("id", "bigint", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("entity_type", "text", (c) => c.notNull())
    .addColumn("entity_id", "text", (c) => c.notNull())
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("actor_id", "uuid", (c) => c.references("users.id"))
    .addColumn("at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("before", "jsonb")
    .addColumn("after", "jsonb")
    .execute();
  await db.schema.createIndex("audit_log_entity").on("audit_log").columns(["entity_type", "entity_id", "id"]).execute();
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only");
}
