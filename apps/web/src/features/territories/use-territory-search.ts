import { keepPreviousData, useQueries, useQuery } from "@tanstack/react-query";
import type { TerritoryKind } from "@trame/core";
import { useState } from "react";
import { trpc } from "../../lib/trpc.ts";

export const PAGE_SIZE = 20;

export interface TerritorySearch {
  query: string;
  kind: TerritoryKind | null;
  /** A validated département code ("33", "2A", "974"), or null. */
  departement: string | null;
}

/**
 * Offset pages of `territory.search`, one cached query per page, so "voir plus" fetches only the next
 * twenty. The first page keeps the previous answer on screen while the user types, instead of a flash.
 */
export function useTerritorySearch({ query, kind, departement }: TerritorySearch) {
  const base = { query, kinds: kind ? [kind] : undefined, departement: departement ?? undefined, limit: PAGE_SIZE };
  const searchKey = `${kind ?? ""}|${departement ?? ""}|${query}`;
  // The page count belongs to one search: a new search starts again from one page.
  const [pages, setPages] = useState({ searchKey, count: 1 });
  const pageCount = pages.searchKey === searchKey ? pages.count : 1;

  const first = useQuery(
    trpc.territory.search.queryOptions({ ...base, offset: 0 }, { placeholderData: keepPreviousData }),
  );
  const more = useQueries({
    queries: Array.from({ length: pageCount - 1 }, (_, index) =>
      trpc.territory.search.queryOptions({ ...base, offset: (index + 1) * PAGE_SIZE }),
    ),
  });

  const items = [...(first.data?.items ?? []), ...more.flatMap((page) => page.data?.items ?? [])];
  const total = first.data?.total ?? 0;
  const moreError = more.find((page) => page.isError)?.error ?? null;
  return {
    items,
    total,
    /** Before the very first answer. */
    isPending: first.isPending,
    /** Showing the previous search's results while the new one loads. */
    isStale: first.isPlaceholderData,
    isLoadingMore: more.some((page) => page.isPending),
    error: first.error ?? moreError,
    retry: () => {
      void first.refetch();
      for (const page of more) if (page.isError) void page.refetch();
    },
    canLoadMore: !first.isPlaceholderData && items.length < total && pageCount * PAGE_SIZE < total,
    loadMore: () => setPages({ searchKey, count: pageCount + 1 }),
  };
}
