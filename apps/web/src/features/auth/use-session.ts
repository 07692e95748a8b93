import { useMutation, useQuery } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { queryClient, trpc } from "../../lib/trpc.ts";

/** The signed-in user, or null. Asked once per page load; sign-in and sign-out write the answer directly. */
export function useSession() {
  return useQuery(trpc.auth.me.queryOptions(undefined, { staleTime: Number.POSITIVE_INFINITY }));
}

export function useSignOut() {
  const navigate = useNavigate();
  return useMutation(
    trpc.auth.logout.mutationOptions({
      onSuccess(result) {
        // Nothing fetched for the previous user may be shown to the next person at this desk.
        queryClient.removeQueries();
        queryClient.setQueryData(trpc.auth.me.queryKey(), null);
        // Signed in through ProConnect: end that session too; ProConnect sends the browser back to /connexion.
        if (result.endSessionUrl) window.location.assign(result.endSessionUrl);
        else void navigate("/connexion", { replace: true });
      },
    }),
  );
}
