import {
  type Actor,
  type ApplicationStatus,
  applicationTransitions,
  createActionInputSchema,
  createApplicationInputSchema,
  createProjectInputSchema,
  todayInFrance,
} from "@trame/core";
import { type Database, getAction, getApplication, getProject, type Kysely } from "@trame/db";
import { createAction, editAction } from "../services/action.service.ts";
import { createApplication, editApplication } from "../services/funding-application.service.ts";
import { addPayment } from "../services/funding-payment.service.ts";
import { transitionApplication } from "../services/funding-transition.service.ts";
import { changeProjectStatus, createProject, editProject, setProjectPartners } from "../services/project.service.ts";
import type { ActionValues, ApplicationValues, ProjectValues, RowValues } from "./import-rows.ts";

/** What a row did: created, updated, or found already as the file says. */
export type WriteOutcome = { done: "created" | "updated" | "unchanged"; entityId: string };

/** Recorded as the comment of workflow steps an import makes, so the history says where they came from. */
const IMPORT_COMMENT = "Import depuis un tableur";

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join("\n") === [...b].sort().join("\n");

/** Only what differs, so re-importing an unchanged file writes nothing (no audit line, no version bump). */
function changed<T extends object>(stored: T, wanted: Partial<T>): Partial<T> {
  const patch: Partial<T> = {};
  for (const [key, value] of Object.entries(wanted) as [keyof T, T[keyof T]][]) {
    if (value === undefined) continue;
    const before = stored[key];
    const same = Array.isArray(value) && Array.isArray(before) ? sameList(value, before) : value === before;
    if (!same) patch[key] = value;
  }
  return patch;
}

async function writeProject(
  trx: Kysely<Database>,
  actor: Actor,
  cooperationId: string,
  values: ProjectValues,
  entityId: string | null,
): Promise<WriteOutcome> {
  const stored = entityId ? await getProject(trx, entityId, null) : undefined;
  if (!stored) {
    const created = await createProject(
      trx,
      actor,
      createProjectInputSchema.parse({
        cooperationId,
        title: values.title,
        summary: values.summary,
        themes: values.themes,
        status: values.status,
        startedOn: values.startedOn,
        endedOn: values.endedOn,
        budgetCents: values.budgetCents,
        visibility: values.visibility,
        partners: values.partners,
      }),
    );
    return { done: "created", entityId: created.id };
  }
  let current = stored;
  let wrote = false;
  const patch = changed(current, {
    title: values.title,
    summary: values.summary,
    themes: values.themes,
    startedOn: values.startedOn,
    endedOn: values.endedOn,
    budgetCents: values.budgetCents,
    visibility: values.visibility,
  });
  if (Object.keys(patch).length > 0) {
    current = await editProject(trx, actor, { id: current.id, version: current.version, ...patch });
    wrote = true;
  }
  const storedPartners = current.partners.map((p) => `${p.territory.id}:${p.role}`);
  const wantedPartners = values.partners.map((p) => `${p.territoryId}:${p.role}`);
  if (values.partnersGiven && !sameList(storedPartners, wantedPartners)) {
    current = await setProjectPartners(trx, actor, {
      id: current.id,
      version: current.version,
      partners: values.partners,
    });
    wrote = true;
  }
  if (values.status && values.status !== current.status) {
    current = await changeProjectStatus(trx, actor, {
      id: current.id,
      version: current.version,
      status: values.status,
      changedOn: todayInFrance(),
      comment: IMPORT_COMMENT,
    });
    wrote = true;
  }
  return { done: wrote ? "updated" : "unchanged", entityId: current.id };
}

async function writeAction(
  trx: Kysely<Database>,
  actor: Actor,
  cooperationId: string,
  values: ActionValues,
  entityId: string | null,
): Promise<WriteOutcome> {
  const stored = entityId ? await getAction(trx, entityId, null) : undefined;
  if (!stored) {
    const created = await createAction(
      trx,
      actor,
      createActionInputSchema.parse({
        ...(values.projectId ? { projectId: values.projectId } : { cooperationId }),
        occurredOn: values.occurredOn,
        kind: values.actionKind,
        title: values.title,
        notes: values.notes,
        territoryIds: values.territoryIds?.length ? values.territoryIds : undefined,
      }),
    );
    return { done: "created", entityId: created.id };
  }
  const patch = changed(
    { occurredOn: stored.occurredOn, kind: stored.kind, title: stored.title, notes: stored.notes },
    { occurredOn: values.occurredOn, kind: values.actionKind, title: values.title, notes: values.notes },
  );
  const territoryIds =
    values.territoryIds?.length &&
    !sameList(
      values.territoryIds,
      stored.territories.map((t) => t.id),
    )
      ? values.territoryIds
      : undefined;
  if (Object.keys(patch).length === 0 && !territoryIds) return { done: "unchanged", entityId: stored.id };
  await editAction(trx, actor, { id: stored.id, version: stored.version, ...patch, territoryIds });
  return { done: "updated", entityId: stored.id };
}

