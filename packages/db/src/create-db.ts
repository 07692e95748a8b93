import type { PGlite } from "@electric-sql/pglite";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { NamedStatements } from "./pg-statements.ts";
import type { Database } from "./schema.ts";
import { parsers } from "./value-parsers.ts";

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
  // PGlite (its WebAssembly build and 1 MB of JavaScript) is loaded only by an embedded instance:
  // a server on PostgreSQL never needs it in memory (the 200 MB budget of issue 14).
  const { createPgliteDb } = await import("./pglite-db.ts");
  return createPgliteDb(options.dataDir ?? "./.data/pglite");
}

const CONNECTION_TIMEOUT_MS = 5_000;

/**
 * Session settings of every connection. Short OLTP queries: JIT compiling a plan costs far more than it
 * saves here (it added ~190 ms to the dashboard's aggregate of a large metropolis in the national bench).
 */
export const POSTGRES_SESSION_OPTIONS = "-c jit=off";
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
    options: POSTGRES_SESSION_OPTIONS,
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
