import { encodeCursor, type TimelineFilters, type TimelineKind } from "@trame/core";
import { type ExpressionBuilder, type Kysely, sql } from "kysely";
import type { Database } from "../schema.ts";
import type { Viewer } from "./viewer.ts";

export type TimelineViewer = Viewer;

export interface TimelineEntry {
  id: string;
  occurredOn: string;
  kind: TimelineKind;
  title: string;
  detail: Record<string, unknown>;
  actionId: string | null;
  cooperation: { id: string; name: string };
  project: { id: string; title: string } | null;
  territories: Array<{ id: string; name: string }>;
}

export interface TimelinePage {
  items: TimelineEntry[];
  nextCursor: string | null;
}

export type FeedScope = { territoryId: string } | { cooperationId: string } | { projectId: string };
export type FeedEb = ExpressionBuilder<Database & { e: Database["timeline_entries"] }, "e">;

/**
 * An entry may be shown when it belongs to no project, or to a project the viewer may see (the rule
 * of projectVisibleTo). The `offset 0` keeps the partner check a probe per entry on the page: without
 * it PostgreSQL turns the EXISTS into a hashed subplan over every project of the viewer's territories
 * (4,500 rows for a metropolis at national scale) on each call, as its row estimate ignores the page
 * limit. An OFFSET is what stops that rewrite (a LIMIT inside EXISTS is simply dropped).
 */
export function visibleTo(eb: FeedEb, viewer: TimelineViewer) {
  if (viewer.isInstanceAdmin) return eb.lit(true);
  const open = [eb("e.project_id", "is", null), eb("e.project_visibility", "=", "network")];
  if (viewer.territoryIds.length === 0) return eb.or(open);
  return eb.or([
    ...open,
    eb.exists(
      eb
        .selectFrom("project_partners as vp")
        .select(eb.lit(1).as("one"))
        .whereRef("vp.project_id", "=", "e.project_id")
        .where("vp.territory_id", "in", viewer.territoryIds)
        .offset(0),
    ),
  ]);
}

function matchesFilters(eb: FeedEb, filters: TimelineFilters, dateColumn: "e.occurred_on") {
  const conditions = [];
  if (filters.kinds?.length) conditions.push(eb("e.kind", "in", filters.kinds));
  if (filters.themes?.length) {
    // A project's themes, or its cooperation's for entries outside projects: looked up only when filtering.
    const themes = sql`coalesce((select p.themes from projects p where p.id = e.project_id),
      (select c.themes from cooperations c where c.id = e.cooperation_id))`;
    conditions.push(eb(themes, "&&", sql<string[]>`${filters.themes}::text[]`));
  }
  if (filters.partnerTerritoryId) {
    conditions.push(
      eb.exists(
        eb
          .selectFrom("timeline_entry_territories as x")
          .select(eb.lit(1).as("one"))
          .whereRef("x.entry_id", "=", "e.id")
          .where("x.territory_id", "=", filters.partnerTerritoryId),
      ),
    );
  }
  if (filters.from) conditions.push(eb(dateColumn, ">=", filters.from));
  if (filters.to) conditions.push(eb(dateColumn, "<=", filters.to));
  return eb.and(conditions);
}

/**
 * What a screen needs to show an entry without another call, all on the entry itself: names and
 * territories are copies the database keeps in step with renames (migrations 000006 and 000008).
 */
export function entryColumns() {
  return [
    "e.id",
    "e.occurred_on",
    "e.kind",
    "e.title",
    "e.detail",
    "e.action_id",
    "e.cooperation_id",
    "e.cooperation_name",
    "e.project_id",
    "e.project_title",
    "e.territories",
  ] as const;
}

interface EntryRow {
  id: string;
  occurred_on: string;
  kind: TimelineKind;
  title: string;
  detail: Record<string, unknown>;
  action_id: string | null;
  cooperation_id: string;
  cooperation_name: string;
  project_id: string | null;
  project_title: string | null;
  territories: Array<{ id: string; name: string }>;
}

export function toTimelineEntry(row: EntryRow): TimelineEntry {
  return {
    id: row.id,
    occurredOn: row.occurred_on,
    kind: row.kind,
    title: row.title,
    detail: row.detail,
    actionId: row.action_id,
    cooperation: { id: row.cooperation_id, name: row.cooperation_name },
    project: row.project_id && row.project_title ? { id: row.project_id, title: row.project_title } : null,
    territories: row.territories,
  };
}

/**
 * The query behind one page of a feed (limit + 1 rows, to know whether a next page exists); kept
 * apart from its execution so the benchmarks can run the very same SQL directly with `pg`.
 */
export function timelineQuery(
  db: Kysely<Database>,
  scope: FeedScope,
  filters: TimelineFilters,
  viewer: TimelineViewer,
) {
  const { cursor, limit } = filters;
  // A territory's feed is driven by the link table's (territory_id, occurred_on, entry_id) index;
  // cooperation and project feeds by the entries' own (scope, occurred_on, id) indexes.
  const base =
    "territoryId" in scope
      ? db
          .selectFrom("timeline_entry_territories as et")
          .innerJoin("timeline_entries as e", "e.id", "et.entry_id")
          .where("et.territory_id", "=", scope.territoryId)
          .$if(cursor !== undefined, (qb) =>
            qb.where(sql<boolean>`(et.occurred_on, et.entry_id) < (${cursor?.occurredOn}::date, ${cursor?.id}::uuid)`),
          )
          .orderBy("et.occurred_on", "desc")
          .orderBy("et.entry_id", "desc")
      : db
          .selectFrom("timeline_entries as e")
          .$if("cooperationId" in scope, (qb) =>
            qb.where("e.cooperation_id", "=", (scope as { cooperationId: string }).cooperationId),
          )
          .$if("projectId" in scope, (qb) => qb.where("e.project_id", "=", (scope as { projectId: string }).projectId))
          .$if(cursor !== undefined, (qb) =>
            qb.where(sql<boolean>`(e.occurred_on, e.id) < (${cursor?.occurredOn}::date, ${cursor?.id}::uuid)`),
          )
          .orderBy("e.occurred_on", "desc")
          .orderBy("e.id", "desc");

  return base
    .where((eb) => eb.and([visibleTo(eb as FeedEb, viewer), matchesFilters(eb as FeedEb, filters, "e.occurred_on")]))
    .select(entryColumns())
    .limit(limit + 1);
}

/**
 * One page of a feed, newest first, strictly after the cursor. The keyset (date, id) never repeats
 * or skips an entry when others write between two pages, unlike an offset.
 */
export async function readTimeline(
  db: Kysely<Database>,
  scope: FeedScope,
  filters: TimelineFilters,
  viewer: TimelineViewer,
): Promise<TimelinePage> {
  const { limit } = filters;
  const rows = await timelineQuery(db, scope, filters, viewer).execute();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(toTimelineEntry),
    nextCursor: rows.length > limit && last ? encodeCursor({ occurredOn: last.occurred_on, id: last.id }) : null,
  };
}
