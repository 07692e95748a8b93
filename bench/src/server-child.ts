import { type ChildProcess, fork } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

export function waitForReady(child: ChildProcess, url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${url} did not start`)), 120_000);
    const poll = async () => {
      // Each attempt has its own deadline: one request left hanging must not stall the polling.
      const ok = await fetch(url, { signal: AbortSignal.timeout(2_000) }).then(
        (response) => response.ok,
        () => false,
      );
      if (ok) {
        clearTimeout(timer);
        resolve();
      } else if (child.exitCode === null) {
        setTimeout(poll, 250);
      } else {
        clearTimeout(timer);
        reject(new Error(`${url}: process exited with ${child.exitCode}`));
      }
    };
    void poll();
  });
}

/** Resident memory of a process, from the kernel's own accounting. */
function rssMegabytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** The node options of `pnpm start` (and of the Dockerfile, kept equal by a test): the bench runs what is deployed. */
export function deployedNodeFlags(): string[] {
  const { scripts } = JSON.parse(readFileSync(join(ROOT, "apps/server/package.json"), "utf8")) as {
    scripts: { start: string };
  };
  return scripts.start.split(/\s+/).filter((word) => word.startsWith("--"));
}

/**
 * The production build of the server (`apps/server/dist/main.js`, as deployed) on a bench
 * database (PostgreSQL, or a PGlite data directory the bench has closed), on loopback, with its
 * peak RSS sampled while it runs.
 */
export async function startServer(options: ({ databaseUrl: string } | { dataDir: string }) & { poolSize: number }) {
  const port = 3300 + Math.floor(Math.random() * 2000);
  const child = fork(join(ROOT, "apps/server/dist/main.js"), [], {
    cwd: join(ROOT, "apps/server"),
    // BENCH_SERVER_FLAGS adds flags for a profile (`--cpu-prof --cpu-prof-dir=…`), never for a figure.
    execArgv: [...deployedNodeFlags(), ...(process.env.BENCH_SERVER_FLAGS?.split(/\s+/).filter(Boolean) ?? [])],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      ...("databaseUrl" in options ? { DATABASE_URL: options.databaseUrl } : { TRAME_DATA_DIR: options.dataDir }),
      DATABASE_POOL_SIZE: String(options.poolSize),
      TRAME_DEMO: "false",
      LOG_LEVEL: "warn",
    },
    stdio: "inherit",
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForReady(child, `${baseUrl}/readyz`).catch((error: unknown) => {
    child.kill("SIGTERM");
    throw error;
  });
  let peak = 0;
  const sampler = setInterval(() => {
    if (child.pid && child.exitCode === null) peak = Math.max(peak, rssMegabytes(child.pid));
  }, 200);
  return {
    baseUrl,
    child,
    peakRssMegabytes: () => peak,
    resetPeak: () => {
      peak = 0;
    },
    stop: async () => {
      clearInterval(sampler);
      child.kill("SIGTERM");
      await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once("exit", resolve)));
    },
  };
}

/**
 * The production server with the built web app on a fresh embedded database holding the demo, as
 * a first-time user runs it (`pnpm start`): what the browser benchmarks measure.
 */
export async function startWebServer(): Promise<{ baseUrl: string; child: ChildProcess; stop(): Promise<void> }> {
  const { mkdtempSync, rmSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const dataDir = mkdtempSync(join(tmpdir(), "trame-web-bench-"));
  const port = 5300 + Math.floor(Math.random() * 2000);
  const child = fork(join(ROOT, "apps/server/dist/main.js"), [], {
    cwd: join(ROOT, "apps/server"),
    execArgv: deployedNodeFlags(),
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      TRAME_DATA_DIR: dataDir,
      TRAME_WEB_DIST: join(ROOT, "apps/web/dist"),
      TRAME_DEMO: "true",
      LOG_LEVEL: "warn",
    },
    stdio: "inherit",
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForReady(child, `${baseUrl}/readyz`);
  return {
    baseUrl,
    child,
    stop: async () => {
      child.kill("SIGTERM");
      await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once("exit", resolve)));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
