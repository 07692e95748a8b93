import { EventEmitter, on } from "node:events";
import { type DbHandle, SESSION_CHANNEL, TIMELINE_CHANNEL, type TimelineNotification } from "@trame/db";
import pg from "pg";

export interface LiveHub {
  /** Notifications as they arrive, until `signal` aborts. */
  notifications(signal: AbortSignal): AsyncIterable<TimelineNotification>;
  /**
   * Calls `listener` with a user id (or `*`) when what that user's sessions grant changed, and with
   * `*` after a lost connection is back (notifications sent meanwhile are lost). Returns the unsubscribe.
   */
  onSessionChange(listener: (userId: string) => void): () => void;
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
  const publish = (payload: string | undefined) => {
    if (!payload) return;
    try {
      events.emit("notification", JSON.parse(payload) as TimelineNotification);
    } catch (error) {
      log.warn({ err: error }, "malformed timeline notification");
    }
  };
  const sessionChanged = (payload: string | undefined) => {
    if (payload) events.emit("session", payload);
  };
  const hub = (stop: () => Promise<void>, isListening: () => boolean): LiveHub => ({
    onSessionChange(listener) {
      events.on("session", listener);
      return () => events.off("session", listener);
    },
    isListening,
    notifications(signal) {
      // `on` attaches its listener now, not at the first `next()`: a subscriber can start listening,
      // then catch up from the database, without missing what is written in between.
      const source = on(events, "notification", { signal });
      return {
        [Symbol.asyncIterator]: () => ({
          async next() {
            try {
              const result = await source.next();
              return result.done ? result : { done: false, value: result.value[0] as TimelineNotification };
            } catch (error) {
              if (signal.aborted) return { done: true, value: undefined };
              throw error;
            }
          },
          return: async () => {
            await source.return?.();
            return { done: true, value: undefined };
          },
        }),
      };
    },
    close: stop,
  });

  if (handle.pglite) {
    const unlisten = await handle.pglite.listen(TIMELINE_CHANNEL, publish);
    const unlistenSessions = await handle.pglite.listen(SESSION_CHANNEL, sessionChanged);
    return hub(
      async () => {
        await unlisten();
        await unlistenSessions();
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
    next.on("notification", (message) =>
      message.channel === SESSION_CHANNEL ? sessionChanged(message.payload) : publish(message.payload),
    );
    next.on("error", (error) => {
      log.warn({ err: error }, "live updates connection lost, reconnecting");
      scheduleReconnect();
    });
    try {
      await next.connect();
      await next.query(`listen ${TIMELINE_CHANNEL}; listen ${SESSION_CHANNEL}`);
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
