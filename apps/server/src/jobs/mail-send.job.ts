import { claimOutboxMessage, type DbHandle, findForgottenOutboxMessages, markOutboxMessage } from "@trame/db";
import type PgBoss from "pg-boss";
import type { Logger } from "pino";
import { MAIL_QUEUE } from "../mail/outbox.ts";
import type { MailTransport } from "../mail/transport.ts";

export const MAIL_SWEEP_QUEUE = "mail-sweep";

/**
 * Sends one message of the outbox. The claim (one atomic update) makes sure only one worker of one
 * instance sends it; a failure puts it back to pending with its error and throws, so pg-boss retries
 * with growing delays and, past the last retry, lists the job as failed. Without an SMTP server the
 * message is kept (`unsent`) and its links are written to the log, for a newcomer on a fresh machine.
 */
export async function sendOutboxMessage(
  handle: DbHandle,
  transport: MailTransport | null,
  log: Logger,
  id: string,
): Promise<string> {
  const message = await claimOutboxMessage(handle.db, id);
  if (!message) return "not-waiting";
  if (!transport) {
    await markOutboxMessage(handle.db, id, { status: "unsent" });
    log.info(
      { to: message.to_address, subject: message.subject, links: message.links },
      "e-mail kept in the outbox (no SMTP_URL): read it in /admin/courriels / courriel gardé dans la boîte d'envoi",
    );
    return "unsent";
  }
  try {
    const { messageId } = await transport.send({
      to: message.to_address,
      subject: message.subject,
      html: message.html,
      text: message.text,
      headers: message.headers,
    });
    await markOutboxMessage(handle.db, id, { status: "sent", messageId });
    return "sent";
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    await markOutboxMessage(handle.db, id, { status: "pending", error: reason });
    throw error;
  }
}

export async function registerMailJobs(
  boss: PgBoss,
  handle: DbHandle,
  log: Logger,
  transport: MailTransport | null,
  polling: PgBoss.WorkOptions,
): Promise<void> {
  await boss.createQueue(MAIL_QUEUE, {
    name: MAIL_QUEUE,
    // 30 s, then about 1, 2, 4… minutes: an SMTP server down for a while is waited for, about 4 hours in all.
    retryLimit: 9,
    retryDelay: 30,
    retryBackoff: true,
  });
  await boss.work<{ id: string }>(MAIL_QUEUE, { ...polling, batchSize: 5 }, async (jobs) => {
    for (const job of jobs) await sendOutboxMessage(handle, transport, log, job.data.id);
  });

  // Messages written while no queue ran (the CLI, tests, an instance stopped mid-request) get their job here.
  await boss.createQueue(MAIL_SWEEP_QUEUE, { name: MAIL_SWEEP_QUEUE, policy: "stately", retryLimit: 1 });
  await boss.work(MAIL_SWEEP_QUEUE, polling, async () => {
    const ids = await findForgottenOutboxMessages(handle.db, 60);
    for (const id of ids) await boss.send(MAIL_QUEUE, { id }, { singletonKey: id, singletonSeconds: 3600 });
    return { queued: ids.length };
  });
  await boss.schedule(MAIL_SWEEP_QUEUE, "* * * * *", {}, { tz: "UTC" });
}
