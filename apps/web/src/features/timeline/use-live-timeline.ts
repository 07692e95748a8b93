import { useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { trpc } from "../../lib/trpc.ts";
import type { TimelineScope } from "./use-timeline-pages.ts";

/**
 * Keeps an open timeline current: when anyone, on any server instance, writes an entry in this
 * scope, the feed and the action logs are refetched in place. Only lists are refreshed, never the
 * record a user may be editing, so a colleague's change still surfaces as a CONFLICT, not silently.
 */
export function useLiveTimeline(scope: TimelineScope): void {
  const queryClient = useQueryClient();
  useSubscription(
    trpc.timeline.live.subscriptionOptions(scope, {
      onData: () => {
        void queryClient.invalidateQueries(trpc.timeline.pathFilter());
        void queryClient.invalidateQueries(trpc.action.list.pathFilter());
      },
    }),
  );
}
