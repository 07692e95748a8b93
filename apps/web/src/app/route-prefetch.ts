import type { Theme } from "@trame/core";
import { matchPath } from "react-router";
import { cooperationPageQueries } from "../features/cooperations/cooperation-page-queries.ts";
import { loadOutlines } from "../features/map/outlines.ts";
import { projectPageQueries } from "../features/projects/project-page-queries.ts";
import { territoryPageQueries } from "../features/territory-page/territory-page-queries.ts";
import { queryClient, trpc } from "../lib/trpc.ts";

/**
 * A page's code and data asked for at once, before the page renders (issue 15, item 8). Without it a
 * cold territory page waited for the session check, then for its code, then for the territory, then
 * for its sections: four round trips one after the other. Here the session, the page's queries (one
 * batched request) and its chunk leave together, from the route's loader or as soon as a link to the
 * page is hovered or focused.
 */
export const pageChunks = {
  territory: () => import("../features/territory-page/territory-page.tsx"),
  territoryMap: () => import("../features/map/territory-map.tsx"),
  cooperation: () => import("../features/cooperations/cooperation-page.tsx"),
  project: () => import("../features/projects/project-page.tsx"),
  nationalMap: () => import("../features/map/national-map-page.tsx"),
};

/** The page's `:id` (empty for a page without one) and the address's query string. */
type Prefetch = (id: string, search: URLSearchParams) => void;

const session = () => void queryClient.prefetchQuery(trpc.auth.me.queryOptions(undefined, { staleTime: Infinity }));

const PAGES: Array<{ path: string; prefetch: Prefetch }> = [
  {
    path: "/territoires/:id",
    prefetch(id) {
      const q = territoryPageQueries;
      void queryClient.prefetchQuery(q.territory(id));
      void queryClient.prefetchQuery(q.neighbours(id));
      void queryClient.prefetchQuery(q.cooperations(id));
      void queryClient.prefetchQuery(q.projects(id));
      void queryClient.prefetchQuery(q.funding(id));
      void queryClient.prefetchQuery(q.map(id));
      void pageChunks.territory();
      void pageChunks.territoryMap();
    },
  },
  {
    path: "/cooperations/:id",
    prefetch(id) {
      void queryClient.prefetchQuery(cooperationPageQueries.cooperation(id));
      void pageChunks.cooperation();
    },
  },
  {
    path: "/projets/:id",
    prefetch(id) {
      void queryClient.prefetchQuery(projectPageQueries.project(id));
      void pageChunks.project();
    },
  },
  {
    // The national map waited for its code before asking for the outlines and the figures.
    path: "/carte",
    prefetch(_id, search) {
      // Not checked against the list of themes here (that list would bring the schemas into the first
      // load): the server refuses an unknown one, and the page then shows every theme anyway.
      const theme = (search.get("theme") ?? undefined) as Theme | undefined;
      void queryClient.prefetchQuery(trpc.map.national.queryOptions({ theme }));
      void queryClient.prefetchQuery({ ...trpc.map.areas.queryOptions(), staleTime: Number.POSITIVE_INFINITY });
      loadOutlines().catch(() => undefined); // the map shows its own error when it asks again
      void pageChunks.nationalMap();
    },
  },
];

/** Starts fetching what the page at `url` needs; an address without a known page does nothing. */
export function prefetchPage(url: URL): void {
  for (const page of PAGES) {
    const match = matchPath(page.path, url.pathname);
    if (match) {
      session();
      page.prefetch(match.params.id ?? "", url.searchParams);
      return;
    }
  }
}

/**
 * Hovering or focusing a link to a page starts its fetch: by the click, the code and data are on
 * their way or here. Queries already fresh in the cache are not asked again (prefetchQuery).
 */
export function prefetchOnIntent(root: Document): void {
  const onIntent = (event: Event) => {
    const link = (event.target as Element | null)?.closest?.("a[href]");
    if (!(link instanceof HTMLAnchorElement) || link.origin !== window.location.origin) return;
    prefetchPage(new URL(link.href));
  };
  root.addEventListener("pointerover", onIntent, { passive: true });
  root.addEventListener("focusin", onIntent);
}
