import { randomUUID } from "node:crypto";
import type { ApplicationStatus, FunderKind, PartnerRole, ProjectStatus, Theme, Visibility } from "@trame/core";
import { type Database, findOrInsertFunder, insertProgramme, type Kysely } from "@trame/db";
import { makeTerritory } from "./factories.ts";

/**
 * Rows inserted directly, for tests about reading funding data (financing plan, dashboard, exports,
 * deadlines): the application workflow itself is tested through its procedures.
 */

export interface TestProgramme {
  id: string;
  name: string;
  funder: { id: string; name: string; kind: FunderKind };
}

/** A national programme; funders are unique by name, so the same funder name is reused. */
export async function makeProgramme(
  db: Kysely<Database>,
  options: { name: string; funderName: string; funderKind: FunderKind; themes?: Theme[] },
): Promise<TestProgramme> {
  const funderId = await findOrInsertFunder(db, { name: options.funderName, kind: options.funderKind });
  const funder = await db
    .selectFrom("funders")
    .select(["id", "name", "kind"])
    .where("id", "=", funderId)
    .executeTakeFirstOrThrow();
  const id = await insertProgramme(db, {
    funderId,
    name: options.name,
    acronym: "",
    instrument: "subvention",
    beneficiaries: "",
    eligibleThemes: options.themes ?? [],
    perimeter: { national: true, regions: [], departements: [] },
    period: "",
    sourceUrl: null,
    confidence: "confirmed",
    notes: "",
  });
  return { id, name: options.name, funder };
}

export async function makeCooperation(db: Kysely<Database>): Promise<{ id: string; name: string }> {
  return db
    .insertInto("cooperations")
    .values({ name: `Coopération ${randomUUID().slice(0, 8)}`, engagement_form: "convention", status: "active" })
    .returning(["id", "name"])
    .executeTakeFirstOrThrow();
}

export async function makeFundingProject(
  db: Kysely<Database>,
  options: {
    cooperationId: string;
    partners: ReadonlyArray<readonly [string, PartnerRole]>;
    title?: string;
    themes?: Theme[];
    status?: ProjectStatus;
    visibility?: Visibility;
    archived?: boolean;
    budgetCents?: number | null;
  },
): Promise<{ id: string; title: string }> {
  const project = await db
    .insertInto("projects")
    .values({
      cooperation_id: options.cooperationId,
      title: options.title ?? `Projet ${randomUUID().slice(0, 8)}`,
      status: options.status ?? "in_progress",
      themes: options.themes ?? [],
      visibility: options.visibility ?? "network",
      budget_cents: options.budgetCents ?? null,
      ...(options.archived ? { archived_at: new Date().toISOString() } : {}),
    })
    .returning(["id", "title"])
    .executeTakeFirstOrThrow();
  await db
    .insertInto("project_partners")
    .values(
      options.partners.map(([territoryId, role]) => ({ project_id: project.id, territory_id: territoryId, role })),
    )
    .execute();
  return project;
}

/** Two new territories, lead and partner of a project in a new cooperation: where applications are filed. */
export async function makeLeadAndPartner(db: Kysely<Database>, options: { visibility?: Visibility } = {}) {
  const [lead, partner] = await Promise.all([makeTerritory(db), makeTerritory(db)]);
  const cooperation = await makeCooperation(db);
  const project = await makeFundingProject(db, {
    cooperationId: cooperation.id,
    partners: [
      [lead.id, "lead"],
      [partner.id, "partner"],
    ],
    visibility: options.visibility ?? "network",
  });
  return { lead, partner, project };
}

/** An application already in `status`, with its payments as `[paidOn, cents]`; returns its id. */
export async function makeApplication(
  db: Kysely<Database>,
  options: {
    projectId: string;
    applicantTerritoryId: string;
    programmeId: string;
    status: ApplicationStatus;
    requestedCents: number;
    grantedCents?: number | null;
    eligibleBaseCents?: number | null;
    callReference?: string;
    submissionDeadline?: string | null;
    submittedOn?: string | null;
    decisionOn?: string | null;
    agreementSignedOn?: string | null;
    spendingDeadline?: string | null;
    multiYear?: boolean;
    payments?: ReadonlyArray<readonly [string, number]>;
  },
): Promise<string> {
  const { id } = await db
    .insertInto("funding_applications")
    .values({
      project_id: options.projectId,
      applicant_territory_id: options.applicantTerritoryId,
      programme_id: options.programmeId,
      status: options.status,
      requested_cents: options.requestedCents,
      granted_cents: options.grantedCents ?? null,
      eligible_base_cents: options.eligibleBaseCents ?? null,
      call_reference: options.callReference ?? "",
      submission_deadline: options.submissionDeadline ?? null,
      submitted_on: options.submittedOn ?? null,
      decision_on: options.decisionOn ?? null,
      agreement_signed_on: options.agreementSignedOn ?? null,
      spending_deadline: options.spendingDeadline ?? null,
      multi_year: options.multiYear ?? false,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (options.payments?.length) {
    await db
      .insertInto("funding_payments")
      .values(options.payments.map(([paidOn, cents]) => ({ application_id: id, paid_on: paidOn, amount_cents: cents })))
      .execute();
  }
  return id;
}
