import { invalidate, queryClient, trpc } from "../../lib/trpc.ts";
import { trameErrorOf } from "../../lib/trpc-error.ts";
import { asStoredCooperation, type CooperationDetail } from "./cooperation-model.ts";

/**
 * What the three membership dialogs do with the server's answer. Every membership write answers the
 * whole cooperation: it replaces the cached page, and the timelines and history that record the change
 * are refetched. A CONFLICT carries the stored cooperation: cached at once, so the next attempt is made
 * on the member's new version and what was chosen in the dialog stays.
 */
export function memberMutationCallbacks(cooperationId: string, close: () => void) {
  return {
    onSuccess(saved: CooperationDetail) {
      queryClient.setQueryData(trpc.cooperation.get.queryKey({ id: saved.id }), saved);
      // The lead and member counts shown on territory pages and lists change with the members.
      invalidate(trpc.cooperation.list.pathFilter(), trpc.timeline.pathFilter(), trpc.audit.pathFilter());
      close();
    },
    onError(error: unknown) {
      const payload = trameErrorOf(error);
      const current = payload?.code === "CONFLICT" ? asStoredCooperation(payload.current, cooperationId) : null;
      if (current) queryClient.setQueryData(trpc.cooperation.get.queryKey({ id: current.id }), current);
    },
  };
}
