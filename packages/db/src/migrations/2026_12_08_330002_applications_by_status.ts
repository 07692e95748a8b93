import { type Kysely, sql } from "kysely";

/**
 * A territory's applications in one status, newest first (issue 17, item 5): the funding board's
 * list filtered by applicant and status walked the applicant's index in date order and dropped the
 * other statuses, 124 entries read for a page of 20 granted aids of a metropolis nationally, more
 * as its history grows. With the status in the key, a page reads its 20 entries.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index funding_applications_applicant_status_recent
    on funding_applications (applicant_territory_id, status, created_at desc, id desc)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only");
}
