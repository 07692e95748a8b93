import { randomBytes } from "node:crypto";
import { type PGlite, parse, protocol, type Results } from "@electric-sql/pglite";

const { serialize } = protocol;

/** Statements worth keeping: data queries with parameters, the ones a request repeats. */
const PREPARABLE = /^\s*(select|insert|update|delete|with)\b/i;
/** SQLSTATEs of a statement the server no longer accepts as prepared (a table changed under it). */
const STALE = new Set(["0A000", "26000"]);

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((size, part) => size + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/**
 * Named prepared statements on PGlite. Its `query()` sends each statement unnamed, in six calls
 * into the WebAssembly backend (parse, describe, bind, describe, execute, sync), and PostgreSQL
 * plans it anew every time: on the embedded default that planning was most of a timeline page's
 * cost (EXPLAIN: 4 ms planning for 0.7 ms executing). Here a statement text is parsed once under
 * a name; each execution is then one call (bind, describe, execute, sync), and after five runs
 * PostgreSQL keeps a generic plan when it costs no more than the custom ones. At most `capacity`
 * statements are kept, the least recently used closed first.
 */
export class PgliteStatements {
  readonly #names = new Map<string, { name: string; types: number[] }>();
  /** Names stay unique whoever else prepares statements on the same backend. */
  readonly #prefix = `trame_${randomBytes(4).toString("hex")}_`;
  #counter = 0;

  constructor(
    private readonly pglite: PGlite,
    private readonly capacity = 500,
  ) {}

  static preparable(text: string, parameters: readonly unknown[]): boolean {
    return parameters.length > 0 && PREPARABLE.test(text);
  }

  query<T>(text: string, parameters: readonly unknown[]): Promise<Results<T>> {
    return this.pglite.runExclusive(async () => {
      try {
        return await this.#run<T>(text, parameters);
      } catch (error) {
        if (!STALE.has((error as { code?: string }).code ?? "")) throw error;
        await this.#close(text);
        return this.#run<T>(text, parameters);
      }
    });
  }

  async #run<T>(text: string, parameters: readonly unknown[]): Promise<Results<T>> {
    const statement = this.#names.get(text) ?? (await this.#prepare(text));
    // Most recently used last: the map's order is the eviction order.
    this.#names.delete(text);
    this.#names.set(text, statement);
    const values = parameters.map((value, index) => {
      if (value === null || value === undefined) return null;
      const serializer = this.pglite.serializers[statement.types[index] ?? 0];
      return serializer ? serializer(value) : String(value);
    });
    const { messages } = await this.pglite.execProtocol(
      concat([
        serialize.bind({ statement: statement.name, values }),
        serialize.describe({ type: "P" }),
        serialize.execute({}),
        serialize.sync(),
      ]),
      { syncToFs: false },
    );
    if (!this.pglite.isInTransaction()) await this.pglite.syncToFs();
    const [result] = parse.parseResults(messages, this.pglite.parsers);
    if (!result) throw new Error("PGlite returned no result for a prepared statement");
    return result as Results<T>;
  }

  async #prepare(text: string): Promise<{ name: string; types: number[] }> {
    if (this.#names.size >= this.capacity) {
      const oldest = this.#names.keys().next().value;
      if (oldest !== undefined) await this.#close(oldest);
    }
    const name = `${this.#prefix}${++this.#counter}`;
    const { messages } = await this.pglite.execProtocol(
      concat([serialize.parse({ name, text }), serialize.describe({ type: "S", name }), serialize.sync()]),
      { syncToFs: false },
    );
    const description = messages.find((message) => message.name === "parameterDescription");
    const types = description && "dataTypeIDs" in description ? (description.dataTypeIDs as number[]) : [];
    const statement = { name, types };
    this.#names.set(text, statement);
    return statement;
  }

  async #close(text: string): Promise<void> {
    const statement = this.#names.get(text);
    if (!statement) return;
    this.#names.delete(text);
    await this.pglite.execProtocol(concat([serialize.close({ type: "S", name: statement.name }), serialize.sync()]), {
      syncToFs: false,
    });
  }
}
