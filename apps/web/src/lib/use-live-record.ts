import { useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useState } from "react";
import { trpc } from "./trpc.ts";

/** A colleague's save heard on an open page: which fields moved, and who saved. */
export interface HeardChange {
  fields: string[];
  by: { id: string; name: string } | null;
}

interface RecordChange extends HeardChange {
  version: number | null;
}

/**
 * The page's data is refetched on every save heard (any instance), so what it shows is current; the
 * change is remembered to say so, unless it was the user's own. An open edit form keeps its input
 * and its version: a colleague's save still surfaces as a conflict when it is sent, never silently.
 */
function useHeardChange(ownUserId: string | undefined, refetch: () => void) {
  const [heard, setHeard] = useState<HeardChange | null>(null);
  const onData = (change: RecordChange) => {
    refetch();
    if (change.by?.id !== ownUserId) setHeard({ fields: change.fields, by: change.by });
  };
  return { heard, onData };
}

export function useLiveProject(id: string, ownUserId: string | undefined): HeardChange | null {
  const queryClient = useQueryClient();
  const { heard, onData } = useHeardChange(ownUserId, () => {
    void queryClient.invalidateQueries(trpc.project.pathFilter());
    void queryClient.invalidateQueries(trpc.audit.pathFilter());
  });
  useSubscription(trpc.project.live.subscriptionOptions({ id }, { onData }));
  return heard;
}

export function useLiveCooperation(id: string, ownUserId: string | undefined): HeardChange | null {
  const queryClient = useQueryClient();
  const { heard, onData } = useHeardChange(ownUserId, () => {
    void queryClient.invalidateQueries(trpc.cooperation.pathFilter());
    void queryClient.invalidateQueries(trpc.audit.pathFilter());
  });
  useSubscription(trpc.cooperation.live.subscriptionOptions({ id }, { onData }));
  return heard;
}
