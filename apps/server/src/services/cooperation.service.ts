import {
  type Actor,
  type ChangeEngagementFormInput,
  type CreateCooperationInput,
  canAdministerCooperation,
  canCreateCooperation,
  canEditCooperation,
  DomainError,
  endsBeforeStart,
  fieldError,
  formChangeProblem,
  type Label,
  membershipRoleLabels,
  notFound,
  type RuleProblem,
  type UpdateCooperationInput,
} from "@trame/core";
import {
  type CooperationDetail,
  closeFormPeriod,
  type Database,
  getCooperation,
  getTerritory,
  insertCooperation,
  insertCooperationMember,
  insertFormPeriod,
  type Kysely,
  lockCooperation,
  updateCooperation,
} from "@trame/db";
import { auditedWrite } from "./audited-write.ts";
import { cooperationEvents, recordCooperationEvent } from "./cooperation-timeline.ts";

const COOPERATION: Label = { fr: "Coopération", en: "Cooperation" };
const TERRITORY: Label = { fr: "Territoire", en: "Territory" };

export function stale(current: CooperationDetail): DomainError {
  return new DomainError("CONFLICT", "conflict.stale", {}, { current });
}

/** A rule's objection as a BAD_REQUEST naming the field, optionally under another input name. */
export function ruleError(problem: RuleProblem, field = problem.field): DomainError {
  return fieldError(field, problem.key, problem.params);
}

/** A territory named in the payload must exist; the error names the field it came from. */
export async function requireTerritory(trx: Kysely<Database>, field: string, id: string): Promise<void> {
  if (await getTerritory(trx, id)) return;
  throw new DomainError(
    "NOT_FOUND",
    "notFound.entity",
    { entity: TERRITORY },
    {
      fields: [{ field, message: notFound(TERRITORY).label }],
    },
  );
}

export async function reload(trx: Kysely<Database>, id: string): Promise<CooperationDetail> {
  const detail = await getCooperation(trx, id);
  if (!detail) throw notFound(COOPERATION);
  return detail;
}

/**
 * Locks the cooperation and checks the actor against its STORED current members (never ids from the
 * request): editors of a member edit, admins of a member administer. An archived cooperation is read-only.
 */
export async function loadForChange(
  trx: Kysely<Database>,
  actor: Actor,
  id: string,
  need: "edit" | "administer",
): Promise<CooperationDetail> {
  if (!(await lockCooperation(trx, id))) throw notFound(COOPERATION);
  const detail = await reload(trx, id);
  const members = detail.members.map((m) => ({ territoryId: m.territory.id, leftOn: m.leftOn }));
  if (need === "edit" && !canEditCooperation(actor, members)) {
    throw new DomainError("FORBIDDEN", "forbidden.cooperationEdit");
  }
  if (need === "administer" && !canAdministerCooperation(actor, members)) {
    throw new DomainError("FORBIDDEN", "forbidden.cooperationAdmin");
  }
  if (detail.archived) throw new DomainError("PRECONDITION_FAILED", "cooperation.archived");
  return detail;
}

/** The cooperation's own fields for the audit trail: members and form history have their own entries. */
function snapshot(detail: CooperationDetail) {
  const { members: _members, formHistory: _formHistory, ...fields } = detail;
  return fields;
}

export function createCooperation(
  db: Kysely<Database>,
  actor: Actor,
  input: CreateCooperationInput,
): Promise<CooperationDetail> {
  const { leadTerritoryId, ...fields } = input;
  return auditedWrite(db, actor.userId, async (trx) => {
    await requireTerritory(trx, "leadTerritoryId", leadTerritoryId);
    if (fields.engineeringProviderId) {
      await requireTerritory(trx, "engineeringProviderId", fields.engineeringProviderId);
    }
    if (!canCreateCooperation(actor, leadTerritoryId)) {
      throw new DomainError("FORBIDDEN", "forbidden.territoryRole", { role: membershipRoleLabels.editor });
    }
    const id = await insertCooperation(trx, fields);
    await insertCooperationMember(trx, {
      cooperationId: id,
      territoryId: leadTerritoryId,
      role: "lead",
      joinedOn: fields.startedOn,
    });
    await insertFormPeriod(trx, {
      cooperationId: id,
      engagementForm: fields.engagementForm,
      fromOn: fields.startedOn,
      changedBy: actor.userId,
    });
    const after = await reload(trx, id);
    if (fields.narrativeAdoptedOn) {
      await recordCooperationEvent(trx, after, cooperationEvents.narrativeAdopted(fields.narrativeAdoptedOn));
    }
    return {
      target: { entityType: "cooperation", entityId: id, action: "created" },
      before: null,
      after,
      result: after,
    };
  });
}

