import {
  type Actor,
  type ChangeProjectStatusInput,
  type CreateProjectInput,
  canEditProject,
  canMoveProject,
  canSetPartners,
  DomainError,
  endsBeforeStart,
  fieldError,
  hasTerritoryRole,
  type Label,
  membershipRoleLabels,
  notFound,
  projectStatusLabels,
  projectTransitions,
  type SetPartnersInput,
  type StoredProjectAccess,
  todayInFrance,
  translate,
  type UpdateProjectInput,
} from "@trame/core";
import {
  type Database,
  getCooperation,
  getProject,
  getTerritoriesByIds,
  insertProject,
  insertStatusChange,
  insertTimelineEntry,
  type Kysely,
  lockProject,
  type ProjectDetail,
  replacePartners,
  updateProject,
} from "@trame/db";
import { viewerOf } from "../auth/viewer.ts";
import { type NotificationJobs, queueNotification } from "../jobs/notification-fanout.job.ts";
import { auditedWrite } from "./audited-write.ts";

const PROJECT: Label = { fr: "Projet", en: "Project" };
const COOPERATION: Label = { fr: "Coopération", en: "Cooperation" };
const TERRITORY: Label = { fr: "Territoire", en: "Territory" };

/** The stored partners, in the shape the access rules read: never ids from the request. */
export function accessOf(project: ProjectDetail): StoredProjectAccess {
  return {
    visibility: project.visibility,
    partners: project.partners.map((p) => ({ territoryId: p.territory.id, role: p.role })),
  };
}

/** A missing entity named in the payload: NOT_FOUND, with the field it came from so the form can mark it. */
export function notFoundAt(entity: Label, fields: readonly string[]): DomainError {
  const message = notFound(entity).label;
  return new DomainError(
    "NOT_FOUND",
    "notFound.entity",
    { entity },
    { fields: fields.map((field) => ({ field, message })) },
  );
}

/** Every territory named in the payload must exist; one query, and every missing one is reported. */
export async function requireTerritories(
  trx: Kysely<Database>,
  named: ReadonlyArray<{ field: string; id: string }>,
): Promise<void> {
  if (named.length === 0) return;
  const found = new Set((await getTerritoriesByIds(trx, [...new Set(named.map((n) => n.id))])).map((t) => t.id));
  const missing = named.filter((n) => !found.has(n.id)).map((n) => n.field);
  if (missing.length > 0) throw notFoundAt(TERRITORY, missing);
}

const partnerFields = (partners: ReadonlyArray<{ territoryId: string }>) =>
  partners.map((p, index) => ({ field: `partners.${index}.territoryId`, id: p.territoryId }));

/**
 * A project's partners are current members of its cooperation, as stored now: otherwise anyone
 * could open a project in a cooperation they are not part of, naming territories that never agreed.
 */
async function requirePartnersAreMembers(
  trx: Kysely<Database>,
  cooperationId: string,
  partners: ReadonlyArray<{ territoryId: string }>,
): Promise<void> {
  const cooperation = await getCooperation(trx, cooperationId);
  if (!cooperation) throw notFoundAt(COOPERATION, ["cooperationId"]);
  const members = new Set(cooperation.members.filter((m) => m.leftOn === null).map((m) => m.territory.id));
  const outsiders = partnerFields(partners).filter((p) => !members.has(p.id));
  if (outsiders.length === 0) return;
  const message = translate("project.partnerNotMember");
  throw new DomainError(
    "BAD_REQUEST",
    "project.partnerNotMember",
    {},
    { fields: outsiders.map(({ field }) => ({ field, message })) },
  );
}

function stale(current: ProjectDetail): DomainError {
  return new DomainError("CONFLICT", "conflict.stale", {}, { current });
}

async function reload(trx: Kysely<Database>, id: string): Promise<ProjectDetail> {
  const detail = await getProject(trx, id, null);
  if (!detail) throw notFound(PROJECT);
  return detail;
}

const FORBIDDEN_KEYS = {
  edit: "forbidden.projectEdit",
  setPartners: "forbidden.projectPartners",
  archive: "forbidden.territoryRole",
} as const;

