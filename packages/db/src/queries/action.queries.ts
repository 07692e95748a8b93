import type { ActionKind } from "@trame/core";
import { type ExpressionBuilder, type Kysely, sql, type UpdateObject } from "kysely";
import { jsonArrayFrom } from "kysely/helpers/postgres";
import type { ActionsTable, Database, ProjectsTable } from "../schema.ts";
import { type ProjectViewer, projectVisibleTo } from "./project.queries.ts";

export interface JointAction {
  id: string;
  cooperation: { id: string; name: string };
  project: { id: string; title: string } | null;
  occurredOn: string;
  kind: ActionKind;
  title: string;
  /** Markdown exactly as typed; rendering it safely is the reader's job. */
  notes: string;
  /** Read from the action's timeline entry: the territories on whose timelines it shows. */
  territories: Array<{ id: string; name: string }>;
  createdBy: { id: string; name: string } | null;
  /** The files attached to it (live ones), oldest first: minutes, attendance sheets, photos. */
  documents: Array<{ id: string; name: string; sizeBytes: number }>;
  version: number;
  createdAt: string;
  updatedAt: string;
}

type ActionEb = ExpressionBuilder<Database & { a: ActionsTable }, "a">;

/** An action on a restricted project is as hidden as the project; one on the cooperation itself is not. */
function actionVisibleTo(eb: ActionEb, viewer: ProjectViewer) {
  if (viewer.isInstanceAdmin) return eb.lit(true);
  return eb.or([
    eb("a.project_id", "is", null),
    eb.exists(
      eb
        .selectFrom("projects as p")
        .select(eb.lit(1).as("one"))
        .whereRef("p.id", "=", "a.project_id")
        .where((sub) => projectVisibleTo(sub as ExpressionBuilder<Database & { p: ProjectsTable }, "p">, viewer)),
    ),
  ]);
}

function actionQuery(db: Kysely<Database>, viewer: ProjectViewer | null) {
  return db
    .selectFrom("actions as a")
    .innerJoin("cooperations as c", "c.id", "a.cooperation_id")
    .leftJoin("projects as p", "p.id", "a.project_id")
    .leftJoin("users as u", "u.id", "a.created_by")
    .where("a.removed_at", "is", null)
    .where((eb) => (viewer ? actionVisibleTo(eb as ActionEb, viewer) : eb.lit(true)))
    .select((eb) => [
      "a.id",
      "a.occurred_on",
      "a.kind",
      "a.title",
      "a.notes",
      "a.version",
      "a.created_at",
      "a.updated_at",
      "c.id as cooperation_id",
      "c.name as cooperation_name",
      "p.id as project_id",
      "p.title as project_title",
      "u.id as user_id",
      "u.name as user_name",
      jsonArrayFrom(
        eb
          .selectFrom("timeline_entries as e")
          .innerJoin("timeline_entry_territories as x", "x.entry_id", "e.id")
          .innerJoin("territories as t", "t.id", "x.territory_id")
          .select(["t.id", "t.name"])
          .whereRef("e.action_id", "=", "a.id")
          .orderBy("t.name")
          .orderBy("t.id"),
      ).as("territories"),
      jsonArrayFrom(
        eb
          .selectFrom("documents as d")
          .select(["d.id", "d.name", "d.size_bytes as sizeBytes"])
          .whereRef("d.action_id", "=", "a.id")
          .where("d.removed_at", "is", null)
          .orderBy("d.created_at")
          .orderBy("d.id"),
      ).as("documents"),
    ]);
}

type ActionRow = Awaited<ReturnType<ReturnType<typeof actionQuery>["executeTakeFirstOrThrow"]>>;

