import type { TimelineKind } from "@trame/core";
import { type Kysely, sql } from "kysely";
import type { Database } from "../schema.ts";

export interface NewTimelineEntry {
  occurredOn: string;
  kind: TimelineKind;
  /**
   * The subject's own words (an action's or project's title, a territory's or programme's name):
   * never a sentence. Titles are worded at read time from `kind` and `detail` (core timelineEntryTitle).
   */
  title: string;
  /** The facts of the event, enough to word it in any language. */
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
  /** The entry's live position (ADR 0013): a stream already past it has nothing to read. */
  xact: string;
  seq: number;
  id: string;
  cooperationId: string;
  projectId: string | null;
  territoryIds: string[];
}

/**
 * The next live-update number. No lock: two writers draw numbers and commit in any order; the entry
 * also records its transaction (`xact`) and readers wait for older transactions instead (ADR 0013).
 */
async function nextSeq(db: Kysely<Database>): Promise<number> {
  const { rows } = await sql<{ seq: string }>`select nextval('timeline_entry_seq') as seq`.execute(db);
  const seq = rows[0]?.seq;
  if (seq === undefined) throw new Error("timeline sequence unavailable");
  return Number(seq);
}

/** Drawn in the statement that writes the entry (one round trip fewer than a `select nextval` first). */
const drawnSeq = sql<number>`nextval('timeline_entry_seq')`;
/** The writing transaction, set on every write that gives an entry a new number. */
const writerXact = sql<string>`pg_current_xact_id()`;
/** Read back as text: an xid8 is 64 bits. */
const xactText = sql<string>`xact::text`.as("xact");

export const RECORD_CHANNEL = "trame_records";

/**
 * What every instance hears when a project or a cooperation is saved: which one, by whom, which of
 * its fields moved and its new version. Ids only: readers re-check visibility before telling anyone.
 */
export interface RecordNotification {
  entity: "project" | "cooperation";
  id: string;
  /** The audit action (updated, status_changed, partners_set…). */
  action: string;
  actorId: string | null;
  /** The top-level fields whose value changed, as the API names them. */
  fields: string[];
  version: number | null;
}

interface QueuedNotification {
  channel: string;
  payload: string;
}

/** Notifications of a transaction run by `writeWithTimeline`, sent once it has committed. */
const afterCommit = new WeakMap<Kysely<Database>, QueuedNotification[]>();

/**
 * Inside `writeWithTimeline`, queued until commit; otherwise sent in the transaction (NOTIFY is
 * transactional: heard only if, and when, the write commits).
 */
async function send(db: Kysely<Database>, channel: string, message: object): Promise<void> {
  const payload = JSON.stringify(message);
  const queued = afterCommit.get(db);
  if (queued) queued.push({ channel, payload });
  else await sql`select pg_notify(${channel}, ${payload})`.execute(db);
}

const notify = (db: Kysely<Database>, message: TimelineNotification) => send(db, TIMELINE_CHANNEL, message);

/** Call in the transaction that saves the record: heard by open pages once (and only if) it commits. */
export const notifyRecordChange = (db: Kysely<Database>, message: RecordNotification) =>
  send(db, RECORD_CHANNEL, message);

/**
 * Runs a write in a transaction and announces its timeline changes after the commit. A transaction
 * that has sent NOTIFY takes PostgreSQL's one notification-queue lock at commit and keeps it until
 * its commit record is flushed: every notifying commit of the cluster waits for the one before (32
 * writers: 240 commits/s with NOTIFY inside, 1,117 after, against 1,611 without any — ADR 0013).
 * Sent after the commit, the notification holds that lock for no flush. Should the process die
 * between the two, the streams get the entry with the scope's next notification or on reconnect
 * (positions still guarantee no gap).
 */
export async function writeWithTimeline<T>(
  db: Kysely<Database>,
  run: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  const queued: QueuedNotification[] = [];
  const result = await db.transaction().execute((trx) => {
    afterCommit.set(trx, queued);
    return run(trx);
  });
  if (queued.length > 0) {
    const channels = queued.map((m) => m.channel);
    const payloads = queued.map((m) => m.payload);
    await sql`select pg_notify(c, m) from unnest(${channels}::text[], ${payloads}::text[]) as q(c, m)`
      .execute(db)
      // The write is committed and answered as such; a lost wake-up is caught up as said above.
      .catch(() => undefined);
  }
  return result;
}