/**
 * Locks the project and checks the actor against its STORED partners. A project the actor may not
 * see is NOT_FOUND rather than FORBIDDEN, so a restricted project's existence does not leak.
 * Archived projects are read-only.
 */
async function loadForChange(
  trx: Kysely<Database>,
  actor: Actor,
  id: string,
  need: keyof typeof FORBIDDEN_KEYS,
): Promise<ProjectDetail> {
  if (!(await lockProject(trx, id))) throw notFound(PROJECT);
  const project = await getProject(trx, id, viewerOf(actor));
  if (!project) throw notFound(PROJECT);
  const access = accessOf(project);
  const allowed = need === "edit" ? canEditProject(actor, access) : canSetPartners(actor, access);
  if (!allowed) throw new DomainError("FORBIDDEN", FORBIDDEN_KEYS[need], { role: membershipRoleLabels.editor });
  if (project.archived) throw new DomainError("PRECONDITION_FAILED", "project.archived");
  return project;
}

/** The project's own fields for the audit trail: status changes have their own entries. */
function snapshot(detail: ProjectDetail) {
  const { statusHistory: _statusHistory, ...fields } = detail;
  return fields;
}

export function createProject(db: Kysely<Database>, actor: Actor, input: CreateProjectInput): Promise<ProjectDetail> {
  const { cooperationId, partners, status, ...fields } = input;
  return auditedWrite(db, actor.userId, async (trx) => {
    const provider = fields.engineeringProviderId;
    await requireTerritories(trx, [
      ...partnerFields(partners),
      ...(provider ? [{ field: "engineeringProviderId", id: provider }] : []),
    ]);
    const cooperation = await getCooperation(trx, cooperationId);
    if (!cooperation) throw notFoundAt(COOPERATION, ["cooperationId"]);
    // Creating commits the lead territory to the project, so the actor must edit for that territory.
    const lead = partners.find((p) => p.role === "lead");
    if (!lead || !hasTerritoryRole(actor, lead.territoryId, "editor")) {
      throw new DomainError("FORBIDDEN", "forbidden.territoryRole", { role: membershipRoleLabels.editor });
    }
    if (cooperation.archived) throw new DomainError("PRECONDITION_FAILED", "cooperation.archived");
    await requirePartnersAreMembers(trx, cooperationId, partners);

    const today = todayInFrance();
    const id = await insertProject(trx, { ...fields, cooperationId, status, statusChangedOn: today });
    await replacePartners(trx, id, partners);
    await insertStatusChange(trx, {
      projectId: id,
      from: null,
      to: status,
      changedOn: today,
      comment: "",
      changedBy: actor.userId,
    });
    await insertTimelineEntry(trx, {
      occurredOn: today,
      kind: "project_status",
      title: fields.title,
      detail: { from: null, to: status, comment: "" },
      cooperationId,
      projectId: id,
      territoryIds: partners.map((p) => p.territoryId),
    });
    const after = await reload(trx, id);
    return {
      target: { entityType: "project", entityId: id, action: "created" },
      before: null,
      after: snapshot(after),
      result: after,
    };
  });
}

export function editProject(db: Kysely<Database>, actor: Actor, input: UpdateProjectInput): Promise<ProjectDetail> {
  const { id, version, ...changes } = input;
  return auditedWrite(db, actor.userId, async (trx) => {
    const before = await loadForChange(trx, actor, id, "edit");
    if (before.version !== version) throw stale(before);
    // Opening a partners-only project to the whole network speaks for every partner: the lead's call.
    if (
      before.visibility === "partners" &&
      changes.visibility === "network" &&
      !canSetPartners(actor, accessOf(before))
    ) {
      throw new DomainError("FORBIDDEN", "forbidden.openToNetwork");
    }
    if (changes.engineeringProviderId) {
      await requireTerritories(trx, [{ field: "engineeringProviderId", id: changes.engineeringProviderId }]);
    }
    // The patch may move only one end of the period: check it against the stored other end.
    const startedOn = changes.startedOn === undefined ? before.startedOn : changes.startedOn;
    const endedOn = changes.endedOn === undefined ? before.endedOn : changes.endedOn;
    if (endsBeforeStart(startedOn, endedOn)) {
      throw fieldError(changes.endedOn === undefined ? "startedOn" : "endedOn", "date.endBeforeStart");
    }
    if (!(await updateProject(trx, id, version, changes))) throw stale(before);
    const after = await reload(trx, id);
    return {
      target: { entityType: "project", entityId: id, action: "updated" },
      before: snapshot(before),
      after: snapshot(after),
      result: after,
    };
  });
}

