import { type Database, getSessionUser, type Kysely, type SessionUser } from "@trame/db";
import { LRUCache } from "lru-cache";
import type { LiveHub } from "../live/live-hub.ts";

export interface SessionCache {
  /** The signed-in user behind `tokenHash`, from memory when this instance looked it up recently. */
  lookup(db: Kysely<Database>, tokenHash: string): Promise<SessionUser | undefined>;
  /** Forget one session at once on this instance (sign-out); other instances hear it from PostgreSQL. */
  forget(tokenHash: string): void;
  close(): void;
}

export interface SessionCacheOptions {
  /** Upper bound on an entry's age even if no notification came: a safety net, not the mechanism. */
  maxAgeMs?: number;
  maxEntries?: number;
  now?: () => number;
}

/**
 * Every authenticated call used to start with a session query: half of the database work of a
 * timeline page. Signed-in users are kept in memory between calls and dropped the moment PostgreSQL
 * announces a change to their session, account or memberships (triggers of migration 000007, heard
 * through the instance's LISTEN connection). While that connection is down nothing is served from
 * memory, and everything is dropped when it comes back, since notifications sent meanwhile are lost.
 */
export function createSessionCache(hub: LiveHub, options: SessionCacheOptions = {}): SessionCache {
  const now = options.now ?? Date.now;
  const entries = new LRUCache<string, SessionUser & { userId: string }>({
    max: options.maxEntries ?? 10_000,
    ttl: options.maxAgeMs ?? 60_000,
    perf: { now },
  });
  // Bumped on every change heard: a lookup that was in flight meanwhile may have read the old rows,
  // so its result is returned but not kept.
  let generation = 0;
  const unsubscribe = hub.onSessionChange((userId) => {
    generation += 1;
    if (userId === "*") return entries.clear();
    for (const [tokenHash, entry] of entries.entries()) if (entry.userId === userId) entries.delete(tokenHash);
  });

  return {
    async lookup(db, tokenHash) {
      if (!hub.isListening()) {
        entries.clear();
        return getSessionUser(db, tokenHash);
      }
      const cached = entries.get(tokenHash);
      if (cached && Date.parse(cached.expiresAt) > now()) return cached;
      const startedAt = generation;
      const found = await getSessionUser(db, tokenHash);
      if (found && startedAt === generation) entries.set(tokenHash, { ...found, userId: found.user.id });
      else entries.delete(tokenHash);
      return found;
    },
    forget: (tokenHash) => void entries.delete(tokenHash),
    close: unsubscribe,
  };
}
