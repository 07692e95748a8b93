import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { trpc } from "../../lib/trpc.ts";

/**
 * The signed-in user's unread count, kept current over the live channel (Server-Sent Events): the
 * server sends the count again whenever a notification arrives or is read, on any instance, and
 * the list is refreshed with it.
 */
export function useUnreadCount(enabled: boolean): number | undefined {
  const queryClient = useQueryClient();
  const count = useQuery({ ...trpc.notification.unreadCount.queryOptions(), enabled });
  useSubscription(
    trpc.notification.live.subscriptionOptions(undefined, {
      enabled,
      onData: ({ unread }) => {
        queryClient.setQueryData(trpc.notification.unreadCount.queryKey(), unread);
        void queryClient.invalidateQueries(trpc.notification.list.pathFilter());
      },
    }),
  );
  return count.data;
}
