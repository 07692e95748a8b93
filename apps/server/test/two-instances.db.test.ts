import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { THROTTLE } from "../src/auth/login.service.ts";
import { makeUser, TEST_PASSWORD } from "./support/factories.ts";
import { httpClientOf, sessionToken as sessionTokenOf } from "./support/http-client.ts";
import { projectWorld } from "./support/project-fixtures.ts";
import { type ServerProcess, spawnServer } from "./support/server-process.ts";
import { useTestDb } from "./support/test-db.ts";

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const testDb = useTestDb();

const clientOf = (server: ServerProcess, token: string) => httpClientOf(server.baseUrl, token);
const sessionToken = (userId: string) => sessionTokenOf(testDb().db, userId);

describe.skipIf(!onPostgres)("deux instances sur un même PostgreSQL", () => {
  let first: ServerProcess;
  let second: ServerProcess;

  beforeAll(async () => {
    const url = testDb().connectionString;
    if (!url) throw new Error("PostgreSQL URL expected");
    [first, second] = await Promise.all([spawnServer({ DATABASE_URL: url }), spawnServer({ DATABASE_URL: url })]);
    await Promise.all([first.waitUntilReady(), second.waitUntilReady()]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([first?.kill(), second?.kill()]);
  });

  it("un client de l'une voit, en moins d'une seconde, une action enregistrée par l'autre", async () => {
    const world = await projectWorld(testDb().db);
    const project = await world.createProject();
    const reader = await makeUser(testDb().db, { memberships: [{ territoryId: world.partner.id, role: "viewer" }] });
    const writer = await makeUser(testDb().db, { memberships: [{ territoryId: world.partner.id, role: "editor" }] });
    const watching = clientOf(first, await sessionToken(reader.id));
    const acting = clientOf(second, await sessionToken(writer.id));

    const received = new Promise<{ title: string; at: number }>((resolve, reject) => {
      const subscription = watching.timeline.live.subscribe(
        { territoryId: world.partner.id },
        {
          onData(event) {
            if (event.data.op !== "written") return;
            subscription.unsubscribe();
            resolve({ title: event.data.entry.title, at: Date.now() });
          },
          onError: reject,
        },
      );
    });
    // Let the subscription open before writing: what is written before it is history, not news.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const sentAt = Date.now();
    await acting.action.create.mutate({
      idempotencyKey: randomUUID(),
      projectId: project.id,
      occurredOn: "2026-11-25",
      kind: "meeting",
      title: "Réunion vue par l'autre instance",
    });
    const { title, at } = await received;
    expect(title).toBe("Réunion vue par l'autre instance");
    expect(at - sentAt).toBeLessThan(1000);
  });

  it("la session ouverte sur une instance vaut sur l'autre", async () => {
    const user = await makeUser(testDb().db);
    const token = await sessionToken(user.id);
    expect((await clientOf(first, token).auth.me.query())?.id).toBe(user.id);
    expect((await clientOf(second, token).auth.me.query())?.id).toBe(user.id);
  });

  it("le bridage des connexions est partagé : les échecs sur l'une bloquent l'autre", async () => {
    const user = await makeUser(testDb().db);
    const anonymous = (server: ServerProcess) => clientOf(server, "none");
    for (let i = 0; i < THROTTLE.perAccount; i++) {
      await expect(anonymous(first).auth.login.mutate({ email: user.email, password: `faux-${i}` })).rejects.toThrow();
    }
    await expect(
      anonymous(second).auth.login.mutate({ email: user.email, password: TEST_PASSWORD }),
    ).rejects.toMatchObject({
      data: { code: "TOO_MANY_REQUESTS" },
    });
  });

  /** Issue 13, item 1: a stream on one instance ends when the right goes away on the other. */
  async function watchProject(token: string, projectId: string) {
    const titles: string[] = [];
    let opened!: () => void;
    const ready = new Promise<void>((resolve) => {
      opened = resolve;
    });
    const ended = new Promise<"ended" | "error">((resolve) => {
      clientOf(first, token).timeline.live.subscribe(
        { projectId },
        {
          onStarted: () => opened(),
          onData(event) {
            if (event.data.op === "written") titles.push(event.data.entry.title);
          },
          onComplete: () => resolve("ended"),
          onError: () => resolve("error"),
        },
      );
    });
    await ready;
    // Let the server start listening before writing: what is written before it is history.
    await new Promise((resolve) => setTimeout(resolve, 500));
    return { titles, ended };
  }

  const meeting = (projectId: string, title: string) => ({
    idempotencyKey: randomUUID(),
    projectId,
    occurredOn: "2026-11-25",
    kind: "meeting" as const,
    title,
  });

  for (const [how, revoke] of [
    ["une déconnexion", "logout"],
    ["un retrait d'appartenance", "membership"],
  ] as const) {
    it(`un flux ouvert sur l'une s'arrête après ${how} sur l'autre, et ne livre plus rien`, async () => {
      const world = await projectWorld(testDb().db);
      const project = await world.createProject({ visibility: "partners" });
      const reader = await makeUser(testDb().db, { memberships: [{ territoryId: world.partner.id, role: "viewer" }] });
      const writer = await makeUser(testDb().db, { memberships: [{ territoryId: world.lead.id, role: "editor" }] });
      const token = await sessionToken(reader.id);
      const acting = clientOf(second, await sessionToken(writer.id));
      const watch = await watchProject(token, project.id);
      await acting.action.create.mutate(meeting(project.id, "Avant"));
      await expect.poll(() => watch.titles, { timeout: 5000 }).toEqual(["Avant"]);

      if (revoke === "logout") await clientOf(second, token).auth.logout.mutate();
      else await testDb().db.deleteFrom("memberships").where("user_id", "=", reader.id).execute();
      expect(await watch.ended).toBe("ended");
      await acting.action.create.mutate(meeting(project.id, "Après"));
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(watch.titles).toEqual(["Avant"]);
    }, 30_000);
  }

  it("un compte désactivé sur l'une perd aussitôt sa session sur l'autre (cache compris)", async () => {
    const user = await makeUser(testDb().db);
    const admin = await makeUser(testDb().db, { isInstanceAdmin: true });
    const token = await sessionToken(user.id);
    // Read twice on the first instance so the session sits in its cache.
    expect((await clientOf(first, token).auth.me.query())?.id).toBe(user.id);
    expect((await clientOf(first, token).auth.me.query())?.id).toBe(user.id);
    await clientOf(second, await sessionToken(admin.id)).admin.disableUser.mutate({ userId: user.id });
    await expect.poll(() => clientOf(first, token).auth.me.query(), { timeout: 2000 }).toBeNull();
  });
});
