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

interface Target {
  name: string;
  url: string;
  headers: Record<string, string>;
  pid: number;
}

/** One target under load for `seconds`: requests, the process's CPU seconds, latencies. */
async function slice(target: Target, seconds: number) {
  const cpuBefore = cpuSeconds(target.pid);
  const result = await autocannon({
    url: target.url,
    connections: CONNECTIONS,
    headers: target.headers,
    duration: seconds,
  });
  return { result, cpu: cpuSeconds(target.pid) - cpuBefore };
}
type Slice = Awaited<ReturnType<typeof slice>>;

/** Slices of several targets added up: requests per second over their whole time, CPU per request. */
function summed(name: string, slices: Slice[], seconds: number): ThroughputResult {
  const total = slices.reduce((n, s) => n + s.result.requests.total, 0);
  const cpu = slices.reduce((n, s) => n + s.cpu, 0);
  const middle = slices[Math.floor(slices.length / 2)]?.result;
  return {
    name,
    requestsPerSecond: total / (seconds * slices.length),
    serverCpuMsPerRequest: (cpu * 1000) / Math.max(1, total),
    latencyP50: middle?.latency.p50 ?? Number.NaN,
    latencyP99: Math.max(...slices.map((s) => s.result.latency.p99)),
    errors: slices.reduce((n, s) => n + s.result.errors, 0),
    non2xx: slices.reduce((n, s) => n + s.result.non2xx, 0),
  };
}

/**
 * Under load for this long before anything counts. V8 keeps optimising a server's code for several
 * seconds: with a 2 s warm-up, the API's CPU per request was still falling from one 3 s run to the
 * next in the same process (1.50, 0.83, 0.90 ms; 1.92, 1.33, 1.35 ms), so a measurement that
 * started early read part of the warm-up as the server's cost.
 */
const WARM_UP_SECONDS = 8;

/**
 * The API and the bare handler in alternating two-second slices, as many as `seconds` allows for
 * each, once both are warm: on this shared 2-core machine the speed of everything drifts over a run
 * (the same build gave 46 % and 81 % of the bare handler when each ran 10 s in turn), and
 * alternating puts both under the same drift, so the ratio compares the servers rather than the moments.
 */
async function alternating(api: Target, bare: Target, seconds: number) {
  const SLICE = 2;
  for (const target of [api, bare]) await slice(target, WARM_UP_SECONDS);
  const apiSlices: Slice[] = [];
  const bareSlices: Slice[] = [];
  for (let round = 0; round < Math.max(1, Math.round(seconds / SLICE)); round++) {
    apiSlices.push(await slice(api, SLICE));
    bareSlices.push(await slice(bare, SLICE));
  }
  return { api: summed(api.name, apiSlices, SLICE), raw: summed(bare.name, bareSlices, SLICE) };
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
    const cookie = { cookie: `trame_session=${options.sessionToken}` };
    const { api, raw } = await alternating(
      {
        name: "API (tRPC, session incluse)",
        url: `${server.baseUrl}/trpc/timeline.territory?input=${input}`,
        headers: cookie,
        pid: serverPid,
      },
      { name: "node:http + pg (même SQL)", url: `http://127.0.0.1:${barePort}/`, headers: {}, pid: bare.pid as number },
      options.seconds,
    );
    const peakRssMegabytes = server.peakRssMegabytes();
    // The framework's own floor: a tRPC call that sends no SQL (the signed-in user, from the session cache).
    const floorTarget = {
      name: "API sans SQL (auth.me, session en cache)",
      url: `${server.baseUrl}/trpc/auth.me`,
      headers: cookie,
      pid: serverPid,
    };
    await slice(floorTarget, WARM_UP_SECONDS);
    const floor = summed(floorTarget.name, [await slice(floorTarget, options.seconds)], options.seconds);
    return { api, floor, raw, ratio: api.requestsPerSecond / raw.requestsPerSecond, peakRssMegabytes };
  } finally {
    await server.stop();
    bare.kill("SIGTERM");
  }
}
