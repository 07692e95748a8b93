import { spawn, spawnSync } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buffer } from "node:stream/consumers";
import { fileURLToPath } from "node:url";
import { createDb, type Database, DOCUMENT_CHUNK_BYTES, insertDocument, type Kysely, migrateToLatest } from "@trame/db";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { exportPgliteData, importPgliteData } from "../src/backup/pglite-backup.ts";
import { databaseDocumentStore } from "../src/documents/document-store.ts";
import { makeUser } from "./support/factories.ts";
import { projectWorld } from "./support/project-fixtures.ts";
import { scratchDatabase } from "./support/server-process.ts";
import { counts, type Snapshot, snapshot } from "./support/table-snapshot.ts";

/**
 * A backup is only as good as its restore: each backend's documented procedure round-trips a
 * dataset, and every row of every table must come back, bytes of documents included. Each run
 * checks the backend CI runs it on (PGlite by default, PostgreSQL with TEST_DATABASE_URL).
 */
const serverUrl = process.env.TEST_DATABASE_URL;
const serverDir = fileURLToPath(new URL("../", import.meta.url));
const onPath = (tool: string) => spawnSync(tool, ["--version"]).status === 0;

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => {});
}, 30_000);

async function workDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "trame-backup-"));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

interface Run {
  code: number | null;
  output: string;
}

/** A command line as an operator types it, bounded so a stuck tool fails the test instead of hanging it. */
function run(command: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  // The developer's shell must not point the CLI at another database.
  const { DATABASE_URL: _url, TRAME_DATA_DIR: _dir, ...inherited } = process.env;
  const child = spawn(command, args, {
    cwd: serverDir,
    env: { ...inherited, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const timer = setTimeout(() => child.kill("SIGKILL"), 90_000);
  return new Promise((resolve) =>
    child.once("close", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    }),
  );
}
const cli = (args: string[], env: Record<string, string>) =>
  run(process.execPath, ["--import", "tsx", "src/cli.ts", ...args], env);

/**
 * Every byte value, NUL and 0xFF included, over more than two chunks of the document store: the
 * bytes must come back bit for bit, not as text, and in order.
 */
const documentBytes = Uint8Array.from({ length: 2 * DOCUMENT_CHUNK_BYTES + 4096 }, (_, i) => (i * 7) % 256);

/**
 * Territories, users with memberships and sessions, a cooperation with members, projects with
 * partners and status history, actions on the timeline, a document, and the audit rows all of
 * these wrote: through the services, as the application writes them.
 */
async function dataset(db: Kysely<Database>): Promise<void> {
  const world = await projectWorld(db);
  const editor = await world.as("leadEditor");
  const project = await world.createProject();
  await world.createProject({ title: "Mobilités rurales : transport à la demande", visibility: "partners" });
  await editor.action.create({ projectId: project.id, occurredOn: "2026-03-12", kind: "meeting", title: "Copil" });
  await editor.action.create({
    cooperationId: world.cooperation.id,
    occurredOn: "2026-04-02",
    kind: "signature",
    title: "Signature de l'avenant n°2 — « contrat de réciprocité »",
  });
  const uploader = await makeUser(db);
  const id = randomUUID();
  await databaseDocumentStore(db).write(id, [documentBytes]);
  await insertDocument(db, {
    id,
    projectId: project.id,
    actionId: null,
    name: "convention.pdf",
    mimeType: "application/pdf",
    sha256: createHash("sha256").update(documentBytes).digest("hex"),
    sizeBytes: documentBytes.byteLength,
    uploadedBy: uploader.id,
  });
}

const EXPECTED_NON_EMPTY = [
  "territories",
  "users",
  "memberships",
  "sessions",
  "cooperations",
  "cooperation_members",
  "projects",
  "project_partners",
  "project_status_history",
  "actions",
  "timeline_entries",
  "timeline_entry_territories",
  "documents",
  "document_chunks",
  "audit_log",
  "kysely_migration",
];

async function expectSameData(db: Kysely<Database>, original: Snapshot): Promise<void> {
  const restored = await snapshot(db);
  const sizes = counts(original);
  for (const table of EXPECTED_NON_EMPTY) expect(sizes[table], table).toBeGreaterThan(0);
  expect(counts(restored)).toEqual(sizes);
  expect(restored).toEqual(original);
  // Read back as a download reads it: every chunk, in order.
  const [document] = await db.selectFrom("documents").select("id").execute();
  const stored = await buffer(databaseDocumentStore(db).read(document?.id ?? ""));
  expect(stored.equals(Buffer.from(documentBytes))).toBe(true);
}

describe.skipIf(serverUrl)("sauvegarde et restauration PGlite", () => {
  // One source directory for the file: creating a PGlite data directory (initdb) is the slow part.
  let dir = "";
  let source = "";
  let archive = "";
  let before: Snapshot;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "trame-backup-"));
    source = join(dir, "source");
    archive = join(dir, "trame.tar.gz");
    const original = await createDb({ dataDir: source });
    try {
      await migrateToLatest(original.db);
      await dataset(original.db);
      before = await snapshot(original.db);
      // Open in this process, as in a running server: the export must refuse.
      await expect(exportPgliteData({ dataDir: source, file: archive })).rejects.toThrow(/arrêtez-le d'abord/);
    } finally {
      await original.close();
    }
    await exportPgliteData({ dataDir: source, file: archive });
  }, 120_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("export-data puis import-data dans un dossier neuf rendent chaque ligne de chaque table", async () => {
    const copy = join(dir, "sauvegardes", "trame-cli.tar.gz");
    const restored = join(dir, "restored");
    const exported = await cli(["export-data", "--file", copy], { TRAME_DATA_DIR: source });
    expect(exported.output).toContain("Sauvegarde écrite");
    expect(exported.code).toBe(0);
    const imported = await cli(["import-data", "--file", copy], { TRAME_DATA_DIR: restored });
    expect(imported.output).toContain("Sauvegarde restaurée");
    expect(imported.code).toBe(0);

    const reopened = await createDb({ dataDir: restored });
    cleanups.push(reopened.close);
    await expectSameData(reopened.db, before);
    await reopened.close();
    // Closed cleanly by the import: it can be backed up again straight away, without --force.
    await exportPgliteData({ dataDir: restored, file: join(dir, "again.tar.gz") });
  }, 120_000);

  it("import-data refuse un dossier non vide sans --force et une archive illisible, sans rien abîmer", async () => {
    const refused = await cli(["import-data", "--file", archive], { TRAME_DATA_DIR: source });
    expect(refused.code).toBe(1);
    expect(refused.output).toContain("--force");

    const garbage = join(dir, "pas-une-sauvegarde.tar.gz");
    await writeFile(garbage, "ceci n'est pas une archive");
    await expect(importPgliteData({ dataDir: source, file: garbage, force: true })).rejects.toThrow(
      /ne s'ouvre pas comme une sauvegarde/,
    );
    // Neither a half-unpacked directory beside it nor a source set aside: the failure touched nothing.
    expect((await readdir(dir)).filter((name) => name.startsWith("source"))).toEqual(["source"]);

    const replaced = await importPgliteData({ dataDir: source, file: archive, force: true });
    expect(replaced.projects).toBe(2);
    expect((await readdir(dir)).filter((name) => name.startsWith("source"))).toEqual(["source"]);
    const reopened = await createDb({ dataDir: source });
    cleanups.push(reopened.close);
    await expectSameData(reopened.db, before);
  }, 120_000);
});

