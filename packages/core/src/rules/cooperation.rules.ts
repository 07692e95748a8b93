import type { MemberRole } from "../enums/cooperation.ts";
import type { EngagementForm } from "../enums/engagement-form.ts";
import type { MessageKey } from "../errors/messages.ts";

/** What a rule objects to: the input field to mark and the message to show. */
export interface RuleProblem {
  field: string;
  key: MessageKey;
  params?: Record<string, string>;
}

export interface MembershipState {
  role: MemberRole;
  joinedOn: string | null;
  leftOn: string | null;
}

export function isCurrentLead(member: MembershipState): boolean {
  return member.role === "lead" && member.leftOn === null;
}

/** True when `end` is set and falls before `start`; open bounds never conflict. */
export function endsBeforeStart(start: string | null, end: string | null): boolean {
  return start !== null && end !== null && end < start;
}

/**
 * Checks one membership before and after a change. A cooperation keeps exactly one current lead, so
 * the lead never leaves nor steps down by itself: another member is made lead, which demotes it
 * (`becomesLead`). Dates are checked on the merged state, since a patch may carry only one of them.
 */
export function membershipChangeProblem(before: MembershipState, after: MembershipState): RuleProblem | null {
  if (isCurrentLead(before) && after.leftOn !== null) return { field: "leftOn", key: "cooperation.leadCannotLeave" };
  if (isCurrentLead(before) && after.role !== "lead") return { field: "role", key: "cooperation.leadCannotLeave" };
  if (after.role === "lead" && after.leftOn !== null) return { field: "role", key: "cooperation.formerCannotLead" };
  if (endsBeforeStart(after.joinedOn, after.leftOn)) return { field: "leftOn", key: "date.endBeforeStart" };
  return null;
}

/** True when the change hands the lead to this member, so the previous lead must step down with it. */
export function becomesLead(before: MembershipState, after: MembershipState): boolean {
  return !isCurrentLead(before) && isCurrentLead(after);
}

export interface FormPeriod {
  engagementForm: EngagementForm;
  fromOn: string | null;
}

/**
 * A new engagement form closes the current period on `changedOn`: it must be a real change, and it
 * cannot start before the current period did, or the history would overlap itself.
 */
export function formChangeProblem(
  current: FormPeriod,
  change: { engagementForm: EngagementForm; changedOn: string },
): RuleProblem | null {
  if (change.engagementForm === current.engagementForm) return { field: "engagementForm", key: "cooperation.sameForm" };
  if (endsBeforeStart(current.fromOn, change.changedOn)) {
    return { field: "changedOn", key: "cooperation.formChangeTooEarly", params: { date: current.fromOn ?? "" } };
  }
  return null;
}
