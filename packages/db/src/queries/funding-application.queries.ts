import {
  type ApplicationStatus,
  type Confidence,
  type FunderKind,
  fundingRate,
  type ListApplicationsInput,
  remainingCents,
} from "@trame/core";
import { type Kysely, sql } from "kysely";
import { jsonArrayFrom, jsonObjectFrom } from "kysely/helpers/postgres";
import type { Database } from "../schema.ts";
import {
  filteredApplications,
  type VisibleApplications,
  visibleApplications,
} from "./funding-application-filters.queries.ts";
import { type ProjectEb, type ProjectViewer, projectVisibleTo } from "./project.queries.ts";
import { applicationListTotal } from "./territory-totals.queries.ts";

export interface FundingApplicationItem {
  id: string;
  status: ApplicationStatus;
  project: { id: string; title: string };
  cooperation: { id: string; name: string };
  applicant: { id: string; name: string };
  lead: { id: string; name: string } | null;
  programme: { id: string; name: string; acronym: string; confidence: Confidence };
  funder: { id: string; name: string; kind: FunderKind };
  callReference: string;
  eligibleBaseCents: number | null;
  requestedCents: number;
  grantedCents: number | null;
  paidCents: number;
  /** What the funder still owes on a granted application; zero in any other status. */
  remainingCents: number;
  /** Requested and granted amounts as a share of the eligible base, in percent. */
  requestedRate: number | null;
  grantedRate: number | null;
  submissionDeadline: string | null;
  submittedOn: string | null;
  decisionOn: string | null;
  agreementSignedOn: string | null;
  spendingDeadline: string | null;
  multiYear: boolean;
  version: number;
  updatedAt: string;
}

export interface ApplicationTransition {
  id: string;
  from: ApplicationStatus | null;
  to: ApplicationStatus;
  on: string;
  comment: string;
  actor: { id: string; name: string } | null;
}

export interface ApplicationPayment {
  id: string;
  paidOn: string;
  amountCents: number;
  reference: string;
  createdBy: { id: string; name: string } | null;
}

export interface ApplicationDocument {
  id: string;
  name: string;
  mimeType: string;
  sizeBytes: number;
}

export interface FundingApplicationDetail extends FundingApplicationItem {
  transitions: ApplicationTransition[];
  payments: ApplicationPayment[];
  documents: ApplicationDocument[];
  createdBy: { id: string; name: string } | null;
  isDemo: boolean;
  createdAt: string;
}

/** The sum of an application's payments, kept with it by a trigger (migration 000005). */
const paidOf = sql<number>`a.paid_cents`;

function applicationQuery(db: Kysely<Database>, viewer: ProjectViewer | null) {
  return withItemColumns(visibleApplications(db, viewer));
}

function withItemColumns(query: VisibleApplications) {
  return query.select((eb) => [
    "a.id",
    "a.status",
    "p.id as project_id",
    "p.title as project_title",
    "c.id as cooperation_id",
    "c.name as cooperation_name",
    "t.id as applicant_id",
    "t.name as applicant_name",
    "fp.id as programme_id",
    "fp.name as programme_name",
    "fp.acronym as programme_acronym",
    "fp.confidence as programme_confidence",
    "f.id as funder_id",
    "f.name as funder_name",
    "f.kind as funder_kind",
    "a.call_reference",
    "a.eligible_base_cents",
    "a.requested_cents",
    "a.granted_cents",
    "a.submission_deadline",
    "a.submitted_on",
    "a.decision_on",
    "a.agreement_signed_on",
    "a.spending_deadline",
    "a.multi_year",
    "a.version",
    "a.updated_at",
    paidOf.as("paid_cents"),
    jsonObjectFrom(
      eb
        .selectFrom("project_partners as lp")
        .innerJoin("territories as lt", "lt.id", "lp.territory_id")
        .select(["lt.id", "lt.name"])
        .whereRef("lp.project_id", "=", "a.project_id")
        .where("lp.role", "=", "lead"),
    ).as("lead"),
  ]);
}

type ItemRow = Awaited<ReturnType<ReturnType<typeof applicationQuery>["executeTakeFirstOrThrow"]>>;

function toItem(row: ItemRow): FundingApplicationItem {
  const granted = row.granted_cents === null ? null : Number(row.granted_cents);
  const base = row.eligible_base_cents === null ? null : Number(row.eligible_base_cents);
  const requested = Number(row.requested_cents);
  const paid = Number(row.paid_cents);
  return {
    id: row.id,
    status: row.status,
    project: { id: row.project_id, title: row.project_title },
    cooperation: { id: row.cooperation_id, name: row.cooperation_name },
    applicant: { id: row.applicant_id, name: row.applicant_name },
    lead: row.lead,
    programme: {
      id: row.programme_id,
      name: row.programme_name,
      acronym: row.programme_acronym,
      confidence: row.programme_confidence,
    },
    funder: { id: row.funder_id, name: row.funder_name, kind: row.funder_kind },
    callReference: row.call_reference,
    eligibleBaseCents: base,
    requestedCents: requested,
    grantedCents: granted,
    paidCents: paid,
    // Once closed (fully paid or declared final) the funder owes nothing more.
    remainingCents: row.status === "granted" ? remainingCents(granted, paid) : 0,
    requestedRate: fundingRate(requested, base),
    grantedRate: fundingRate(granted, base),
    submissionDeadline: row.submission_deadline,
    submittedOn: row.submitted_on,
    decisionOn: row.decision_on,
    agreementSignedOn: row.agreement_signed_on,
    spendingDeadline: row.spending_deadline,
    multiYear: row.multi_year,
    version: row.version,
    updatedAt: row.updated_at,
  };
}

