import { type Database, type Kysely, sql } from "@trame/db";
import { JOB_SCHEMA } from "./job-queue.ts";

export interface FailedJob {
  id: string;
  queue: string;
  retryCount: number;
  error: string | null;
  failedAt: string | null;
  createdAt: string;
}

/**
 * Jobs that ran out of retries (the most recent first), read from pg-boss's own table so every
 * instance sees the same list. Empty before pg-boss has created its schema (no queue started yet).
 */
export async function listFailedJobs(db: Kysely<Database>, limit = 50): Promise<FailedJob[]> {
  const exists = await sql<{ table: string | null }>`select to_regclass(${`${JOB_SCHEMA}.job`})::text as table`.execute(
    db,
  );
  if (!exists.rows[0]?.table) return [];
  const { rows } = await sql<{
    id: string;
    name: string;
    retry_count: number;
    output: { message?: string } | null;
    completed_on: string | null;
    created_on: string;
  }>`select id, name, retry_count, output, completed_on, created_on from ${sql.table(`${JOB_SCHEMA}.job`)}
     where state = 'failed' order by completed_on desc nulls last limit ${limit}`.execute(db);
  return rows.map((row) => ({
    id: row.id,
    queue: row.name,
    retryCount: row.retry_count,
    error: row.output?.message ?? null,
    failedAt: row.completed_on,
    createdAt: row.created_on,
  }));
}
