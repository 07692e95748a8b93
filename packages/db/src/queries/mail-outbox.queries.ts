import type { Locale } from "@trame/core";
import { type Kysely, sql } from "kysely";
import type { Database } from "../schema.ts";

/** A claim older than this belongs to a worker that died mid-send: the message may be taken again. */
export const MAIL_CLAIM_LEASE_MINUTES = 5;

export interface OutboxMessage {
  kind: string;
  to: string;
  locale: Locale;
  subject: string;
  html: string;
  text: string;
  links: string[];
  /** Extra headers, such as List-Unsubscribe. */
  headers?: Record<string, string>;
}

export async function insertOutboxMessage(db: Kysely<Database>, message: OutboxMessage): Promise<string> {
  const { id } = await db
    .insertInto("mail_outbox")
    .values({
      kind: message.kind,
      to_address: message.to,
      locale: message.locale,
      subject: message.subject,
      html: message.html,
      text: message.text,
      links: JSON.stringify(message.links),
      headers: JSON.stringify(message.headers ?? {}),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

/**
 * Takes a message for sending, in one atomic update: only one worker of one instance gets it, until
 * it is sent or its claim's lease runs out. Null when it is sent, unsent, or in someone else's hands.
 */
export async function claimOutboxMessage(db: Kysely<Database>, id: string) {
  return db
    .updateTable("mail_outbox")
    .set({ status: "sending", claimed_at: sql<string>`now()`, attempts: sql<number>`attempts + 1` })
    .where("id", "=", id)
    .where((eb) =>
      eb.or([
        eb("status", "=", "pending"),
        eb.and([
          eb("status", "=", "sending"),
          eb("claimed_at", "<", sql<string>`now() - make_interval(mins => ${MAIL_CLAIM_LEASE_MINUTES})`),
        ]),
      ]),
    )
    .returning(["id", "to_address", "subject", "html", "text", "links", "headers", "attempts"])
    .executeTakeFirst();
}

export async function markOutboxMessage(
  db: Kysely<Database>,
  id: string,
  outcome: { status: "sent"; messageId: string | null } | { status: "unsent" } | { status: "pending"; error: string },
): Promise<void> {
  await db
    .updateTable("mail_outbox")
    .set(
      outcome.status === "sent"
        ? { status: "sent", sent_at: sql<string>`now()`, message_id: outcome.messageId, last_error: null }
        : outcome.status === "unsent"
          ? { status: "unsent" }
          : { status: "pending", claimed_at: null, last_error: outcome.error.slice(0, 2000) },
    )
    .where("id", "=", id)
    .execute();
}

/** Messages written while no job queue ran (CLI, a stopped instance) and never tried since. */
export async function findForgottenOutboxMessages(db: Kysely<Database>, olderThanSeconds: number, limit = 500) {
  const rows = await db
    .selectFrom("mail_outbox")
    .select("id")
    .where("status", "=", "pending")
    .where("attempts", "=", 0)
    .where("created_at", "<", sql<string>`now() - make_interval(secs => ${olderThanSeconds})`)
    .orderBy("created_at")
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}

/** The outbox for instance administrators, newest first, without the bodies. */
export async function listOutboxMessages(db: Kysely<Database>, options: { limit: number; offset: number }) {
  const rows = await db
    .selectFrom("mail_outbox")
    .select(["id", "kind", "to_address as to", "locale", "subject", "status", "attempts", "last_error as lastError"])
    .select(["created_at as createdAt", "sent_at as sentAt"])
    .orderBy("created_at", "desc")
    .orderBy("id")
    .limit(options.limit + 1)
    .offset(options.offset)
    .execute();
  return { items: rows.slice(0, options.limit), hasMore: rows.length > options.limit };
}

export async function getOutboxMessage(db: Kysely<Database>, id: string) {
  return db
    .selectFrom("mail_outbox")
    .select(["id", "kind", "to_address as to", "locale", "subject", "html", "text", "links", "headers", "status"])
    .select("attempts")
    .select(["last_error as lastError", "created_at as createdAt", "sent_at as sentAt", "message_id as messageId"])
    .where("id", "=", id)
    .executeTakeFirst();
}

/** Sent (or kept unsent) messages written more than this many days ago are pruned by housekeeping. */
export const OUTBOX_KEEP_DAYS = 30;

/**
 * The outbox's audit of what was sent is kept a month; pending and sending messages are never
 * touched, whatever their age (they are still to be sent).
 */
export async function pruneOutbox(db: Kysely<Database>, keepDays = OUTBOX_KEEP_DAYS): Promise<number> {
  const result = await db
    .deleteFrom("mail_outbox")
    .where("status", "in", ["sent", "unsent"])
    .where("created_at", "<", sql<string>`now() - make_interval(days => ${keepDays})`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
