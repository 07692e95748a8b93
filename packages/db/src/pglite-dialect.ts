import type { PGlite } from "@electric-sql/pglite";
import {
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from "kysely";
import { PgliteStatements } from "./pglite-statements.ts";

/** One statement cache per PGlite instance, shared by every Kysely on it (names are per backend). */
const caches = new WeakMap<PGlite, PgliteStatements>();
function statementsOf(pglite: PGlite): PgliteStatements {
  let statements = caches.get(pglite);
  if (!statements) {
    statements = new PgliteStatements(pglite);
    caches.set(pglite, statements);
  }
  return statements;
}

class PgliteConnection implements DatabaseConnection {
  constructor(
    private readonly pglite: PGlite,
    private readonly statements: PgliteStatements,
  ) {}

  async executeQuery<R>({ sql, parameters }: CompiledQuery): Promise<QueryResult<R>> {
    const result = PgliteStatements.preparable(sql, parameters)
      ? await this.statements.query<R>(sql, parameters)
      : await this.pglite.query<R>(sql, [...parameters]);
    return result.affectedRows
      ? { rows: result.rows, numAffectedRows: BigInt(result.affectedRows) }
      : { rows: result.rows };
  }

  async *streamQuery<R>(compiledQuery: CompiledQuery, chunkSize = 100): AsyncIterableIterator<QueryResult<R>> {
    const { rows } = await this.executeQuery<R>(compiledQuery);
    for (let i = 0; i < rows.length; i += chunkSize) yield { rows: rows.slice(i, i + chunkSize) };
  }
}

/**
 * PGlite has one connection: the driver hands it to one Kysely user at a time (a transaction holds
 * it from BEGIN to COMMIT), the others wait in order. Inside a transaction, a query sent on `db`
 * instead of `trx` therefore waits forever: pass `trx` down.
 */
class PgliteDriver implements Driver {
  readonly #connection: PgliteConnection;
  #busy = false;
  readonly #waiting: Array<() => void> = [];

  constructor(pglite: PGlite) {
    this.#connection = new PgliteConnection(pglite, statementsOf(pglite));
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    if (this.#busy) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    this.#busy = true;
    return this.#connection;
  }

  async releaseConnection(): Promise<void> {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#busy = false;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const isolation = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : "";
    await connection.executeQuery(CompiledQuery.raw(`start transaction${isolation}`));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("commit"));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("rollback"));
  }

  /** The PGlite instance belongs to whoever opened it (createDb's handle closes it), not to one Kysely on it. */
  async destroy(): Promise<void> {}
}

/**
 * Kysely on PGlite with named prepared statements (see PgliteStatements): the embedded default's
 * reads cost what PostgreSQL's do, without planning each statement anew.
 */
export class PgliteDialect implements Dialect {
  constructor(private readonly pglite: PGlite) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PgliteDriver(this.pglite);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
}
