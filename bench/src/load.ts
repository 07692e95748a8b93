import { randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { sql } from "@trame/db";
import { datasetLoaded, datasetSize, loadDataset } from "@trame/db/dataset";
import { hashPassword } from "@trame/server/src/auth/password.ts";
import { openBenchDatabase } from "./bench-db.ts";
import { readSettings } from "./env.ts";
import { LoadClient } from "./load-client.ts";
import { type SimulatedUser, simulatedUsers } from "./load-users.ts";
import { measureWriters } from "./load-writers.ts";
import { formatMs } from "./measure.ts";
import { startServer } from "./server-child.ts";

/**
 * `pnpm bench:load`: 100 simulated users mixing reads and writes against PostgreSQL through the real
 * server for 60 s (bounded in time and in requests, loopback only); then every accepted write is
 * looked for in the database, and every refused one must have been a CONFLICT.
 */
const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== "--"),
  options: {
    users: { type: "string" },
    seconds: { type: "string" },
    scale: { type: "string" },
    "think-ms": { type: "string" },
  },
});
const usersCount = Math.min(500, Number(values.users ?? 100));
const seconds = Math.min(300, Number(values.seconds ?? 60));
const MAX_REQUESTS = 500_000;
/**
 * Pause of each user between two requests (default 0: every user fires the next request as soon as
 * the last answered, so the server is saturated and latency is queueing). With a pause, latency is
 * what a request costs when the server keeps up: people read a page before they save.
 */
const thinkMs = Math.max(0, Math.min(10_000, Number(values["think-ms"] ?? 0)));
const settings = readSettings(["--scale", values.scale ?? "small"]);
if (!settings.databaseUrl) throw new Error("bench:load runs against PostgreSQL: set DATABASE_URL");

// A database of its own: the load adds thousands of actions and renames, which would otherwise
// grow the dataset that `pnpm bench` measures the flat cost on (and, with autovacuum off on this
// machine's cluster, leave its visibility maps stale: the 1 % dashboard read 1.5 ms, then 3.1 ms).
const bench = await openBenchDatabase({ ...settings, scaleName: `${settings.scaleName}_load` });
const { db } = bench.handle;
const passwordHash = await hashPassword("bench-password-2026");
if (!(await datasetLoaded(db))) {
  const { importTerritories } = await import("@trame/server/src/territories/import-territories.ts");
  await importTerritories(db);
  await loadDataset(db, datasetSize(settings.factor), passwordHash);
}
const users = await simulatedUsers(db, usersCount, passwordHash);
// Every run starts from a compacted database, so runs stay comparable: renames rewrite the feed's
// copies of a project's title, and this machine's CI cluster runs with autovacuum off, so the dead
// rows stayed. When every save renamed its project, six runs grew the timeline from 72 to 551 MB and
// each ran slower than the last (283, then 233, 219, 159, 154, 151 req/s). VACUUM FULL rewrites the
// tables (6 s at the small scale).
const autovacuum = (await sql<{ autovacuum: string }>`show autovacuum`.execute(db)).rows[0]?.autovacuum ?? "?";
await sql`vacuum (full, analyze)`.execute(db);
const server = await startServer({ databaseUrl: bench.url ?? "", poolSize: 20 });

interface AcceptedUpdate {
  projectId: string;
  version: number;
  summary: string;
}
const acceptedActions: string[] = [];
const acceptedUpdates: AcceptedUpdate[] = [];
const clients: LoadClient[] = [];
let requests = 0;
const deadline = Date.now() + seconds * 1000;

async function simulate(user: SimulatedUser, index: number): Promise<void> {
  const client = new LoadClient(server.baseUrl, user.token);
  clients.push(client);
  let version: number | undefined;
  let step = 0;
  let saves = 0;
  while (Date.now() < deadline && requests < MAX_REQUESTS) {
    if (thinkMs > 0) await new Promise((resolve) => setTimeout(resolve, thinkMs * (0.5 + ((index + step) % 10) / 10)));
    requests++;
    step++;
    const dice = (index * 7919 + step * 104729) % 100;
    if (dice < 35) {
      await client.call("query", "timeline.territory", { territoryId: user.territoryId, limit: 50 });
    } else if (dice < 55) {
      await client.call("query", "project.list", { territoryId: user.territoryId, limit: 20 });
    } else if (dice < 75 || version === undefined) {
      const got = await client.call("query", "project.get", { id: user.projectId });
      if (got.ok) version = (got.data as { version: number }).version;
    } else if (dice < 88) {
      const title = `Action simulée ${index}-${step}`;
      // As the web app does: a write over HTTP carries its idempotency key (ADR 0008).
      const created = await client.call("mutation", "action.create", {
        idempotencyKey: randomUUID(),
        projectId: user.projectId,
        occurredOn: "2026-11-26",
        kind: "meeting",
        title,
      });
      if (created.ok) acceptedActions.push((created.data as { id: string }).id);
    } else {
      // What project managers edit between meetings is the summary; one save in ten also renames the
      // project, which rewrites the copies of its title the feed's entries carry (ADR 0005).
      const summary = `Résumé modifié par ${index} (${step})`;
      saves++;
      const rename = saves % 10 === 0 ? { title: `Projet renommé par ${index} (${step})` } : {};
      const updated = await client.call("mutation", "project.update", {
        id: user.projectId,
        version,
        summary,
        ...rename,
      });
      if (updated.ok) {
        const stored = updated.data as { version: number };
        acceptedUpdates.push({ projectId: user.projectId, version: stored.version, summary });
        version = stored.version;
      } else {
        version = undefined; // a colleague won: re-read before editing again
      }
    }
  }
}

