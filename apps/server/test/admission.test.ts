import Fastify, { type FastifyInstance } from "fastify";
import { afterEach, describe, expect, it } from "vitest";
import { defaultMaxActive, registerAdmission } from "../src/http/admission.ts";

/** A server admitting one request at a time, whose `/trpc/hold` answers only when the test lets it. */
async function gatedServer() {
  const app: FastifyInstance = Fastify();
  registerAdmission(app, { maxActive: 1, streaming: new Set(["timeline.live"]) });
  const handled: string[] = [];
  let letGo = () => {};
  const held = new Promise<void>((resolve) => {
    letGo = resolve;
  });
  app.get("/trpc/hold", async () => {
    handled.push("hold");
    await held;
    return "held";
  });
  app.get("/trpc/:path", async (request) => {
    handled.push(`GET ${(request.params as { path: string }).path}`);
    return "read";
  });
  app.post("/trpc/:path", async (request) => {
    handled.push(`POST ${(request.params as { path: string }).path}`);
    return "written";
  });
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  return { app, address, handled, letGo };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let running: FastifyInstance | null = null;
afterEach(async () => {
  await running?.close();
  running = null;
});

describe("admission des requêtes de l'API", () => {
  it("une écriture arrivée après des lectures en attente passe avant elles", async () => {
    const { app, address, handled, letGo } = await gatedServer();
    running = app;
    const hold = fetch(`${address}/trpc/hold`);
    await pause(50);
    const firstRead = fetch(`${address}/trpc/project.list`);
    await pause(50);
    const write = fetch(`${address}/trpc/action.create`, { method: "POST", body: "{}" });
    await pause(50);
    const secondRead = fetch(`${address}/trpc/timeline.territory`);
    await pause(50);
    expect(handled).toEqual(["hold"]);
    letGo();
    const answers = await Promise.all([hold, firstRead, write, secondRead]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
    expect(handled).toEqual(["hold", "POST action.create", "GET project.list", "GET timeline.territory"]);
  });

  it("un flux en direct n'attend pas son tour et n'en prend pas", async () => {
    const { app, address, handled, letGo } = await gatedServer();
    running = app;
    const hold = fetch(`${address}/trpc/hold`);
    await pause(50);
    const live = await fetch(`${address}/trpc/timeline.live?input=%7B%7D`);
    expect(await live.text()).toBe("read");
    expect(handled).toEqual(["hold", "GET timeline.live"]);
    letGo();
    await hold;
  });

  it("un client parti pendant son attente rend sa place sans être servi", async () => {
    const { app, address, handled, letGo } = await gatedServer();
    running = app;
    const hold = fetch(`${address}/trpc/hold`);
    await pause(50);
    const abandon = new AbortController();
    const abandoned = fetch(`${address}/trpc/project.get`, { signal: abandon.signal }).catch(() => "aborted");
    await pause(50);
    abandon.abort();
    expect(await abandoned).toBe("aborted");
    await pause(50);
    letGo();
    await hold;
    const next = await fetch(`${address}/trpc/project.list`);
    expect(next.status).toBe(200);
    expect(handled).toEqual(["hold", "GET project.list"]);
  });
});

describe("le nombre de requêtes au travail par défaut", () => {
  it("vaut les cœurs plus un, sans dépasser les connexions du pool", () => {
    expect(defaultMaxActive(10, 2)).toBe(3);
    expect(defaultMaxActive(20, 8)).toBe(9);
    expect(defaultMaxActive(4, 8)).toBe(4);
    expect(defaultMaxActive(10, 0)).toBe(1);
  });
});
