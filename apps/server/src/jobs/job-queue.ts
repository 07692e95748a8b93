import { type DbHandle, deleteExpiredRows, OUTBOX_KEEP_DAYS } from "@trame/db";
import PgBoss from "pg-boss";
import type { Logger } from "pino";
import { DEFAULT_PUBLIC_URL } from "../context.ts";
import type { MailTransport } from "../mail/transport.ts";
import { REMINDERS_QUEUE, registerReminderJobs } from "./deadline-reminders.job.ts";
import { registerDigestJobs } from "./mail-digest.job.ts";
import { registerMailJobs } from "./mail-send.job.ts";
import { registerNotificationJobs } from "./notification-fanout.job.ts";
import { oneSetupAtATime } from "./setup-lock.ts";
import { sqlExecutor } from "./sql-executor.ts";

/** pg-boss keeps its tables in their own schema, created and migrated by pg-boss itself at start. */
export const JOB_SCHEMA = "pgboss";

export const QUEUES = {
  housekeeping: "housekeeping",
  reminders: REMINDERS_QUEUE,
} as const;

export interface JobQueueOptions {
  /** Cron expression (UTC) for the housekeeping job; default: every hour at minute 7. */
  housekeepingCron?: string;
  /** How often an idle worker asks for work, in seconds (pg-boss polls; minimum 0.5). */
  pollingIntervalSeconds?: number;
  /** Where e-mail goes; null: messages stay in the outbox (unsent) and their links are logged. */
  mailTransport?: MailTransport | null;
  /** Where links in e-mails point (TRAME_PUBLIC_URL). */
  publicUrl?: string;
  /** Cron expression (Paris time) for the deadline reminders; default: every day at 8:00. */
  remindersCron?: string;
  /** Cron expressions (Paris time) of the daily and weekly digests; defaults: 7:00 every day, 7:30 on Monday. */
  digestDailyCron?: string;
  digestWeeklyCron?: string;
  /** Days sent e-mails stay in the outbox before housekeeping removes them; default 30. */
  outboxKeepDays?: number;
}

export interface JobQueue {
  boss: PgBoss;
  stop(): Promise<void>;
}

/**
 * The durable job queue (pg-boss, in PostgreSQL or PGlite): jobs are rows, so they survive restarts;
 * each is fetched with FOR UPDATE SKIP LOCKED, so with several instances each runs once; failures are
 * retried with exponential backoff and then kept as failed, for instance admins to see.
 */
export async function startJobQueue(handle: DbHandle, log: Logger, options: JobQueueOptions = {}): Promise<JobQueue> {
  const boss = new PgBoss({
    db: sqlExecutor(handle),
    schema: JOB_SCHEMA,
    // Failed jobs stay readable in /admin for two weeks before pg-boss archives them.
    archiveFailedAfterSeconds: 14 * 24 * 3600,
  });
  boss.on("error", (error) => log.error({ err: error }, "job queue error / erreur de la file de tâches"));
  await oneSetupAtATime(handle, async () => {
    await boss.start();

    await boss.createQueue(QUEUES.housekeeping, {
      name: QUEUES.housekeeping,
      // At most one housekeeping run waiting and one running, whatever the number of instances.
      policy: "stately",
      retryLimit: 3,
      retryDelay: 60,
      retryBackoff: true,
    });
    const polling = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 };
    await boss.work(QUEUES.housekeeping, polling, async () => {
      const counts = await deleteExpiredRows(handle.db, { outboxKeepDays: options.outboxKeepDays ?? OUTBOX_KEEP_DAYS });
      log.info(counts, "housekeeping done / nettoyage fait");
      return counts;
    });
    await boss.schedule(QUEUES.housekeeping, options.housekeepingCron ?? "7 * * * *", {}, { tz: "UTC" });
    await registerMailJobs(boss, handle, log, options.mailTransport ?? null, polling);
    await registerNotificationJobs(boss, handle, log, polling);
    await registerReminderJobs(boss, handle, log, {
      publicUrl: options.publicUrl ?? DEFAULT_PUBLIC_URL,
      cron: options.remindersCron ?? "0 8 * * *",
      polling,
    });
    await registerDigestJobs(boss, handle, log, {
      publicUrl: options.publicUrl ?? DEFAULT_PUBLIC_URL,
      dailyCron: options.digestDailyCron ?? "0 7 * * *",
      weeklyCron: options.digestWeeklyCron ?? "30 7 * * 1",
      polling,
    });
  });

  return {
    boss,
    // Waits for running jobs (up to pg-boss's grace period); the database is closed by its owner afterwards.
    stop: () => boss.stop({ graceful: true, close: false, wait: true, timeout: 20_000 }),
  };
}