const pgTools = onPath("pg_dump") && onPath("pg_restore");
const DUMP = ["-Fc", "-d"];
const RESTORE = ["--clean", "--if-exists", "--no-owner", "--single-transaction", "-d"];

it("le README donne mot pour mot les commandes que ces tests exécutent", () => {
  const readme = readFileSync(new URL("../../../README.md", import.meta.url), "utf8");
  expect(readme).toContain(`pg_dump ${DUMP.join(" ")}`);
  expect(readme).toContain(`pg_restore ${RESTORE.join(" ")}`);
  expect(readme).toContain("pnpm trame export-data --file");
  expect(readme).toContain("pnpm trame import-data --file");
});

describe.skipIf(!serverUrl)("sauvegarde et restauration PostgreSQL", () => {
  it.skipIf(!pgTools)(
    "pg_dump -Fc puis pg_restore --clean --if-exists rendent chaque ligne de chaque table",
    async () => {
      const dir = await workDir();
      const [source, target] = await Promise.all([
        scratchDatabase(serverUrl ?? "", "trame_backup"),
        scratchDatabase(serverUrl ?? "", "trame_restore"),
      ]);
      cleanups.push(source.drop, target.drop);
      const original = await createDb({ databaseUrl: source.url, poolSize: 2 });
      cleanups.push(original.close);
      await migrateToLatest(original.db);
      await dataset(original.db);
      const before = await snapshot(original.db);

      // The README's commands, word for word: the dump is taken while the database is in use.
      const file = join(dir, "trame.dump");
      const dumped = await run("pg_dump", [...DUMP, source.url, "-f", file]);
      expect(dumped.output).toBe("");
      expect(dumped.code).toBe(0);
      const restore = [...RESTORE, target.url, file];
      const restoredOnce = await run("pg_restore", restore);
      expect(restoredOnce.output).toBe("");
      expect(restoredOnce.code).toBe(0);

      const restored = await createDb({ databaseUrl: target.url, poolSize: 2 });
      cleanups.push(restored.close);
      await expectSameData(restored.db, before);
      expect(await migrateToLatest(restored.db)).toEqual([]);

      // Restoring again over the now populated database: --clean replaces, nothing doubles.
      await restored.db.deleteFrom("sessions").execute();
      await restored.close();
      expect((await run("pg_restore", restore)).code).toBe(0);
      const again = await createDb({ databaseUrl: target.url, poolSize: 2 });
      cleanups.push(again.close);
      await expectSameData(again.db, before);
    },
    120_000,
  );
});
