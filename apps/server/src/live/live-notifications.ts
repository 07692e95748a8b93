import { belongsSomewhere } from "@trame/core";
import { countUnreadNotifications, type Database, getSessionUser, type Kysely } from "@trame/db";
import { viewerOf } from "../auth/viewer.ts";
import { actorOf } from "../context.ts";
import type { LiveHub } from "./live-hub.ts";

/**
 * The signed-in user's unread count, sent at once and again whenever their notifications change
 * (a fan-out or a mark-read, heard from PostgreSQL on any instance) or their session's rights may
 * have changed. Each time the session is read again from PostgreSQL and the count re-checks
 * visibility; the stream ends when the session ends or the account may read nothing any more.
 */
export async function* liveUnreadCount(
  db: Kysely<Database>,
  hub: LiveHub,
  userId: string,
  tokenHash: string,
  signal: AbortSignal,
) {
  let dirty = true;
  let wake: (() => void) | null = null;
  const poke = () => {
    dirty = true;
    wake?.();
  };
  const offNotifications = hub.onNotifications((userIds) => userIds.includes(userId) && poke());
  const offSessions = hub.onSessionChange((changed) => (changed === userId || changed === "*") && poke());
  signal.addEventListener("abort", poke, { once: true });
  try {
    while (!signal.aborted) {
      if (!dirty) {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        wake = null;
        continue;
      }
      dirty = false;
      const found = await getSessionUser(db, tokenHash);
      if (!found || found.passwordChangeRequired || !belongsSomewhere(actorOf(found.user))) return;
      const unread = await countUnreadNotifications(db, { ...viewerOf(actorOf(found.user)), userId });
      yield { unread };
    }
  } finally {
    offNotifications();
    offSessions();
    signal.removeEventListener("abort", poke);
  }
}
