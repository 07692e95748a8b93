import {
  type Actor,
  type AddPaymentInput,
  applicationStatusLabels,
  DomainError,
  fieldError,
  formatEuros,
  paymentProblem,
} from "@trame/core";
import {
  type Database,
  type FundingApplicationDetail,
  insertPayment,
  type Kysely,
  sumPayments,
  updateApplication,
} from "@trame/db";
import { type NotificationJobs, queueNotification } from "../jobs/notification-fanout.job.ts";
import { auditedWrite } from "./audited-write.ts";
import { loadForChange, recordStep, reload, stale } from "./funding-application-steps.ts";

/** Recorded as the comment of the automatic closing step. */
export const FULLY_PAID_COMMENT = "Soldée : versements complets";

/**
 * Records a tranche. The application's row is locked BEFORE anything is read, so concurrent payments
 * queue on it and each one sees the sum the previous ones committed: together they can never exceed
 * the granted amount. The payment that completes the grant closes the application (soldée), dated by
 * the last payment.
 */
export function addPayment(
  db: Kysely<Database>,
  actor: Actor,
  input: AddPaymentInput,
  notifications?: NotificationJobs,
): Promise<FundingApplicationDetail> {
  const { applicationId: id, version, paidOn, amountCents, reference } = input;
  return auditedWrite(db, actor.userId, async (trx) => {
    const before = await loadForChange(trx, actor, id);
    if (version !== undefined && before.version !== version) throw stale(before);
    const problem = paymentProblem(before.status, before.grantedCents, before.paidCents, amountCents);
    if (problem?.rule === "notGranted") {
      throw new DomainError("PRECONDITION_FAILED", "funding.paymentNotGranted", {
        status: applicationStatusLabels[before.status],
      });
    }
    if (problem?.rule === "notPositive") throw fieldError("amountCents", "funding.paymentPositive");
    if (problem?.rule === "exceedsRemaining") {
      throw fieldError("amountCents", "funding.paymentAboveRemaining", {
        amount: formatEuros(amountCents),
        remaining: formatEuros(problem.remainingCents),
      });
    }
    if (before.decisionOn && paidOn < before.decisionOn) {
      throw fieldError("paidOn", "funding.paymentBeforeDecision", { date: before.decisionOn });
    }

    const paymentId = await insertPayment(trx, {
      applicationId: id,
      paidOn,
      amountCents,
      reference,
      createdBy: actor.userId,
    });
    // A payment changes what the application owes, so it is a new version of it.
    if (!(await updateApplication(trx, id, before.version, {}))) throw stale(before);
    const { paidCents, lastPaidOn } = await sumPayments(trx, id);
    if (paidCents === before.grantedCents) {
      await recordStep(
        trx,
        actor,
        { ...before, paidCents },
        {
          version: before.version + 1,
          to: "closed",
          on: lastPaidOn ?? paidOn,
          comment: FULLY_PAID_COMMENT,
          changes: {},
        },
      );
    }
    const after = await reload(trx, id);
    await queueNotification(trx, notifications, actor.userId, {
      kind: "application_payment",
      cooperationId: after.cooperation.id,
      projectId: after.project.id,
      projectTitle: after.project.title,
      applicationId: id,
      programmeName: after.programme.name,
      amountCents,
    });
    return {
      target: { entityType: "funding_application", entityId: id, action: "payment_added" },
      before: { status: before.status, paidCents: before.paidCents, version: before.version },
      after: {
        payment: { id: paymentId, paidOn, amountCents, reference },
        status: after.status,
        paidCents: after.paidCents,
        version: after.version,
      },
      result: after,
    };
  });
}
