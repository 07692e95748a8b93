import { type Database, insertSession, type Kysely } from "@trame/db";
import { hashSessionToken, newSessionToken } from "../../src/auth/session-token.ts";
import { createContextInner } from "../../src/context.ts";
import type { LiveHub } from "../../src/live/live-hub.ts";
import { createCaller } from "../../src/root.ts";
import type { TestUser } from "./factories.ts";

/** A caller with a live hub, and the hash of its session to end it as sign-out does. */
export async function liveSession(db: Kysely<Database>, hub: LiveHub, user: TestUser) {
  const token = newSessionToken();
  await insertSession(db, {
    tokenHash: hashSessionToken(token),
    userId: user.id,
    expiresAt: new Date(Date.now() + 3_600_000),
  });
  const ctx = await createContextInner({
    db,
    sessionToken: token,
    clientAddress: "127.0.0.1",
    cookie: { set() {}, clear() {} },
    live: hub,
  });
  return { caller: createCaller(ctx), tokenHash: hashSessionToken(token) };
}

/** Reads values from a subscription until `count` arrived, it ended, or `ms` passed. */
export async function takeValues(
  iterator: AsyncIterator<unknown>,
  count: number,
  ms = 3000,
): Promise<{ values: unknown[]; ended: boolean }> {
  const values: unknown[] = [];
  const deadline = Date.now() + ms;
  while (values.length < count && Date.now() < deadline) {
    const next = await Promise.race([
      iterator.next(),
      new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), Math.max(1, deadline - Date.now()))),
    ]);
    if (next === "timeout") break;
    if (next.done) return { values, ended: true };
    values.push(next.value);
  }
  return { values, ended: false };
}
