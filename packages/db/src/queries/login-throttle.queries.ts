import { type Kysely, sql } from "kysely";
import type { Database } from "../schema.ts";

/**
 * Counts one attempt for `key` and answers the count in the window still running, in ONE atomic
 * statement taken BEFORE the slow password hash: parallel or batched attempts on any instance each
 * get their own number, so no more than the limit ever reach the hash (reading first and writing
 * after the hash let a single batch of 30 through).
 */
export async function claimAttempt(db: Kysely<Database>, key: string, windowSeconds: number): Promise<number> {
  const { rows } = await sql<{ failures: number }>`
    insert into login_throttle (key, failures, window_started_at) values (${key}, 1, now())
    on conflict (key) do update set
      failures = case when login_throttle.window_started_at > now() - make_interval(secs => ${windowSeconds})
                      then login_throttle.failures + 1 else 1 end,
      window_started_at = case when login_throttle.window_started_at > now() - make_interval(secs => ${windowSeconds})
                      then login_throttle.window_started_at else now() end
    returning failures`.execute(db);
  return Number(rows[0]?.failures ?? 0);
}

/** Gives back one counted attempt (a success from a shared address must not use up its allowance). */
export async function releaseAttempt(db: Kysely<Database>, key: string): Promise<void> {
  await sql`update login_throttle set failures = greatest(failures - 1, 0) where key = ${key}`.execute(db);
}

export async function clearFailures(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom("login_throttle").where("key", "=", key).execute();
}
