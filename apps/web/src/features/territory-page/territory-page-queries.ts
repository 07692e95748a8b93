import { trpc } from "../../lib/trpc.ts";

/** A territory belongs to a handful of cooperations; past this, the cooperation list and its filters serve better. */
export const COOPERATIONS_SHOWN = 50;
/** The page lists the most recent projects; the project list and its filters serve the rest. */
export const PROJECTS_SHOWN = 50;

/**
 * What a territory page asks the server for as it opens, in one place: the sections use these, and
 * the route prefetch (app/route-prefetch.ts) asks for the same keys before the page's code arrives.
 */
export const territoryPageQueries = {
  territory: (id: string) => trpc.territory.get.queryOptions({ id }),
  neighbours: (territoryId: string) => trpc.territory.neighbours.queryOptions({ id: territoryId }),
  cooperations: (territoryId: string) => trpc.cooperation.list.queryOptions({ territoryId, limit: COOPERATIONS_SHOWN }),
  projects: (territoryId: string) => trpc.project.list.queryOptions({ territoryId, limit: PROJECTS_SHOWN }),
  funding: (territoryId: string) => trpc.dashboard.territory.queryOptions({ territoryId }),
  map: (territoryId: string) => trpc.map.territory.queryOptions({ territoryId }),
};
