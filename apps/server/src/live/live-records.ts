import { belongsSomewhere, DomainError } from "@trame/core";
import { type Database, getSessionUser, getUser, type Kysely, type RecordNotification, type Viewer } from "@trame/db";
import { viewerOf } from "../auth/viewer.ts";
import { actorOf } from "../context.ts";
import type { LiveHub } from "./live-hub.ts";

/** What an open page is told when a colleague saves the record it shows. */
export interface RecordChange {
  action: string;
  fields: string[];
  version: number | null;
  by: { id: string; name: string } | null;
}

/** Saves heard meanwhile beyond this are dropped: the page refetches the record anyway. */
const MAX_QUEUED = 16;

interface LiveRecordAccess {
  userId: string;
  tokenHash: string;
  /** Whether this viewer may still read the record (asked again before every delivery). */
  visible(viewer: Viewer): Promise<boolean>;
}

/**
 * Every save of one project or cooperation, on any instance, as it commits. Before each delivery the
 * session is read again from PostgreSQL and the record's visibility re-checked: the stream ends
 * when the session ends, the account may read nothing any more, or the record went out of sight.
 */
export async function* liveRecordChanges(
  db: Kysely<Database>,
  hub: LiveHub,
  record: Pick<RecordNotification, "entity" | "id">,
  access: LiveRecordAccess,
  signal: AbortSignal,
): AsyncGenerator<RecordChange> {
  const queue: RecordNotification[] = [];
  let wake: (() => void) | null = null;
  const poke = () => wake?.();
  const offRecords = hub.onRecord((heard) => {
    if (heard.entity !== record.entity || heard.id !== record.id) return;
    if (queue.length === MAX_QUEUED) queue.shift();
    queue.push(heard);
    poke();
  });
  let sessionChanged = false;
  const offSessions = hub.onSessionChange((changed) => {
    if (changed !== access.userId && changed !== "*") return;
    sessionChanged = true;
    poke();
  });
  signal.addEventListener("abort", poke, { once: true });
  try {
    while (!signal.aborted) {
      if (queue.length === 0 && !sessionChanged) {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        wake = null;
        continue;
      }
      sessionChanged = false;
      const found = await getSessionUser(db, access.tokenHash);
      if (!found || found.passwordChangeRequired || !belongsSomewhere(actorOf(found.user))) return;
      if (!(await access.visible(viewerOf(actorOf(found.user))))) return;
      for (const heard of queue.splice(0)) {
        const author = heard.actorId ? await getUser(db, heard.actorId) : undefined;
        yield {
          action: heard.action,
          fields: heard.fields,
          version: heard.version,
          by: author ? { id: author.id, name: author.name } : null,
        };
      }
    }
  } finally {
    offRecords();
    offSessions();
    signal.removeEventListener("abort", poke);
  }
}

/** The subscription both record pages use: the record must be readable now, and stay so. */
export function recordStream(
  ctx: { db: Kysely<Database>; live: LiveHub | null; user: { id: string }; sessionTokenHash: string },
  record: Pick<RecordNotification, "entity" | "id">,
  visible: LiveRecordAccess["visible"],
  signal: AbortSignal | undefined,
): AsyncGenerator<RecordChange> {
  const { live } = ctx;
  if (!live) throw new DomainError("UNAVAILABLE", "server.unavailable");
  const access = { userId: ctx.user.id, tokenHash: ctx.sessionTokenHash, visible };
  return liveRecordChanges(ctx.db, live, record, access, signal ?? new AbortController().signal);
}