// The machine's load when the run starts: a figure taken on a busy machine says so.
const loadBefore = loadavg()[0] ?? 0;
console.log(
  `bench:load — ${usersCount} utilisateurs simulés, ${seconds} s, pause ${thinkMs} ms, ${bench.label}, ` +
    `charge de la machine ${loadBefore.toFixed(1)}, autovacuum ${autovacuum} (base compactée par VACUUM FULL avant la course)`,
);
await Promise.all(users.map((user, index) => simulate(user, index)));
// Then, on the same server: 32 writers on different territories, against the same rows by plain SQL.
const writers = await measureWriters(db, bench.raw, server.baseUrl, passwordHash, 32, 10);
await server.stop();

// Every accepted write must be found afterwards: actions by id, and each project's last accepted summary.
const found = await sql<{
  n: number;
}>`select count(*)::int as n from actions where id = any(${acceptedActions}::uuid[])`.execute(db);
const lastTitles = new Map<string, AcceptedUpdate>();
for (const update of acceptedUpdates) {
  const known = lastTitles.get(update.projectId);
  if (!known || update.version > known.version) lastTitles.set(update.projectId, update);
}
let lostUpdates = 0;
for (const update of lastTitles.values()) {
  const row = await db
    .selectFrom("projects")
    .select(["summary", "version"])
    .where("id", "=", update.projectId)
    .executeTakeFirst();
  if (row?.summary !== update.summary || row.version !== update.version) lostUpdates++;
}

const merged = new Map<string, { timings: number[]; ok: number; conflicts: number; errors: number }>();
for (const client of clients) {
  for (const [procedure, timings] of client.timings) {
    const entry = merged.get(procedure) ?? { timings: [], ok: 0, conflicts: 0, errors: 0 };
    entry.timings.push(...timings);
    const outcome = client.outcomes.get(procedure);
    if (outcome) {
      entry.ok += outcome.ok;
      entry.conflicts += outcome.conflicts;
      entry.errors += outcome.errors;
    }
    merged.set(procedure, entry);
  }
}
const rows = [...merged].map(([procedure, m]) => {
  const sorted = [...m.timings].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return {
    procedure,
    calls: sorted.length,
    p50: at(0.5),
    p95: at(0.95),
    ok: m.ok,
    conflicts: m.conflicts,
    errors: m.errors,
  };
});
console.log("\n| procédure | appels | p50 (ms) | p95 (ms) | réussis | CONFLICT | erreurs |");
console.log("|---|---:|---:|---:|---:|---:|---:|");
for (const r of rows) {
  console.log(
    `| ${r.procedure} | ${r.calls} | ${formatMs(r.p50)} | ${formatMs(r.p95)} | ${r.ok} | ${r.conflicts} | ${r.errors} |`,
  );
}
const errors = rows.reduce((sum, r) => sum + r.errors, 0) + writers.apiErrors + writers.sqlErrors;
const WRITE_P95_TARGET_MS = 100;
console.log("\n| écriture | p95 (ms) | cible |");
console.log("|---|---:|---|");
for (const r of rows.filter((row) => row.procedure.includes(".create") || row.procedure.includes(".update"))) {
  const met = r.p95 <= WRITE_P95_TARGET_MS ? "atteinte" : "manquée";
  console.log(`| ${r.procedure} | ${formatMs(r.p95)} | ≤ ${WRITE_P95_TARGET_MS} ms : ${met} |`);
}
console.log(
  `\n${writers.writers} rédacteurs concurrents sur des territoires différents, ${writers.seconds} s : ` +
    `API ${writers.apiActionsPerSecond} actions/s, SQL seul ${writers.sqlActionsPerSecond} actions/s ` +
    `(${Math.round((100 * writers.apiActionsPerSecond) / Math.max(1, writers.sqlActionsPerSecond))} %), ` +
    `erreurs ${writers.apiErrors} + ${writers.sqlErrors}`,
);
const summary = {
  users: usersCount,
  seconds,
  thinkMs,
  requests,
  throughput: Math.round(requests / seconds),
  errors,
  acceptedActions: acceptedActions.length,
  actionsFound: found.rows[0]?.n ?? 0,
  acceptedUpdates: acceptedUpdates.length,
  lostUpdates,
  peakRssMegabytes: Math.round(server.peakRssMegabytes()),
  autovacuum,
  loadAverage: { before: Number(loadBefore.toFixed(1)), after: Number((loadavg()[0] ?? 0).toFixed(1)) },
  writers,
};
console.log(`\n${JSON.stringify(summary)}`);
const resultsDir = new URL("../results/", import.meta.url);
mkdirSync(resultsDir, { recursive: true });
writeFileSync(
  new URL(`${new Date().toISOString().replace(/[:.]/g, "-")}-load.json`, resultsDir),
  JSON.stringify({ summary, rows }, null, 2),
);
await bench.close();
if (errors > 0 || lostUpdates > 0 || summary.actionsFound !== acceptedActions.length) {
  console.error("ÉCHEC : erreurs ou écritures perdues");
  process.exit(1);
}
