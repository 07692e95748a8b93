import { type ChildProcess, fork } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";

export interface ThroughputResult {
  name: string;
  requestsPerSecond: number;
  latencyP50: number;
  latencyP99: number;
  errors: number;
  non2xx: number;
}

const CONNECTIONS = 32;

function waitForReady(child: ChildProcess, url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${url} did not start`)), 120_000);
    const poll = async () => {
      try {
        if ((await fetch(url)).ok) {
          clearTimeout(timer);
          resolve();
          return;
        }
      } catch {
        // not listening yet
      }
      if (child.exitCode === null) setTimeout(poll, 250);
      else reject(new Error(`${url}: process exited with ${child.exitCode}`));
    };
    void poll();
  });
}

/** Resident memory of a child process, from the kernel's own accounting. */
function rssMegabytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

async function load(
  name: string,
  url: string,
  headers: Record<string, string>,
  seconds: number,
): Promise<ThroughputResult> {
  await autocannon({ url, connections: CONNECTIONS, duration: 2, headers }); // warm-up: JIT, pools, caches
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds, headers });
  return {
    name,
    requestsPerSecond: result.requests.average,
    latencyP50: result.latency.p50,
    latencyP99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

/**
 * Throughput of `timeline.territory` over loopback HTTP with 32 connections, through the real server
 * (signed-in cookie, so authentication is included) and through a bare node:http handler sending
 * the same SQL, in the same run; and the server's peak RSS under that load.
 */
export async function measureThroughput(options: {
  databaseUrl: string;
  poolSize: number;
  sessionToken: string;
  territoryId: string;
  statement: { sql: string; parameters: readonly unknown[] };
  seconds: number;
}) {
  const root = fileURLToPath(new URL("../../", import.meta.url));
  const statementFile = join(tmpdir(), `trame-bench-statement-${process.pid}.json`);
  writeFileSync(statementFile, JSON.stringify(options.statement));
  const appPort = 3300 + Math.floor(Math.random() * 500);
  const barePort = appPort + 1;
  // The production build, as deployed: plain JavaScript, no TypeScript loader in the measured process.
  const app = fork(join(root, "apps/server/dist/main.js"), [], {
    cwd: join(root, "apps/server"),
    env: {
      ...process.env,
      PORT: String(appPort),
      HOST: "127.0.0.1",
      DATABASE_URL: options.databaseUrl,
      DATABASE_POOL_SIZE: String(options.poolSize),
      TRAME_DEMO: "false",
      LOG_LEVEL: "warn",
    },
    stdio: "inherit",
  });
  const bare = fork(
    join(root, "bench/src/bare-server.ts"),
    [String(barePort), options.databaseUrl, String(options.poolSize), statementFile],
    {
      execArgv: ["--import", "tsx"],
      stdio: "inherit",
    },
  );
  try {
    await waitForReady(app, `http://127.0.0.1:${appPort}/readyz`);
    await waitForReady(bare, `http://127.0.0.1:${barePort}/`);
    const input = encodeURIComponent(JSON.stringify({ territoryId: options.territoryId, limit: 50 }));
    let peakRss = 0;
    const sampler = setInterval(() => {
      if (app.pid) peakRss = Math.max(peakRss, rssMegabytes(app.pid));
    }, 200);
    const api = await load(
      "API (tRPC, session incluse)",
      `http://127.0.0.1:${appPort}/trpc/timeline.territory?input=${input}`,
      { cookie: `trame_session=${options.sessionToken}` },
      options.seconds,
    );
    clearInterval(sampler);
    const raw = await load("node:http + pg (même SQL)", `http://127.0.0.1:${barePort}/`, {}, options.seconds);
    return { api, raw, ratio: api.requestsPerSecond / raw.requestsPerSecond, peakRssMegabytes: peakRss };
  } finally {
    app.kill("SIGTERM");
    bare.kill("SIGTERM");
  }
}
