import { randomUUID } from "node:crypto";
import { NOTIFICATION_CATEGORY_OF, type NotificationEvent } from "@trame/core";
import {
  announceNotifications,
  type Database,
  type DbHandle,
  followerIds,
  insertNotifications,
  type Kysely,
  readersAmong,
  type Transaction,
} from "@trame/db";
import type PgBoss from "pg-boss";
import type { Logger } from "pino";
import { transactionExecutor } from "./sql-executor.ts";

export const NOTIFICATION_QUEUE = "notification-fanout";

/** How a write reaches the fan-out: null where no queue runs or notifications are off (TRAME_NOTIFICATIONS=false). */
export type NotificationJobs = PgBoss | null;

/** The job's data: the event as the write saw it, who caused it, and an id that makes a retry harmless. */
export interface NotificationJob {
  eventId: string;
  /** When the write happened (ISO): the notifications' time, whenever the job runs. */
  queuedAt: string;
  actorId: string | null;
  event: NotificationEvent;
}

/**
 * Queues ONE fan-out job for an event, with the caller's transaction (ADR 0017): the job exists
 * exactly when the write commits, and the request never computes an audience. Without a queue
 * (CLI, most tests, notifications turned off) nothing is queued.
 */
export async function queueNotification(
  trx: Transaction<Database> | Kysely<Database>,
  jobs: NotificationJobs | undefined,
  actorId: string | null,
  event: NotificationEvent,
): Promise<void> {
  if (!jobs) return;
  const data: NotificationJob = { eventId: randomUUID(), queuedAt: new Date().toISOString(), actorId, event };
  await jobs.send(NOTIFICATION_QUEUE, data, { db: transactionExecutor(trx) });
}

/** Where the event belongs, for the audience and for read-time checks. */
function scopeOf(event: NotificationEvent) {
  switch (event.kind) {
    case "action_logged":
    case "actions_imported":
    case "project_status_changed":
    case "application_step":
    case "application_payment":
      return { cooperationId: event.cooperationId, projectId: event.projectId, adminTerritoryId: null };
    case "territory_joined":
    case "territory_left":
      return { cooperationId: event.cooperationId, projectId: null, adminTerritoryId: null };
    case "access_request":
      return { cooperationId: null, projectId: null, adminTerritoryId: event.territoryId };
    case "membership_added":
      return { cooperationId: null, projectId: null, adminTerritoryId: null };
  }
}

async function candidatesOf(db: Kysely<Database>, event: NotificationEvent): Promise<string[]> {
  switch (event.kind) {
    case "access_request": {
      const admins = await db
        .selectFrom("memberships")
        .select("user_id")
        .where("territory_id", "=", event.territoryId)
        .where("role", "=", "admin")
        .execute();
      return admins.map((a) => a.user_id);
    }
    case "membership_added":
      return [event.userId];
    default: {
      const scope = scopeOf(event);
      return followerIds(db, { cooperationId: scope.cooperationId ?? "", projectId: scope.projectId });
    }
  }
}

/**
 * Computes who is told and writes their rows. Rights are those stored when the job runs, not when
 * the event was queued: someone who lost access meanwhile gets nothing. The actor is never told of
 * their own deed. Returns who got a new row.
 */
export async function fanOutNotification(db: Kysely<Database>, job: NotificationJob): Promise<string[]> {
  const scope = scopeOf(job.event);
  const candidates = (await candidatesOf(db, job.event)).filter((id) => id !== job.actorId);
  const readers = await readersAmong(db, candidates, scope);
  const told = await db.transaction().execute(async (trx) => {
    const inserted = await insertNotifications(
      trx,
      {
        eventId: job.eventId,
        createdAt: job.queuedAt,
        category: NOTIFICATION_CATEGORY_OF[job.event.kind],
        event: job.event,
        actorId: job.actorId,
        ...scope,
      },
      readers,
    );
    await announceNotifications(trx, inserted);
    return inserted;
  });
  return told;
}

export async function registerNotificationJobs(
  boss: PgBoss,
  handle: DbHandle,
  log: Logger,
  polling: PgBoss.WorkOptions,
): Promise<void> {
  await boss.createQueue(NOTIFICATION_QUEUE, {
    name: NOTIFICATION_QUEUE,
    retryLimit: 5,
    retryDelay: 5,
    retryBackoff: true,
  });
  await boss.work<NotificationJob>(NOTIFICATION_QUEUE, { ...polling, batchSize: 10 }, async (jobs) => {
    for (const job of jobs) {
      const told = await fanOutNotification(handle.db, job.data);
      log.debug({ event: job.data.event.kind, told: told.length }, "notifications written / notifications écrites");
    }
  });
}
