import { type Locale, localizeTimelineEntry } from "@trame/core";
import {
  comparePositions,
  currentLivePosition,
  type Database,
  decodePosition,
  encodePosition,
  type FeedScope,
  getProject,
  type Kysely,
  type LivePosition,
  type LiveTimelineEntry,
  legacyLivePosition,
  readTimelineSince,
  type TimelineNotification,
  type Viewer,
} from "@trame/db";
import { tracked } from "@trpc/server";
import type { LiveHub } from "./live-hub.ts";
import { sharedRead } from "./shared-reads.ts";

export type LiveTimelineEvent = { op: "written"; entry: LiveTimelineEntry } | { op: "removed"; id: string };

/**
 * The subscriber's rights as they are stored NOW, asked again at every delivery: a stream outlives
 * the request that opened it, and the session or the memberships behind it may end meanwhile.
 */
export interface LiveAccess {
  /** The reader's language: entries' titles are worded in it, as in `timeline.*` queries. */
  locale?: Locale;
  /**
   * Who asks, for what (session and scope): streams with the same key woken by the same notification
   * share one `current()` read. Without it each stream asks alone.
   */
  key?: string;
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

/** Where a stream starts: after the client's last event, or (new client) before any running transaction. */
async function startPosition(db: Kysely<Database>, lastEventId: string | null | undefined): Promise<LivePosition> {
  if (!lastEventId) return currentLivePosition(db);
  const decoded = decodePosition(lastEventId);
  return "legacySeq" in decoded ? legacyLivePosition(db, decoded.legacySeq) : decoded;
}

/** Unsettled entries are read again after 20 ms, then 40, 80... up to 1 s while an old transaction runs. */
const FIRST_RETRY_MS = 20;
const MAX_RETRY_MS = 1000;
const BATCH = 200;
/**
 * Removals waiting to be told to one stream. Beyond it the oldest are dropped: the page then keeps a
 * deleted entry until it reloads, where an unbounded queue would let a slow client grow the server.
 */
const MAX_PENDING_REMOVALS = 100;

function scopeKey(scope: FeedScope): string {
  if ("territoryId" in scope) return `t:${scope.territoryId}`;
  if ("cooperationId" in scope) return `c:${scope.cooperationId}`;
  return `p:${scope.projectId}`;
}

function viewerKey(viewer: Viewer): string {
  return `${viewer.isInstanceAdmin ? "admin" : "member"}:${[...viewer.territoryIds].sort().join(",")}`;
}

/**
 * A scope's timeline as it changes. Listening starts before catching up, so nothing written in
 * between is lost; entries are fetched from the database with the viewer's rights of the moment
 * rather than trusted from the notification, and sent in (xact, seq) order once settled (ADR 0013),
 * each tracked by its position so a reconnecting client resumes after the last one it received: no
 * gap, no duplicate. While entries wait for an older transaction, the stream reads again shortly.
 * The stream ends as soon as the session ends or the scope stops being readable, on any instance.
 *
 * What a stream holds between deliveries is bounded: the latest notification of its scope (entries
 * are read from the database anyway, so one is enough to know there is news) and a few removals.
 * Streams woken by the same notification share their reads (`sharedRead`): rights are decided once
 * per audience (same session and scope) and entries read once per (scope, position, rights, language).
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
  let wake: (() => void) | null = null;
  const end = () => {
    ended.abort();
    wake?.();
  };
  signal.addEventListener("abort", end, { once: true });
  // A session change heard from PostgreSQL (sign-out, password change, disabled account, membership
  // removed) is checked at once, so an idle stream does not stay open on rights that are gone.
  const unsubscribe = access.onChange(() => {
    access.current().then(
      (viewer) => viewer === null && end(),
      () => end(),
    );
  });
  /** The latest notification of an entry written in the scope, not yet acted on. */
  let written: TimelineNotification | null = null;
  const removals: TimelineNotification[] = [];
  const unlisten = hub.onTimeline((notification) => {
    if (!concerns(notification, scope)) return;
    if (notification.op === "removed") {
      if (removals.push(notification) > MAX_PENDING_REMOVALS) removals.shift();
    } else {
      written = notification;
    }
    wake?.();
  });
  const locale = access.locale ?? "fr";
  const key = scopeKey(scope);
  let last = await startPosition(db, lastEventId);
  /** Set while committed entries of the scope wait for an older transaction: when to read again. */
  let retryMs: number | null = null;
  /** The notification the current catch-up answers, and how many times it read: what sharers agree on. */
  let wave: TimelineNotification | null = null;
  let attempt = 0;

  const readWorded = async (viewer: Viewer, after: LivePosition) => {
    const batch = await readTimelineSince(db, scope, after, viewer, BATCH);
    return { ...batch, entries: batch.entries.map((entry) => localizeTimelineEntry(entry, locale)) };
  };

  async function* catchUp(viewer: Viewer) {
    for (;;) {
      const from = last;
      const batch = await sharedRead(
        wave,
        `entries|${key}|${encodePosition(from)}|${viewerKey(viewer)}|${locale}|${attempt}`,
        () => readWorded(viewer, from),
      );
      for (const entry of batch.entries) {
        last = { xact: entry.xact, seq: entry.seq };
        yield tracked(encodePosition(last), { op: "written", entry } satisfies LiveTimelineEvent);
      }
      if (batch.unsettled) {
        retryMs = retryMs === null ? FIRST_RETRY_MS : Math.min(retryMs * 2, MAX_RETRY_MS);
        attempt++;
        return;
      }
      retryMs = null;
      wave = null;
      attempt = 0;
      if (batch.entries.length < BATCH) return;
    }
  }

  /** Until there is news, the stream ends, or (while entries are unsettled) it is time to read again. */
  const news = () =>
    new Promise<void>((resolve) => {
      if (written || removals.length > 0 || ended.signal.aborted) return resolve();
      const timer = retryMs === null ? undefined : setTimeout(resolve, retryMs);
      wake = () => {
        clearTimeout(timer);
        wake = null;
        resolve();
      };
    });
  const rights = (reason: TimelineNotification | null) =>
    sharedRead(reason, access.key === undefined ? undefined : `rights|${access.key}`, () => access.current());

  try {
    const initial = await access.current();
    if (!initial) return;
    yield* catchUp(initial);
    while (!ended.signal.aborted) {
      await news();
      if (ended.signal.aborted) return;
      const notification: TimelineNotification | null = written ?? removals[0] ?? null;
      const viewer = await rights(notification ?? wave);
      if (!viewer) return;
      for (const removal of removals.splice(0)) {
        // Not replayed on resume (the row is gone): sent with the current position, as before.
        if (await mayHearRemoval(db, removal, viewer)) {
          yield tracked(encodePosition(last), { op: "removed", id: removal.id } satisfies LiveTimelineEvent);
        }
      }
      const heard: TimelineNotification | null = written;
      written = null;
      if (heard && comparePositions(heard, last) > 0) {
        if (wave === null || retryMs === null) {
          wave = heard;
          attempt = 0;
        }
        yield* catchUp(viewer);
      } else if (retryMs !== null) {
        yield* catchUp(viewer);
      }
    }
  } finally {
    unsubscribe();
    unlisten();
    signal.removeEventListener("abort", end);
  }
}