export function editCooperation(
  db: Kysely<Database>,
  actor: Actor,
  input: UpdateCooperationInput,
): Promise<CooperationDetail> {
  const { id, version, ...changes } = input;
  return auditedWrite(db, actor.userId, async (trx) => {
    const before = await loadForChange(trx, actor, id, "edit");
    if (before.version !== version) throw stale(before);
    if (changes.engineeringProviderId) {
      await requireTerritory(trx, "engineeringProviderId", changes.engineeringProviderId);
    }
    // The patch may move only one end of the period: check it against the stored other end.
    const startedOn = changes.startedOn === undefined ? before.startedOn : changes.startedOn;
    const endedOn = changes.endedOn === undefined ? before.endedOn : changes.endedOn;
    if (endsBeforeStart(startedOn, endedOn)) {
      throw fieldError(changes.endedOn === undefined ? "startedOn" : "endedOn", "date.endBeforeStart");
    }
    if (!(await updateCooperation(trx, id, version, changes))) throw stale(before);
    const after = await reload(trx, id);
    // Adopting (or re-dating) the shared narrative is a moment of the cooperation's life: it goes on the timeline.
    if (after.narrative.adoptedOn && after.narrative.adoptedOn !== before.narrative.adoptedOn) {
      await recordCooperationEvent(trx, after, cooperationEvents.narrativeAdopted(after.narrative.adoptedOn));
    }
    return {
      target: { entityType: "cooperation", entityId: id, action: "updated" },
      before: snapshot(before),
      after: snapshot(after),
      result: after,
    };
  });
}

/**
 * Closes the current period of the form history on `changedOn` and opens the new one, so the history
 * reads as consecutive periods. A cooperation imported without history gets its first period back-filled.
 */
export function changeEngagementForm(
  db: Kysely<Database>,
  actor: Actor,
  input: ChangeEngagementFormInput,
): Promise<CooperationDetail> {
  const { id, version, engagementForm, changedOn, note } = input;
  return auditedWrite(db, actor.userId, async (trx) => {
    const before = await loadForChange(trx, actor, id, "administer");
    if (before.version !== version) throw stale(before);
    const open = before.formHistory.find((period) => period.toOn === null);
    const problem = formChangeProblem(
      { engagementForm: before.engagementForm, fromOn: open ? open.fromOn : before.startedOn },
      { engagementForm, changedOn },
    );
    if (problem) throw ruleError(problem);
    if (!(await updateCooperation(trx, id, version, { engagementForm }))) throw stale(before);
    if (open) {
      await closeFormPeriod(trx, id, changedOn);
    } else {
      await insertFormPeriod(trx, {
        cooperationId: id,
        engagementForm: before.engagementForm,
        fromOn: before.startedOn,
        toOn: changedOn,
        changedBy: null,
      });
    }
    await insertFormPeriod(trx, {
      cooperationId: id,
      engagementForm,
      fromOn: changedOn,
      note,
      changedBy: actor.userId,
    });
    const after = await reload(trx, id);
    await recordCooperationEvent(
      trx,
      after,
      cooperationEvents.formChanged(before.engagementForm, engagementForm, changedOn, note),
    );
    return {
      target: { entityType: "cooperation", entityId: id, action: "engagement_form_changed" },
      before: { engagementForm: before.engagementForm, version: before.version },
      after: { engagementForm, changedOn, note, version: after.version },
      result: after,
    };
  });
}

/** Nothing is deleted: archiving hides the cooperation from lists and freezes it; its history stays readable. */
export function archiveCooperation(
  db: Kysely<Database>,
  actor: Actor,
  input: { id: string; version: number },
): Promise<CooperationDetail> {
  const { id, version } = input;
  return auditedWrite(db, actor.userId, async (trx) => {
    const before = await loadForChange(trx, actor, id, "administer");
    if (before.version !== version) throw stale(before);
    if (!(await updateCooperation(trx, id, version, { archive: true }))) throw stale(before);
    const after = await reload(trx, id);
    return {
      target: { entityType: "cooperation", entityId: id, action: "archived" },
      before: snapshot(before),
      after: snapshot(after),
      result: after,
    };
  });
}
