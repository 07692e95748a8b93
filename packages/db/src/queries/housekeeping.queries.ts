import { type Kysely, sql } from "kysely";
import type { Database } from "../schema.ts";
import { PROCONNECT_FLOW_MINUTES } from "./proconnect.queries.ts";

/** Throttle rows older than this no longer count for anything (the longest window is far shorter). */
export const THROTTLE_ROW_KEEP_HOURS = 24;

export interface HousekeepingCounts {
  sessions: number;
  throttleRows: number;
  proconnectFlows: number;
}

/**
 * Removes what has stopped mattering: sessions past their idle or absolute end, sign-in throttle
 * rows whose window is long over, ProConnect flows older than their lifetime. Without it those
 * tables only grow. Each delete is idempotent, so two instances running it together do no harm.
 */
export async function deleteExpiredRows(db: Kysely<Database>): Promise<HousekeepingCounts> {
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
  return {
    sessions: Number(sessions.numDeletedRows),
    throttleRows: Number(throttleRows.numDeletedRows),
    proconnectFlows: Number(proconnectFlows.numDeletedRows),
  };
}
