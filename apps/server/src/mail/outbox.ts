import type { Locale } from "@trame/core";
import { type Database, insertOutboxMessage, type Kysely, type Transaction } from "@trame/db";
import type PgBoss from "pg-boss";
import { transactionExecutor } from "../jobs/sql-executor.ts";
import { type MailContent, renderMail } from "./render.ts";

export const MAIL_QUEUE = "mail-send";

/** How the caller reaches the job queue: null where none runs (CLI, most tests); the sweep sends later. */
export type MailJobs = PgBoss | null;

/**
 * Writes a message to the outbox with the caller's transaction and queues its sending job with the
 * same transaction: the message exists, and will be sent, exactly when the cause commits.
 */
export async function queueMail(
  trx: Transaction<Database> | Kysely<Database>,
  jobs: MailJobs,
  message: { kind: string; to: string; locale: Locale; content: MailContent; headers?: Record<string, string> },
): Promise<string> {
  const rendered = renderMail(message.locale, message.content);
  const id = await insertOutboxMessage(trx, {
    kind: message.kind,
    to: message.to,
    locale: message.locale,
    ...rendered,
    ...(message.headers ? { headers: message.headers } : {}),
  });
  if (jobs) await jobs.send(MAIL_QUEUE, { id }, { db: transactionExecutor(trx) });
  return id;
}
