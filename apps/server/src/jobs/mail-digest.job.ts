import { randomUUID } from "node:crypto";
import { addDays, daysBetween, type MailCategory, todayInFrance } from "@trame/core";
import {
  type DatedDeadline,
  type DbHandle,
  type DigestCandidate,
  type DigestMessage,
  type DigestPeriod,
  findDigestNotifications,
  findImmediateNotifications,
  listDeadlines,
  listDigestCandidates,
  type MailableNotification,
  recordNotificationMail,
  writeDigests,
} from "@trame/db";
import type PgBoss from "pg-boss";
import type { Logger } from "pino";
import { digestMessage } from "../mail/messages/digest-message.ts";
import { notificationMessage } from "../mail/messages/notification-message.ts";
import { MAIL_QUEUE, queueMail } from "../mail/outbox.ts";
import { renderMail } from "../mail/render.ts";
import { unsubscribeHeaders, unsubscribeSecret, unsubscribeUrl } from "../mail/unsubscribe.ts";
import { transactionExecutor } from "./sql-executor.ts";

export const NOTIFICATION_MAIL_QUEUE = "notification-mail";
export const DIGEST_QUEUES = { daily: "digest-daily", weekly: "digest-weekly" } as const;

type Secret = () => Promise<string>;

const headersFor = (publicUrl: string, secret: string, userId: string, category: MailCategory) =>
  unsubscribeHeaders(unsubscribeUrl(publicUrl, secret, { userId, category }));

/**
 * E-mails each notification whose reader wants its category "immediately", once: the
 * `notification_mails` row and the outbox message are written by one transaction. Readability is
 * checked again when sending (a right removed since the event means no e-mail).
 */
export async function sendImmediateNotifications(
  handle: DbHandle,
  jobs: PgBoss | null,
  publicUrl: string,
  secret: Secret = unsubscribeSecret(handle.db),
): Promise<{ sent: number }> {
  const key = await secret();
  let sent = 0;
  for (;;) {
    const due = await findImmediateNotifications(handle.db);
    for (const notification of due) {
      const written = await handle.db
        .transaction()
        .execute(async (trx) => {
          const outboxId = await queueMail(trx, jobs, {
            kind: "notification",
            to: notification.email,
            locale: notification.locale,
            content: notificationMessage(notification.locale, notification, publicUrl),
            headers: headersFor(publicUrl, key, notification.userId, notification.category),
          });
          // Another instance sent it first: roll this message back with the transaction.
          if (!(await recordNotificationMail(trx, notification.id, outboxId))) throw new AlreadySent();
          return true;
        })
        .catch((error: unknown) => {
          if (error instanceof AlreadySent) return false;
          throw error;
        });
      if (written) sent++;
    }
    if (due.length < 1000) break;
  }
  return { sent };
}

class AlreadySent extends Error {}

export interface DigestRun {
  period: DigestPeriod;
  /** The digest's day, `YYYY-MM-DD` in Paris: it covers the day before (daily) or the 7 days before (weekly). */
  today?: string;
  publicUrl: string;
  /** Users per page and per transaction. */
  batchSize?: number;
}

/**
 * Builds and queues every digest of a day. By pages of users: their notifications of the period in
 * one query, the deadlines of the next 30 days once per set of territories (people of the same
 * territories share them), then one transaction per page writing the digests' keys, their messages
 * and their sending jobs. A second run (another instance, a retry) finds the keys and writes nothing.
 */
