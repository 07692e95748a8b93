import { randomUUID } from "node:crypto";
import { type IncomingMessage, request } from "node:http";
import { connect } from "node:net";
import { translate } from "@trame/core";
import { createDb, type DbHandle, migrateToLatest, sql } from "@trame/db";
import { afterEach, describe, expect, it } from "vitest";
import { cookieFor } from "./support/export-fixtures.ts";
import { callerFor, makeTerritory, makeUser } from "./support/factories.ts";
import {
  type ScratchDatabase,
  type ServerProcess,
  scratchDatabase,
  spawnServer,
  viaPort,
} from "./support/server-process.ts";
import { startTcpProxy, type TcpProxy } from "./support/tcp-proxy.ts";

/**
 * Real server processes on a real PostgreSQL: what happens to a request when the database goes
 * away, when the process is killed mid-write, when it is asked to stop, and when two start at
 * once. PostgreSQL only: PGlite lives inside the process and cannot go away on its own, and its
 * migrations from empty run for every test file's fresh database.
 */
const serverUrl = process.env.TEST_DATABASE_URL;

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => {});
}, 30_000);

async function database(): Promise<ScratchDatabase> {
  const scratch = await scratchDatabase(serverUrl ?? "");
  cleanups.push(scratch.drop);
  return scratch;
}
async function server(databaseUrl: string): Promise<ServerProcess> {
  const started = await spawnServer({ DATABASE_URL: databaseUrl });
  cleanups.push(started.kill);
  return started;
}
async function open(databaseUrl: string): Promise<DbHandle> {
  const handle = await createDb({ databaseUrl, poolSize: 4 });
  cleanups.push(handle.close);
  return handle;
}

/** An administrator of a metropolis cooperating with a neighbour, and the cookie their browser would send. */
async function adminWorld(db: DbHandle["db"]) {
  const [lead, partner] = await Promise.all([makeTerritory(db, { kind: "METRO" }), makeTerritory(db)]);
  const admin = await makeUser(db, { memberships: [{ territoryId: lead.id, role: "admin" }] });
  const caller = await callerFor(db, admin);
  const created = await caller.cooperation.create({
    name: "Contrat de réciprocité ville-campagne",
    engagementForm: "contrat_reciprocite",
    leadTerritoryId: lead.id,
    startedOn: "2021-03-15",
    themes: ["food"],
  });
  await caller.cooperation.addMember({ cooperationId: created.id, territoryId: partner.id, role: "member" });
  return { lead, partner, cooperationId: created.id, cookie: await cookieFor(db, admin) };
}

const query = (base: string, path: string, cookie: string, input: unknown = {}) =>
  fetch(`${base}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, {
    headers: { cookie },
    signal: AbortSignal.timeout(15_000),
  });
const mutate = (base: string, path: string, cookie: string, input: unknown) =>
  fetch(`${base}/trpc/${path}`, {
    method: "POST",
    headers: { cookie, "content-type": "application/json" },
    body: JSON.stringify(input),
    signal: AbortSignal.timeout(15_000),
  });

interface TrpcErrorBody {
  error: { data: { code: string; trame: { message: { fr: string; en: string } } } };
}

async function timed(call: () => Promise<Response>): Promise<Response & { ms: number }> {
  const started = Date.now();
  const response = await call();
  return Object.assign(response, { ms: Date.now() - started });
}

async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await check()) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what}: still not the case after ${timeoutMs} ms`);
}

