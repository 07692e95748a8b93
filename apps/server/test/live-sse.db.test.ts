import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/http/app.ts";
import { type LiveHub, startLiveHub } from "../src/live/live-hub.ts";
import { makeUser } from "./support/factories.ts";
import { httpClientOf, sessionToken } from "./support/http-client.ts";
import { projectWorld } from "./support/project-fixtures.ts";
import { useTestDb } from "./support/test-db.ts";

const testDb = useTestDb();
const db = () => testDb().db;
let hub: LiveHub;
let app: FastifyInstance;
let baseUrl: string;

beforeAll(async () => {
  hub = await startLiveHub(testDb(), { warn() {} });
  app = await buildApp({ db: db(), live: hub, logLevel: "silent", maxActiveRequests: 2 });
  baseUrl = await app.listen({ port: 0, host: "127.0.0.1" });
});
afterAll(async () => {
  await app.close();
  await hub.close();
});

interface Frame {
  event?: string;
  data?: string;
  id?: string;
}

/** An open stream read frame by frame, as an EventSource would: `next(count)` waits for that many data frames. */
async function openStream(path: string, input: unknown, token: string, lastEventId?: string) {
  const stop = new AbortController();
  const response = await fetch(`${baseUrl}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, {
    headers: { cookie: `trame_session=${token}`, ...(lastEventId ? { "last-event-id": lastEventId } : {}) },
    signal: stop.signal,
  });
  const reader = response.body?.pipeThrough(new TextDecoderStream()).getReader();
  if (!reader) throw new Error("no body");
  const frames: Frame[] = [];
  let buffer = "";
  async function until(done: () => boolean, ms = 5000) {
    const deadline = Date.now() + ms;
    while (!done() && Date.now() < deadline) {
      const chunk = await Promise.race([reader?.read(), new Promise<null>((r) => setTimeout(() => r(null), 200))]);
      if (chunk === null) continue;
      if (!chunk || chunk.done) return;
      buffer += chunk.value;
      let end = buffer.indexOf("\n\n");
      while (end >= 0) {
        const frame: Frame = {};
        for (const line of buffer.slice(0, end).split("\n")) {
          const [field, ...rest] = line.split(": ");
          if (field === "event" || field === "data" || field === "id") frame[field] = rest.join(": ");
        }
        frames.push(frame);
        buffer = buffer.slice(end + 2);
        end = buffer.indexOf("\n\n");
      }
    }
  }
  const data = () => frames.filter((frame) => frame.event === undefined && frame.data);
  return {
    response,
    frames,
    data,
    next: async (count: number, ms?: number) => {
      await until(() => data().length >= count, ms);
      return data();
    },
    errors: async () => {
      await until(() => frames.some((frame) => frame.event === "serialized-error"));
      return frames.filter((frame) => frame.event === "serialized-error").map((frame) => JSON.parse(frame.data ?? ""));
    },
    close: () => stop.abort(),
  };
}

describe("flux en direct servis directement en SSE", () => {
  it("une action arrive sur le flux, avec sa position pour reprendre, et la reprise ne répète rien", async () => {
    const world = await projectWorld(db());
    const project = await world.createProject();
    const viewer = await makeUser(db(), { memberships: [{ territoryId: world.partner.id, role: "viewer" }] });
    const token = await sessionToken(db(), viewer.id);
    const stream = await openStream("timeline.live", { territoryId: world.partner.id }, token);
    // Served by the plain route (tRPC's adapter answers `no-cache`), with the headers every answer carries.
    expect(stream.response.headers.get("content-type")).toBe("text/event-stream");
    expect(stream.response.headers.get("cache-control")).toBe("no-store, no-transform");
    expect(stream.response.headers.get("x-content-type-options")).toBe("nosniff");
    const writer = await world.as("partnerEditor");
    const create = (title: string) =>
      writer.action.create({ projectId: project.id, occurredOn: "2026-11-20", kind: "meeting", title });
    await create("Premier comité");
    const [first] = await stream.next(1);
    expect(stream.frames[0]).toEqual({ event: "connected", data: "{}" });
    expect(first?.id).toMatch(/^\d+\.\d+$/);
    expect(JSON.parse(first?.data ?? "")).toMatchObject({ op: "written", entry: { title: "Premier comité" } });
    stream.close();

    await create("Deuxième comité");
    const resumed = await openStream("timeline.live", { territoryId: world.partner.id }, token, first?.id);
    const titles = (await resumed.next(1)).map((frame) => JSON.parse(frame.data ?? "").entry.title);
    expect(titles).toEqual(["Deuxième comité"]);
    resumed.close();
  });

  it("sans session, ou sur un projet réservé, le flux dit pourquoi dans l'erreur de tRPC et se ferme", async () => {
    const world = await projectWorld(db());
    const restricted = await world.createProject({ visibility: "partners" });
    const anonymous = await openStream("timeline.live", { territoryId: world.lead.id }, "pas-une-session");
    expect((await anonymous.errors()).map((error) => error.data.code)).toEqual(["UNAUTHORIZED"]);
    const outsider = await makeUser(db(), { memberships: [{ territoryId: world.outsider.id, role: "admin" }] });
    const token = await sessionToken(db(), outsider.id);
    const refused = await openStream("project.live", { id: restricted.id }, token);
    expect((await refused.errors()).map((error) => error.data.code)).toEqual(["NOT_FOUND"]);
    const malformed = await fetch(`${baseUrl}/trpc/timeline.live?input=%7Bpas-du-json`, {
      headers: { cookie: `trame_session=${token}` },
    });
    expect(await malformed.text()).toContain('"code":"PARSE_ERROR"');
  });

  it("le client tRPC du navigateur lit ce flux comme celui de tRPC", async () => {
    const world = await projectWorld(db());
    const project = await world.createProject();
    const viewer = await makeUser(db(), { memberships: [{ territoryId: world.lead.id, role: "viewer" }] });
    const client = httpClientOf(baseUrl, await sessionToken(db(), viewer.id));
    const received = new Promise<{ id: string; data: unknown }>((resolve, reject) => {
      const subscription = client.timeline.live.subscribe(
        { territoryId: world.lead.id },
        {
          onData: (event) => {
            subscription.unsubscribe();
            resolve(event as { id: string; data: unknown });
          },
          onError: reject,
        },
      );
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const writer = await world.as("leadEditor");
    await writer.action.create({ projectId: project.id, occurredOn: "2026-11-22", kind: "meeting", title: "Atelier" });
    const event = await received;
    expect(event.id).toMatch(/^\d+\.\d+$/);
    expect(event.data).toMatchObject({ op: "written", entry: { title: "Atelier" } });
  });
});
