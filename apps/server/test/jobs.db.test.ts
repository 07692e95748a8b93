import { createDb, type DbHandle, insertSession, sql } from "@trame/db";
import { pino } from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { type JobQueue, QUEUES, startJobQueue } from "../src/jobs/job-queue.ts";
import { transactionExecutor } from "../src/jobs/sql-executor.ts";
import { callerFor, makeUser } from "./support/factories.ts";
import { useTestDb } from "./support/test-db.ts";

const getDb = useTestDb();
const log = pino({ level: "silent" });
const fast = { pollingIntervalSeconds: 0.5 };
const started: JobQueue[] = [];

async function start(handle: DbHandle = getDb()): Promise<JobQueue> {
  const queue = await startJobQueue(handle, log, fast);
  started.push(queue);
  return queue;
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, seconds = 40): Promise<T> {
  const end = Date.now() + seconds * 1000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > end) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

afterAll(async () => {
  for (const queue of started) await queue.stop();
}, 60_000);

describe("durable jobs (pg-boss on this backend)", () => {
  it("housekeeping removes expired sessions and old throttle rows, and keeps live ones", async () => {
    const { db } = getDb();
    const user = await makeUser(db);
    const past = new Date(Date.now() - 60_000);
    const future = new Date(Date.now() + 3_600_000);
    await insertSession(db, { tokenHash: `expired-${user.id}`, userId: user.id, expiresAt: past });
    await insertSession(db, { tokenHash: `idle-${user.id}`, userId: user.id, expiresAt: future, idleSeconds: -1 });
    await insertSession(db, { tokenHash: `live-${user.id}`, userId: user.id, expiresAt: future, idleSeconds: 600 });
    await sql`insert into login_throttle (key, failures, window_started_at) values
      ('old-key', 3, now() - interval '2 days'), ('fresh-key', 1, now())`.execute(db);

    const queue = await start();
    const id = await queue.boss.send(QUEUES.housekeeping, {});
    expect(id).toBeTruthy();
    const job = await until(
      () => queue.boss.getJobById(QUEUES.housekeeping, id as string),
      (j) => j?.state === "completed",
    );
    expect(job?.state).toBe("completed");
    const tokens = await db.selectFrom("sessions").select("token_hash").where("user_id", "=", user.id).execute();
    expect(tokens.map((t) => t.token_hash)).toEqual([`live-${user.id}`]);
    const keys = await db
      .selectFrom("login_throttle")
      .select("key")
      .where("key", "in", ["old-key", "fresh-key"])
      .execute();
    expect(keys.map((k) => k.key)).toEqual(["fresh-key"]);
    // A second housekeeping job while none waits is accepted; a third while one waits is not (stately queue).
    await queue.boss.offWork(QUEUES.housekeeping);
    expect(await queue.boss.send(QUEUES.housekeeping, {})).toBeTruthy();
    expect(await queue.boss.send(QUEUES.housekeeping, {})).toBeNull();
    await queue.boss.purgeQueue(QUEUES.housekeeping);
  });

  it("retries a failing job with backoff, then completes it; a job past its retries is kept as failed", async () => {
    const queue = await start();
    const attempts = new Map<string, number>();
    await queue.boss.createQueue("test-flaky", {
      name: "test-flaky",
      retryLimit: 2,
      retryDelay: 1,
      retryBackoff: true,
    });
    await queue.boss.work<{ failures: number }>("test-flaky", fast, async ([job]) => {
      if (!job) return;
      const seen = (attempts.get(job.id) ?? 0) + 1;
      attempts.set(job.id, seen);
      if (seen <= job.data.failures) throw new Error(`attempt ${seen} fails`);
    });
    const recovers = (await queue.boss.send("test-flaky", { failures: 2 })) as string;
    const gives = (await queue.boss.send("test-flaky", { failures: 5 })) as string;
    const done = await until(
      () => queue.boss.getJobById("test-flaky", recovers),
      (j) => j?.state === "completed",
    );
    expect(done?.state).toBe("completed");
    expect(done?.retryCount).toBe(2);
    const failed = await until(
      () => queue.boss.getJobById("test-flaky", gives),
      (j) => j?.state === "failed",
    );
    expect(failed?.state).toBe("failed");
    expect(attempts.get(gives)).toBe(3);
    // Instance administrators see it in /admin; anyone else is refused.
    const { db } = getDb();
    const admin = await callerFor(db, await makeUser(db, { isInstanceAdmin: true }));
    const listed = await admin.admin.failedJobs();
    expect(listed.find((j) => j.id === gives)).toMatchObject({
      queue: "test-flaky",
      retryCount: 2,
      error: "attempt 3 fails",
    });
    const someone = await callerFor(db, await makeUser(db));
    await expect(someone.admin.failedJobs()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("a job sent inside a transaction exists only if that transaction commits", async () => {
    const queue = await start();
    await queue.boss.createQueue("test-outbox", { name: "test-outbox" });
    const { db } = getDb();
    let committed = "";
    await db.transaction().execute(async (trx) => {
      committed = (await queue.boss.send("test-outbox", { n: 1 }, { db: transactionExecutor(trx) })) as string;
    });
    let rolledBack = "";
    await expect(
      db.transaction().execute(async (trx) => {
        rolledBack = (await queue.boss.send("test-outbox", { n: 2 }, { db: transactionExecutor(trx) })) as string;
        throw new Error("business write failed");
      }),
    ).rejects.toThrow("business write failed");
    expect(await queue.boss.getJobById("test-outbox", committed)).not.toBeNull();
    expect(rolledBack).toBeTruthy();
    expect(await queue.boss.getJobById("test-outbox", rolledBack)).toBeNull();
    // A singleton key: the same key within its window is queued once.
    const once = { singletonKey: "same-thing", singletonSeconds: 300 };
    expect(await queue.boss.send("test-outbox", { n: 3 }, once)).toBeTruthy();
    expect(await queue.boss.send("test-outbox", { n: 4 }, once)).toBeNull();
  });

  it("a job queued before a stop runs after a restart, and with two instances each job runs once", async () => {
    const first = await start();
    await first.boss.createQueue("test-once", { name: "test-once" });
    const ids: string[] = [];
    for (let n = 0; n < 30; n++) ids.push((await first.boss.send("test-once", { n })) as string);
    await first.stop();
    started.splice(started.indexOf(first), 1);

    // Two instances: on PostgreSQL each with its own connection pool, as two servers would be.
    const url = getDb().connectionString;
    const other = url ? await createDb({ databaseUrl: url, poolSize: 3 }) : getDb();
    const runs: Record<string, string[]> = {};
    const instances = [await start(), await start(other)];
    for (const [index, instance] of instances.entries()) {
      await instance.boss.work<{ n: number }>("test-once", { ...fast, batchSize: 3 }, async (jobs) => {
        for (const job of jobs) {
          runs[job.id] = [...(runs[job.id] ?? []), `instance-${index}`];
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      });
    }
    await until(
      async () => Object.keys(runs).length,
      (count) => count === ids.length,
    );
    expect(Object.keys(runs).sort()).toEqual([...ids].sort());
    expect(Object.values(runs).every((who) => who.length === 1)).toBe(true);
    for (const instance of instances) await instance.stop();
    started.length = 0;
    if (url) await other.close();
  });
});
