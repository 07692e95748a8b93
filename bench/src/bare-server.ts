import { createServer } from "node:http";
import pg from "pg";

/**
 * The floor for throughput: a bare node:http handler sending the same timeline statement over a
 * pg pool of the same size as the app's, with no framework, no validation and no authentication.
 * Settings come as arguments from the bench (this is a bench tool, not part of the product).
 */
const [port, databaseUrl, poolSize, statementFile] = process.argv.slice(2);
if (!port || !databaseUrl || !poolSize || !statementFile)
  throw new Error("usage: bare-server PORT URL POOL STATEMENT.json");
const { readFileSync } = await import("node:fs");
const statement = JSON.parse(readFileSync(statementFile, "utf8")) as { sql: string; parameters: unknown[] };
// The server's session settings (POSTGRES_SESSION_OPTIONS, written out: this process loads nothing of the product).
const pool = new pg.Pool({ connectionString: databaseUrl, max: Number(poolSize), options: "-c jit=off" });

createServer(async (_request, response) => {
  try {
    // Named, as the server sends its repeated statements (ADR 0016): the floor pays no planning either.
    const { rows } = await pool.query({ name: "bare_timeline", text: statement.sql, values: statement.parameters });
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify(rows));
  } catch (error) {
    response.writeHead(500);
    response.end(String(error));
  }
}).listen(Number(port), "127.0.0.1", () => process.send?.("ready"));
