import type { Readable } from "node:stream";
import {
  cursorSchema,
  type ExportScopeKind,
  type Locale,
  type TimelineExportQuery,
  type TimelineFilters,
  timelineEntryDetail,
  timelineEntryTitle,
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

const HEADERS: Record<Locale, readonly string[]> = {
  fr: ["Date", "Type", "Titre", "Détail", "Coopération", "Projet", "Territoires"],
  en: ["Date", "Type", "Title", "Detail", "Cooperation", "Project", "Territories"],
};

/** One row, worded in `locale` from the entry's facts (core: the same words as the screen). */
function timelineCells(entry: TimelineEntry, locale: Locale): string[] {
  return [
    frenchDate(entry.occurredOn),
    timelineKindLabels[entry.kind][locale],
    timelineEntryTitle(entry, locale),
    timelineEntryDetail(entry, locale),
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
    toCells: (entry) => timelineCells(entry, query.lang),
    truncatedRow: ["", "", truncationNotice(), "", "", "", ""],
  });
  return csvStream(HEADERS[query.lang], rows, onError);
}
