import type { Database, DbHandle, Kysely, Transaction } from "@trame/db";
import { CompiledQuery } from "kysely";
import type PgBoss from "pg-boss";

/**
 * pg-boss talks to the database through this executor instead of a pool of its own, so it works on
 * both backends with no extra connections. On PGlite (one connection) every statement goes through
 * Kysely's connection lock, so a job poll never slips into the middle of a request's transaction;
 * pg-boss's schema migration sends several statements in one text (BEGIN … COMMIT, no parameters),
 * which only PGlite's exec() accepts.
 */
export function sqlExecutor(handle: DbHandle): PgBoss.Db {
  const { pglite, pool } = handle;
  if (pool) {
    return { executeSql: (text, values) => pool.query(text, values) };
  }
  if (!pglite) throw new Error("database handle has neither a pool nor PGlite");
  return {
    executeSql: (text, values) =>
      handle.db.connection().execute(async () => {
        if (values && values.length > 0) return pglite.query(text, values);
        const results = await pglite.exec(text);
        return results.at(-1) ?? { rows: [] };
      }),
  };
}

/**
 * An executor over a transaction in progress: a job sent with it is inserted by that transaction,
 * so it exists if and only if the business write commits (outbox), on either backend.
 */
export function transactionExecutor(trx: Transaction<Database> | Kysely<Database>): PgBoss.Db {
  return {
    executeSql: async (text, values) => {
      const result = await trx.executeQuery(CompiledQuery.raw(text, values ?? []));
      return { rows: [...result.rows] };
    },
  };
}
