import type { TimelineKind } from "@trame/core";
import { type Kysely, sql } from "kysely";
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

export const TIMELINE_CHANNEL = "trame_timeline";

/** What every instance hears when an entry is written, changed or removed (ids only: readers re-check visibility). */
export interface TimelineNotification {
  op: "written" | "removed";
  seq: number;
  id: string;
  cooperationId: string;
  projectId: string | null;
  territoryIds: string[];
}

/**
 * The next live-update number. The transaction-scoped lock makes numbers commit in order: a second
 * writer waits here until the first commits, so a reader that has seen N has seen everything below N.
 */
async function nextSeq(db: Kysely<Database>): Promise<number> {
  await sql`select pg_advisory_xact_lock(hashtext('trame.timeline_entry_seq'))`.execute(db);
  const { rows } = await sql<{ seq: number }>`select nextval('timeline_entry_seq') as seq`.execute(db);
  const seq = rows[0]?.seq;
  if (seq === undefined) throw new Error("timeline sequence unavailable");
  return Number(seq);
}

/** NOTIFY is transactional: listeners on every instance hear it only if, and when, the write commits. */
async function notify(db: Kysely<Database>, message: TimelineNotification): Promise<void> {
  await sql`select pg_notify(${TIMELINE_CHANNEL}, ${JSON.stringify(message)})`.execute(db);
}

/** Call inside the transaction that records the fact, so the feed never disagrees with it. */
export async function insertTimelineEntry(db: Kysely<Database>, entry: NewTimelineEntry): Promise<string> {
  const seq = await nextSeq(db);
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
      seq,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const territoryIds = await linkTerritories(db, id, entry.occurredOn, entry.territoryIds);
  await notify(db, {
    op: "written",
    seq,
    id,
    cooperationId: entry.cooperationId,
    projectId: entry.projectId ?? null,
    territoryIds,
  });
  return id;
}

async function linkTerritories(
  db: Kysely<Database>,
  entryId: string,
  occurredOn: string,
  territoryIds: readonly string[],
): Promise<string[]> {
  const unique = [...new Set(territoryIds)];
  if (unique.length > 0) {
    await db
      .insertInto("timeline_entry_territories")
      .values(unique.map((territoryId) => ({ entry_id: entryId, territory_id: territoryId, occurred_on: occurredOn })))
      .execute();
  }
  await refreshEntryTerritories(db, entryId);
  return unique;
}

/** The territories an entry shows, rewritten from its links (renames are followed by a trigger, migration 000008). */
async function refreshEntryTerritories(db: Kysely<Database>, entryId: string): Promise<void> {
  await sql`update timeline_entries set territories = timeline_entry_territories_json(id) where id = ${entryId}`.execute(
    db,
  );
}

/**
 * An edited action rewrites its entry: date, kind, title and territories follow the action, and the
 * entry takes a new live-update number so clients catching up receive the new version.
 */
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
  const seq = await nextSeq(db);
  await db
    .updateTable("timeline_entries")
    .set({
      occurred_on: entry.occurredOn,
      kind: entry.kind,
      title: entry.title,
      project_id: entry.projectId ?? null,
      seq,
    })
    .where("id", "=", existing.id)
    .execute();
  await db.deleteFrom("timeline_entry_territories").where("entry_id", "=", existing.id).execute();
  const territoryIds = await linkTerritories(db, existing.id, entry.occurredOn, entry.territoryIds);
  await notify(db, {
    op: "written",
    seq,
    id: existing.id,
    cooperationId: entry.cooperationId,
    projectId: entry.projectId ?? null,
    territoryIds,
  });
}

/** A removed action leaves the feed (the action row itself is kept, with its audit trail). */
export async function deleteActionEntry(db: Kysely<Database>, actionId: string): Promise<void> {
  const links = await db
    .selectFrom("timeline_entry_territories as x")
    .innerJoin("timeline_entries as e", "e.id", "x.entry_id")
    .select("x.territory_id")
    .where("e.action_id", "=", actionId)
    .execute();
  const removed = await db
    .deleteFrom("timeline_entries")
    .where("action_id", "=", actionId)
    .returning(["id", "seq", "cooperation_id", "project_id"])
    .executeTakeFirst();
  if (!removed) return;
  await notify(db, {
    op: "removed",
    seq: removed.seq,
    id: removed.id,
    cooperationId: removed.cooperation_id,
    projectId: removed.project_id,
    territoryIds: links.map((l) => l.territory_id),
  });
}

/**
 * A territory named on an entry by someone else takes itself off it: the link goes (so the entry
 * leaves its timeline, calendar, exports and health sheet), the entry stays for the others.
 * Returns false when the territory was not named there.
 */
export async function detachEntryTerritory(
  db: Kysely<Database>,
  entryId: string,
  territoryId: string,
): Promise<{ territoryIds: string[] } | null> {
  const removed = await db
    .deleteFrom("timeline_entry_territories")
    .where("entry_id", "=", entryId)
    .where("territory_id", "=", territoryId)
    .returning("territory_id")
    .executeTakeFirst();
  if (!removed) return null;
  await refreshEntryTerritories(db, entryId);
  const seq = await nextSeq(db);
  const entry = await db
    .updateTable("timeline_entries")
    .set({ seq })
    .where("id", "=", entryId)
    .returning(["cooperation_id", "project_id"])
    .executeTakeFirstOrThrow();
  const links = await db
    .selectFrom("timeline_entry_territories")
    .select("territory_id")
    .where("entry_id", "=", entryId)
    .execute();
  const territoryIds = links.map((l) => l.territory_id);
  const base = { seq, id: entryId, cooperationId: entry.cooperation_id, projectId: entry.project_id };
  await notify(db, { op: "written", ...base, territoryIds });
  // For the detached territory's own streams only (no cooperation or project scope matches ""): gone.
  await notify(db, { op: "removed", seq, id: entryId, cooperationId: "", projectId: "", territoryIds: [territoryId] });
  return { territoryIds };
}
