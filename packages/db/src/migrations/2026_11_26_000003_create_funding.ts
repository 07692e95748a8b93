import { type Kysely, sql } from "kysely";

/**
 * Funding: funders, their programmes (dispositifs), applications with their dated transitions and
 * payments, own-funds contributions of project partners, and départements (with their région) so a
 * programme's perimeter can be matched against a project's territories.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("departements")
    .addColumn("code", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("region_code", "text", (c) => c.notNull())
    .addColumn("region_name", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("funders")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("name", "text", (c) => c.notNull().unique())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("funding_programmes")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("external_ref", "text", (c) => c.unique())
    .addColumn("funder_id", "uuid", (c) => c.notNull().references("funders.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("acronym", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("instrument", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("beneficiaries", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("eligible_themes", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    // national, or limited to régions and/or départements (INSEE codes).
    .addColumn("perimeter_regions", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("perimeter_departements", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("is_national", "boolean", (c) => c.notNull().defaultTo(true))
    .addColumn("period", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("source_url", "text")
    .addColumn("confidence", "text", (c) => c.notNull().defaultTo("confirmed"))
    .addColumn("notes", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("archived_at", "timestamptz")
    .execute();
  await db.schema.createIndex("funding_programmes_funder").on("funding_programmes").column("funder_id").execute();

  await db.schema
    .createTable("funding_applications")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("project_id", "uuid", (c) => c.notNull().references("projects.id"))
    .addColumn("applicant_territory_id", "uuid", (c) => c.notNull().references("territories.id"))
    .addColumn("programme_id", "uuid", (c) => c.notNull().references("funding_programmes.id"))
    .addColumn("call_reference", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("status", "text", (c) => c.notNull().defaultTo("draft"))
    .addColumn("eligible_base_cents", "bigint", (c) => c.check(sql`eligible_base_cents >= 0`))
    .addColumn("requested_cents", "bigint", (c) => c.notNull().check(sql`requested_cents >= 0`))
    .addColumn("granted_cents", "bigint", (c) => c.check(sql`granted_cents >= 0`))
    .addColumn("submission_deadline", "date")
    .addColumn("submitted_on", "date")
    .addColumn("decision_on", "date")
    .addColumn("agreement_signed_on", "date")
    .addColumn("spending_deadline", "date")
    .addColumn("multi_year", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("is_demo", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("created_by", "uuid", (c) => c.references("users.id"))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      "funding_applications_granted_needs_status",
      sql`granted_cents is null or status in ('granted', 'closed')`,
    )
    .addCheckConstraint(
      "funding_applications_decision_after_submission",
      sql`decision_on is null or submitted_on is null or decision_on >= submitted_on`,
    )
    .execute();
  await db.schema.createIndex("funding_applications_project").on("funding_applications").column("project_id").execute();
  await db.schema
    .createIndex("funding_applications_applicant")
    .on("funding_applications")
    .columns(["applicant_territory_id", "status"])
    .execute();
  await db.schema
    .createIndex("funding_applications_programme")
    .on("funding_applications")
    .column("programme_id")
    .execute();

  await db.schema
    .createTable("funding_transitions")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("application_id", "uuid", (c) => c.notNull().references("funding_applications.id"))
    .addColumn("from_status", "text")
    .addColumn("to_status", "text", (c) => c.notNull())
    .addColumn("occurred_on", "date", (c) => c.notNull())
    .addColumn("comment", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("actor_id", "uuid", (c) => c.references("users.id"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex("funding_transitions_application")
    .on("funding_transitions")
    .column("application_id")
    .execute();

  // Payments never exceed the granted amount: enforced in the service under the application's row lock.
  await db.schema
    .createTable("funding_payments")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("application_id", "uuid", (c) => c.notNull().references("funding_applications.id"))
    .addColumn("paid_on", "date", (c) => c.notNull())
    .addColumn("amount_cents", "bigint", (c) => c.notNull().check(sql`amount_cents > 0`))
    .addColumn("reference", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_by", "uuid", (c) => c.references("users.id"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("funding_payments_application").on("funding_payments").column("application_id").execute();

  // Own funds a partner puts into a project (autofinancement), for the financing plan.
  await db.schema.alterTable("project_partners").addColumn("own_funds_cents", "bigint").execute();
  await db.schema
    .alterTable("projects")
    .addColumn("is_investment", "boolean", (c) => c.notNull().defaultTo(true))
    .execute();

  // An application's supporting documents are the project's documents, tagged with the application.
  await db.schema
    .alterTable("documents")
    .addColumn("application_id", "uuid", (c) => c.references("funding_applications.id"))
    .execute();
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only");
}