export async function listApplications(
  db: Kysely<Database>,
  input: ListApplicationsInput,
  viewer: ProjectViewer,
): Promise<{ items: FundingApplicationItem[]; total: number }> {
  const rows = await withItemColumns(filteredApplications(db, input, viewer))
    .select(applicationListTotal(db, input, viewer))
    .orderBy("a.created_at", "desc")
    .orderBy("a.id", "desc")
    .limit(input.limit)
    .offset(input.offset)
    .execute();
  return { items: rows.map(toItem), total: Number(rows[0]?.total ?? 0) };
}

/**
 * One application with its history, payments and documents, as `viewer` may see it: undefined when
 * it does not exist or is hidden. A null viewer reads past visibility, for services that checked.
 */
export async function getApplication(
  db: Kysely<Database>,
  id: string,
  viewer: ProjectViewer | null,
): Promise<FundingApplicationDetail | undefined> {
  const row = await applicationQuery(db, viewer)
    .leftJoin("users as cu", "cu.id", "a.created_by")
    .select((eb) => [
      "a.is_demo",
      "a.created_at",
      "cu.id as creator_id",
      "cu.name as creator_name",
      jsonArrayFrom(
        eb
          .selectFrom("funding_transitions as ft")
          .leftJoin("users as u", "u.id", "ft.actor_id")
          .select([
            "ft.id",
            "ft.from_status",
            "ft.to_status",
            "ft.occurred_on",
            "ft.comment",
            "u.id as user_id",
            "u.name as user_name",
          ])
          .whereRef("ft.application_id", "=", "a.id")
          // Recording order: each row's `from` is the previous row's `to`, whatever dates were typed.
          .orderBy("ft.created_at")
          .orderBy("ft.id"),
      ).as("transitions"),
      jsonArrayFrom(
        eb
          .selectFrom("funding_payments as pay")
          .leftJoin("users as pu", "pu.id", "pay.created_by")
          .select([
            "pay.id",
            "pay.paid_on",
            "pay.amount_cents",
            "pay.reference",
            "pu.id as user_id",
            "pu.name as user_name",
          ])
          .whereRef("pay.application_id", "=", "a.id")
          .orderBy("pay.paid_on")
          .orderBy("pay.created_at")
          .orderBy("pay.id"),
      ).as("payments"),
      jsonArrayFrom(
        eb
          .selectFrom("documents as d")
          .select(["d.id", "d.name", "d.mime_type", "d.size_bytes"])
          .whereRef("d.application_id", "=", "a.id")
          .where("d.removed_at", "is", null)
          .orderBy("d.name")
          .orderBy("d.id"),
      ).as("documents"),
    ])
    .where("a.id", "=", id)
    .executeTakeFirst();
  if (!row) return undefined;
  const person = (userId: string | null, name: string | null) => (userId && name ? { id: userId, name } : null);
  return {
    ...toItem(row),
    transitions: row.transitions.map((t) => ({
      id: t.id,
      from: t.from_status,
      to: t.to_status,
      on: t.occurred_on,
      comment: t.comment,
      actor: person(t.user_id, t.user_name),
    })),
    // Amounts nested in JSON are bigint rendered as JSON numbers: safe below 2^53 cents.
    payments: row.payments.map((p) => ({
      id: p.id,
      paidOn: p.paid_on,
      amountCents: Number(p.amount_cents),
      reference: p.reference,
      createdBy: person(p.user_id, p.user_name),
    })),
    documents: row.documents.map((d) => ({
      id: d.id,
      name: d.name,
      mimeType: d.mime_type,
      sizeBytes: Number(d.size_bytes),
    })),
    createdBy: person(row.creator_id, row.creator_name),
    isDemo: row.is_demo,
    createdAt: row.created_at,
  };
}

/** For the audit history: undefined when there is no such application, false when it is hidden. */
export async function isApplicationVisible(
  db: Kysely<Database>,
  id: string,
  viewer: ProjectViewer,
): Promise<boolean | undefined> {
  const row = await db
    .selectFrom("funding_applications as a")
    .innerJoin("projects as p", "p.id", "a.project_id")
    .select((eb) => projectVisibleTo(eb as unknown as ProjectEb, viewer).as("visible"))
    .where("a.id", "=", id)
    .executeTakeFirst();
  return row === undefined ? undefined : row.visible === true;
}
