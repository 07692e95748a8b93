import { keepPreviousData, useQueries, useQuery } from "@tanstack/react-query";
import type { inferOutput } from "@trpc/tanstack-react-query";
import { useState } from "react";
import { trpc } from "../../lib/trpc.ts";
import { applicationsInput, type BoardFilters } from "./board-filters.ts";

export type BoardApplication = inferOutput<typeof trpc.funding.applications>["items"][number];

export const PAGE_SIZE = 20;

/**
 * Offset pages of `funding.applications`, one cached query per page, so "voir plus" fetches only the
 * next twenty. The first page keeps the previous answer on screen while new filters load.
 */
export function useApplicationPages(filters: BoardFilters) {
  const base = { ...applicationsInput(filters), limit: PAGE_SIZE };
  const filterKey = JSON.stringify(base);
  // The page count belongs to one set of filters: new filters start again from one page.
  const [pages, setPages] = useState({ filterKey, count: 1 });
  const pageCount = pages.filterKey === filterKey ? pages.count : 1;

  const first = useQuery(
    trpc.funding.applications.queryOptions({ ...base, offset: 0 }, { placeholderData: keepPreviousData }),
  );
  const more = useQueries({
    queries: Array.from({ length: pageCount - 1 }, (_, index) =>
      trpc.funding.applications.queryOptions({ ...base, offset: (index + 1) * PAGE_SIZE }),
    ),
  });

  const items: BoardApplication[] = [...(first.data?.items ?? []), ...more.flatMap((page) => page.data?.items ?? [])];
  return {
    items,
    total: first.data?.total ?? 0,
    isPending: first.isPending,
    isStale: first.isPlaceholderData,
    isLoadingMore: more.some((page) => page.isPending),
    error: first.error ?? more.find((page) => page.isError)?.error ?? null,
    retry: () => {
      void first.refetch();
      for (const page of more) if (page.isError) void page.refetch();
    },
    loadMore: () => setPages({ filterKey, count: pageCount + 1 }),
  };
}
