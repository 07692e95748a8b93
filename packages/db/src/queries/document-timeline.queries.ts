import { type Kysely, sql } from "kysely";
import type { Database } from "../schema.ts";
import type { DocumentOwnerRef } from "./document.queries.ts";
import { deleteTimelineEntries, insertTimelineEntry, rewriteEntry } from "./timeline-write.queries.ts";

/** Where a document's entry shows: its project's timelines, or those of the action it is attached to. */
export interface DocumentEntryScope {
  cooperationId: string;
  projectId: string | null;
  territoryIds: string[];
  action: { id: string; title: string } | null;
}

/**
 * A project's document shows wherever the project's steps show (its partners); an action's document
 * wherever the action shows, read from the action's own entry so the two never disagree.
 * Undefined when the owner is gone.
 */
export async function documentEntryScope(
  db: Kysely<Database>,
  owner: DocumentOwnerRef,
): Promise<DocumentEntryScope | undefined> {
  if ("projectId" in owner) {
    const project = await db
      .selectFrom("projects")
      .select("cooperation_id")
      .where("id", "=", owner.projectId)
      .executeTakeFirst();
    if (!project) return undefined;
    const partners = await db
      .selectFrom("project_partners")
      .select("territory_id")
      .where("project_id", "=", owner.projectId)
      .execute();
    return {
      cooperationId: project.cooperation_id,
      projectId: owner.projectId,
      territoryIds: partners.map((p) => p.territory_id),
      action: null,
    };
  }
  const entry = await db
    .selectFrom("timeline_entries")
    .select(["id", "cooperation_id", "project_id", "title"])
    .where("action_id", "=", owner.actionId)
    .executeTakeFirst();
  if (!entry) return undefined;
  const links = await db
    .selectFrom("timeline_entry_territories")
    .select("territory_id")
    .where("entry_id", "=", entry.id)
    .execute();
  return {
    cooperationId: entry.cooperation_id,
    projectId: entry.project_id,
    territoryIds: links.map((l) => l.territory_id),
    action: { id: owner.actionId, title: entry.title },
  };
}

/** Call in the upload's transaction: the entry exists exactly when the document does. */
export async function insertDocumentEntry(
  db: Kysely<Database>,
  document: { id: string; name: string; addedOn: string },
  scope: DocumentEntryScope,
): Promise<void> {
  await insertTimelineEntry(db, {
    occurredOn: document.addedOn,
    kind: "document_added",
    // The file's own name; the sentence around it is worded at read time (core timelineEntryTitle).
    title: document.name,
    detail: { document: { id: document.id, name: document.name }, action: scope.action },
    cooperationId: scope.cooperationId,
    projectId: scope.projectId,
    territoryIds: scope.territoryIds,
  });
}

type DocumentEntryMatch = { documentId: string } | { actionId: string };

/** Looked up within the cooperation (its index) rather than across every entry of the country. */
function documentEntries(db: Kysely<Database>, cooperationId: string, match: DocumentEntryMatch) {
  const [field, id] =
    "documentId" in match
      ? [sql<string>`detail -> 'document' ->> 'id'`, match.documentId]
      : [sql<string>`detail -> 'action' ->> 'id'`, match.actionId];
  return db
    .selectFrom("timeline_entries")
    .select(["id", "occurred_on", "title", "detail"])
    .where("cooperation_id", "=", cooperationId)
    .where("kind", "=", "document_added")
    .where(field, "=", id);
}

/** A removed document, or every document of a removed action, leaves the feed. */
export async function deleteDocumentEntries(
  db: Kysely<Database>,
  cooperationId: string,
  match: DocumentEntryMatch,
): Promise<void> {
  const entries = await documentEntries(db, cooperationId, match).execute();
  await deleteTimelineEntries(
    db,
    entries.map((e) => e.id),
  );
}

/**
 * An edited action carries its documents' entries along: its new title in their detail, its
 * territories as theirs (they show where the action shows). Call in the action's transaction.
 */
export async function followActionInDocumentEntries(
  db: Kysely<Database>,
  action: { id: string; title: string; cooperationId: string; projectId: string | null; territoryIds: string[] },
): Promise<void> {
  const entries = await documentEntries(db, action.cooperationId, { actionId: action.id }).execute();
  for (const entry of entries) {
    await rewriteEntry(db, entry.id, {
      occurredOn: entry.occurred_on,
      kind: "document_added",
      title: entry.title,
      detail: { ...entry.detail, action: { id: action.id, title: action.title } },
      cooperationId: action.cooperationId,
      projectId: action.projectId,
      territoryIds: action.territoryIds,
    });
  }
}
