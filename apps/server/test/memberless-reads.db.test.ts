import { randomUUID } from "node:crypto";
import { deleteMembership, setPasswordChangeRequired, upsertMembership } from "@trame/db";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/http/app.ts";
import { failure } from "./support/expect-error.ts";
import { cookieFor, exportWorld } from "./support/export-fixtures.ts";
import { callerFor, makeUser } from "./support/factories.ts";
import { useTestDb } from "./support/test-db.ts";

const testDb = useTestDb();
const db = () => testDb().db;
let app: FastifyInstance;
let world: Awaited<ReturnType<typeof exportWorld>>;
beforeAll(async () => {
  app = await buildApp({ db: db(), logLevel: "silent" });
  world = await exportWorld(db());
});
afterAll(() => app?.close());

const get = (url: string, cookie: string) => app.inject({ url, headers: { cookie } });
const NO_MEMBERSHIP = "Votre compte n'est rattaché à aucun territoire : demandez à un administrateur";

/** Every kind of network read the attacker used: projects, timelines, cooperations, the directory. */
function networkReads(caller: Awaited<ReturnType<typeof callerFor>>) {
  return {
    "project.get": () => caller.project.get({ id: world.open.id }),
    "project.list": () => caller.project.list({}),
    "timeline.territory": () => caller.timeline.territory({ territoryId: world.territories.orleans.id }),
    "timeline.project": () => caller.timeline.project({ projectId: world.open.id }),
    "cooperation.get": () => caller.cooperation.get({ id: world.cooperation.id }),
    "territory.search": () => caller.territory.search({ query: "Orléans" }),
  };
}

describe("network data is read only by accounts with a current membership (issue 13, item 6)", () => {
  it("a signed-in account with no membership reads no network project, timeline or cooperation: FORBIDDEN with the reason", async () => {
    const memberless = await makeUser(db(), { memberships: [] });
    const caller = await callerFor(db(), memberless);
    for (const [path, read] of Object.entries(networkReads(caller))) {
      const refused = await failure(read());
      expect({ path, code: refused.code, message: refused.payload.message.fr }).toEqual({
        path,
        code: "FORBIDDEN",
        message: NO_MEMBERSHIP,
      });
    }
    // Its own account stays its own: who it is, its sessions, its password.
    expect((await caller.auth.me())?.memberships).toEqual([]);
    expect(await caller.auth.sessions()).toHaveLength(1);
  });

  it("nor any CSV export or document over plain HTTP (403 with the reason)", async () => {
    const cookie = await cookieFor(db(), await makeUser(db(), { memberships: [] }));
    for (const url of [
      `/api/exports/timeline.csv?territoryId=${world.territories.orleans.id}`,
      `/api/exports/projects.csv?territoryId=${world.territories.orleans.id}`,
      `/api/exports/applications.csv?territoryId=${world.territories.orleans.id}`,
      `/api/documents/${randomUUID()}`,
    ]) {
      const response = await get(url, cookie);
      expect({ url, status: response.statusCode }).toEqual({ url, status: 403 });
      expect(JSON.stringify(response.json())).toContain(NO_MEMBERSHIP);
    }
  });

  it("losing one's last membership ends reading at once, the calendar feed included; a new membership gives it back", async () => {
    const person = await makeUser(db(), {
      memberships: [{ territoryId: world.territories.reunion.id, role: "viewer" }],
    });
    const member = await callerFor(db(), person);
    expect((await member.project.get({ id: world.open.id })).id).toBe(world.open.id);
    const feed = await member.calendar.create({ territoryId: world.territories.reunion.id });
    const cookie = await cookieFor(db(), person);
    const csv = `/api/exports/timeline.csv?territoryId=${world.territories.orleans.id}`;
    expect((await get(csv, cookie)).statusCode).toBe(200);
    expect((await app.inject({ url: feed.path })).statusCode).toBe(200);

    await deleteMembership(db(), person.id, world.territories.reunion.id);
    const after = await callerFor(db(), person);
    expect((await failure(after.project.get({ id: world.open.id }))).code).toBe("FORBIDDEN");
    expect((await get(csv, cookie)).statusCode).toBe(403);
    expect((await app.inject({ url: feed.path })).statusCode).toBe(404);

    await upsertMembership(db(), { userId: person.id, territoryId: world.territories.herault.id, role: "viewer" });
    expect((await (await callerFor(db(), person)).project.get({ id: world.open.id })).id).toBe(world.open.id);
    expect((await get(csv, cookie)).statusCode).toBe(200);
  });

  it("an instance administrator with no membership still reads (the instance is theirs to run)", async () => {
    const admin = await callerFor(db(), await makeUser(db(), { isInstanceAdmin: true }));
    expect((await admin.project.get({ id: world.open.id })).id).toBe(world.open.id);
  });

  it("an account asked for a new password downloads no export either (it was only refused over tRPC)", async () => {
    const person = await makeUser(db(), {
      memberships: [{ territoryId: world.territories.herault.id, role: "viewer" }],
    });
    const cookie = await cookieFor(db(), person);
    const csv = `/api/exports/timeline.csv?territoryId=${world.territories.orleans.id}`;
    expect((await get(csv, cookie)).statusCode).toBe(200);
    await setPasswordChangeRequired(db(), person.id);
    const refused = await get(csv, cookie);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.trame.message.en).toBe(
      "An administrator requires a new password: change it to continue",
    );
  });
});
