import { createHash } from "node:crypto";
import {
  type Actor,
  canEditCooperation,
  canEditProject,
  canViewProject,
  type DocumentOwner,
  DomainError,
  documentFileName,
  documentTypeOf,
  fieldError,
  type Label,
  MAX_DOCUMENT_BYTES,
  MAX_DOCUMENT_SIZE_LABEL,
  notFound,
} from "@trame/core";
import {
  type Database,
  type DocumentMeta,
  type DocumentOwnerAccess,
  findDocumentOwnerAccess,
  getDocument,
  getDocumentContent,
  insertDocument,
  type Kysely,
  listDocuments,
  softRemoveDocument,
} from "@trame/db";
import { fileTypeFromBuffer } from "file-type";
import { auditedWrite } from "./audited-write.ts";

export const DOCUMENT_LABEL: Label = { fr: "Document", en: "Document" };
const ownerLabel = (owner: DocumentOwner): Label =>
  "projectId" in owner ? { fr: "Projet", en: "Project" } : { fr: "Action", en: "Action" };

/** A restricted project answers "not found" to outsiders: its existence is itself restricted. */
async function viewableOwner(db: Kysely<Database>, actor: Actor, owner: DocumentOwner): Promise<DocumentOwnerAccess> {
  const access = await findDocumentOwnerAccess(db, owner);
  if (!access || (access.project && !canViewProject(actor, access.project))) throw notFound(ownerLabel(owner));
  return access;
}

/**
 * Editors of a stored partner of the project (the action's project for an action); for an action
 * on a cooperation alone, editors of one of its current members — the ones who log its actions.
 */
export async function requireDocumentEditor(
  db: Kysely<Database>,
  actor: Actor,
  owner: DocumentOwner,
): Promise<DocumentOwnerAccess> {
  const access = await viewableOwner(db, actor, owner);
  if (access.project) {
    if (!canEditProject(actor, access.project)) throw new DomainError("FORBIDDEN", "forbidden.projectEdit");
    if (access.project.archived) throw new DomainError("PRECONDITION_FAILED", "project.archived");
  } else if (!canEditCooperation(actor, access.cooperationMembers)) {
    throw new DomainError("FORBIDDEN", "forbidden.cooperationEdit");
  }
  return access;
}

export async function listOwnerDocuments(
  db: Kysely<Database>,
  actor: Actor,
  owner: DocumentOwner,
): Promise<DocumentMeta[]> {
  await viewableOwner(db, actor, owner);
  return listDocuments(db, owner);
}

export interface UploadedFile {
  name: string;
  content: Uint8Array;
}

/**
 * Stores a file already read within the size limit. The type comes from the magic bytes only;
 * whatever the browser declared is ignored.
 */
export async function storeDocument(
  db: Kysely<Database>,
  actor: Actor,
  access: DocumentOwnerAccess,
  file: UploadedFile,
): Promise<DocumentMeta> {
  if (file.content.byteLength === 0) throw fieldError("file", "document.emptyFile");
  if (file.content.byteLength > MAX_DOCUMENT_BYTES) {
    throw fieldError("file", "document.tooLarge", { max: MAX_DOCUMENT_SIZE_LABEL });
  }
  const sniffed = await fileTypeFromBuffer(file.content);
  const mimeType = documentTypeOf(sniffed?.mime, file.content);
  if (!mimeType) throw fieldError("file", "document.forbiddenType");
  const sha256 = createHash("sha256").update(file.content).digest("hex");
  return auditedWrite(db, actor.userId, async (trx) => {
    const meta = await insertDocument(trx, {
      projectId: access.projectId,
      actionId: access.actionId,
      name: documentFileName(file.name, mimeType),
      mimeType,
      sha256,
      content: file.content,
      uploadedBy: actor.userId,
    });
    return {
      target: { entityType: "document", entityId: meta.id, action: "uploaded" },
      before: null,
      after: meta,
      result: meta,
    };
  });
}

function ownerOf(doc: DocumentMeta): DocumentOwner {
  if (doc.projectId) return { projectId: doc.projectId };
  if (doc.actionId) return { actionId: doc.actionId };
  throw new Error(`document ${doc.id} has neither project nor action despite documents_attached`);
}

/** Past the document id, an invisible owner must not be told apart from a missing document. */
function asDocumentNotFound(error: unknown): never {
  throw error instanceof DomainError && error.code === "NOT_FOUND" ? notFound(DOCUMENT_LABEL) : error;
}

/** Metadata and bytes of a live document the actor may see; "not found" otherwise. */
export async function openDocument(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
): Promise<{ meta: DocumentMeta; content: Buffer }> {
  const meta = await getDocument(db, id);
  if (!meta) throw notFound(DOCUMENT_LABEL);
  await viewableOwner(db, actor, ownerOf(meta)).catch(asDocumentNotFound);
  const content = await getDocumentContent(db, id);
  if (!content) throw notFound(DOCUMENT_LABEL);
  return { meta, content };
}

export async function removeDocument(db: Kysely<Database>, actor: Actor, id: string): Promise<void> {
  const meta = await getDocument(db, id);
  if (!meta) throw notFound(DOCUMENT_LABEL);
  await requireDocumentEditor(db, actor, ownerOf(meta)).catch(asDocumentNotFound);
  await auditedWrite(db, actor.userId, async (trx) => {
    if (!(await softRemoveDocument(trx, id))) throw notFound(DOCUMENT_LABEL);
    return {
      target: { entityType: "document", entityId: id, action: "removed" },
      before: meta,
      after: null,
      result: undefined,
    };
  });
}