function toAction(row: ActionRow): JointAction {
  return {
    id: row.id,
    cooperation: { id: row.cooperation_id, name: row.cooperation_name },
    project: row.project_id && row.project_title ? { id: row.project_id, title: row.project_title } : null,
    occurredOn: row.occurred_on,
    kind: row.kind,
    title: row.title,
    notes: row.notes,
    territories: row.territories,
    createdBy: row.user_id && row.user_name ? { id: row.user_id, name: row.user_name } : null,
    documents: row.documents,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Newest first, in the order of the (scope, occurred_on desc, id desc) indexes. Removed actions are gone. */
export async function listActions(
  db: Kysely<Database>,
  filter: { projectId?: string | undefined; cooperationId?: string | undefined; limit: number; offset: number },
  viewer: ProjectViewer,
): Promise<{ items: JointAction[]; total: number }> {
  let query = actionQuery(db, viewer);
  if (filter.projectId) query = query.where("a.project_id", "=", filter.projectId);
  if (filter.cooperationId) query = query.where("a.cooperation_id", "=", filter.cooperationId);
  const rows = await query
    .select(sql<number>`count(*) over ()`.as("total"))
    .orderBy("a.occurred_on", "desc")
    .orderBy("a.id", "desc")
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  return { items: rows.map(toAction), total: Number(rows[0]?.total ?? 0) };
}

/** A live action as `viewer` may see it; a null viewer reads past visibility (services, after their checks). */
export async function getAction(
  db: Kysely<Database>,
  id: string,
  viewer: ProjectViewer | null,
): Promise<JointAction | undefined> {
  const row = await actionQuery(db, viewer).where("a.id", "=", id).executeTakeFirst();
  return row && toAction(row);
}

/**
 * Whether `viewer` may see the action, removed or not (a removed action's history stays readable);
 * undefined when there is no such action.
 */
export async function isActionVisible(
  db: Kysely<Database>,
  id: string,
  viewer: ProjectViewer,
): Promise<boolean | undefined> {
  const row = await db
    .selectFrom("actions as a")
    .select((eb) => actionVisibleTo(eb as ActionEb, viewer).as("visible"))
    .where("a.id", "=", id)
    .executeTakeFirst();
  return row === undefined ? undefined : row.visible === true;
}

/** Takes the action's row lock for the rest of the transaction; false when there is no such action. */
export async function lockAction(db: Kysely<Database>, id: string): Promise<boolean> {
  const row = await db.selectFrom("actions").select("id").where("id", "=", id).forUpdate().executeTakeFirst();
  return row !== undefined;
}

export interface ActionFields {
  occurredOn: string;
  kind: ActionKind;
  title: string;
  notes: string;
}

export async function insertAction(
  db: Kysely<Database>,
  fields: ActionFields & { cooperationId: string; projectId: string | null; createdBy: string },
): Promise<string> {
  const row = await db
    .insertInto("actions")
    .values({
      cooperation_id: fields.cooperationId,
      project_id: fields.projectId,
      occurred_on: fields.occurredOn,
      kind: fields.kind,
      title: fields.title,
      notes: fields.notes,
      created_by: fields.createdBy,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Optimistic update of a live action: applies only while the stored version is still `version`; false when stale. */
export function updateAction(
  db: Kysely<Database>,
  id: string,
  version: number,
  changes: Partial<ActionFields>,
): Promise<boolean> {
  return writeLiveAction(db, id, version, {
    occurred_on: changes.occurredOn,
    kind: changes.kind,
    title: changes.title,
    notes: changes.notes,
  });
}

/** Marks the action removed instead of deleting it, so its audit trail still points somewhere. */
export function removeAction(db: Kysely<Database>, id: string, version: number): Promise<boolean> {
  return writeLiveAction(db, id, version, { removed_at: sql<string>`now()` });
}

async function writeLiveAction(
  db: Kysely<Database>,
  id: string,
  version: number,
  columns: UpdateObject<Database, "actions">,
): Promise<boolean> {
  const result = await db
    .updateTable("actions")
    .set({ ...columns, version: sql<number>`version + 1`, updated_at: sql<string>`now()` })
    .where("id", "=", id)
    .where("version", "=", version)
    .where("removed_at", "is", null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}