/** Replaces the whole partner list; only the stored lead's editors may, since it commits the lead's name. */
export function setProjectPartners(
  db: Kysely<Database>,
  actor: Actor,
  input: SetPartnersInput,
): Promise<ProjectDetail> {
  const { id, version, partners } = input;
  return auditedWrite(db, actor.userId, async (trx) => {
    const before = await loadForChange(trx, actor, id, "setPartners");
    if (before.version !== version) throw stale(before);
    await requireTerritories(trx, partnerFields(partners));
    await requirePartnersAreMembers(trx, before.cooperation.id, partners);
    if (!(await updateProject(trx, id, version, {}))) throw stale(before);
    await replacePartners(trx, id, partners);
    const after = await reload(trx, id);
    return {
      target: { entityType: "project", entityId: id, action: "partners_set" },
      before: { partners: before.partners, version: before.version },
      after: { partners: after.partners, version: after.version },
      result: after,
    };
  });
}

/** A status change is dated, attributed, kept in the history and shown on every current partner's timeline. */
export function changeProjectStatus(
  db: Kysely<Database>,
  actor: Actor,
  input: ChangeProjectStatusInput,
  notifications?: NotificationJobs,
): Promise<ProjectDetail> {
  const { id, version, status, changedOn, comment } = input;
  return auditedWrite(db, actor.userId, async (trx) => {
    const before = await loadForChange(trx, actor, id, "edit");
    if (before.version !== version) throw stale(before);
    if (!canMoveProject(before.status, status)) {
      throw new DomainError(
        "PRECONDITION_FAILED",
        "project.illegalTransition",
        { from: projectStatusLabels[before.status], to: projectStatusLabels[status] },
        { allowed: projectTransitions[before.status] },
      );
    }
    if (!(await updateProject(trx, id, version, { status: { to: status, on: changedOn } }))) throw stale(before);
    await insertStatusChange(trx, {
      projectId: id,
      from: before.status,
      to: status,
      changedOn,
      comment,
      changedBy: actor.userId,
    });
    await insertTimelineEntry(trx, {
      occurredOn: changedOn,
      kind: "project_status",
      title: before.title,
      detail: { from: before.status, to: status, comment },
      cooperationId: before.cooperation.id,
      projectId: id,
      territoryIds: before.partners.map((p) => p.territory.id),
    });
    const after = await reload(trx, id);
    await queueNotification(trx, notifications, actor.userId, {
      kind: "project_status_changed",
      cooperationId: before.cooperation.id,
      cooperationName: before.cooperation.name,
      projectId: id,
      projectTitle: before.title,
      from: before.status,
      to: status,
    });
    return {
      target: { entityType: "project", entityId: id, action: "status_changed" },
      before: { status: before.status, version: before.version },
      after: { status, changedOn, comment, version: after.version },
      result: after,
    };
  });
}

/** Nothing is deleted: an archived project leaves the lists and freezes; its history stays readable. */
export function archiveProject(
  db: Kysely<Database>,
  actor: Actor,
  input: { id: string; version: number },
): Promise<ProjectDetail> {
  const { id, version } = input;
  return auditedWrite(db, actor.userId, async (trx) => {
    const before = await loadForChange(trx, actor, id, "archive");
    if (before.version !== version) throw stale(before);
    if (!(await updateProject(trx, id, version, { archive: true }))) throw stale(before);
    const after = await reload(trx, id);
    return {
      target: { entityType: "project", entityId: id, action: "archived" },
      before: snapshot(before),
      after: snapshot(after),
      result: after,
    };
  });
}
