import { todayInFrance } from "@trame/core";
import { type DbHandle, type DueReminder, findDueReminders, linkReminderMessage, recordReminder } from "@trame/db";
import type PgBoss from "pg-boss";
import type { Logger } from "pino";
import { deadlineReminderMessage } from "../mail/messages/deadline-reminder-message.ts";
import { queueMail } from "../mail/outbox.ts";
import { unsubscribeHeaders, unsubscribeSecret, unsubscribeUrl } from "../mail/unsubscribe.ts";

export const REMINDERS_QUEUE = "deadline-reminders";

export interface ReminderRun {
  /** The day the reminders are for, `YYYY-MM-DD` in Paris (tests give theirs). */
  today?: string;
  publicUrl: string;
}

/**
 * Gives every reminder due today. Each goes in its own transaction: the row of
 * `deadline_reminders_sent` (its key unique) and the message in the outbox with its sending job,
 * together or not at all. A second instance running the same day, or this one again after a crash,
 * finds the row and gives nothing: each reminder is given once.
 */
export async function giveDeadlineReminders(
  handle: DbHandle,
  jobs: PgBoss | null,
  run: ReminderRun,
  secret: () => Promise<string> = unsubscribeSecret(handle.db),
): Promise<{ given: number; skipped: number }> {
  const today = run.today ?? todayInFrance();
  const key = await secret();
  let given = 0;
  let skipped = 0;
  for (;;) {
    const due = await findDueReminders(handle.db, today);
    if (due.length === 0) break;
    for (const reminder of due) {
      if (await giveOne(handle, jobs, run.publicUrl, key, reminder)) given++;
      else skipped++;
    }
    // A full batch: what remains is read again (what was given is no longer due).
    if (due.length < 5000) break;
  }
  return { given, skipped };
}

async function giveOne(
  handle: DbHandle,
  jobs: PgBoss | null,
  publicUrl: string,
  secret: string,
  reminder: DueReminder,
): Promise<boolean> {
  return handle.db.transaction().execute(async (trx) => {
    if (!(await recordReminder(trx, reminder))) return false;
    const unsubscribe = unsubscribeUrl(publicUrl, secret, { userId: reminder.userId, category: "reminder" });
    const outboxId = await queueMail(trx, jobs, {
      kind: "deadline-reminder",
      to: reminder.email,
      locale: reminder.locale,
      content: deadlineReminderMessage(reminder.locale, reminder, {
        project: `${publicUrl}/projets/${reminder.projectId}`,
        preferences: `${publicUrl}/compte`,
      }),
      headers: unsubscribeHeaders(unsubscribe),
    });
    await linkReminderMessage(trx, reminder, outboxId);
    return true;
  });
}

export async function registerReminderJobs(
  boss: PgBoss,
  handle: DbHandle,
  log: Logger,
  options: { publicUrl: string; cron: string; polling: PgBoss.WorkOptions },
): Promise<void> {
  // One run waiting and one running at most, whatever the number of instances.
  await boss.createQueue(REMINDERS_QUEUE, {
    name: REMINDERS_QUEUE,
    policy: "stately",
    retryLimit: 5,
    retryDelay: 300,
    retryBackoff: true,
  });
  const secret = unsubscribeSecret(handle.db);
  await boss.work<{ today?: string }>(REMINDERS_QUEUE, options.polling, async ([job]) => {
    const counts = await giveDeadlineReminders(
      handle,
      boss,
      { publicUrl: options.publicUrl, ...(job?.data.today ? { today: job.data.today } : {}) },
      secret,
    );
    log.info(counts, "deadline reminders given / rappels d'échéance envoyés");
    return counts;
  });
  // Paris time: 8:00 is 8:00 for the reader, winter and summer.
  await boss.schedule(REMINDERS_QUEUE, options.cron, {}, { tz: "Europe/Paris" });
}
