import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { Kysely, PostgresDialect } from "kysely";
import { PGliteDialect } from "kysely-pglite-dialect";
import pg from "pg";
import type { Database } from "./schema.ts";

/**
 * How values leave the database, decided once for both backends:
 * bigint (money in cents, counts) and numeric (FTE) as numbers — amounts stay far below 2^53 cents;
 * `date` as the `YYYY-MM-DD` text PostgreSQL sends, so no time zone can shift a calendar day;
 * `timestamptz` as an ISO 8601 string, which is what the API sends anyway.
 */
const OID = { INT8: 20, NUMERIC: 1700, DATE: 1082, TIMESTAMPTZ: 1184 } as const;
const parsers: Record<number, (value: string) => unknown> = {
  [OID.INT8]: Number,
  [OID.NUMERIC]: Number,
  [OID.DATE]: (value) => value,
  [OID.TIMESTAMPTZ]: (value) => new Date(value).toISOString(),
};

export type Backend = "pglite" | "postgres";

export interface DbHandle {
  db: Kysely<Database>;
  backend: Backend;
  /** The raw PGlite instance when embedded (LISTEN/NOTIFY, dump); undefined on PostgreSQL. */
  pglite?: PGlite;
  /** The pg pool when on PostgreSQL. */
  pool?: pg.Pool;
  close(): Promise<void>;
}

export interface CreateDbOptions {
  /** postgres:// URL; without it the database is embedded PGlite. */
  databaseUrl?: string | undefined;
  /** PGlite data directory; `memory://` keeps it in memory (tests). */
  dataDir?: string | undefined;
  poolSize?: number;
}

export async function createDb(options: CreateDbOptions = {}): Promise<DbHandle> {
  if (options.databaseUrl) return createPostgresDb(options.databaseUrl, options.poolSize ?? 10);
  return createPgliteDb(options.dataDir ?? "./.data/pglite");
}

function createPostgresDb(connectionString: string, max: number): DbHandle {
  const pool = new pg.Pool({
    connectionString,
    max,
    types: {
      getTypeParser: ((oid: number, format?: "text" | "binary") =>
        parsers[oid] ?? pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client losing its connection (database restart) must not crash the process; the pool replaces it.
  pool.on("error", () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, backend: "postgres", pool, close: () => db.destroy() };
}

async function createPgliteDb(dataDir: string): Promise<DbHandle> {
  if (!dataDir.startsWith("memory://")) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir, { extensions: { pg_trgm }, parsers });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    backend: "pglite",
    pglite,
    close: async () => {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}
