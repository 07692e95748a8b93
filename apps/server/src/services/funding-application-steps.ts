import {
  type Actor,
  type ApplicationStatus,
  canManageApplication,
  DomainError,
  type Label,
  notFound,
} from "@trame/core";
import {
  type ApplicationChanges,
  type Database,
  type FundingApplicationDetail,
  getApplication,
  getProject,
  insertApplicationTransition,
  insertTimelineEntry,
  type Kysely,
  lockApplication,
  updateApplication,
} from "@trame/db";
import { viewerOf } from "../auth/viewer.ts";

// What every write on a funding application shares: load it under its lock, record a step.

const APPLICATION: Label = { fr: "Demande de financement", en: "Funding application" };

export function stale(current: FundingApplicationDetail): DomainError {
  return new DomainError("CONFLICT", "conflict.stale", {}, { current });
}

export async function reload(trx: Kysely<Database>, id: string): Promise<FundingApplicationDetail> {
  const detail = await getApplication(trx, id, null);
  if (!detail) throw notFound(APPLICATION);
  return detail;
}

/** The application's own fields for the audit trail: transitions and payments have their own entries. */
export function snapshot(detail: FundingApplicationDetail) {
  const { transitions: _transitions, payments: _payments, ...fields } = detail;
  return fields;
}

export const forbiddenApplication = () => new DomainError("FORBIDDEN", "forbidden.applicationEdit");

/**
 * Locks the application, then checks the actor against its STORED applicant and project lead. An
 * application of a project the actor may not see is NOT_FOUND, so its existence does not leak. An
 * archived project does not freeze its applications: the balance is often paid after the works end.
 */
export async function loadForChange(
  trx: Kysely<Database>,
  actor: Actor,
  id: string,
): Promise<FundingApplicationDetail> {
  if (!(await lockApplication(trx, id))) throw notFound(APPLICATION);
  const application = await getApplication(trx, id, viewerOf(actor));
  if (!application) throw notFound(APPLICATION);
  const stored = { applicantTerritoryId: application.applicant.id, leadTerritoryId: application.lead?.id ?? null };
  if (!canManageApplication(actor, stored)) throw forbiddenApplication();
  return application;
}

export interface HistoryLine {
  from: ApplicationStatus | null;
  to: ApplicationStatus;
  on: string;
  comment: string;
  grantedCents: number | null;
}

/**
 * The dated, attributed history line of a step, and the same step on the timeline of the applicant
 * and of every partner of the project (as stored now), in the caller's transaction.
 */
export async function recordHistory(
  trx: Kysely<Database>,
  actor: Actor,
  application: FundingApplicationDetail,
  line: HistoryLine,
): Promise<void> {
  const { from, to, on, comment, grantedCents } = line;
  await insertApplicationTransition(trx, {
    applicationId: application.id,
    from,
    to,
    on,
    comment,
    actorId: actor.userId,
  });
  const project = await getProject(trx, application.project.id, null);
  const { programme, requestedCents, paidCents } = application;
  await insertTimelineEntry(trx, {
    occurredOn: on,
    kind: "funding_status",
    // The programme's short name; the step is worded at read time from the facts below.
    title: programme.acronym || programme.name,
    detail: {
      applicationId: application.id,
      from,
      to,
      comment,
      programme: { id: programme.id, name: programme.name, acronym: programme.acronym },
      applicant: application.applicant,
      amounts: { requestedCents, grantedCents, paidCents },
    },
    cooperationId: application.cooperation.id,
    projectId: application.project.id,
    territoryIds: [application.applicant.id, ...(project?.partners.map((p) => p.territory.id) ?? [])],
  });
}

export interface Step {
  /** The version the row must still have: the caller's, or the one a payment just produced. */
  version: number;
  to: ApplicationStatus;
  on: string;
  comment: string;
  changes: ApplicationChanges;
}

/** Moves the application to `step.to` (optimistically, on `step.version`) and records the step. */
export async function recordStep(
  trx: Kysely<Database>,
  actor: Actor,
  before: FundingApplicationDetail,
  step: Step,
): Promise<void> {
  const { version, to, on, comment, changes } = step;
  if (!(await updateApplication(trx, before.id, version, { ...changes, status: to }))) throw stale(before);
  const grantedCents = changes.grantedCents === undefined ? before.grantedCents : changes.grantedCents;
  await recordHistory(trx, actor, before, { from: before.status, to, on, comment, grantedCents });
}
