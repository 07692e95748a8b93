import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb } from "@trame/db";
import { createTRPCClient, httpLink } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppRouter } from "../src/root.ts";
import { DEMO_PASSWORD } from "../src/seed/demo-seed.ts";
import { type ScratchDatabase, type ServerProcess, scratchDatabase, spawnServer } from "./support/server-process.ts";
import { counts, type Snapshot, snapshot } from "./support/table-snapshot.ts";

/**
 * The product restarted as an operator would (SIGTERM, start again), on the demo, after its users
 * have changed and removed demo content through the API: the restart must write nothing at all.
 * Each backend as it runs in production: PostgreSQL when TEST_DATABASE_URL is set, else PGlite in
 * a data directory of its own.
 */
const serverUrl = process.env.TEST_DATABASE_URL;

interface Backend {
  env: { DATABASE_URL: string } | { TRAME_DATA_DIR: string };
  read(): Promise<Snapshot>;
  drop(): Promise<void>;
}

async function backend(): Promise<Backend> {
  if (serverUrl) {
    const scratch: ScratchDatabase = await scratchDatabase(serverUrl, "trame_restart");
    return {
      env: { DATABASE_URL: scratch.url },
      read: () => readWith({ databaseUrl: scratch.url, poolSize: 2 }),
      drop: scratch.drop,
    };
  }
  const dir = await mkdtemp(join(tmpdir(), "trame-restart-"));
  return {
    env: { TRAME_DATA_DIR: dir },
    read: () => readWith({ dataDir: dir }),
    drop: () => rm(dir, { recursive: true, force: true }),
  };
}

/** Read with the server stopped: PGlite's directory has one user at a time. */
async function readWith(options: Parameters<typeof createDb>[0]): Promise<Snapshot> {
  const handle = await createDb(options);
  try {
    return await snapshot(handle.db, { rowVersions: true });
  } finally {
    await handle.close();
  }
}

async function start(env: Backend["env"]): Promise<ServerProcess> {
  const server = await spawnServer({ ...env, TRAME_DEMO: "true" });
  await server.waitUntilReady(240_000);
  return server;
}

/** A demo user's tRPC client, signed in through `auth.login` as the browser would be. */
async function signIn(server: ServerProcess, email: string) {
  const response = await fetch(`${server.baseUrl}/trpc/auth.login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  const cookie = response.headers.get("set-cookie")?.split(";", 1)[0];
  if (!response.ok || !cookie) throw new Error(`sign-in of ${email}: ${response.status} ${await response.text()}`);
  return createTRPCClient<AppRouter>({ links: [httpLink({ url: `${server.baseUrl}/trpc`, headers: { cookie } })] });
}

const RENAMED = "Covoiturage sur l'A750 (titre revu par l'équipe)";

/** What demo users do on their first days: rename, remove, empty, correct. */
async function editDemo(server: ServerProcess) {
  const montpellier = await signIn(server, "montpellier@trame.demo");
  const admin = await signIn(server, "admin@trame.demo");

  const { items: projects } = await montpellier.project.list.query({ query: "A750" });
  const project = projects.find((p) => p.title.startsWith("Axe A750"));
  if (!project) throw new Error("demo project A750 missing");
  const full = await montpellier.project.get.query({ id: project.id });
  await montpellier.project.update.mutate({ id: project.id, version: full.version, title: RENAMED });

  const { items: actions } = await montpellier.action.list.query({ projectId: project.id });
  const removed = actions[0];
  if (!removed) throw new Error("demo project A750 has no action");
  await montpellier.action.remove.mutate({ id: removed.id, version: removed.version });
  const removedTitle = removed.title;

  const cooperation = await montpellier.cooperation.get.query({ id: full.cooperation.id });
  await montpellier.cooperation.update.mutate({ id: cooperation.id, version: cooperation.version, narrativeText: "" });

  const { items: bodies } = await admin.territory.search.query({ query: "Kehl" });
  const kehl = bodies.find((t) => t.name === "Ville de Kehl (DE)");
  if (!kehl) throw new Error("demo body Kehl missing");
  await admin.territory.update.mutate({ id: kehl.id, version: kehl.version, name: "Stadt Kehl (DE)" });

  const metropolisId = full.partners.find((p) => p.role === "lead")?.territory.id ?? "";
  const [link] = await admin.territory.neighbours.query({ id: metropolisId });
  if (!link) throw new Error("demo neighbour link missing");
  await admin.territory.removeNeighbour.mutate({ territoryId: metropolisId, neighbourId: link.territory.id });

  const { items: programmes } = await admin.funding.programmes.query({ query: "DSIL" });
  const programme = programmes[0];
  if (!programme) throw new Error("catalogue programme DSIL missing");
  await admin.funding.updateProgramme.mutate({ id: programme.id, version: programme.version, name: "DSIL (corrigé)" });
  return { projectId: project.id, removedTitle };
}

describe("un redémarrage ne change rien", () => {
  let store: Backend;
  let afterEdits: Snapshot;
  let afterRestart: Snapshot;
  let edited: Awaited<ReturnType<typeof editDemo>>;

  beforeAll(async () => {
    store = await backend();
    const first = await start(store.env);
    try {
      edited = await editDemo(first);
    } finally {
      await first.stop();
    }
    afterEdits = await store.read();
    const second = await start(store.env);
    await second.stop();
    afterRestart = await store.read();
  }, 600_000);

  afterAll(() => store?.drop());

  it("n'écrit pas une ligne : chaque table, chaque ligne et sa version d'écriture, chaque séquence", () => {
    expect(counts(afterRestart)).toEqual(counts(afterEdits));
    for (const [table, rows] of Object.entries(afterEdits.tables)) {
      expect(afterRestart.tables[table], table).toEqual(rows);
    }
    expect(afterRestart.sequences).toEqual(afterEdits.sequences);
  });

  it("ne recrée ni le projet renommé, ni l'action supprimée, ni le récit vidé, ni l'organisme renommé", () => {
    const projects = afterRestart.tables.projects as Array<{ id: string; title: string }>;
    expect(projects.filter((p) => p.title.startsWith("Axe A750"))).toEqual([]);
    expect(projects.find((p) => p.id === edited.projectId)?.title).toBe(RENAMED);
    const actions = afterRestart.tables.actions as Array<{ title: string; removed_at: string | null }>;
    expect(actions.filter((a) => a.title === edited.removedTitle && a.removed_at === null)).toEqual([]);
    const territories = afterRestart.tables.territories as Array<{ name: string }>;
    expect(territories.filter((t) => t.name.includes("Kehl")).map((t) => t.name)).toEqual(["Stadt Kehl (DE)"]);
    const programmes = afterRestart.tables.funding_programmes as Array<{ name: string }>;
    expect(programmes.map((p) => p.name)).toContain("DSIL (corrigé)");
  });
});
