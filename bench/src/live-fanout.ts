import { randomUUID } from "node:crypto";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { datasetLoaded, datasetSize, loadDataset } from "@trame/db/dataset";
import { hashPassword } from "@trame/server/src/auth/password.ts";
import { openBenchDatabase } from "./bench-db.ts";
import { readSettings } from "./env.ts";
import { LoadClient } from "./load-client.ts";
import { simulatedUsers } from "./load-users.ts";
import { formatMs } from "./measure.ts";
import { startServer } from "./server-child.ts";

/**
 * `pnpm bench:live`: one server on PostgreSQL, one signed-in user, N open `timeline.live` streams on
 * the user's territory (SSE, as the web app opens them), then one action written through the API.
 * Prints when each stream received it (p50, max, how many) and the server's peak RSS, against the
 * targets of issue 17 (all within 1 s, RSS ≤ 200 MB). Three writes, one after the other: the
 * figures are their medians.
 */
const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== "--"),
  options: { streams: { type: "string" }, scale: { type: "string" }, writes: { type: "string" } },
});
const streams = Math.max(1, Math.min(5000, Number(values.streams ?? 1000)));
const writes = Math.max(1, Math.min(10, Number(values.writes ?? 3)));
const settings = readSettings(["--scale", values.scale ?? "small"]);
if (!settings.databaseUrl) throw new Error("bench:live runs against PostgreSQL: set DATABASE_URL");

const bench = await openBenchDatabase(settings);
const { db } = bench.handle;
const passwordHash = await hashPassword("bench-password-2026");
if (!(await datasetLoaded(db))) {
  const { importTerritories } = await import("@trame/server/src/territories/import-territories.ts");
  await importTerritories(db);
  await loadDataset(db, datasetSize(settings.factor), passwordHash);
}
const [user] = await simulatedUsers(db, 1, passwordHash);
if (!user) throw new Error("no simulated user");
const server = await startServer({ databaseUrl: bench.url ?? "", poolSize: 20 });
const cookie = `trame_session=${user.token}`;
const url = `${server.baseUrl}/trpc/timeline.live?input=${encodeURIComponent(JSON.stringify({ territoryId: user.territoryId }))}`;

/** What each stream received is handed to `heard` with the stream's index. */
let heard: (index: number, text: string) => void = () => {};
const aborts = new AbortController();

async function openStream(index: number): Promise<void> {
  const response = await fetch(url, { headers: { cookie, accept: "text/event-stream" }, signal: aborts.signal });
  if (!response.ok || !response.body) throw new Error(`stream ${index}: HTTP ${response.status}`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let opened: (() => void) | undefined;
  const ready = new Promise<void>((resolve) => {
    opened = resolve;
  });
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        opened?.();
        heard(index, value);
      }
    } catch {
      // aborted at the end of the run
    }
  })();
  return ready;
}

const loadBefore = loadavg()[0] ?? 0;
console.log(`bench:live — ${streams} flux ouverts, ${bench.label}, charge de la machine ${loadBefore.toFixed(1)}`);
for (let i = 0; i < streams; i += 100) {
  await Promise.all(Array.from({ length: Math.min(100, streams - i) }, (_, k) => openStream(i + k)));
}
const client = new LoadClient(server.baseUrl, user.token);
const runs: Array<{ received: number; p50: number; max: number }> = [];
for (let w = 0; w < writes; w++) {
  const title = `Diffusion ${randomUUID()}`;
  const arrivals: number[] = [];
  const seen = new Set<number>();
  let start = 0;
  const done = new Promise<void>((resolve) => {
    const timeout = setTimeout(resolve, 10_000);
    heard = (index, text) => {
      if (!text.includes(title) || seen.has(index)) return;
      seen.add(index);
      arrivals.push(performance.now() - start);
      if (arrivals.length === streams) {
        clearTimeout(timeout);
        resolve();
      }
    };
  });
  start = performance.now();
  const created = await client.call("mutation", "action.create", {
    idempotencyKey: randomUUID(),
    projectId: user.projectId,
    occurredOn: "2026-11-26",
    kind: "meeting",
    title,
  });
  if (!created.ok) throw new Error(`action.create failed: ${created.code}`);
  await done;
  arrivals.sort((a, b) => a - b);
  runs.push({
    received: arrivals.length,
    p50: arrivals[Math.floor(arrivals.length / 2)] ?? Number.NaN,
    max: arrivals.at(-1) ?? Number.NaN,
  });
  await new Promise((resolve) => setTimeout(resolve, 500));
}
const peak = server.peakRssMegabytes();
aborts.abort();
await server.stop();
await bench.close();

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const p50 = median(runs.map((r) => r.p50));
const max = median(runs.map((r) => r.max));
const received = Math.min(...runs.map((r) => r.received));
console.log(`\n| mesure | valeur (médiane de ${writes}) | cible |`);
console.log("|---|---:|---|");
console.log(`| flux ayant reçu l'action | ${received} / ${streams} | tous |`);
console.log(`| réception p50 | ${formatMs(p50)} ms | |`);
console.log(`| réception max | ${formatMs(max)} ms | ≤ 1 000 ms : ${max <= 1000 ? "atteinte" : "manquée"} |`);
console.log(`| RSS max du serveur | ${Math.round(peak)} Mo | ≤ 200 Mo : ${peak <= 200 ? "atteinte" : "manquée"} |`);
console.log(`charge de la machine après : ${(loadavg()[0] ?? 0).toFixed(1)}`);
console.log(JSON.stringify({ streams, runs, peakRssMegabytes: Math.round(peak) }));
if (received < streams) process.exit(1);
