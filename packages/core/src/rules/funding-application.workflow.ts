import type { ApplicationStatus } from "../enums/funding.ts";

/**
 * ARCHITECTURE §4: draft → submitted → under_review → granted | rejected; the decision may also be
 * recorded straight from submitted, because many funders never announce an instruction phase and the
 * grant letter is the first news (issue 15). Withdrawn from draft, submitted or under review; back from
 * under review to submitted when the funder asks for more; granted → closed (soldée) once paid or
 * declared final. Rejected, withdrawn and closed are final.
 */
export const applicationTransitions: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  draft: ["submitted", "withdrawn"],
  submitted: ["under_review", "granted", "rejected", "withdrawn"],
  under_review: ["granted", "rejected", "submitted", "withdrawn"],
  granted: ["closed"],
  rejected: [],
  withdrawn: [],
  closed: [],
};

export function canMoveApplication(from: ApplicationStatus, to: ApplicationStatus): boolean {
  return applicationTransitions[from].includes(to);
}

/** Payments are recorded only on a granted (not yet closed) application. */
export function acceptsPayments(status: ApplicationStatus): boolean {
  return status === "granted";
}
