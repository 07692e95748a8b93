import { useQueries } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { trpc } from "../../lib/trpc.ts";
import { EmptyState } from "../../ui/empty-state.tsx";
import { QueryError } from "../../ui/query-error.tsx";
import { TimelineEntry } from "./timeline-entry.tsx";
import type { TimelineItem } from "./use-timeline-pages.ts";
import "./timeline.css";

interface Props {
  territoryIds: readonly string[];
  limit?: number;
}

/** Newest first by (date, id), the feed's own order, so merging several feeds keeps it. */
function newestFirst(a: TimelineItem, b: TimelineItem): number {
  if (a.occurredOn !== b.occurredOn) return a.occurredOn < b.occurredOn ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/**
 * The latest entries across several territories' timelines, merged: one entry shared by two of
 * them (a joint action) shows once. Each territory's first page holds its `limit` newest entries,
 * so the merge of those pages holds the `limit` newest overall.
 */
export function RecentTimeline({ territoryIds, limit = 10 }: Props) {
  const { t } = useTranslation();
  const feeds = useQueries({
    queries: territoryIds.map((territoryId) => trpc.timeline.territory.queryOptions({ territoryId, limit })),
  });
  const failed = feeds.find((feed) => feed.isError);
  if (failed) return <QueryError error={failed.error} onRetry={() => void failed.refetch()} />;
  if (feeds.some((feed) => feed.isPending)) return <p role="status">{t("timeline.recent.loading")}</p>;

  const byId = new Map<string, TimelineItem>();
  for (const feed of feeds) for (const entry of feed.data?.items ?? []) byId.set(entry.id, entry);
  const entries = [...byId.values()].sort(newestFirst).slice(0, limit);
  if (entries.length === 0) return <EmptyState title={t("timeline.recent.empty")} />;

  return (
    <ol className="timeline__entries timeline__entries--recent" aria-label={t("timeline.recent.label")}>
      {entries.map((entry) => (
        <TimelineEntry
          key={entry.id}
          entry={entry}
          ownTerritoryId={territoryIds.length === 1 ? territoryIds[0] : undefined}
        />
      ))}
    </ol>
  );
}
