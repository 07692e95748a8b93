import type { PartnerRole, Visibility } from "@trame/core";
import { type ExpressionBuilder, type Kysely, sql } from "kysely";
import type { Database } from "../schema.ts";

export interface DocumentMeta {
  id: string;
  projectId: string | null;
  actionId: string | null;
  name: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  uploadedBy: { id: string; name: string } | null;
  createdAt: string;
}

/** A document whose bytes are already in `document_chunks` under `id`. */
export interface NewDocument {
  id: string;
  projectId: string | null;
  actionId: string | null;
  name: string;
  mimeType: string;
  sha256: string;
  sizeBytes: number;
  uploadedBy: string;
}

export type DocumentOwnerRef = { projectId: string } | { actionId: string };

const metaColumns = [
  "d.id",
  "d.project_id",
  "d.action_id",
  "d.name",
  "d.mime_type",
  "d.size_bytes",
  "d.sha256",
  "d.created_at",
  "u.id as uploader_id",
  "u.name as uploader_name",
] as const;

const live = (eb: ExpressionBuilder<Database & { d: Database["documents"] }, "d">) => eb("d.removed_at", "is", null);

function metaQuery(db: Kysely<Database>) {
  return db
    .selectFrom("documents as d")
    .leftJoin("users as u", "u.id", "d.uploaded_by")
    .select(metaColumns)
    .where(live);
}

type MetaRow = Awaited<ReturnType<ReturnType<typeof metaQuery>["executeTakeFirstOrThrow"]>>;

function toMeta(row: MetaRow): DocumentMeta {
  return {
    id: row.id,
    projectId: row.project_id,
    actionId: row.action_id,
    name: row.name,
    mimeType: row.mime_type,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    uploadedBy: row.uploader_id && row.uploader_name ? { id: row.uploader_id, name: row.uploader_name } : null,
    createdAt: row.created_at,
  };
}

export async function insertDocument(db: Kysely<Database>, doc: NewDocument): Promise<DocumentMeta> {
  const { id } = await db
    .insertInto("documents")
    .values({
      id: doc.id,
      project_id: doc.projectId,
      action_id: doc.actionId,
      name: doc.name,
      mime_type: doc.mimeType,
      size_bytes: doc.sizeBytes,
      sha256: doc.sha256,
      uploaded_by: doc.uploadedBy,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const meta = await getDocument(db, id);
  if (!meta) throw new Error(`document ${id} vanished inside its own transaction`);
  return meta;
}

/** A removed document is gone for every reader; its row stays for the audit trail. */
export async function getDocument(db: Kysely<Database>, id: string): Promise<DocumentMeta | undefined> {
  const row = await metaQuery(db).where("d.id", "=", id).executeTakeFirst();
  return row && toMeta(row);
}

export async function listDocuments(db: Kysely<Database>, owner: DocumentOwnerRef): Promise<DocumentMeta[]> {
  const query = metaQuery(db).orderBy("d.created_at", "desc").orderBy("d.id");
  const rows = await ("projectId" in owner
    ? query.where("d.project_id", "=", owner.projectId)
    : query.where("d.action_id", "=", owner.actionId)
  ).execute();
  return rows.map(toMeta);
}

/** True when this call removed it; false when it was already gone (a concurrent removal). */
export async function softRemoveDocument(db: Kysely<Database>, id: string): Promise<boolean> {
  const result = await db
    .updateTable("documents")
    .set({ removed_at: sql<string>`now()` })
    .where("id", "=", id)
    .where("removed_at", "is", null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** What decides who may see and attach documents, read from the stored rows only. */
export interface DocumentOwnerAccess {
  projectId: string | null;
  actionId: string | null;
  /** The project itself, or the action's project; null for an action logged on a cooperation only. */
  project: {
    visibility: Visibility;
    archived: boolean;
    partners: Array<{ territoryId: string; role: PartnerRole }>;
  } | null;
  /** Members of the action's cooperation (with their leaving date) when the action has no project. */
  cooperationMembers: Array<{ territoryId: string; leftOn: string | null }>;
}

async function projectAccess(db: Kysely<Database>, projectId: string) {
  const project = await db
    .selectFrom("projects")
    .select(["visibility", "archived_at"])
    .where("id", "=", projectId)
    .executeTakeFirst();
  if (!project) return undefined;
  const partners = await db
    .selectFrom("project_partners")
    .select(["territory_id", "role"])
    .where("project_id", "=", projectId)
    .execute();
  return {
    visibility: project.visibility,
    archived: project.archived_at !== null,
    partners: partners.map((p) => ({ territoryId: p.territory_id, role: p.role })),
  };
}

/** Undefined when the project or the (not removed) action does not exist. */
export async function findDocumentOwnerAccess(
  db: Kysely<Database>,
  owner: DocumentOwnerRef,
): Promise<DocumentOwnerAccess | undefined> {
  if ("projectId" in owner) {
    const project = await projectAccess(db, owner.projectId);
    return project && { projectId: owner.projectId, actionId: null, project, cooperationMembers: [] };
  }
  const action = await db
    .selectFrom("actions")
    .select(["project_id", "cooperation_id"])
    .where("id", "=", owner.actionId)
    .where("removed_at", "is", null)
    .executeTakeFirst();
  if (!action) return undefined;
  if (action.project_id) {
    const project = await projectAccess(db, action.project_id);
    return project && { projectId: null, actionId: owner.actionId, project, cooperationMembers: [] };
  }
  const members = await db
    .selectFrom("cooperation_members")
    .select(["territory_id", "left_on"])
    .where("cooperation_id", "=", action.cooperation_id)
    .execute();
  return {
    projectId: null,
    actionId: owner.actionId,
    project: null,
    cooperationMembers: members.map((m) => ({ territoryId: m.territory_id, leftOn: m.left_on })),
  };
}
