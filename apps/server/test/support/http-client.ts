import { type Database, insertSession, type Kysely } from "@trame/db";
import { createTRPCClient, httpLink, httpSubscriptionLink, splitLink } from "@trpc/client";
import { EventSource } from "eventsource";
import { hashSessionToken, newSessionToken } from "../../src/auth/session-token.ts";
import type { AppRouter } from "../../src/root.ts";

/** A tRPC client of a listening server, signed in with a session cookie, subscriptions over SSE as in the browser. */
export function httpClientOf(baseUrl: string, token: string) {
  const cookie = `trame_session=${token}`;
  const url = `${baseUrl}/trpc`;
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === "subscription",
        true: httpSubscriptionLink({
          url,
          EventSource,
          eventSourceOptions: () => ({
            fetch: (input, init) => fetch(input, { ...init, headers: { ...init?.headers, cookie } }),
          }),
        }),
        false: httpLink({ url, headers: { cookie } }),
      }),
    ],
  });
}

/** A session of this user, as signing in makes: its token goes in the cookie. */
export async function sessionToken(db: Kysely<Database>, userId: string): Promise<string> {
  const token = newSessionToken();
  await insertSession(db, { tokenHash: hashSessionToken(token), userId, expiresAt: new Date(Date.now() + 3_600_000) });
  return token;
}
