import { type Kysely, sql } from "kysely";
import type { Database } from "../schema.ts";
import { deleteStaleImportUploads } from "./import.queries.ts";
import { pruneOutbox } from "./mail-outbox.queries.ts";
import { PROCONNECT_FLOW_MINUTES } from "./proconnect.queries.ts";

/** Throttle rows older than this no longer count for anything (the longest window is far shorter). */
export const THROTTLE_ROW_KEEP_HOURS = 24;

export interface HousekeepingCounts {
  sessions: number;
  throttleRows: number;
  proconnectFlows: number;
  passwordResets: number;
  importUploads: number;
  outboxMessages: number;
}

/**
 * Removes what has stopped mattering: sessions past their idle or absolute end, sign-in throttle
 * rows whose window is long over, ProConnect flows older than their lifetime, reset links a day past their end,
 * spreadsheets uploaded for an import that was never committed (kept a day), e-mails sent more than
 * OUTBOX_KEEP_DAYS ago (the outbox is an audit of recent mail, not an archive). Without it those
 * tables only grow. Each delete is idempotent, so two instances running it together do no harm.
 */
export async function deleteExpiredRows(
  db: Kysely<Database>,
  options: { outboxKeepDays?: number } = {},
): Promise<HousekeepingCounts> {
  const sessions = await db
    .deleteFrom("sessions")
    .where((eb) => eb.or([eb("expires_at", "<=", sql<string>`now()`), eb("idle_expires_at", "<=", sql<string>`now()`)]))
    .executeTakeFirst();
  const throttleRows = await db
    .deleteFrom("login_throttle")
    .where("window_started_at", "<=", sql<string>`now() - make_interval(hours => ${THROTTLE_ROW_KEEP_HOURS})`)
    .executeTakeFirst();
  const proconnectFlows = await db
    .deleteFrom("proconnect_flows")
    .where("created_at", "<=", sql<string>`now() - make_interval(mins => ${PROCONNECT_FLOW_MINUTES})`)
    .executeTakeFirst();
  // Past its hour a reset link is useless; kept a day so a late click still reads "expired", not "unknown".
  const passwordResets = await db
    .deleteFrom("password_resets")
    .where("expires_at", "<=", sql<string>`now() - interval '1 day'`)
    .executeTakeFirst();
  const importUploads = await deleteStaleImportUploads(db);
  const outboxMessages = await pruneOutbox(db, options.outboxKeepDays);
  return {
    importUploads,
    outboxMessages,
    passwordResets: Number(passwordResets.numDeletedRows),
    sessions: Number(sessions.numDeletedRows),
    throttleRows: Number(throttleRows.numDeletedRows),
    proconnectFlows: Number(proconnectFlows.numDeletedRows),
  };
}
