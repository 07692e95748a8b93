import { mkdirSync, writeFileSync } from "node:fs";
import { countTerritories, sql } from "@trame/db";
import { datasetLoaded, datasetSize, loadDataset } from "@trame/db/dataset";
import { hashPassword } from "@trame/server/src/auth/password.ts";
import { createSessionCache } from "@trame/server/src/auth/session-cache.ts";
import { startLiveHub } from "@trame/server/src/live/live-hub.ts";
import { importTerritories } from "@trame/server/src/territories/import-territories.ts";
import { openBenchDatabase } from "./bench-db.ts";
import { benchUser } from "./bench-user.ts";
import { readSettings } from "./env.ts";
import { printPlans } from "./explain.ts";
import { type HttpLatency, measureHttpLatency } from "./http-latency.ts";
import { formatMs, measure, type Percentiles } from "./measure.ts";
import { benchScenarios, deepPage } from "./scenarios.ts";
import { measureThroughput } from "./throughput.ts";

const settings = readSettings();
const size = datasetSize(settings.factor);
const bench = await openBenchDatabase(settings);
const { db } = bench.handle;
console.log(`Trame bench — ${bench.label}, scale ${settings.scaleName} (${JSON.stringify(size)})`);

let loadSeconds: number | null = null;
if (!(await datasetLoaded(db))) {
  const start = performance.now();
  if ((await countTerritories(db)) === 0) await importTerritories(db);
  await loadDataset(db, size, await hashPassword("bench-password-2026"));
  loadSeconds = (performance.now() - start) / 1000;
  console.log(`dataset loaded in ${loadSeconds.toFixed(1)} s`);
  // The load leaves gigabytes of dirty pages that the next checkpoints write out for minutes: flush
  // them now so the measurements do not compete with the load's own writes.
  await sql`checkpoint`.execute(db).catch(() => console.warn("checkpoint not allowed: measuring anyway"));
} else {
  console.log("dataset already loaded (use --fresh to regenerate)");
}

const hub = await startLiveHub(bench.handle, { warn: (object, message) => console.warn(message, object) });
const sessions = createSessionCache(hub);
const session = { ...(await benchUser(db, await hashPassword("bench-password-2026"))), sessions };
const scenarios = await benchScenarios(bench.handle, bench.raw, session);
const deep = await deepPage(bench.handle, session);
const closeBench = async () => {
  sessions.close();
  await hub.close();
  await bench.close();
};
if (settings.explain) {
  await printPlans(bench.raw, scenarios);
  await closeBench();
  process.exit(0);
}
const results: Array<{ name: string; api: Percentiles; sql: Percentiles; ratio: number }> = [];
for (const scenario of scenarios) {
  const api = await measure(settings.iterations, scenario.api);
  const sqlOnly = await measure(settings.iterations, scenario.raw);
  results.push({ name: scenario.name, api, sql: sqlOnly, ratio: api.p50 / sqlOnly.p50 });
}

console.log(
  `\nterritoire : ${session.territory.name} (${session.territory.entries.toLocaleString("fr-FR")} entrées) — ${settings.iterations} appels par mesure, en ms\n`,
);
console.log("| scénario | API p50 | API p95 | API p99 | SQL p50 | SQL p95 | SQL p99 | API/SQL (p50) |");
console.log("|---|---:|---:|---:|---:|---:|---:|---:|");
for (const r of results) {
  const cells = [r.api.p50, r.api.p95, r.api.p99, r.sql.p50, r.sql.p95, r.sql.p99].map(formatMs);
  console.log(`| ${r.name} | ${cells.join(" | ")} | ${r.ratio.toFixed(2)} |`);
}

let throughput: Awaited<ReturnType<typeof measureThroughput>> | null = null;
const timelineStatement = scenarios[0]?.statements[0];
if (settings.throughput && bench.url && timelineStatement) {
  throughput = await measureThroughput({
    databaseUrl: bench.url,
    poolSize: 10,
    sessionToken: session.token,
    territoryId: session.territory.id,
    statement: timelineStatement,
    seconds: settings.seconds,
  });
  console.log(`\ndébit, timeline.territory page 1, 32 connexions, ${settings.seconds} s chacun :\n`);
  console.log(
    "| serveur | req/s | CPU serveur par requête (ms) | latence p50 (ms) | latence p99 (ms) | erreurs | non-2xx |",
  );
  console.log("|---|---:|---:|---:|---:|---:|---:|");
  for (const r of [throughput.api, throughput.floor, throughput.raw]) {
    const cpu = r.serverCpuMsPerRequest.toFixed(2);
    console.log(
      `| ${r.name} | ${Math.round(r.requestsPerSecond)} | ${cpu} | ${r.latencyP50} | ${r.latencyP99} | ${r.errors} | ${r.non2xx} |`,
    );
  }
  console.log(
    `\nAPI / node:http : ${(throughput.ratio * 100).toFixed(0)} % — RSS max du serveur : ${throughput.peakRssMegabytes.toFixed(0)} Mo`,
  );
} else if (settings.throughput) {
  console.log("\n(débit mesuré seulement sur PostgreSQL : DATABASE_URL)");
}

// The deployed server needs the database to itself: PGlite's directory has one user at a time.
await closeBench();
const http: HttpLatency[] = await measureHttpLatency({
  database: bench.url ? { databaseUrl: bench.url } : { dataDir: bench.dataDir ?? "" },
  sessionToken: session.token,
  territoryId: session.territory.id,
  deep,
  iterations: settings.iterations,
});
console.log(`\nlatence par HTTP, serveur de production sur ${bench.label}, une requête à la fois, en ms :\n`);
console.log("| requête | p50 | p95 | p99 |");
console.log("|---|---:|---:|---:|");
for (const r of http) {
  console.log(`| ${r.name} | ${[r.latency.p50, r.latency.p95, r.latency.p99].map(formatMs).join(" | ")} |`);
}
const [, firstPage, deepHttp] = http;
if (firstPage && deepHttp) {
  console.log(`\npage profonde / page 1 (p50) : ${(deepHttp.latency.p50 / firstPage.latency.p50).toFixed(2)}`);
}

const resultsDir = new URL("../results/", import.meta.url);
mkdirSync(resultsDir, { recursive: true });
const file = new URL(
  `${new Date().toISOString().replace(/[:.]/g, "-")}-${bench.handle.backend}-${settings.scaleName}.json`,
  resultsDir,
);
writeFileSync(
  file,
  JSON.stringify(
    {
      backend: bench.label,
      scale: settings.scaleName,
      size,
      loadSeconds,
      iterations: settings.iterations,
      results,
      throughput,
      http,
    },
    null,
    2,
  ),
);
console.log(`\nrésultats : ${file.pathname}`);
