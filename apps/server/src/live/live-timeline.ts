import {
  type Database,
  type FeedScope,
  getProject,
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

/**
 * The subscriber's rights as they are stored NOW, asked again at every delivery: a stream outlives
 * the request that opened it, and the session or the memberships behind it may end meanwhile.
 */
export interface LiveAccess {
  /** The viewer as stored now, or null once the session ended or the scope is no longer readable. */
  current(): Promise<Viewer | null>;
  /** Calls `listener` when what the session grants may have changed (on any instance); returns the unsubscribe. */
  onChange(listener: () => void): () => void;
}

function concerns(notification: TimelineNotification, scope: FeedScope): boolean {
  if ("territoryId" in scope) return notification.territoryIds.includes(scope.territoryId);
  if ("cooperationId" in scope) return notification.cooperationId === scope.cooperationId;
  return notification.projectId === scope.projectId;
}

/** A removal names its project: announce it only to a viewer who may read that project now. */
async function mayHearRemoval(db: Kysely<Database>, notification: TimelineNotification, viewer: Viewer) {
  if (!notification.projectId) return true;
  return (await getProject(db, notification.projectId, viewer)) !== undefined;
}

/**
 * A scope's timeline as it changes. Listening starts before catching up, so nothing written in
 * between is lost; entries are fetched from the database with the viewer's rights of the moment
 * rather than trusted from the notification, and sent in live-update order, each tracked by its
 * number so a reconnecting client resumes after the last one it received: no gap, no duplicate.
 * The stream ends as soon as the session ends or the scope stops being readable, on any instance.
 */
export async function* liveTimeline(
  db: Kysely<Database>,
  hub: LiveHub,
  scope: FeedScope,
  access: LiveAccess,
  lastEventId: string | null | undefined,
  signal: AbortSignal,
) {
  const ended = new AbortController();
  const end = () => ended.abort();
  signal.addEventListener("abort", end, { once: true });
  // A session change heard from PostgreSQL (sign-out, password change, disabled account, membership
  // removed) is checked at once, so an idle stream does not stay open on rights that are gone.
  const unsubscribe = access.onChange(() => {
    access.current().then(
      (viewer) => viewer === null && end(),
      () => end(),
    );
  });
  const notifications = hub.notifications(ended.signal)[Symbol.asyncIterator]();
  let last = lastEventId ? Number(lastEventId) : await latestTimelineSeq(db);

  async function* catchUp(viewer: Viewer) {
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
    const initial = await access.current();
    if (!initial) return;
    yield* catchUp(initial);
    while (!ended.signal.aborted) {
      const { value, done } = await notifications.next();
      if (done) return;
      if (!concerns(value, scope)) continue;
      const viewer = await access.current();
      if (!viewer) return;
      if (value.op === "removed") {
        if (await mayHearRemoval(db, value, viewer)) {
          yield tracked(String(last), { op: "removed", id: value.id } satisfies LiveTimelineEvent);
        }
      } else if (value.seq > last) {
        yield* catchUp(viewer);
      }
    }
  } finally {
    unsubscribe();
    signal.removeEventListener("abort", end);
    await notifications.return?.();
  }
}
