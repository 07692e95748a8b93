import type { TimelineKind } from "@trame/core";
import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";

export interface NewTimelineEntry {
  occurredOn: string;
  kind: TimelineKind;
  title: string;
  detail?: Record<string, unknown>;
  cooperationId: string;
  projectId?: string | null;
  actionId?: string | null;
  /** Every territory involved: the entry shows on each of their timelines and on no other. */
  territoryIds: readonly string[];
}

/** Call inside the transaction that records the fact, so the feed never disagrees with it. */
export async function insertTimelineEntry(db: Kysely<Database>, entry: NewTimelineEntry): Promise<string> {
  const { id } = await db
    .insertInto("timeline_entries")
    .values({
      occurred_on: entry.occurredOn,
      kind: entry.kind,
      title: entry.title,
      detail: JSON.stringify(entry.detail ?? {}),
      cooperation_id: entry.cooperationId,
      project_id: entry.projectId ?? null,
      action_id: entry.actionId ?? null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await linkTerritories(db, id, entry.occurredOn, entry.territoryIds);
  return id;
}

async function linkTerritories(
  db: Kysely<Database>,
  entryId: string,
  occurredOn: string,
  territoryIds: readonly string[],
) {
  const unique = [...new Set(territoryIds)];
  if (unique.length === 0) return;
  await db
    .insertInto("timeline_entry_territories")
    .values(unique.map((territoryId) => ({ entry_id: entryId, territory_id: territoryId, occurred_on: occurredOn })))
    .execute();
}

/** An edited action rewrites its entry: date, kind, title and territories follow the action. */
export async function replaceActionEntry(
  db: Kysely<Database>,
  entry: NewTimelineEntry & { actionId: string },
): Promise<void> {
  const existing = await db
    .selectFrom("timeline_entries")
    .select("id")
    .where("action_id", "=", entry.actionId)
    .executeTakeFirst();
  if (!existing) {
    await insertTimelineEntry(db, entry);
    return;
  }
  await db
    .updateTable("timeline_entries")
    .set({ occurred_on: entry.occurredOn, kind: entry.kind, title: entry.title, project_id: entry.projectId ?? null })
    .where("id", "=", existing.id)
    .execute();
  await db.deleteFrom("timeline_entry_territories").where("entry_id", "=", existing.id).execute();
  await linkTerritories(db, existing.id, entry.occurredOn, entry.territoryIds);
}

/** A removed action leaves the feed (the action row itself is kept, with its audit trail). */
export async function deleteActionEntry(db: Kysely<Database>, actionId: string): Promise<void> {
  await db.deleteFrom("timeline_entries").where("action_id", "=", actionId).execute();
}
