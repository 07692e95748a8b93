import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const serverDir = fileURLToPath(new URL("../../../server/", import.meta.url));
// TRAME_E2E_WEB_DIST lets parallel checkouts or builds test their own bundle instead of apps/web/dist.
export const webDist = process.env.TRAME_E2E_WEB_DIST ?? fileURLToPath(new URL("../../dist/", import.meta.url));
// tsx belongs to the server package; resolve it from there rather than making it a dependency of the web app.
const tsxLoader = pathToFileURL(createRequire(join(serverDir, "package.json")).resolve("tsx")).href;

export interface RunningServer {
  baseUrl: string;
  stop(): Promise<void>;
}

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

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

async function stopChild(child: ChildProcess): Promise<void> {
  child.kill("SIGTERM");
  const killed = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited(child);
  clearTimeout(killed);
}

async function waitUntilReady(baseUrl: string, child: ChildProcess, output: () => string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${baseUrl}/readyz`);
      if (response.ok) return;
    } catch {
      // Not listening yet: the first start migrates and imports the EPCI list before it listens.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`server not ready after ${timeoutMs} ms:\n${output()}`);
}

/**
 * The real server (same entry point as `pnpm start`) on a free port and a fresh data directory,
 * serving the production build of the web app from apps/web/dist.
 */
export async function startServer({
  timeoutMs = 170_000,
  port: chosenPort,
  env = {},
}: {
  timeoutMs?: number;
  /** A port picked beforehand (an OpenID provider started by the test must know the callback address). */
  port?: number;
  /** More settings for this server (e.g. PROCONNECT_*). */
  env?: Record<string, string>;
} = {}): Promise<RunningServer> {
  const port = chosenPort ?? (await freePort());
  const dataDir = await mkdtemp(join(tmpdir(), "trame-e2e-"));
  const baseUrl = `http://127.0.0.1:${port}`;
  // No DATABASE_URL from the developer's shell: the run must not touch a real database.
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, ["--import", tsxLoader, "src/main.ts"], {
    cwd: serverDir,
    env: {
      ...inherited,
      PORT: String(port),
      HOST: "127.0.0.1",
      TRAME_DATA_DIR: dataDir,
      TRAME_WEB_DIST: webDist,
      TRAME_DEMO: "true",
      LOG_LEVEL: "warn",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // Kept for the error message only: a server that fails to start says why.
  let log = "";
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);

  const stop = async () => {
    await stopChild(child);
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await waitUntilReady(baseUrl, child, () => log, timeoutMs);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, stop };
}
