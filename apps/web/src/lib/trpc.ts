import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import type { AppRouter } from "@trame/server";
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, isTRPCClientError, splitLink } from "@trpc/client";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { addIdempotencyKey } from "./idempotency-key.ts";
import { trameErrorOf } from "./trpc-error.ts";

/** Worth a second try: no answer at all, or the server's own failure. A refusal or invalid input will not change. */
function isTransient(error: unknown): boolean {
  const code = trameErrorOf(error)?.code;
  return code === undefined || code === "INTERNAL" || code === "UNAVAILABLE";
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({
    // A session that expires while the page is open: forget the user so the route guard sends them to sign-in.
    onError(error) {
      if (trameErrorOf(error)?.code === "UNAUTHORIZED") queryClient.setQueryData(trpc.auth.me.queryKey(), null);
    },
  }),
  mutationCache: new MutationCache({ onMutate: addIdempotencyKey }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      retry: (failureCount, error) => isTransient(error) && failureCount < 2,
    },
    // A tRPC write that got no answer at all (the network came back a moment after the browser said
    // so, a proxy restarting) is sent again, up to three times with a growing delay: the input is not
    // lost, and a versioned write that did land the first time comes back as CONFLICT, not twice.
    // Any answer from the server (refusal, conflict, error) is final; document uploads are not resent.
    mutations: {
      retry: (failureCount, error) => isTRPCClientError(error) && trameErrorOf(error) === null && failureCount < 3,
    },
  },
});

const trpcClient = createTRPCClient<AppRouter>({
  // Same origin, so the httpOnly session cookie is sent without any client-side token handling.
  // Subscriptions (live timelines) over Server-Sent Events: the browser's EventSource reconnects by
  // itself and sends the last event id, so the server resumes without gap or duplicate.
  links: [
    splitLink({
      condition: (op) => op.type === "subscription",
      true: httpSubscriptionLink({ url: "/trpc" }),
      // maxItems matches the server's MAX_BATCH_SIZE (a larger batch is refused there).
      false: httpBatchLink({ url: "/trpc", maxItems: 10 }),
    }),
  ],
});

export const trpc = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });

/** After a write: every query under these paths is refetched (shown ones now, the others when next shown). */
export function invalidate(...filters: ReadonlyArray<{ queryKey: readonly unknown[] }>): void {
  for (const filter of filters) void queryClient.invalidateQueries(filter);
}
