import type { Readable } from "node:stream";
import {
  cursorSchema,
  type ExportScopeKind,
  projectStatusLabels,
  projectStatusSchema,
  type TimelineExportQuery,
  type TimelineFilters,
  timelineKindLabels,
} from "@trame/core";
import {
  type Database,
  type FeedScope,
  type Kysely,
  readTimeline,
  type TimelineEntry,
  type TimelineViewer,
} from "@trame/db";
import { boundedRows, csvStream, frenchDate, frenchList, truncationNotice } from "./csv.ts";

/** Larger than a screen's page: an export reads a hundred pages of 500, not a thousand of 50. */
const PAGE_SIZE = 500;

const HEADERS = ["Date", "Type", "Titre", "Détail", "Coopération", "Projet", "Territoires"] as const;

export function feedScopeOf(scope: { kind: ExportScopeKind; id: string }): FeedScope {
  switch (scope.kind) {
    case "territory":
      return { territoryId: scope.id };
    case "cooperation":
      return { cooperationId: scope.id };
    case "project":
      return { projectId: scope.id };
  }
}

/** What an entry's `detail` says, in French: for a project step, the statuses it moved between. */
export function entryDetailFr(entry: Pick<TimelineEntry, "kind" | "detail">): string {
  if (entry.kind !== "project_status") return "";
  const from = projectStatusSchema.safeParse(entry.detail.from);
  const to = projectStatusSchema.safeParse(entry.detail.to);
  if (!to.success) return "";
  const move = from.success
    ? `${projectStatusLabels[from.data].fr} → ${projectStatusLabels[to.data].fr}`
    : projectStatusLabels[to.data].fr;
  const comment = typeof entry.detail.comment === "string" ? entry.detail.comment.trim() : "";
  return comment ? `${move} : ${comment}` : move;
}

function timelineCells(entry: TimelineEntry): string[] {
  return [
    frenchDate(entry.occurredOn),
    timelineKindLabels[entry.kind].fr,
    entry.title,
    entryDetailFr(entry),
    entry.cooperation.name,
    entry.project?.title ?? "",
    frenchList(entry.territories.map((t) => t.name)),
  ];
}

/**
 * Every entry of one feed that `viewer` may see, newest first, through the same keyset pages as
 * the screen: restricted projects stay hidden from non-partners by the very same SQL.
 */
export function timelineCsv(
  db: Kysely<Database>,
  query: TimelineExportQuery,
  viewer: TimelineViewer,
  onError: (error: Error) => void,
): Readable {
  const scope = feedScopeOf(query.scope);
  const rows = boundedRows<TimelineEntry, string>({
    fetchPage: async (cursor) => {
      const filters: TimelineFilters = {
        ...query.filters,
        limit: PAGE_SIZE,
        cursor: cursor === null ? undefined : cursorSchema.parse(cursor),
      };
      const page = await readTimeline(db, scope, filters, viewer);
      return { items: page.items, next: page.nextCursor };
    },
    toCells: timelineCells,
    truncatedRow: ["", "", truncationNotice(), "", "", "", ""],
  });
  return csvStream(HEADERS, rows, onError);
}
