import { type CompiledQuery, Kysely, PostgresDialect } from "kysely";
import type { DbHandle } from "../create-db.ts";
import { PgliteDialect } from "../pglite-dialect.ts";
import type { Database } from "../schema.ts";

/**
 * A second Kysely on the same connection(s) that records every statement it sends, so tests and
 * benchmarks can EXPLAIN or replay exactly the SQL a query function produced.
 */
export function capturingDb(handle: DbHandle): { db: Kysely<Database>; captured: CompiledQuery[] } {
  const captured: CompiledQuery[] = [];
  const dialect = handle.pglite
    ? new PgliteDialect(handle.pglite)
    : handle.pool
      ? new PostgresDialect({ pool: handle.pool })
      : undefined;
  if (!dialect) throw new Error("no driver to capture");
  const db = new Kysely<Database>({
    dialect,
    log(event) {
      if (event.level === "query") captured.push(event.query);
    },
  });
  return { db, captured };
}
