import type { ApplicationStatus } from "@trame/core";
import { type Kysely, sql } from "kysely";
import type { Database } from "../schema.ts";

/**
 * Takes the application's row lock for the rest of the transaction. Every change to an application,
 * its status or its payments takes it first, so the checks made after it (version, status, amount
 * still to be paid) still hold when the writes land. False when there is no such application.
 */
export async function lockApplication(db: Kysely<Database>, id: string): Promise<boolean> {
  const row = await db
    .selectFrom("funding_applications")
    .select("id")
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
  return row !== undefined;
}

/** The fields of an application an editor types, as the domain names them. */
export interface ApplicationFields {
  callReference: string;
  eligibleBaseCents: number | null;
  requestedCents: number;
  grantedCents: number | null;
  submissionDeadline: string | null;
  submittedOn: string | null;
  decisionOn: string | null;
  agreementSignedOn: string | null;
  spendingDeadline: string | null;
  multiYear: boolean;
}

/** Kysely skips undefined values, so a patch maps to exactly the columns it names. */
function toColumns(fields: Partial<ApplicationFields>) {
  return {
    call_reference: fields.callReference,
    eligible_base_cents: fields.eligibleBaseCents,
    requested_cents: fields.requestedCents,
    granted_cents: fields.grantedCents,
    submission_deadline: fields.submissionDeadline,
    submitted_on: fields.submittedOn,
    decision_on: fields.decisionOn,
    agreement_signed_on: fields.agreementSignedOn,
    spending_deadline: fields.spendingDeadline,
    multi_year: fields.multiYear,
  };
}

export async function insertApplication(
  db: Kysely<Database>,
  fields: Partial<ApplicationFields> & {
    projectId: string;
    applicantTerritoryId: string;
    programmeId: string;
    requestedCents: number;
    createdBy: string | null;
  },
): Promise<string> {
  const { id } = await db
    .insertInto("funding_applications")
    .values({
      ...toColumns(fields),
      project_id: fields.projectId,
      applicant_territory_id: fields.applicantTerritoryId,
      programme_id: fields.programmeId,
      requested_cents: fields.requestedCents,
      status: "draft",
      created_by: fields.createdBy,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

export type ApplicationChanges = Partial<ApplicationFields> & { status?: ApplicationStatus };

/**
 * Optimistic update: applies only while the stored version is still `version`; false when stale.
 * An empty patch still bumps the version, so a payment is seen as a change of the application.
 */
export async function updateApplication(
  db: Kysely<Database>,
  id: string,
  version: number,
  changes: ApplicationChanges,
): Promise<boolean> {
  const { status, ...fields } = changes;
  const result = await db
    .updateTable("funding_applications")
    .set({
      ...toColumns(fields),
      status,
      version: sql<number>`version + 1`,
      updated_at: sql<string>`now()`,
    })
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export async function insertApplicationTransition(
  db: Kysely<Database>,
  transition: {
    applicationId: string;
    from: ApplicationStatus | null;
    to: ApplicationStatus;
    on: string;
    comment: string;
    actorId: string | null;
  },
): Promise<void> {
  await db
    .insertInto("funding_transitions")
    .values({
      application_id: transition.applicationId,
      from_status: transition.from,
      to_status: transition.to,
      occurred_on: transition.on,
      comment: transition.comment,
      actor_id: transition.actorId,
    })
    .execute();
}

/** Call under the application's row lock: the caller has checked the amount against what remains. */
export async function insertPayment(
  db: Kysely<Database>,
  payment: { applicationId: string; paidOn: string; amountCents: number; reference: string; createdBy: string | null },
): Promise<string> {
  const { id } = await db
    .insertInto("funding_payments")
    .values({
      application_id: payment.applicationId,
      paid_on: payment.paidOn,
      amount_cents: payment.amountCents,
      reference: payment.reference,
      created_by: payment.createdBy,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

/** Read after taking the row lock, so a payment committed meanwhile by a colleague is counted. */
export async function sumPayments(
  db: Kysely<Database>,
  applicationId: string,
): Promise<{ paidCents: number; lastPaidOn: string | null }> {
  const row = await db
    .selectFrom("funding_payments")
    .select([
      sql<number>`coalesce(sum(amount_cents), 0)`.as("paid"),
      sql<string | null>`max(paid_on)::text`.as("last_paid_on"),
    ])
    .where("application_id", "=", applicationId)
    .executeTakeFirstOrThrow();
  return { paidCents: Number(row.paid), lastPaidOn: row.last_paid_on };
}

/**
 * Tags exactly `documentIds` as the application's supporting documents, among the live documents
 * of its project; returns the ids that are not such documents (nothing is changed then).
 */
export async function setApplicationDocuments(
  db: Kysely<Database>,
  applicationId: string,
  projectId: string,
  documentIds: readonly string[],
): Promise<string[]> {
  if (documentIds.length > 0) {
    const found = await db
      .selectFrom("documents")
      .select("id")
      .where("id", "in", documentIds)
      .where("project_id", "=", projectId)
      .where("removed_at", "is", null)
      .execute();
    const known = new Set(found.map((d) => d.id));
    const missing = documentIds.filter((id) => !known.has(id));
    if (missing.length > 0) return missing;
  }
  let untag = db.updateTable("documents").set({ application_id: null }).where("application_id", "=", applicationId);
  if (documentIds.length > 0) untag = untag.where("id", "not in", documentIds);
  await untag.execute();
  if (documentIds.length > 0) {
    await db.updateTable("documents").set({ application_id: applicationId }).where("id", "in", documentIds).execute();
  }
  return [];
}
