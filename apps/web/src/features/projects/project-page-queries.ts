import { trpc } from "../../lib/trpc.ts";

/** What a project page asks for first: the page and the route prefetch (app/route-prefetch.ts) share the key. */
export const projectPageQueries = {
  project: (id: string) => trpc.project.get.queryOptions({ id }),
};
