import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import type { inferOutput } from "@trpc/tanstack-react-query";
import { trpc } from "../../lib/trpc.ts";
import { apiFilters, type TimelineFilterValues } from "./timeline-filters.ts";

/** Whose timeline: a territory's (everything it is involved in), a cooperation's or a project's. */
export type TimelineScope = { territoryId: string } | { cooperationId: string } | { projectId: string };
export type TimelinePage = inferOutput<typeof trpc.timeline.territory>;
export type TimelineItem = TimelinePage["items"][number];

/** Small pages: the first screen comes fast, and scrolling brings the rest a page at a time. */
export const TIMELINE_PAGE_SIZE = 20;

const pageOptions = {
  getNextPageParam: (last: TimelinePage) => last.nextCursor,
  // While new filters load, the previous list stays (dimmed) instead of a blank flash.
  placeholderData: keepPreviousData,
};

function optionsFor(scope: TimelineScope, filters: TimelineFilterValues) {
  const input = { ...apiFilters(filters), limit: TIMELINE_PAGE_SIZE };
  if ("territoryId" in scope) {
    return trpc.timeline.territory.infiniteQueryOptions({ ...input, territoryId: scope.territoryId }, pageOptions);
  }
  if ("cooperationId" in scope) {
    return trpc.timeline.cooperation.infiniteQueryOptions(
      { ...input, cooperationId: scope.cooperationId },
      pageOptions,
    );
  }
  return trpc.timeline.project.infiniteQueryOptions({ ...input, projectId: scope.projectId }, pageOptions);
}

/** The keyset pages of one feed, newest first, flattened. */
export function useTimelinePages(scope: TimelineScope, filters: TimelineFilterValues) {
  const query = useInfiniteQuery(optionsFor(scope, filters));
  const items: TimelineItem[] = query.data?.pages.flatMap((page) => page.items) ?? [];
  return {
    items,
    pageCount: query.data?.pages.length ?? 0,
    isPending: query.isPending,
    isStale: query.isPlaceholderData,
    error: query.error,
    retry: () => void query.refetch(),
    hasNextPage: query.hasNextPage,
    isFetchingNextPage: query.isFetchingNextPage,
    fetchNextPage: () => void query.fetchNextPage(),
  };
}
