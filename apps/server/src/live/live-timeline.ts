import {
  type Database,
  type FeedScope,
  type Kysely,
  type LiveTimelineEntry,
  latestTimelineSeq,
  readTimelineSince,
  type TimelineNotification,
  type Viewer,
} from "@trame/db";
import { tracked } from "@trpc/server";
import type { LiveHub } from "./live-hub.ts";

export type LiveTimelineEvent = { op: "written"; entry: LiveTimelineEntry } | { op: "removed"; id: string };

function concerns(notification: TimelineNotification, scope: FeedScope): boolean {
  if ("territoryId" in scope) return notification.territoryIds.includes(scope.territoryId);
  if ("cooperationId" in scope) return notification.cooperationId === scope.cooperationId;
  return notification.projectId === scope.projectId;
}

/**
 * A scope's timeline as it changes. Listening starts before catching up, so nothing written in
 * between is lost; entries are fetched from the database (with the viewer's visibility) rather than
 * trusted from the notification, and sent in live-update order, each tracked by its number so a
 * reconnecting client resumes after the last one it received: no gap, no duplicate.
 */
export async function* liveTimeline(
  db: Kysely<Database>,
  hub: LiveHub,
  scope: FeedScope,
  viewer: Viewer,
  lastEventId: string | null | undefined,
  signal: AbortSignal,
) {
  const notifications = hub.notifications(signal)[Symbol.asyncIterator]();
  let last = lastEventId ? Number(lastEventId) : await latestTimelineSeq(db);

  async function* catchUp() {
    for (;;) {
      const batch = await readTimelineSince(db, scope, last, viewer);
      for (const entry of batch) {
        last = entry.seq;
        yield tracked(String(entry.seq), { op: "written", entry } satisfies LiveTimelineEvent);
      }
      if (batch.length < 200) return;
    }
  }

  try {
    yield* catchUp();
    while (!signal.aborted) {
      const { value, done } = await notifications.next();
      if (done) return;
      if (!concerns(value, scope)) continue;
      if (value.op === "removed") {
        yield tracked(String(last), { op: "removed", id: value.id } satisfies LiveTimelineEvent);
      } else if (value.seq > last) {
        yield* catchUp();
      }
    }
  } finally {
    await notifications.return?.();
  }
}
