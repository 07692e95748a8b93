import { fork } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { ROOT, startServer, waitForReady } from "./server-child.ts";

export interface ThroughputResult {
  name: string;
  requestsPerSecond: number;
  /** CPU time (user + system) the server process spent per request answered, in ms. */
  serverCpuMsPerRequest: number;
  latencyP50: number;
  latencyP99: number;
  errors: number;
  non2xx: number;
}

const CONNECTIONS = 32;

/**
 * CPU seconds (user + system) a process has used, from the kernel's accounting: it tells where a
 * request's cost lies when the server, PostgreSQL and the load generator share the same cores.
 */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  // utime and stime are the 14th and 15th fields of the line, in clock ticks (100 per second on Linux).
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function load(
  name: string,
  url: string,
  headers: Record<string, string>,
  seconds: number,
  serverPid: number,
): Promise<ThroughputResult> {
  const options = { url, connections: CONNECTIONS, headers };
  await autocannon({ ...options, duration: 2 }); // warm-up: JIT, pools, caches
  const cpuBefore = cpuSeconds(serverPid);
  const result = await autocannon({ ...options, duration: seconds });
  const cpu = cpuSeconds(serverPid) - cpuBefore;
  return {
    name,
    requestsPerSecond: result.requests.average,
    serverCpuMsPerRequest: (cpu * 1000) / Math.max(1, result.requests.total),
    latencyP50: result.latency.p50,
    latencyP99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

/**
 * Throughput of `timeline.territory` over loopback HTTP with 32 connections, through the real server
 * (signed-in cookie, so authentication is included) and through a bare node:http handler sending
 * the same SQL over a pool of the same size, in the same run; and the server's peak RSS under load.
 */
export async function measureThroughput(options: {
  databaseUrl: string;
  poolSize: number;
  sessionToken: string;
  territoryId: string;
  statement: { sql: string; parameters: readonly unknown[] };
  seconds: number;
}) {
  const statementFile = join(tmpdir(), `trame-bench-statement-${process.pid}.json`);
  writeFileSync(statementFile, JSON.stringify(options.statement));
  const server = await startServer({ databaseUrl: options.databaseUrl, poolSize: options.poolSize });
  const barePort = 5400 + Math.floor(Math.random() * 500);
  const bare = fork(
    join(ROOT, "bench/src/bare-server.ts"),
    [String(barePort), options.databaseUrl, String(options.poolSize), statementFile],
    { execArgv: ["--import", "tsx"], stdio: "inherit" },
  );
  try {
    await waitForReady(bare, `http://127.0.0.1:${barePort}/`);
    const serverPid = server.child.pid as number;
    const input = encodeURIComponent(JSON.stringify({ territoryId: options.territoryId, limit: 50 }));
    const api = await load(
      "API (tRPC, session incluse)",
      `${server.baseUrl}/trpc/timeline.territory?input=${input}`,
      { cookie: `trame_session=${options.sessionToken}` },
      options.seconds,
      serverPid,
    );
    const peakRssMegabytes = server.peakRssMegabytes();
    // The framework's own floor: a tRPC call that sends no SQL (the signed-in user, from the session cache).
    const floor = await load(
      "API sans SQL (auth.me, session en cache)",
      `${server.baseUrl}/trpc/auth.me`,
      { cookie: `trame_session=${options.sessionToken}` },
      options.seconds,
      serverPid,
    );
    const raw = await load(
      "node:http + pg (même SQL)",
      `http://127.0.0.1:${barePort}/`,
      {},
      options.seconds,
      bare.pid as number,
    );
    return { api, floor, raw, ratio: api.requestsPerSecond / raw.requestsPerSecond, peakRssMegabytes };
  } finally {
    await server.stop();
    bare.kill("SIGTERM");
  }
}
