import { trpc } from "../../lib/trpc.ts";

/** What a cooperation page asks for first: the page and the route prefetch (app/route-prefetch.ts) share the key. */
export const cooperationPageQueries = {
  cooperation: (id: string) => trpc.cooperation.get.queryOptions({ id }),
};
