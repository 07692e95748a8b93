import { randomUUID } from "node:crypto";
import type { Readable } from "node:stream";
import {
  type Actor,
  canEditCooperation,
  canEditProject,
  canViewProject,
  type DocumentOwner,
  DomainError,
  documentFileName,
  type Label,
  notFound,
  todayInFrance,
} from "@trame/core";
import {
  type Database,
  type DocumentMeta,
  type DocumentOwnerAccess,
  deleteDocumentEntries,
  documentEntryScope,
  findDocumentOwnerAccess,
  getDocument,
  insertDocument,
  insertDocumentEntry,
  type Kysely,
  listDocuments,
  softRemoveDocument,
} from "@trame/db";
import { databaseDocumentStore } from "../documents/document-store.ts";
import { inspectUpload } from "../documents/upload-inspection.ts";
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
  /** The bytes as the client sends them, read once. */
  pieces: AsyncIterable<Uint8Array>;
  /** Whether the multipart parser cut the file at the size limit. */
  truncated: () => boolean;
}

/**
 * Streams a file into the store while its size, hash and type are worked out, then records it.
 * The type comes from the magic bytes only; whatever the browser declared is ignored. A refusal
 * or a failure at any point discards what was already stored: nothing is left half-written.
 */
export async function storeDocument(
  db: Kysely<Database>,
  actor: Actor,
  access: DocumentOwnerAccess,
  file: UploadedFile,
): Promise<DocumentMeta> {
  const store = databaseDocumentStore(db);
  const id = randomUUID();
  const inspection = inspectUpload(file.truncated);
  try {
    await store.write(id, inspection.pass(file.pieces));
    const { sizeBytes, sha256, mimeType } = await inspection.result();
    return await auditedWrite(db, actor.userId, async (trx) => {
      const meta = await insertDocument(trx, {
        id,
        projectId: access.projectId,
        actionId: access.actionId,
        name: documentFileName(file.name, mimeType),
        mimeType,
        sha256,
        sizeBytes,
        uploadedBy: actor.userId,
      });
      // The upload is an event of the project's (or the action's) life: it shows on the timelines.
      const scope = await documentEntryScope(trx, ownerOf(meta));
      if (scope) await insertDocumentEntry(trx, { id: meta.id, name: meta.name, addedOn: todayInFrance() }, scope);
      return {
        target: { entityType: "document", entityId: meta.id, action: "uploaded" },
        before: null,
        after: meta,
        result: meta,
      };
    });
  } catch (error) {
    await store.discard(id);
    throw error;
  }
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

/** Metadata and bytes (a stream) of a live document the actor may see; "not found" otherwise. */
export async function openDocument(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
): Promise<{ meta: DocumentMeta; content: Readable }> {
  const meta = await getDocument(db, id);
  if (!meta) throw notFound(DOCUMENT_LABEL);
  await viewableOwner(db, actor, ownerOf(meta)).catch(asDocumentNotFound);
  // Stored bytes are never rewritten, so reading them after this check sees the checked document.
  return { meta, content: databaseDocumentStore(db).read(id) };
}

export async function removeDocument(db: Kysely<Database>, actor: Actor, id: string): Promise<void> {
  const meta = await getDocument(db, id);
  if (!meta) throw notFound(DOCUMENT_LABEL);
  await requireDocumentEditor(db, actor, ownerOf(meta)).catch(asDocumentNotFound);
  await auditedWrite(db, actor.userId, async (trx) => {
    if (!(await softRemoveDocument(trx, id))) throw notFound(DOCUMENT_LABEL);
    const scope = await documentEntryScope(trx, ownerOf(meta));
    if (scope) await deleteDocumentEntries(trx, scope.cooperationId, { documentId: id });
    return {
      target: { entityType: "document", entityId: id, action: "removed" },
      before: meta,
      after: null,
      result: undefined,
    };
  });
}
