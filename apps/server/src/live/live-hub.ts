import { EventEmitter } from "node:events";
import {
  type DbHandle,
  NOTIFICATION_CHANNEL,
  RECORD_CHANNEL,
  type RecordNotification,
  SESSION_CHANNEL,
  TIMELINE_CHANNEL,
  type TimelineNotification,
} from "@trame/db";
import pg from "pg";

export interface LiveHub {
  /**
   * Calls `listener` with each timeline notification as it arrives; returns the unsubscribe. Every
   * listener gets the same object for one notification, so work done in answer to it can be shared.
   */
  onTimeline(listener: (notification: TimelineNotification) => void): () => void;
  /**
   * Calls `listener` with a user id (or `*`) when what that user's sessions grant changed, and with
   * `*` after a lost connection is back (notifications sent meanwhile are lost). Returns the unsubscribe.
   */
  onSessionChange(listener: (userId: string) => void): () => void;
  /** Calls `listener` with the users whose notifications changed (fan-out, mark read); returns the unsubscribe. */
  onNotifications(listener: (userIds: readonly string[]) => void): () => void;
  /** Calls `listener` with each saved project or cooperation (co-editing); returns the unsubscribe. */
  onRecord(listener: (notification: RecordNotification) => void): () => void;
  /** False while the LISTEN connection is down: nothing heard then can be trusted to be complete. */
  isListening(): boolean;
  close(): Promise<void>;
}

interface Logger {
  warn(object: object, message: string): void;
}

const RECONNECT_MS = 1000;

/**
 * One LISTEN per instance, fanned out in memory to this instance's subscribers. The notifications
 * themselves travel through PostgreSQL, so a write on any instance reaches the clients of all.
 */
export async function startLiveHub(handle: DbHandle, log: Logger): Promise<LiveHub> {
  const events = new EventEmitter();
  events.setMaxListeners(0);
  /** A channel's JSON payload, re-emitted in memory as `event`; a malformed one is logged and dropped. */
  const relay =
    (event: string, what: string, pick: (parsed: never) => unknown = (parsed) => parsed) =>
    (payload: string | undefined) => {
      if (!payload) return;
      try {
        events.emit(event, pick(JSON.parse(payload) as never));
      } catch (error) {
        log.warn({ err: error }, `malformed ${what} notification`);
      }
    };
  const publish = relay("notification", "timeline");
  const notificationsChanged = relay("user-notifications", "user", (parsed: { userIds: string[] }) => parsed.userIds);
  const recordChanged = relay("record", "record");
  const sessionChanged = (payload: string | undefined) => {
    if (payload) events.emit("session", payload);
  };
  const hub = (stop: () => Promise<void>, isListening: () => boolean): LiveHub => ({
    onSessionChange(listener) {
      events.on("session", listener);
      return () => events.off("session", listener);
    },
    onNotifications(listener) {
      events.on("user-notifications", listener);
      return () => events.off("user-notifications", listener);
    },
    onRecord(listener) {
      events.on("record", listener);
      return () => events.off("record", listener);
    },
    isListening,
    onTimeline(listener) {
      events.on("notification", listener);
      return () => events.off("notification", listener);
    },
    close: stop,
  });

  if (handle.pglite) {
    const unlisten = await handle.pglite.listen(TIMELINE_CHANNEL, publish);
    const unlistenSessions = await handle.pglite.listen(SESSION_CHANNEL, sessionChanged);
    const unlistenUsers = await handle.pglite.listen(NOTIFICATION_CHANNEL, notificationsChanged);
    const unlistenRecords = await handle.pglite.listen(RECORD_CHANNEL, recordChanged);
    return hub(
      async () => {
        await unlisten();
        await unlistenSessions();
        await unlistenUsers();
        await unlistenRecords();
      },
      () => true,
    );
  }
  if (!handle.connectionString) throw new Error("live updates need the database URL");

  // A dedicated connection outside the pool: LISTEN belongs to a session. It reconnects by itself
  // when the database restarts; clients then catch up from their last seen entry.
  let client: pg.Client | undefined;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: handle.connectionString });
    const handlers: Record<string, (payload: string | undefined) => void> = {
      [TIMELINE_CHANNEL]: publish,
      [SESSION_CHANNEL]: sessionChanged,
      [NOTIFICATION_CHANNEL]: notificationsChanged,
      [RECORD_CHANNEL]: recordChanged,
    };
    next.on("notification", (message) => handlers[message.channel]?.(message.payload));
    next.on("error", (error) => {
      log.warn({ err: error }, "live updates connection lost, reconnecting");
      scheduleReconnect();
    });
    try {
      await next.connect();
      await next.query(
        Object.keys(handlers)
          .map((channel) => `listen ${channel};`)
          .join(" "),
      );
      client = next;
      sessionChanged("*");
    } catch (error) {
      log.warn({ err: error }, "live updates cannot listen yet, retrying");
      await next.end().catch(() => {});
      scheduleReconnect();
    }
  };
  const scheduleReconnect = () => {
    if (closed || timer) return;
    client = undefined;
    timer = setTimeout(() => {
      timer = undefined;
      void connect();
    }, RECONNECT_MS);
  };
  await connect();
  return hub(
    async () => {
      closed = true;
      if (timer) clearTimeout(timer);
      await client?.end().catch(() => {});
    },
    () => client !== undefined,
  );
}
