import type { DbHandle } from "@trame/db";

/** One key for every Trame instance on the database (`hashtext` of a fixed name). */
const SETUP_LOCK = "select pg_advisory_lock(hashtext('trame.job-queue-setup'))";
const SETUP_UNLOCK = "select pg_advisory_unlock(hashtext('trame.job-queue-setup'))";

/**
 * Runs the job queue's setup one instance at a time. Instances starting together on a fresh
 * database each create pg-boss's queues (a partition table per queue) at once, and PostgreSQL
 * settles that DDL race as a deadlock: one instance died at start
 * (test/reminders-two-instances.db.test.ts). The lock is a session lock held on one connection of
 * the pool while pg-boss works on the others. PGlite is one process's database: nothing to share.
 */
export async function oneSetupAtATime<T>(handle: DbHandle, setup: () => Promise<T>): Promise<T> {
  const { pool } = handle;
  if (!pool) return setup();
  const client = await pool.connect();
  try {
    await client.query(SETUP_LOCK);
    return await setup();
  } finally {
    // Releasing the connection with the lock still held would keep it for the pool's next user.
    await client.query(SETUP_UNLOCK).catch(() => undefined);
    client.release();
  }
}
