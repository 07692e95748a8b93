import { type Kysely, sql } from "kysely";
import type { Database } from "../schema.ts";
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
  /** Live-update number: entries become visible in increasing order (see insertTimelineEntry). */
  seq: number;
}

/** The highest live-update number written so far: a new subscriber starts after it. */
export async function latestTimelineSeq(db: Kysely<Database>): Promise<number> {
  const { rows } = await sql<{ seq: number | null }>`select max(seq) as seq from timeline_entries`.execute(db);
  return Number(rows[0]?.seq ?? 0);
}

/**
 * Entries of a scope written (or rewritten) after `afterSeq`, oldest first, as the viewer may see them:
 * what a reconnecting client missed, and what a notification announced.
 */
export async function readTimelineSince(
  db: Kysely<Database>,
  scope: FeedScope,
  afterSeq: number,
  viewer: TimelineViewer,
  limit = 200,
): Promise<LiveTimelineEntry[]> {
  const rows = await db
    .selectFrom("timeline_entries as e")
    .where("e.seq", ">", afterSeq)
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
    .select([...entryColumns(), "e.seq"])
    .orderBy("e.seq")
    .limit(limit)
    .execute();
  return rows.map((row) => ({ ...toTimelineEntry(row), seq: Number(row.seq) }));
}
