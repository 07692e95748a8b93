import { type Kysely, sql } from "kysely";
import type { Database } from "../schema.ts";

/** Failures counted for `key` in the window still running (0 when the window is over). */
export async function currentFailures(db: Kysely<Database>, key: string, windowSeconds: number): Promise<number> {
  const row = await db
    .selectFrom("login_throttle")
    .select("failures")
    .where("key", "=", key)
    .where("window_started_at", ">", sql<string>`now() - make_interval(secs => ${windowSeconds})`)
    .executeTakeFirst();
  return row?.failures ?? 0;
}

/** One atomic statement, so concurrent failures on several instances are all counted. */
export async function recordFailure(db: Kysely<Database>, key: string, windowSeconds: number): Promise<void> {
  await sql`
    insert into login_throttle (key, failures, window_started_at) values (${key}, 1, now())
    on conflict (key) do update set
      failures = case when login_throttle.window_started_at > now() - make_interval(secs => ${windowSeconds})
                      then login_throttle.failures + 1 else 1 end,
      window_started_at = case when login_throttle.window_started_at > now() - make_interval(secs => ${windowSeconds})
                      then login_throttle.window_started_at else now() end`.execute(db);
}

export async function clearFailures(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom("login_throttle").where("key", "=", key).execute();
}
