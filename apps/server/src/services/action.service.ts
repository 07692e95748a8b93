import {
  type Actor,
  type CreateActionInput,
  canEditCooperation,
  canEditProject,
  DomainError,
  fieldError,
  type Label,
  notFound,
  translate,
  type UpdateActionInput,
} from "@trame/core";
import {
  type Database,
  deleteActionEntry,
  deleteDocumentEntries,
  followActionInDocumentEntries,
  getAction,
  getCooperation,
  getProject,
  insertAction,
  insertTimelineEntry,
  type JointAction,
  type Kysely,
  lockAction,
  removeAction,
  replaceActionEntry,
  updateAction,
} from "@trame/db";
import { viewerOf } from "../auth/viewer.ts";
import { type NotificationJobs, queueNotification } from "../jobs/notification-fanout.job.ts";
import { auditedWrite } from "./audited-write.ts";
import { accessOf, notFoundAt, requireTerritories } from "./project.service.ts";

const ACTION: Label = { fr: "Action", en: "Action" };
const PROJECT: Label = { fr: "Projet", en: "Project" };
const COOPERATION: Label = { fr: "Coopération", en: "Cooperation" };

/** Where an action is logged, as stored, and who is involved when the payload does not say. */
interface ActionScope {
  cooperationId: string;
  projectId: string | null;
  defaultTerritoryIds: string[];
}

/** On a project: its partners' editors log, and a project the actor cannot see does not exist for them. */
async function projectScope(trx: Kysely<Database>, actor: Actor, projectId: string): Promise<ActionScope> {
  const project = await getProject(trx, projectId, viewerOf(actor));
  if (!project) throw notFoundAt(PROJECT, ["projectId"]);
  if (!canEditProject(actor, accessOf(project))) throw new DomainError("FORBIDDEN", "forbidden.projectEdit");
  if (project.archived) throw new DomainError("PRECONDITION_FAILED", "project.archived");
  return {
    cooperationId: project.cooperation.id,
    projectId,
    defaultTerritoryIds: project.partners.map((p) => p.territory.id),
  };
}

/** On the cooperation as a whole: editors of a current member log, and the current members are involved. */
async function cooperationScope(trx: Kysely<Database>, actor: Actor, cooperationId: string): Promise<ActionScope> {
  const cooperation = await getCooperation(trx, cooperationId);
  if (!cooperation) throw notFoundAt(COOPERATION, ["cooperationId"]);
  const members = cooperation.members.map((m) => ({ territoryId: m.territory.id, leftOn: m.leftOn }));
  if (!canEditCooperation(actor, members)) throw new DomainError("FORBIDDEN", "forbidden.cooperationEdit");
  if (cooperation.archived) throw new DomainError("PRECONDITION_FAILED", "cooperation.archived");
  return {
    cooperationId,
    projectId: null,
    defaultTerritoryIds: members.filter((m) => m.leftOn === null).map((m) => m.territoryId),
  };
}

async function scopeOf(
  trx: Kysely<Database>,
  actor: Actor,
  target: { projectId?: string | undefined; cooperationId?: string | undefined },
): Promise<ActionScope> {
  if (target.projectId) {
    const scope = await projectScope(trx, actor, target.projectId);
    if (target.cooperationId && target.cooperationId !== scope.cooperationId) {
      throw fieldError("cooperationId", "action.projectOutsideCooperation");
    }
    return scope;
  }
  if (target.cooperationId) return cooperationScope(trx, actor, target.cooperationId);
  throw fieldError("projectId", "action.needsAttachment");
}

const territoryFields = (ids: readonly string[]) => ids.map((id, index) => ({ field: `territoryIds.${index}`, id }));

/**
 * An action names only territories involved where it is logged (the project's partners, or the
 * cooperation's current members), plus those it already named: a stranger's territory never appears
 * on a timeline, calendar or health sheet because someone else typed its id.
 */
async function requireInvolved(
  trx: Kysely<Database>,
  territoryIds: readonly string[],
  involved: Iterable<string>,
): Promise<void> {
  await requireTerritories(trx, territoryFields(territoryIds));
  const allowed = new Set(involved);
  const strangers = territoryFields(territoryIds).filter((t) => !allowed.has(t.id));
  if (strangers.length === 0) return;
  const message = translate("action.territoryNotInvolved");
  throw new DomainError(
    "BAD_REQUEST",
    "action.territoryNotInvolved",
    {},
    { fields: strangers.map(({ field }) => ({ field, message })) },
  );
}

async function reload(trx: Kysely<Database>, id: string): Promise<JointAction> {
  const action = await getAction(trx, id, null);
  if (!action) throw notFound(ACTION);
  return action;
}

