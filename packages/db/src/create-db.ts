import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { NamedStatements } from "./pg-statements.ts";
import { PgliteDialect } from "./pglite-dialect.ts";
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
  /** The PostgreSQL URL, for connections that live outside the pool (LISTEN). */
  connectionString?: string;
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

const CONNECTION_TIMEOUT_MS = 5_000;
const IDLE_IN_TRANSACTION_TIMEOUT_MS = 60_000;

/**
 * pg reports a connection it could not open in time without any SQLSTATE; 08006
 * (connection_failure) lets toDomainError tell the outage (503, try again) from a bug (500).
 */
function withConnectionFailureCode(error: unknown): unknown {
  if (error instanceof Error && !("code" in error)) return Object.assign(error, { code: "08006" });
  return error;
}

function createPostgresDb(connectionString: string, max: number): DbHandle {
  const pool = new pg.Pool({
    connectionString,
    max,
    // A database that accepts no connection (partition, overload) or a pool exhausted this long
    // gets the request a 503 rather than a wait with no end.
    connectionTimeoutMillis: CONNECTION_TIMEOUT_MS,
    // A dead peer is noticed by the OS rather than only at the next query.
    keepAlive: true,
    // A transaction left open by a lost client releases its row locks instead of holding them until TCP gives up.
    idle_in_transaction_session_timeout: IDLE_IN_TRANSACTION_TIMEOUT_MS,
    // Short OLTP queries: JIT compiling a plan costs far more than it saves here (it added ~190 ms
    // to the dashboard's aggregate of a large metropolis in the national bench).
    options: "-c jit=off",
    types: {
      getTypeParser: ((oid: number, format?: "text" | "binary") =>
        parsers[oid] ?? pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // A connection lost (database restart, failover) must never crash the process: the pool drops an
  // idle client by itself, and a client in use fails its query (a 503 for that request) — but pg
  // also emits that error on the client, which would be unhandled while a request holds it.
  pool.on("error", () => {});
  // Repeated statements run prepared under a name on each connection (ADR 0016).
  const statements = new NamedStatements();
  pool.on("connect", (client) => {
    client.on("error", () => {});
    statements.install(client);
  });
  const dialectPool = {
    options: pool.options,
    connect: () => pool.connect().catch((error: unknown) => Promise.reject(withConnectionFailureCode(error))),
    end: () => pool.end(),
  };
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: dialectPool, controlClient: pg.Client }) });
  return { db, backend: "postgres", pool, connectionString, close: () => db.destroy() };
}

async function createPgliteDb(dataDir: string): Promise<DbHandle> {
  if (!dataDir.startsWith("memory://")) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir, { extensions: { pg_trgm }, parsers });
  const db = new Kysely<Database>({ dialect: new PgliteDialect(pglite) });
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
