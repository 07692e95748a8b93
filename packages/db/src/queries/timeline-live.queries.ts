import { type Kysely, sql } from "kysely";
import type { Database } from "../schema.ts";
import type { LivePosition } from "./timeline-position.ts";
import {
  entryColumns,
  type FeedEb,
  type FeedScope,
  type TimelineEntry,
  type TimelineViewer,
  toTimelineEntry,
  visibleTo,
} from "./timeline-read.queries.ts";

export interface LiveTimelineEntry extends TimelineEntry {
  /** Live-update number within its transaction (see LivePosition). */
  seq: number;
  /** The writing transaction's id, as decimal text. */
  xact: string;
}

export interface LiveBatch {
  /** Settled entries after the position, in (xact, seq) order: nothing can still commit before them. */
  entries: LiveTimelineEntry[];
  /**
   * True when committed entries of the scope follow the batch but are not settled yet (an older
   * transaction is still running and might commit an entry before them): read again shortly.
   */
  unsettled: boolean;
}

/**
 * Where a new subscriber starts: before the oldest transaction still running. Everything older is
 * committed and was readable by the page the client loaded; anything from that transaction on
 * is delivered (possibly an entry the page already showed: clients refresh, so a repeat is harmless).
 */
export async function currentLivePosition(db: Kysely<Database>): Promise<LivePosition> {
  const { rows } = await sql<{ xmin: string }>`select pg_snapshot_xmin(pg_current_snapshot())::text as xmin`.execute(
    db,
  );
  return { xact: rows[0]?.xmin ?? "0", seq: 0 };
}

/**
 * A client resuming with a bare number from before ADR 0013: the position of the entry that had it.
 * If that entry was rewritten or removed since, fall back to (0, N): entries numbered under the
 * old lock are all at xact 0, so nothing after N is skipped (newer ones may come again).
 */
export async function legacyLivePosition(db: Kysely<Database>, seq: number): Promise<LivePosition> {
  const found = await db
    .selectFrom("timeline_entries")
    .select(sql<string>`xact::text`.as("xact"))
    .where("seq", "=", seq)
    .executeTakeFirst();
  return { xact: found?.xact ?? "0", seq };
}

/**
 * Entries of a scope written (or rewritten) after `after`, in (xact, seq) order, as the viewer may
 * see them: what a reconnecting client missed, and what a notification announced. Only entries
 * whose transaction is older than every transaction still running are returned (one statement, so
 * "settled" and "visible" are judged on the same snapshot): a later commit can never land before
 * the reader's new position, so resuming from it neither skips nor repeats an entry.
 */
export async function readTimelineSince(
  db: Kysely<Database>,
  scope: FeedScope,
  after: LivePosition,
  viewer: TimelineViewer,
  limit = 200,
): Promise<LiveBatch> {
  const rows = await db
    .selectFrom("timeline_entries as e")
    .where(sql<boolean>`(e.xact, e.seq) > (${after.xact}::xid8, ${after.seq}::bigint)`)
    .where((eb) => {
      if ("cooperationId" in scope) return eb("e.cooperation_id", "=", scope.cooperationId);
      if ("projectId" in scope) return eb("e.project_id", "=", scope.projectId);
      return eb.exists(
        eb
          .selectFrom("timeline_entry_territories as s")
          .select(eb.lit(1).as("one"))
          .whereRef("s.entry_id", "=", "e.id")
          .where("s.territory_id", "=", scope.territoryId),
      );
    })
    .where((eb) => visibleTo(eb as FeedEb, viewer))
    .select([
      ...entryColumns(),
      "e.seq",
      sql<string>`e.xact::text`.as("xact"),
      sql<boolean>`e.xact < pg_snapshot_xmin(pg_current_snapshot())`.as("settled"),
    ])
    .orderBy(sql`e.xact`)
    .orderBy("e.seq")
    .limit(limit)
    .execute();
  // Settled entries sort first (smaller xact): the batch is the settled prefix.
  const settled = rows.filter((row) => row.settled);
  return {
    entries: settled.map((row) => ({ ...toTimelineEntry(row), seq: Number(row.seq), xact: row.xact })),
    unsettled: settled.length < rows.length,
  };
}