describe.skipIf(!serverUrl)("pannes (PostgreSQL, vrais processus serveur)", () => {
  it("la base disparaît : /readyz répond 503, l'appel échoue vite et clairement, puis tout repart seul", async () => {
    const upstream = new URL(serverUrl ?? "");
    const proxy: TcpProxy = await startTcpProxy({ host: upstream.hostname, port: Number(upstream.port || 5432) });
    cleanups.push(proxy.close);
    const scratch = await database();
    const app = await server(viaPort(scratch.url, proxy.port));
    await app.waitUntilReady();
    const { cookie } = await adminWorld((await open(scratch.url)).db);
    // Signed in, the session is read before the procedure runs; anonymous, the procedure reads the base.
    const search = () => query(app.baseUrl, "cooperation.list", cookie);
    const signIn = () =>
      mutate(app.baseUrl, "auth.login", "", { email: "nobody@example.fr", password: "x".repeat(12) });
    expect((await search()).status).toBe(200);

    for (const mode of ["refused", "silent"] as const) {
      await proxy.cut(mode);
      // The pool gives up on a connection after 5 s: a few seconds of waiting at worst, never a hang.
      const ready = await timed(() => fetch(`${app.baseUrl}/readyz`));
      expect(ready.status).toBe(503);
      expect(ready.ms).toBeLessThan(8_000);
      expect((await fetch(`${app.baseUrl}/healthz`)).status).toBe(200);
      for (const call of [signIn, search]) {
        const failed = await timed(call);
        expect(failed.ms).toBeLessThan(8_000);
        const { error } = (await failed.json()) as TrpcErrorBody;
        expect({ status: failed.status, code: error.data.code }).toEqual({ status: 503, code: "SERVICE_UNAVAILABLE" });
        expect(error.data.trame.message).toEqual(translate("server.unavailable"));
      }

      await proxy.restore();
      await until(async () => (await fetch(`${app.baseUrl}/readyz`)).ok, 10_000, "ready again");
      expect((await search()).status).toBe(200);
    }
    expect(app.child.exitCode).toBeNull();
  }, 90_000);

  it("tué par SIGKILL au milieu d'écritures concurrentes, le serveur ne laisse aucun projet à moitié écrit", async () => {
    const scratch = await database();
    const app = await server(scratch.url);
    await app.waitUntilReady();
    const handle = await open(scratch.url);
    const { lead, partner, cooperationId, cookie } = await adminWorld(handle.db);
    const projectCount = async () =>
      (await sql<{ n: number }>`select count(*)::int as n from projects`.execute(handle.db)).rows[0]?.n ?? 0;

    const attempts = 400;
    const calls = Array.from({ length: attempts }, (_, i) =>
      mutate(app.baseUrl, "project.create", cookie, {
        idempotencyKey: randomUUID(),
        cooperationId,
        title: `Plateforme logistique alimentaire ${i}`,
        themes: ["food"],
        partners: [
          { territoryId: lead.id, role: "lead" },
          { territoryId: partner.id, role: "partner" },
        ],
      }).catch(() => null),
    );
    await until(async () => (await projectCount()) >= 20, 20_000, "first projects written");
    const killed = await app.kill();
    expect(killed.signal).toBe("SIGKILL");
    await Promise.all(calls);

    const written = await projectCount();
    // Killed while requests were still running: otherwise this test would prove nothing.
    expect(written).toBeGreaterThanOrEqual(20);
    expect(written).toBeLessThan(attempts);
    const { rows } = await sql<{ id: string; partners: number; history: number; entries: number; audits: number }>`
      select p.id,
        (select count(*)::int from project_partners pp where pp.project_id = p.id) as partners,
        (select count(*)::int from project_status_history h where h.project_id = p.id) as history,
        (select count(*)::int from timeline_entries t where t.project_id = p.id) as entries,
        (select count(*)::int from audit_log a where a.entity_type = 'project' and a.entity_id = p.id::text) as audits
      from projects p`.execute(handle.db);
    expect(rows.filter((r) => r.partners !== 2 || r.history !== 1 || r.entries !== 1 || r.audits !== 1)).toEqual([]);
    // The audit line has no foreign key (it outlives what it describes): none may point at nothing.
    const orphans = await sql<{ n: number }>`select count(*)::int as n from audit_log a
      where a.entity_type = 'project' and not exists (select 1 from projects p where p.id::text = a.entity_id)`.execute(
      handle.db,
    );
    expect(orphans.rows[0]?.n).toBe(0);
  }, 90_000);

  it("SIGTERM laisse finir la requête en cours, refuse les nouvelles connexions, puis sort avec 0", async () => {
    const scratch = await database();
    const app = await server(scratch.url);
    await app.waitUntilReady();
    const handle = await open(scratch.url);
    const { cooperationId, cookie } = await adminWorld(handle.db);
    // Long titles make the file far larger than the socket buffers: unread, the response cannot end.
    const entries = 30_000;
    await sql`insert into timeline_entries (occurred_on, kind, title, cooperation_id, seq)
      select date '2020-01-01' + (n % 2000), 'meeting', 'Comité de pilotage ' || n || ' ' || repeat('—', 250),
        ${cooperationId}, nextval('timeline_entry_seq')
      from generate_series(1, ${entries}) n`.execute(handle.db);

    const response = await new Promise<IncomingMessage>((resolve, reject) => {
      const req = request(`${app.baseUrl}/api/exports/timeline.csv?cooperationId=${cooperationId}`, {
        headers: { cookie },
      });
      req.on("response", resolve).on("error", reject).end();
    });
    expect(response.statusCode).toBe(200);
    // The body stays unread: the export is in flight, held by a slow client, when the signal lands.
    app.child.kill("SIGTERM");
    const refused = () =>
      new Promise<boolean>((resolve) => {
        const socket = connect(app.port, "127.0.0.1");
        socket.once("error", () => resolve(true));
        socket.once("connect", () => {
          socket.destroy();
          resolve(false);
        });
      });
    await until(refused, 5_000, "new connections refused");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(app.child.exitCode).toBeNull();

    let body = "";
    response.setEncoding("utf8");
    for await (const chunk of response) body += chunk;
    const rows = body.split("\r\n").filter((line) => line.includes("Comité de pilotage"));
    expect(rows).toHaveLength(entries);
    expect(await app.exited).toEqual({ code: 0, signal: null });
  }, 90_000);

  it("deux serveurs démarrés ensemble sur une base vide migrent une seule fois et démarrent tous les deux", async () => {
    const scratch = await database();
    const [first, second] = await Promise.all([server(scratch.url), server(scratch.url)]);
    await Promise.all([first.waitUntilReady(), second.waitUntilReady()]);
    const handle = await open(scratch.url);
    const migrated = await sql<{ name: string }>`select name from kysely_migration`.execute(handle.db);
    expect(await migrateToLatest(handle.db)).toEqual([]);
    expect(new Set(migrated.rows.map((r) => r.name)).size).toBe(migrated.rows.length);
    const epci = await sql<{ n: number; sirens: number }>`
      select count(*)::int as n, count(distinct siren)::int as sirens from territories where source = 'etalab'`.execute(
      handle.db,
    );
    expect(epci.rows[0]?.n).toBeGreaterThan(1_000);
    expect(epci.rows[0]?.sirens).toBe(epci.rows[0]?.n);
    for (const app of [first, second]) app.child.kill("SIGTERM");
    expect(await Promise.all([first.exited, second.exited])).toEqual([
      { code: 0, signal: null },
      { code: 0, signal: null },
    ]);
  }, 90_000);

  it("migrateToLatest lancé deux fois en parallèle sur une base vide applique chaque migration une fois", async () => {
    const scratch = await database();
    const [a, b] = await Promise.all([open(scratch.url), open(scratch.url)]);
    const [first, second] = await Promise.all([migrateToLatest(a.db), migrateToLatest(b.db)]);
    const applied = [...first, ...second];
    expect(new Set(applied).size).toBe(applied.length);
    const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(a.db);
    expect(rows.rows.map((r) => r.name)).toEqual([...applied].sort());
    expect(await migrateToLatest(b.db)).toEqual([]);
  }, 30_000);
});
