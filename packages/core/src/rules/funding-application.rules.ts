import type { ApplicationStatus } from "../enums/funding.ts";
import type { Label, Locale } from "../enums/label.ts";
import { INTL_TAGS, numberFormat } from "../format/intl-formats.ts";
import { type Actor, hasRoleInAny } from "./access.rules.ts";
import { acceptsPayments } from "./funding-application.workflow.ts";

/** Who stands behind an application, as stored: its applicant and the lead of its project. */
export interface StoredApplicationAccess {
  applicantTerritoryId: string;
  leadTerritoryId: string | null;
}

/**
 * The applicant's editors file and follow the application; the lead's editors too, since the lead
 * answers for the project's financing plan as a whole (ARCHITECTURE §5).
 */
export function canManageApplication(actor: Actor, stored: StoredApplicationAccess): boolean {
  const ids = [stored.applicantTerritoryId, ...(stored.leadTerritoryId ? [stored.leadTerritoryId] : [])];
  return hasRoleInAny(actor, ids, "editor");
}

/** Share of the eligible base, in percent to the hundredth; null without a positive base. */
export function fundingRate(amountCents: number | null, eligibleBaseCents: number | null): number | null {
  if (amountCents === null || eligibleBaseCents === null || eligibleBaseCents <= 0) return null;
  return Math.round((amountCents / eligibleBaseCents) * 10_000) / 100;
}

/** What the funder still owes; never negative, zero when nothing was granted. */
export function remainingCents(grantedCents: number | null, paidCents: number): number {
  return Math.max(0, (grantedCents ?? 0) - paidCents);
}

export type PaymentProblem =
  | { rule: "notGranted"; status: ApplicationStatus }
  | { rule: "notPositive" }
  | { rule: "exceedsRemaining"; remainingCents: number };

/**
 * Why a payment cannot be recorded, or null when it can. Payments go only to a granted (not yet
 * closed) application, and all of them together never exceed the granted amount.
 */
export function paymentProblem(
  status: ApplicationStatus,
  grantedCents: number | null,
  alreadyPaidCents: number,
  amountCents: number,
): PaymentProblem | null {
  if (!acceptsPayments(status) || grantedCents === null) return { rule: "notGranted", status };
  if (!Number.isSafeInteger(amountCents) || amountCents <= 0) return { rule: "notPositive" };
  const remaining = remainingCents(grantedCents, alreadyPaidCents);
  if (amountCents > remaining) return { rule: "exceedsRemaining", remainingCents: remaining };
  return null;
}

/** The dates already stored on the application that a new step must not precede. */
export interface ApplicationDates {
  submittedOn: string | null;
  decisionOn: string | null;
}

export type TransitionDateProblem =
  | { rule: "beforeSubmission"; date: string }
  | { rule: "beforeDecision"; date: string };

/**
 * Every step after the filing happens on or after it (the instruction, a decision, a withdrawal, a
 * complement), and closing happens on or after the decision. Dates are ISO days, so text order is
 * calendar order.
 */
export function transitionDateProblem(
  stored: ApplicationDates,
  to: ApplicationStatus,
  on: string,
): TransitionDateProblem | null {
  if (stored.submittedOn !== null && on < stored.submittedOn)
    return { rule: "beforeSubmission", date: stored.submittedOn };
  if (to === "closed" && stored.decisionOn !== null && on < stored.decisionOn) {
    return { rule: "beforeDecision", date: stored.decisionOn };
  }
  return null;
}

/**
 * The dates a step sets on the application. The filing date is the first filing: sending the
 * complements the funder asked for does not move it. A decision (either way) is dated by its step.
 */
export function datesSetBy(stored: ApplicationDates, to: ApplicationStatus, on: string): Partial<ApplicationDates> {
  if (to === "submitted" && stored.submittedOn === null) return { submittedOn: on };
  if (to === "granted" || to === "rejected") return { decisionOn: on };
  return {};
}

/** Whole euros without decimals, cents otherwise, in one language: "120 000 €" / "€120,000". */
export function formatEurosIn(cents: number, locale: Locale): string {
  const decimals = cents % 100 === 0 ? 0 : 2;
  return numberFormat(INTL_TAGS[locale], {
    style: "currency",
    currency: "EUR",
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(cents / 100);
}

/** The amount in both languages (for the messages that carry both). */
export function formatEuros(cents: number): Label {
  return { fr: formatEurosIn(cents, "fr"), en: formatEurosIn(cents, "en") };
}
