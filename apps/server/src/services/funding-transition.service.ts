import {
  type Actor,
  type ApplicationStatus,
  applicationStatusLabels,
  applicationTransitions,
  canMoveApplication,
  DomainError,
  datesSetBy,
  fieldError,
  formatEuros,
  type Label,
  type TransitionApplicationInput,
  transitionDateProblem,
} from "@trame/core";
import type { ApplicationChanges, Database, FundingApplicationDetail, Kysely } from "@trame/db";
import { type NotificationJobs, queueNotification } from "../jobs/notification-fanout.job.ts";
import { auditedWrite } from "./audited-write.ts";
import { loadForChange, recordStep, reload, stale } from "./funding-application-steps.ts";

/** PRECONDITION_FAILED with the states one may move to, in `details.allowed` and in the message. */
function illegalTransition(from: ApplicationStatus, to: ApplicationStatus): DomainError {
  const allowed = applicationTransitions[from];
  const names = (locale: keyof Label) =>
    allowed.length === 0
      ? { fr: "aucune", en: "none" }[locale]
      : allowed.map((status) => applicationStatusLabels[status][locale]).join(", ");
  return new DomainError(
    "PRECONDITION_FAILED",
    "funding.illegalTransition",
    {
      from: applicationStatusLabels[from],
      to: applicationStatusLabels[to],
      allowed: { fr: names("fr"), en: names("en") },
    },
    { allowed },
  );
}

/**
 * One dated, commented step of ARCHITECTURE §4's workflow. Granting records the granted amount (at most
 * the requested one); granting or rejecting dates the decision; closing by hand declares the
 * balance final even when less than the granted amount was paid.
 */
export function transitionApplication(
  db: Kysely<Database>,
  actor: Actor,
  input: TransitionApplicationInput,
  notifications?: NotificationJobs,
): Promise<FundingApplicationDetail> {
  const { id, version, to, on, comment, grantedCents } = input;
  return auditedWrite(db, actor.userId, async (trx) => {
    const before = await loadForChange(trx, actor, id);
    if (before.version !== version) throw stale(before);
    if (!canMoveApplication(before.status, to)) throw illegalTransition(before.status, to);
    if (to === "granted") {
      if (grantedCents === undefined || grantedCents === 0) throw fieldError("grantedCents", "funding.grantedRequired");
      if (grantedCents > before.requestedCents) {
        throw fieldError("grantedCents", "funding.grantedAboveRequested", {
          granted: formatEuros(grantedCents),
          requested: formatEuros(before.requestedCents),
        });
      }
    }
    const dateProblem = transitionDateProblem(before, to, on);
    if (dateProblem) {
      const key =
        dateProblem.rule === "beforeSubmission" ? "funding.stepBeforeSubmission" : "funding.stepBeforeDecision";
      throw fieldError("on", key, { date: dateProblem.date });
    }
    const changes: ApplicationChanges = {
      ...datesSetBy(before, to, on),
      ...(to === "granted" ? { grantedCents } : {}),
    };
    await recordStep(trx, actor, before, { version, to, on, comment, changes });
    const after = await reload(trx, id);
    await queueNotification(trx, notifications, actor.userId, {
      kind: "application_step",
      cooperationId: after.cooperation.id,
      projectId: after.project.id,
      projectTitle: after.project.title,
      applicationId: id,
      programmeName: after.programme.name,
      from: before.status,
      to: after.status,
    });
    return {
      target: { entityType: "funding_application", entityId: id, action: "status_changed" },
      before: { status: before.status, grantedCents: before.grantedCents, version: before.version },
      after: { status: after.status, on, comment, grantedCents: after.grantedCents, version: after.version },
      result: after,
    };
  });
}
