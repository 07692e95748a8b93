import { createHash, randomBytes } from "node:crypto";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { datasetLoaded, datasetSize, loadDataset } from "@trame/db/dataset";
import { hashPassword } from "@trame/server/src/auth/password.ts";
import { openBenchDatabase } from "./bench-db.ts";
import { readSettings } from "./env.ts";
import { simulatedUsers } from "./load-users.ts";
import { formatMs } from "./measure.ts";
import { startServer } from "./server-child.ts";

/**
 * `pnpm bench:uploads`: the production server on PostgreSQL (with `pnpm start`'s V8 flags), one
 * signed-in editor, N documents of M MB uploaded at once to one of their projects, three rounds.
 * Prints each round's duration and the server's peak RSS (sampled every 200 ms from /proc) against
 * issue 17's target (8 × 19 MB at once: RSS ≤ 250 MB), and downloads every document back to check
 * its SHA-256: the streamed store must give back the very bytes it took.
 */
const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== "--"),
  options: { files: { type: "string" }, megabytes: { type: "string" }, rounds: { type: "string" } },
});
const files = Math.max(1, Math.min(32, Number(values.files ?? 8)));
const megabytes = Math.max(1, Math.min(19.9, Number(values.megabytes ?? 19)));
const rounds = Math.max(1, Math.min(10, Number(values.rounds ?? 3)));
const settings = readSettings(["--scale", "tiny"]);
if (!settings.databaseUrl) throw new Error("bench:uploads runs against PostgreSQL: set DATABASE_URL");

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

/** A PDF by its signature (type detection reads the first bytes), the rest random: no two files alike. */
function pdf(bytes: number): Buffer {
  const head = Buffer.from("%PDF-1.7\n");
  const tail = Buffer.from("\n%%EOF\n");
  return Buffer.concat([head, randomBytes(bytes - head.length - tail.length), tail]);
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

async function upload(content: Buffer, name: string): Promise<string> {
  const form = new FormData();
  // The owner comes before the file: the server decides who may write before it reads a byte.
  form.append("projectId", user?.projectId ?? "");
  form.append("file", new Blob([content], { type: "application/pdf" }), name);
  const response = await fetch(`${server.baseUrl}/api/documents`, { method: "POST", headers: { cookie }, body: form });
  if (response.status !== 201) throw new Error(`upload ${name}: HTTP ${response.status} ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}

async function downloadedHash(id: string): Promise<string> {
  const response = await fetch(`${server.baseUrl}/api/documents/${id}`, { headers: { cookie } });
  if (!response.ok) throw new Error(`download ${id}: HTTP ${response.status}`);
  return sha256(new Uint8Array(await response.arrayBuffer()));
}

const loadBefore = loadavg()[0] ?? 0;
const bytes = Math.round(megabytes * 1024 * 1024);
console.log(
  `bench:uploads — ${files} × ${megabytes} Mo à la fois, ${rounds} tours, ${bench.label}, charge ${loadBefore.toFixed(1)}`,
);
// Settle the server (JIT, pools) with one small upload, then measure from its resting memory.
await upload(pdf(64 * 1024), "chauffe.pdf");
await new Promise((resolve) => setTimeout(resolve, 1_000));
const idle = server.peakRssMegabytes();

const results: Array<{ ms: number; peakRss: number; verified: number }> = [];
for (let round = 1; round <= rounds; round++) {
  const contents = Array.from({ length: files }, () => pdf(bytes));
  server.resetPeak();
  const start = performance.now();
  const ids = await Promise.all(contents.map((content, i) => upload(content, `piece-${round}-${i + 1}.pdf`)));
  const ms = performance.now() - start;
  const peakRss = server.peakRssMegabytes();
  const hashes = await Promise.all(ids.map(downloadedHash));
  const verified = hashes.filter((hash, i) => hash === sha256(contents[i] ?? Buffer.alloc(0))).length;
  results.push({ ms, peakRss, verified });
  console.log(
    `tour ${round} : ${formatMs(ms)} ms, RSS max ${Math.round(peakRss)} Mo, ${verified}/${files} relus à l'identique`,
  );
}
await server.stop();
await bench.close();

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const peak = median(results.map((r) => r.peakRss));
const verified = Math.min(...results.map((r) => r.verified));
console.log(`\n| mesure | valeur (médiane de ${rounds}) | cible |`);
console.log("|---|---:|---|");
console.log(`| documents acceptés et relus à l'identique | ${verified} / ${files} | tous |`);
console.log(`| durée des ${files} envois | ${formatMs(median(results.map((r) => r.ms)))} ms | |`);
console.log(`| RSS du serveur au repos | ${Math.round(idle)} Mo | |`);
console.log(
  `| RSS max du serveur pendant les envois | ${Math.round(peak)} Mo | ≤ 250 Mo : ${peak <= 250 ? "atteinte" : "manquée"} |`,
);
console.log(`charge de la machine après : ${(loadavg()[0] ?? 0).toFixed(1)}`);
console.log(JSON.stringify({ files, megabytes, rounds: results, idleRssMegabytes: Math.round(idle) }));
if (verified < files) process.exit(1);