/** The shortest way through the funding workflow from one status to another, or null when there is none. */
function pathTo(from: ApplicationStatus, to: ApplicationStatus): ApplicationStatus[] | null {
  const queue: ApplicationStatus[][] = [[from]];
  const seen = new Set<ApplicationStatus>([from]);
  while (queue.length > 0) {
    const path = queue.shift() ?? [];
    const last = path[path.length - 1] ?? from;
    if (last === to) return path.slice(1);
    for (const next of applicationTransitions[last]) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push([...path, next]);
      }
    }
  }
  return null;
}

/**
 * An application is created as a draft like any other, then walked step by step through the same
 * workflow a user would follow (submitted on its submission date, granted with its amount), and
 * what the file says was paid is recorded as one payment: the funding rules check every step.
 */
async function writeApplication(
  trx: Kysely<Database>,
  actor: Actor,
  values: ApplicationValues,
  entityId: string | null,
): Promise<WriteOutcome> {
  let current = entityId ? await getApplication(trx, entityId, null) : undefined;
  let done: WriteOutcome["done"] = "unchanged";
  if (!current) {
    current = await createApplication(
      trx,
      actor,
      createApplicationInputSchema.parse({
        projectId: values.projectId,
        applicantTerritoryId: values.applicantTerritoryId,
        programmeId: values.programmeId,
        requestedCents: values.requestedCents,
        spendingDeadline: values.spendingDeadline ?? null,
      }),
    );
    done = "created";
  } else {
    const patch = changed(
      { requestedCents: current.requestedCents, spendingDeadline: current.spendingDeadline },
      { requestedCents: values.requestedCents, spendingDeadline: values.spendingDeadline },
    );
    if (Object.keys(patch).length > 0 && current.status !== "closed") {
      current = await editApplication(trx, actor, { id: current.id, version: current.version, ...patch });
      done = "updated";
    }
  }
  const today = todayInFrance();
  const target: ApplicationStatus | null =
    values.status ?? (values.grantedCents ? "granted" : values.submittedOn ? "submitted" : null);
  if (target && target !== current.status) {
    const steps = pathTo(current.status, target === "closed" ? "granted" : target) ?? [];
    for (const to of steps) {
      current = await transitionApplication(trx, actor, {
        id: current.id,
        version: current.version,
        to,
        on: to === "submitted" ? (values.submittedOn ?? today) : today,
        comment: IMPORT_COMMENT,
        ...(to === "granted" ? { grantedCents: values.grantedCents ?? undefined } : {}),
      });
      done = done === "created" ? done : "updated";
    }
  }
  const owed = (values.paidCents ?? 0) - current.paidCents;
  if (owed > 0 && current.status === "granted") {
    current = await addPayment(trx, actor, {
      applicationId: current.id,
      version: current.version,
      paidOn: today,
      amountCents: owed,
      reference: IMPORT_COMMENT,
    });
    done = done === "created" ? done : "updated";
  }
  if (target === "closed" && current.status === "granted") {
    current = await transitionApplication(trx, actor, {
      id: current.id,
      version: current.version,
      to: "closed",
      on: today,
      comment: IMPORT_COMMENT,
    });
    done = done === "created" ? done : "updated";
  }
  return { done, entityId: current.id };
}

export function writeRow(
  trx: Kysely<Database>,
  actor: Actor,
  cooperationId: string,
  values: RowValues,
  entityId: string | null,
): Promise<WriteOutcome> {
  switch (values.kind) {
    case "projects":
      return writeProject(trx, actor, cooperationId, values, entityId);
    case "actions":
      return writeAction(trx, actor, cooperationId, values, entityId);
    case "applications":
      return writeApplication(trx, actor, values, entityId);
  }
}
