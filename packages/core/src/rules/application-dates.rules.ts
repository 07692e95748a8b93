import type { ApplicationStatus } from "../enums/funding.ts";

export interface BoardApplicationDates {
  status: ApplicationStatus;
  submissionDeadline: string | null;
  submittedOn: string | null;
  decisionOn: string | null;
  spendingDeadline: string | null;
}

export type ApplicationDateKind = "submissionDeadline" | "submittedOn" | "decisionOn" | "spendingDeadline";

export interface ShownApplicationDate {
  kind: ApplicationDateKind;
  on: string;
  /** A deadline still to meet that has passed: filing a draft, spending a granted aid. */
  overdue: boolean;
}

/**
 * The dates worth showing for an application, in the order they happen. A deadline counts as overdue
 * only while it still binds, as on the home page's deadlines (packages/db deadline.queries.ts): the submission
 * deadline of a draft, the spending deadline of a granted application.
 */
export function applicationDates(application: BoardApplicationDates, today: string): ShownApplicationDate[] {
  const { status } = application;
  const rows: ShownApplicationDate[] = [];
  if (application.submissionDeadline && status === "draft") {
    rows.push({
      kind: "submissionDeadline",
      on: application.submissionDeadline,
      overdue: application.submissionDeadline < today,
    });
  }
  if (application.submittedOn) rows.push({ kind: "submittedOn", on: application.submittedOn, overdue: false });
  if (application.decisionOn) rows.push({ kind: "decisionOn", on: application.decisionOn, overdue: false });
  if (application.spendingDeadline && (status === "granted" || status === "closed")) {
    rows.push({
      kind: "spendingDeadline",
      on: application.spendingDeadline,
      overdue: status === "granted" && application.spendingDeadline < today,
    });
  }
  return rows;
}
