import {
  type Actor,
  type AddMemberInput,
  becomesLead,
  DomainError,
  fieldError,
  hasRoleInAny,
  type Label,
  membershipChangeProblem,
  notFound,
  type RemoveMemberInput,
  todayInFrance,
  type UpdateMemberInput,
} from "@trame/core";
import {
  type CooperationDetail,
  type Database,
  getCooperationMember,
  insertCooperationMember,
  type Kysely,
  recordAudit,
  type StoredMembership,
  updateCooperationMember,
} from "@trame/db";
import { type NotificationJobs, queueNotification } from "../jobs/notification-fanout.job.ts";
import { type AuditTarget, auditedWrite } from "./audited-write.ts";
import { loadForChange, reload, requireTerritory, ruleError, stale } from "./cooperation.service.ts";
import { cooperationEvents, recordCooperationEvent } from "./cooperation-timeline.ts";

const MEMBER: Label = { fr: "Membre de la coopération", en: "Cooperation member" };

const memberTarget = (id: string, action: string): AuditTarget => ({
  entityType: "cooperation_member",
  entityId: id,
  action,
});

async function storedMember(trx: Kysely<Database>, id: string): Promise<StoredMembership> {
  const member = await getCooperationMember(trx, id);
  if (!member) throw notFound(MEMBER);
  return member;
}

/**
 * Loads a membership with its cooperation locked and administrable by the actor, then re-reads the
 * membership under the lock so its version is the one the write will see.
 */
async function loadMemberForChange(trx: Kysely<Database>, actor: Actor, memberId: string, version: number) {
  const { cooperationId } = await storedMember(trx, memberId);
  const cooperation = await loadForChange(trx, actor, cooperationId, "administer");
  const before = await storedMember(trx, memberId);
  if (before.version !== version) throw stale(cooperation);
  return { cooperation, before };
}

/**
 * An associate is involved, not committed: its admins manage associates only. Removing a full
 * member (lead or member) or choosing the lead needs the admin of a current full member.
 */
function requireFullMemberAdmin(actor: Actor, cooperation: CooperationDetail): void {
  const full = cooperation.members
    .filter((m) => m.leftOn === null && m.role !== "associate")
    .map((m) => m.territory.id);
  if (!hasRoleInAny(actor, full, "admin")) throw new DomainError("FORBIDDEN", "forbidden.associateAdmin");
}

export function addCooperationMember(
  db: Kysely<Database>,
  actor: Actor,
  input: AddMemberInput,
  notifications?: NotificationJobs,
): Promise<CooperationDetail> {
  return auditedWrite(db, actor.userId, async (trx) => {
    const cooperation = await loadForChange(trx, actor, input.cooperationId, "administer");
    await requireTerritory(trx, "territoryId", input.territoryId);
    if (cooperation.members.some((m) => m.leftOn === null && m.territory.id === input.territoryId)) {
      throw fieldError("territoryId", "cooperation.alreadyMember");
    }
    const memberId = await insertCooperationMember(trx, input);
    const after = await storedMember(trx, memberId);
    const result = await reload(trx, input.cooperationId);
    const joined = result.members.find((m) => m.id === memberId);
    if (joined) {
      const on = input.joinedOn ?? todayInFrance();
      await recordCooperationEvent(trx, result, cooperationEvents.memberJoined(joined.territory, on));
      await queueNotification(trx, notifications, actor.userId, {
        kind: "territory_joined",
        cooperationId: result.id,
        cooperationName: result.name,
        territoryId: joined.territory.id,
        territoryName: joined.territory.name,
      });
    }
    return { target: memberTarget(memberId, "member_added"), before: null, after, result };
  });
}

/**
 * Making a member the lead demotes the previous lead to member in the same transaction: the one-lead
 * index allows no moment with two, and the rules allow none with zero.
 */
async function demoteCurrentLead(trx: Kysely<Database>, actorId: string, cooperation: CooperationDetail) {
  const lead = cooperation.members.find((m) => m.role === "lead" && m.leftOn === null);
  if (!lead) return;
  const before = await storedMember(trx, lead.id);
  if (!(await updateCooperationMember(trx, lead.id, before.version, { role: "member" }))) throw stale(cooperation);
  const after = await storedMember(trx, lead.id);
  await recordAudit(trx, { ...memberTarget(lead.id, "member_updated"), actorId, before, after });
}

export function editCooperationMember(
  db: Kysely<Database>,
  actor: Actor,
  input: UpdateMemberInput,
): Promise<CooperationDetail> {
  const { memberId, version, ...changes } = input;
  return auditedWrite(db, actor.userId, async (trx) => {
    const { cooperation, before } = await loadMemberForChange(trx, actor, memberId, version);
    const merged = {
      role: changes.role ?? before.role,
      joinedOn: changes.joinedOn === undefined ? before.joinedOn : changes.joinedOn,
      leftOn: changes.leftOn === undefined ? before.leftOn : changes.leftOn,
    };
    const problem = membershipChangeProblem(before, merged);
    if (problem) throw ruleError(problem);
    const rejoins = before.leftOn !== null && merged.leftOn === null;
    if (rejoins && cooperation.members.some((m) => m.leftOn === null && m.territory.id === before.territoryId)) {
      throw fieldError("leftOn", "cooperation.alreadyMember");
    }
    const touchesFullMember = before.role !== "associate" || merged.role !== "associate";
    if (touchesFullMember) requireFullMemberAdmin(actor, cooperation);
    if (becomesLead(before, merged)) await demoteCurrentLead(trx, actor.userId, cooperation);
    if (!(await updateCooperationMember(trx, memberId, version, changes))) throw stale(cooperation);
    return {
      target: memberTarget(memberId, "member_updated"),
      before,
      after: await storedMember(trx, memberId),
      result: await reload(trx, cooperation.id),
    };
  });
}

/** Ends the membership on `leftOn` (today in France by default); the row stays as history. */
export function removeCooperationMember(
  db: Kysely<Database>,
  actor: Actor,
  input: RemoveMemberInput,
  notifications?: NotificationJobs,
): Promise<CooperationDetail> {
  const { memberId, version } = input;
  return auditedWrite(db, actor.userId, async (trx) => {
    const { cooperation, before } = await loadMemberForChange(trx, actor, memberId, version);
    if (before.leftOn !== null) throw fieldError("memberId", "cooperation.alreadyLeft");
    if (before.role !== "associate") requireFullMemberAdmin(actor, cooperation);
    const leftOn = input.leftOn ?? todayInFrance();
    const problem = membershipChangeProblem(before, { ...before, leftOn });
    if (problem) throw ruleError(problem, problem.key === "date.endBeforeStart" ? "leftOn" : "memberId");
    if (!(await updateCooperationMember(trx, memberId, version, { leftOn }))) throw stale(cooperation);
    const result = await reload(trx, cooperation.id);
    const leaving = cooperation.members.find((m) => m.id === memberId);
    if (leaving) {
      await recordCooperationEvent(trx, result, cooperationEvents.memberLeft(leaving.territory, leftOn));
      await queueNotification(trx, notifications, actor.userId, {
        kind: "territory_left",
        cooperationId: result.id,
        cooperationName: result.name,
        territoryId: leaving.territory.id,
        territoryName: leaving.territory.name,
      });
    }
    return {
      target: memberTarget(memberId, "member_removed"),
      before,
      after: await storedMember(trx, memberId),
      result,
    };
  });
}
