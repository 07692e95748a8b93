import {
  type Actor,
  type CreateApplicationInput,
  canManageApplication,
  DomainError,
  fieldError,
  formatEuros,
  type Label,
  type MessageKey,
  todayInFrance,
  translate,
  type UpdateApplicationInput,
} from "@trame/core";
import {
  type Database,
  type FundingApplicationDetail,
  getProgramme,
  getProject,
  insertApplication,
  type Kysely,
  lockProject,
  setApplicationDocuments,
  updateApplication,
} from "@trame/db";
import { viewerOf } from "../auth/viewer.ts";
import { auditedWrite } from "./audited-write.ts";
import {
  forbiddenApplication,
  loadForChange,
  recordHistory,
  reload,
  snapshot,
  stale,
} from "./funding-application-steps.ts";
import { notFoundAt } from "./project.service.ts";

const PROJECT: Label = { fr: "Projet", en: "Project" };
const PROGRAMME: Label = { fr: "Dispositif", en: "Programme" };

/** A BAD_REQUEST or PRECONDITION_FAILED that marks each named field with the rule's message. */
function ruleOn(code: "BAD_REQUEST" | "PRECONDITION_FAILED", key: MessageKey, fields: string[]) {
  const message = translate(key);
  return new DomainError(code, key, {}, { fields: fields.map((field) => ({ field, message })) });
}

/** Supporting documents must be live documents of the application's own project. */
async function attachDocuments(
  trx: Kysely<Database>,
  applicationId: string,
  projectId: string,
  documentIds: readonly string[],
): Promise<void> {
  const missing = await setApplicationDocuments(trx, applicationId, projectId, documentIds);
  if (missing.length > 0) {
    const fields = missing.map((id) => `documentIds.${documentIds.indexOf(id)}`);
    throw ruleOn("BAD_REQUEST", "funding.documentOutsideProject", fields);
  }
}

/**
 * A new application starts as a draft, dated today. The applicant must be a partner of the project;
 * the actor an editor of the applicant or of the project's lead (checked against the stored partners).
 */
export function createApplication(
  db: Kysely<Database>,
  actor: Actor,
  input: CreateApplicationInput,
): Promise<FundingApplicationDetail> {
  const { projectId, applicantTerritoryId, programmeId, documentIds, ...fields } = input;
  return auditedWrite(db, actor.userId, async (trx) => {
    // The partner list is checked below: hold it still until the application is written.
    if (!(await lockProject(trx, projectId))) throw notFoundAt(PROJECT, ["projectId"]);
    const project = await getProject(trx, projectId, viewerOf(actor));
    if (!project) throw notFoundAt(PROJECT, ["projectId"]);
    if (!canManageApplication(actor, { applicantTerritoryId, leadTerritoryId: project.lead?.id ?? null })) {
      throw forbiddenApplication();
    }
    if (!project.partners.some((p) => p.territory.id === applicantTerritoryId)) {
      throw fieldError("applicantTerritoryId", "funding.applicantNotPartner");
    }
    if (project.archived) throw new DomainError("PRECONDITION_FAILED", "project.archived");
    const programme = await getProgramme(trx, programmeId);
    if (!programme) throw notFoundAt(PROGRAMME, ["programmeId"]);
    if (programme.archived) throw ruleOn("PRECONDITION_FAILED", "funding.programmeArchived", ["programmeId"]);

    const id = await insertApplication(trx, {
      ...fields,
      projectId,
      applicantTerritoryId,
      programmeId,
      createdBy: actor.userId,
    });
    await attachDocuments(trx, id, projectId, documentIds);
    // The first line has no `from`: the application coming into existence, shown like any other step.
    const on = todayInFrance();
    await recordHistory(trx, actor, await reload(trx, id), {
      from: null,
      to: "draft",
      on,
      comment: "",
      grantedCents: null,
    });
    const after = await reload(trx, id);
    return {
      target: { entityType: "funding_application", entityId: id, action: "created" },
      before: null,
      after: snapshot(after),
      result: after,
    };
  });
}

const pick = <T>(patch: T | undefined, stored: T): T => (patch === undefined ? stored : patch);

/**
 * Amounts, dates, call reference, documents. A closed application's amounts are final; the granted
 * amount is set by granting and may then be amended (an avenant), never below what was paid.
 */
export function editApplication(
  db: Kysely<Database>,
  actor: Actor,
  input: UpdateApplicationInput,
): Promise<FundingApplicationDetail> {
  const { id, version, documentIds, ...changes } = input;
  return auditedWrite(db, actor.userId, async (trx) => {
    const before = await loadForChange(trx, actor, id);
    if (before.version !== version) throw stale(before);
    const { eligibleBaseCents, requestedCents, grantedCents } = changes;
    const touchesAmounts = [eligibleBaseCents, requestedCents, grantedCents].some((v) => v !== undefined);
    if (touchesAmounts && before.status === "closed") {
      const named = Object.entries({ eligibleBaseCents, requestedCents, grantedCents });
      throw ruleOn(
        "PRECONDITION_FAILED",
        "funding.closedFrozen",
        named.filter(([, v]) => v !== undefined).map(([k]) => k),
      );
    }
    if (grantedCents !== undefined) {
      if (before.status !== "granted") throw fieldError("grantedCents", "funding.grantedOnlyWhenGranting");
      if (grantedCents === 0) throw fieldError("grantedCents", "funding.grantedRequired");
      if (grantedCents < before.paidCents) {
        throw fieldError("grantedCents", "funding.grantedBelowPaid", { paid: formatEuros(before.paidCents) });
      }
    }
    const requested = pick(requestedCents, before.requestedCents);
    const granted = pick<number | null>(grantedCents, before.grantedCents);
    if (granted !== null && granted > requested) {
      throw fieldError(
        grantedCents === undefined ? "requestedCents" : "grantedCents",
        "funding.grantedAboveRequested",
        {
          granted: formatEuros(granted),
          requested: formatEuros(requested),
        },
      );
    }
    // The patch may move only one of the two dates: check it against the stored other one.
    const submittedOn = pick(changes.submittedOn, before.submittedOn);
    const decisionOn = pick(changes.decisionOn, before.decisionOn);
    if (submittedOn && decisionOn && decisionOn < submittedOn) {
      const field = changes.decisionOn === undefined ? "submittedOn" : "decisionOn";
      throw fieldError(field, "funding.decisionBeforeSubmission", { date: submittedOn });
    }
    if (documentIds) await attachDocuments(trx, id, before.project.id, documentIds);
    if (!(await updateApplication(trx, id, version, changes))) throw stale(before);
    const after = await reload(trx, id);
    return {
      target: { entityType: "funding_application", entityId: id, action: "updated" },
      before: snapshot(before),
      after: snapshot(after),
      result: after,
    };
  });
}
