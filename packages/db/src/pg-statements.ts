import { createHash } from "node:crypto";
import type pg from "pg";

/** Statements worth naming: data queries with parameters, the ones requests repeat (as on PGlite, ADR 0006). */
const PREPARABLE = /^\s*(select|insert|update|delete|with)\b/i;
/** SQLSTATEs of a named statement the server no longer accepts (a table changed under it). */
const STALE = new Set(["0A000", "26000"]);

export interface NamedStatementsOptions {
  /** A text is named from its `after`-th execution on: a statement run once (DDL, a rare report) stays unnamed. */
  after?: number;
  /** At most this many names in the process: each is prepared on every pooled connection that runs it. */
  capacity?: number;
}

/**
 * Named prepared statements on PostgreSQL servers (issue 17, ADR 0016). `pg` sends a statement
 * unnamed unless its query carries a `name`, so PostgreSQL parses, analyses and plans it on every
 * call — about 0.15 ms of a 0.7 ms timeline page. A text seen `after` times gets a name (a hash of
 * the text, the same in every process); pg then parses it once per connection and only binds and
 * executes it afterwards, and after five executions PostgreSQL keeps a generic plan when it costs no
 * more than the custom ones. The names are capped (`capacity`): variable texts (IN lists) stop being
 * named once it is reached, and no connection holds more than `capacity` statements.
 */
export class NamedStatements {
  readonly #seen = new Map<string, number>();
  readonly #names = new Map<string, string>();
  #generation = 0;
  readonly #after: number;
  readonly #capacity: number;

  constructor(options: NamedStatementsOptions = {}) {
    this.#after = options.after ?? 2;
    this.#capacity = options.capacity ?? 200;
  }

  /** The name to run `text` under, or undefined to send it unnamed. */
  nameOf(text: string, parameters: readonly unknown[] | undefined): string | undefined {
    const known = this.#names.get(text);
    if (known) return known;
    if (!parameters || parameters.length === 0 || !PREPARABLE.test(text)) return undefined;
    if (this.#names.size >= this.#capacity) return undefined;
    const seen = (this.#seen.get(text) ?? 0) + 1;
    if (seen < this.#after) {
      // Counting stays bounded too: texts that never come back are forgotten together.
      if (this.#seen.size >= 10 * this.#capacity) this.#seen.clear();
      this.#seen.set(text, seen);
      return undefined;
    }
    this.#seen.delete(text);
    const hash = createHash("sha1").update(text).digest("hex").slice(0, 24);
    const name = `trame_${hash}_${this.#generation}`;
    this.#names.set(text, name);
    return name;
  }

  /** After an error: a statement the server refused as stale is named anew (prepared again) next time. */
  isStale(text: string, error: unknown): boolean {
    if (!STALE.has((error as { code?: string } | null)?.code ?? "") || !this.#names.has(text)) return false;
    this.#names.delete(text);
    this.#generation++;
    return true;
  }

  /** How many texts are named (tests, bench). */
  get size(): number {
    return this.#names.size;
  }

  /**
   * Makes `client.query(text, values)` — what Kysely's PostgreSQL driver calls — run named statements.
   * Other forms (query configs, cursors, callbacks) pass through untouched.
   */
  install(client: pg.ClientBase): void {
    const original = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
    const query = (...args: unknown[]): unknown => {
      const [text, values] = args;
      if (typeof text !== "string" || args.length > 2 || (values !== undefined && !Array.isArray(values))) {
        return original(...args);
      }
      const name = this.nameOf(text, values as unknown[] | undefined);
      if (!name) return original(...args);
      return original({ name, text, values }).catch((error: unknown) => {
        // Outside a transaction the retry runs; inside one it fails as the transaction already has.
        if (!this.isStale(text, error)) throw error;
        return original(text, values).catch(() => Promise.reject(error));
      });
    };
    (client as unknown as { query: unknown }).query = query;
  }
}
