import type { DbHandle } from "@trame/db";
import PgBoss from "pg-boss";
import { afterAll, beforeAll } from "vitest";
import { JOB_SCHEMA } from "../../src/jobs/job-queue.ts";
import {
  fanOutNotification,
  NOTIFICATION_QUEUE,
  type NotificationJob,
} from "../../src/jobs/notification-fanout.job.ts";
import { sqlExecutor } from "../../src/jobs/sql-executor.ts";

/**
 * A real pg-boss on the test database with no worker: the test takes the queued fan-out jobs itself
 * and runs them, so it decides when (e.g. after a right is removed) and nothing races it.
 */
export function useNotificationQueue(testDb: () => DbHandle) {
  let boss: PgBoss | undefined;
  beforeAll(async () => {
    boss = new PgBoss({ db: sqlExecutor(testDb()), schema: JOB_SCHEMA, supervise: false, schedule: false });
    await boss.start();
    await boss.createQueue(NOTIFICATION_QUEUE, { name: NOTIFICATION_QUEUE });
  }, 60_000);
  afterAll(async () => {
    await boss?.stop({ graceful: false, close: false, wait: true });
  });
  const queue = (): PgBoss => {
    if (!boss) throw new Error("notification queue not ready");
    return boss;
  };
  /** Takes every queued fan-out job (returned, so a test may run them later). */
  const takeJobs = async (): Promise<NotificationJob[]> => {
    const jobs = await queue().fetch<NotificationJob>(NOTIFICATION_QUEUE, { batchSize: 100 });
    if (jobs.length)
      await queue().complete(
        NOTIFICATION_QUEUE,
        jobs.map((j) => j.id),
      );
    return jobs.map((j) => j.data);
  };
  const runJobs = async (jobs: NotificationJob[]): Promise<void> => {
    for (const job of jobs) await fanOutNotification(testDb().db, job);
  };
  return { queue, takeJobs, runJobs };
}
