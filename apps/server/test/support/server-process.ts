import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import pg from "pg";

const serverDir = fileURLToPath(new URL("../../", import.meta.url));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ServerProcess {
  baseUrl: string;
  port: number;
  child: ChildProcess;
  /** The last lines it printed, for failure messages. */
  output(): string;
  exited: Promise<Exit>;
  waitUntilReady(timeoutMs?: number): Promise<void>;
  /** SIGKILL if still running; always safe to call. */
  kill(): Promise<Exit>;
  /** SIGTERM, as an orchestrator stops it: requests drain and the database closes cleanly. */
  stop(): Promise<Exit>;
}

/** Where the child's database is: a PostgreSQL server, or a PGlite data directory of its own. */
type DatabaseEnv = { DATABASE_URL: string } | { TRAME_DATA_DIR: string };

/**
 * The real server (`src/main.ts`, as `pnpm dev` runs it) as a child process on a free port,
 * without the demo unless asked (the fault tests make their own rows), logging warnings and errors only.
 */
export async function spawnServer(env: DatabaseEnv & Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  // Nothing from the developer's shell may point the child at another database.
  const { DATABASE_URL: _url, TRAME_DATA_DIR: _dir, ...inherited } = process.env;
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: serverDir,
    env: { ...inherited, PORT: String(port), HOST: "127.0.0.1", TRAME_DEMO: "false", LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<Exit>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  const baseUrl = `http://127.0.0.1:${port}`;
  const running = () => child.exitCode === null && child.signalCode === null;

  return {
    baseUrl,
    port,
    child,
    output: () => log,
    exited,
    async waitUntilReady(timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        if (!running()) throw new Error(`server exited (${child.exitCode ?? child.signalCode}):\n${log}`);
        const ready = await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(2_000) }).then(
          (response) => response.ok,
          () => false,
        );
        if (ready) return;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`server not ready after ${timeoutMs} ms:\n${log}`);
    },
    async kill() {
      if (running()) child.kill("SIGKILL");
      return exited;
    },
    async stop() {
      if (running()) child.kill("SIGTERM");
      return exited;
    },
  };
}

export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

async function admin<T>(serverUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** A new, empty database (not migrated) on the server of TEST_DATABASE_URL, dropped with `drop()`. */
export async function scratchDatabase(serverUrl: string, prefix = "trame_fault"): Promise<ScratchDatabase> {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  await admin(serverUrl, (client) => client.query(`create database ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () =>
      admin(serverUrl, (client) => client.query(`drop database if exists ${name} with (force)`)).then(() => {}),
  };
}

/** The same URL through another host and port: how a server is pointed at the test's TCP proxy. */
export function viaPort(databaseUrl: string, port: number): string {
  const url = new URL(databaseUrl);
  url.hostname = "127.0.0.1";
  url.port = String(port);
  return url.toString();
}