/** Locks the action, then checks the actor against where it is STORED (its project or cooperation). */
async function loadForChange(
  trx: Kysely<Database>,
  actor: Actor,
  id: string,
  version: number,
): Promise<{ action: JointAction; scope: ActionScope }> {
  if (!(await lockAction(trx, id))) throw notFound(ACTION);
  const action = await getAction(trx, id, viewerOf(actor));
  if (!action) throw notFound(ACTION);
  const scope = await scopeOf(trx, actor, { projectId: action.project?.id, cooperationId: action.cooperation.id });
  if (action.version !== version) throw new DomainError("CONFLICT", "conflict.stale", {}, { current: action });
  return { action, scope };
}

export function createAction(
  db: Kysely<Database>,
  actor: Actor,
  input: CreateActionInput,
  notifications?: NotificationJobs,
): Promise<JointAction> {
  const { projectId, cooperationId, territoryIds, ...fields } = input;
  return auditedWrite(db, actor.userId, async (trx) => {
    const scope = await scopeOf(trx, actor, { projectId, cooperationId });
    if (territoryIds) await requireInvolved(trx, territoryIds, scope.defaultTerritoryIds);
    const id = await insertAction(trx, {
      ...fields,
      cooperationId: scope.cooperationId,
      projectId: scope.projectId,
      createdBy: actor.userId,
    });
    await insertTimelineEntry(trx, {
      occurredOn: fields.occurredOn,
      kind: fields.kind,
      title: fields.title,
      // The notes travel with the entry: its detail on screen, in the CSV and the calendar.
      detail: { notes: fields.notes ?? "" },
      cooperationId: scope.cooperationId,
      projectId: scope.projectId,
      actionId: id,
      territoryIds: territoryIds ?? scope.defaultTerritoryIds,
    });
    const after = await reload(trx, id);
    await queueNotification(trx, notifications, actor.userId, {
      kind: "action_logged",
      cooperationId: after.cooperation.id,
      cooperationName: after.cooperation.name,
      projectId: after.project?.id ?? null,
      projectTitle: after.project?.title ?? null,
      actionId: id,
      actionTitle: after.title,
      occurredOn: after.occurredOn,
    });
    return { target: { entityType: "action", entityId: id, action: "created" }, before: null, after, result: after };
  });
}

export function editAction(db: Kysely<Database>, actor: Actor, input: UpdateActionInput): Promise<JointAction> {
  const { id, version, territoryIds, ...changes } = input;
  return auditedWrite(db, actor.userId, async (trx) => {
    const { action: before, scope } = await loadForChange(trx, actor, id, version);
    if (territoryIds) {
      await requireInvolved(trx, territoryIds, [...scope.defaultTerritoryIds, ...before.territories.map((t) => t.id)]);
    }
    if (!(await updateAction(trx, id, version, changes))) {
      throw new DomainError("CONFLICT", "conflict.stale", {}, { current: before });
    }
    // The timeline entry follows the action: same date, kind, title and territories.
    const entry = {
      actionId: id,
      occurredOn: changes.occurredOn ?? before.occurredOn,
      kind: changes.kind ?? before.kind,
      title: changes.title ?? before.title,
      detail: { notes: changes.notes ?? before.notes },
      cooperationId: scope.cooperationId,
      projectId: scope.projectId,
      territoryIds: territoryIds ?? before.territories.map((t) => t.id),
    };
    await replaceActionEntry(trx, entry);
    // Its documents' entries say which action they belong to, and show where it shows (an action
    // without documents, the usual case, costs no lookup among the cooperation's entries).
    if (before.documents.length > 0) await followActionInDocumentEntries(trx, { ...entry, id });
    const after = await reload(trx, id);
    return { target: { entityType: "action", entityId: id, action: "updated" }, before, after, result: after };
  });
}

/** Soft removal: the row stays for the audit trail, the timeline entry goes. */
export function deleteAction(
  db: Kysely<Database>,
  actor: Actor,
  input: { id: string; version: number },
): Promise<{ id: string }> {
  const { id, version } = input;
  return auditedWrite(db, actor.userId, async (trx) => {
    const { action: before } = await loadForChange(trx, actor, id, version);
    if (!(await removeAction(trx, id, version))) {
      throw new DomainError("CONFLICT", "conflict.stale", {}, { current: before });
    }
    await deleteActionEntry(trx, id);
    // Its documents can no longer be opened (their owner is gone): their entries go too.
    if (before.documents.length > 0) await deleteDocumentEntries(trx, before.cooperation.id, { actionId: id });
    return { target: { entityType: "action", entityId: id, action: "removed" }, before, after: null, result: { id } };
  });
}