export async function buildDigests(
  handle: DbHandle,
  jobs: PgBoss | null,
  run: DigestRun,
  secret: Secret = unsubscribeSecret(handle.db),
): Promise<{ candidates: number; queued: number }> {
  const day = run.today ?? todayInFrance();
  const from = addDays(day, run.period === "daily" ? -1 : -7);
  const key = await secret();
  const batchSize = run.batchSize ?? 500;
  const deadlineCache = new Map<string, Promise<DatedDeadline[]>>();
  const deadlinesOf = (candidate: DigestCandidate) => {
    const cacheKey = `${candidate.isInstanceAdmin}:${candidate.territoryIds.join(",")}`;
    let found = deadlineCache.get(cacheKey);
    if (!found) {
      found = listDeadlines(
        handle.db,
        { territoryIds: candidate.territoryIds, since: day, until: addDays(day, 30), order: "asc", limit: 30 },
        { isInstanceAdmin: candidate.isInstanceAdmin, territoryIds: candidate.territoryIds },
      ).then((list) =>
        list.map((d) => ({
          ...d,
          daysLeft: daysBetween(day, d.on),
        })),
      );
      deadlineCache.set(cacheKey, found);
    }
    return found;
  };

  let after: string | null = null;
  let candidates = 0;
  let queued = 0;
  for (;;) {
    const page = await listDigestCandidates(handle.db, { period: run.period, day, after, limit: batchSize });
    if (page.length === 0) break;
    after = page.at(-1)?.userId ?? null;
    candidates += page.length;
    // The digest e-mail itself is the "digest" category: "never" stops it whole (its unsubscribe link does that).
    const takers = page.filter(
      (c) => c.deliveries.digest !== "never" && Object.values(c.deliveries).includes(run.period),
    );
    const notifications = await findDigestNotifications(handle.db, {
      userIds: takers.map((c) => c.userId),
      period: run.period,
      from,
      to: day,
    });
    const byUser = new Map<string, MailableNotification[]>();
    for (const n of notifications) byUser.set(n.userId, [...(byUser.get(n.userId) ?? []), n]);

    const messages: DigestMessage[] = [];
    for (const candidate of takers) {
      const events = (byUser.get(candidate.userId) ?? []).filter(
        (n) => candidate.deliveries[n.category] === run.period,
      );
      // Deadlines come with the summary ("digest") and, for whoever moved reminders to a digest, with that digest.
      const withDeadlines = candidate.deliveries.digest === run.period || candidate.deliveries.reminder === run.period;
      const deadlines = withDeadlines ? await deadlinesOf(candidate) : null;
      if (events.length === 0 && !deadlines?.length) continue;
      const rendered = renderMail(
        candidate.locale,
        digestMessage(candidate.locale, {
          period: run.period,
          from,
          day,
          notifications: events,
          deadlines,
          publicUrl: run.publicUrl,
        }),
      );
      messages.push({
        userId: candidate.userId,
        outboxId: randomUUID(),
        to: candidate.email,
        locale: candidate.locale,
        ...rendered,
        headers: headersFor(run.publicUrl, key, candidate.userId, "digest"),
      });
    }
    queued += await handle.db.transaction().execute(async (trx) => {
      const ids = await writeDigests(trx, run.period, day, messages);
      if (jobs && ids.length) {
        await jobs.insert(
          ids.map((id) => ({ name: MAIL_QUEUE, data: { id } })),
          { db: transactionExecutor(trx) },
        );
      }
      return ids.length;
    });
    if (page.length < batchSize) break;
  }
  return { candidates, queued };
}

export async function registerDigestJobs(
  boss: PgBoss,
  handle: DbHandle,
  log: Logger,
  options: { publicUrl: string; dailyCron: string; weeklyCron: string; polling: PgBoss.WorkOptions },
): Promise<void> {
  const secret = unsubscribeSecret(handle.db);
  await boss.createQueue(NOTIFICATION_MAIL_QUEUE, { name: NOTIFICATION_MAIL_QUEUE, policy: "stately", retryLimit: 3 });
  await boss.work(NOTIFICATION_MAIL_QUEUE, options.polling, async () =>
    sendImmediateNotifications(handle, boss, options.publicUrl, secret),
  );
  await boss.schedule(NOTIFICATION_MAIL_QUEUE, "* * * * *", {}, { tz: "UTC" });

  for (const period of ["daily", "weekly"] as const) {
    const queue = DIGEST_QUEUES[period];
    await boss.createQueue(queue, {
      name: queue,
      policy: "stately",
      retryLimit: 5,
      retryDelay: 300,
      retryBackoff: true,
    });
    await boss.work<{ today?: string }>(queue, options.polling, async ([job]) => {
      const counts = await buildDigests(
        handle,
        boss,
        { period, publicUrl: options.publicUrl, ...(job?.data.today ? { today: job.data.today } : {}) },
        secret,
      );
      log.info({ period, ...counts }, "digests queued / récapitulatifs mis en file");
      return counts;
    });
    // Paris time: the morning of the reader, winter and summer.
    await boss.schedule(queue, period === "daily" ? options.dailyCron : options.weeklyCron, {}, { tz: "Europe/Paris" });
  }
}