/** Call inside the transaction that records the fact, so the feed never disagrees with it. */
export async function insertTimelineEntry(db: Kysely<Database>, entry: NewTimelineEntry): Promise<string> {
  const { id, xact, seq } = await db
    .insertInto("timeline_entries")
    .values({
      occurred_on: entry.occurredOn,
      kind: entry.kind,
      title: entry.title,
      detail: JSON.stringify(entry.detail ?? {}),
      cooperation_id: entry.cooperationId,
      project_id: entry.projectId ?? null,
      action_id: entry.actionId ?? null,
      seq: drawnSeq,
      xact: writerXact,
    })
    .returning(["id", xactText, "seq"])
    .executeTakeFirstOrThrow();
  const territoryIds = await linkTerritories(db, id, entry.occurredOn, entry.territoryIds);
  await notify(db, {
    op: "written",
    xact,
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
 * An edited action rewrites its entry: date, kind, title, detail (its notes) and territories follow the action, and the
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
  if (existing) await rewriteEntry(db, existing.id, entry);
  else await insertTimelineEntry(db, entry);
}

/**
 * An entry rewritten in place: its facts, its territories, and a new live-update number so clients
 * catching up receive the new version.
 */
export async function rewriteEntry(db: Kysely<Database>, entryId: string, entry: NewTimelineEntry): Promise<void> {
  const { xact, seq } = await db
    .updateTable("timeline_entries")
    .set({
      occurred_on: entry.occurredOn,
      kind: entry.kind,
      title: entry.title,
      ...(entry.detail === undefined ? {} : { detail: JSON.stringify(entry.detail) }),
      project_id: entry.projectId ?? null,
      seq: drawnSeq,
      xact: writerXact,
    })
    .where("id", "=", entryId)
    .returning([xactText, "seq"])
    .executeTakeFirstOrThrow();
  await db.deleteFrom("timeline_entry_territories").where("entry_id", "=", entryId).execute();
  const territoryIds = await linkTerritories(db, entryId, entry.occurredOn, entry.territoryIds);
  await notify(db, {
    op: "written",
    xact,
    seq,
    id: entryId,
    cooperationId: entry.cooperationId,
    projectId: entry.projectId ?? null,
    territoryIds,
  });
}

/** A removed action leaves the feed (the action row itself is kept, with its audit trail). */
export async function deleteActionEntry(db: Kysely<Database>, actionId: string): Promise<void> {
  const entries = await db.selectFrom("timeline_entries").select("id").where("action_id", "=", actionId).execute();
  await deleteTimelineEntries(
    db,
    entries.map((e) => e.id),
  );
}

/** Entries leave the feed, and every stream that showed one is told it is gone. */
export async function deleteTimelineEntries(db: Kysely<Database>, entryIds: readonly string[]): Promise<void> {
  if (entryIds.length === 0) return;
  // Read before the delete: the links go with their entry (on delete cascade).
  const links = await db
    .selectFrom("timeline_entry_territories")
    .select(["entry_id", "territory_id"])
    .where("entry_id", "in", entryIds)
    .execute();
  const removed = await db
    .deleteFrom("timeline_entries")
    .where("id", "in", entryIds)
    .returning(["id", "seq", "cooperation_id", "project_id", xactText])
    .execute();
  for (const entry of removed) {
    await notify(db, {
      op: "removed",
      xact: entry.xact,
      seq: entry.seq,
      id: entry.id,
      cooperationId: entry.cooperation_id,
      projectId: entry.project_id,
      territoryIds: links.filter((l) => l.entry_id === entry.id).map((l) => l.territory_id),
    });
  }
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
    .set({ seq, xact: writerXact })
    .where("id", "=", entryId)
    .returning(["cooperation_id", "project_id", xactText])
    .executeTakeFirstOrThrow();
  const links = await db
    .selectFrom("timeline_entry_territories")
    .select("territory_id")
    .where("entry_id", "=", entryId)
    .execute();
  const territoryIds = links.map((l) => l.territory_id);
  const xact = entry.xact;
  const base = { xact, seq, id: entryId, cooperationId: entry.cooperation_id, projectId: entry.project_id };
  await notify(db, { op: "written", ...base, territoryIds });
  // For the detached territory's own streams only (no cooperation or project scope matches ""): gone.
  await notify(db, {
    op: "removed",
    xact,
    seq,
    id: entryId,
    cooperationId: "",
    projectId: "",
    territoryIds: [territoryId],
  });
  return { territoryIds };
}
