import { comparePositions, decodePosition, deleteSession, type LivePosition, sql } from "@trame/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContextInner } from "../src/context.ts";
import { type LiveHub, startLiveHub } from "../src/live/live-hub.ts";
import type { LiveTimelineEvent } from "../src/live/live-timeline.ts";
import { createCaller } from "../src/root.ts";
import { failure } from "./support/expect-error.ts";
import { makeUser, type TestUser } from "./support/factories.ts";
import { liveSession } from "./support/live-session.ts";
import { projectWorld } from "./support/project-fixtures.ts";
import { useTestDb } from "./support/test-db.ts";

const testDb = useTestDb();
const db = () => testDb().db;
let hub: LiveHub;
const quiet = { warn() {} };

beforeAll(async () => {
  hub = await startLiveHub(testDb(), quiet);
});
afterAll(() => hub.close());

async function liveCaller(user: TestUser) {
  return (await liveSession(db(), hub, user)).caller;
}

type Tracked = { id: string; data: LiveTimelineEvent };

/** Reads events from a subscription until `count` arrived or `ms` passed. */
async function take(iterator: AsyncIterator<unknown>, count: number, ms = 3000): Promise<Tracked[]> {
  const events: Tracked[] = [];
  const deadline = Date.now() + ms;
  while (events.length < count && Date.now() < deadline) {
    const next = await Promise.race([
      iterator.next(),
      new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), Math.max(1, deadline - Date.now()))),
    ]);
    if (next === "timeout" || next.done) break;
    // Called directly, a tracked event is tRPC's envelope [id, data]; over SSE the client sees { id, data }.
    const [id, data] = next.value as [string, LiveTimelineEvent];
    events.push({ id, data });
  }
  return events;
}

const subscribe = async (
  caller: Awaited<ReturnType<typeof liveCaller>>,
  input: Parameters<typeof caller.timeline.live>[0],
) => {
  const iterable = (await caller.timeline.live(input)) as AsyncIterable<unknown>;
  const iterator = iterable[Symbol.asyncIterator]();
  // Ending the iterator runs the subscription's `finally`, which stops listening: as when a client leaves.
  return { iterator, stop: () => void iterator.return?.() };
};

describe("mises à jour en direct", () => {
  it("une action enregistrée arrive aussitôt sur la frise en direct du territoire partenaire", async () => {
    const world = await projectWorld(db());
    const project = await world.createProject();
    const watcher = await liveCaller(
      await makeUser(db(), { memberships: [{ territoryId: world.partner.id, role: "viewer" }] }),
    );
    const live = await subscribe(watcher, { territoryId: world.partner.id });
    const pending = take(live.iterator, 1);
    const writer = await world.as("partnerEditor");
    const action = await writer.action.create({
      projectId: project.id,
      occurredOn: "2026-11-20",
      kind: "meeting",
      title: "Comité de pilotage en direct",
    });
    const [event] = await pending;
    live.stop();
    expect(event?.data).toMatchObject({
      op: "written",
      entry: { actionId: action.id, title: "Comité de pilotage en direct" },
    });
    // The event id is the entry's live position, "xact.seq" (ADR 0013).
    expect(event?.id).toMatch(/^\d+\.\d+$/);
  });

  it("une entrée d'un projet réservé n'atteint pas un non-partenaire", async () => {
    const world = await projectWorld(db());
    const restricted = await world.createProject({ visibility: "partners" });
    const outsider = await liveCaller(
      await makeUser(db(), { memberships: [{ territoryId: world.outsider.id, role: "admin" }] }),
    );
    const live = await subscribe(outsider, { territoryId: world.lead.id });
    const pending = take(live.iterator, 1, 1500);
    const writer = await world.as("leadEditor");
    await writer.action.create({
      projectId: restricted.id,
      occurredOn: "2026-11-21",
      kind: "meeting",
      title: "Réunion confidentielle",
    });
    expect(await pending).toEqual([]);
    live.stop();
  });

  it("un client qui se reconnecte reprend après la dernière entrée reçue, sans trou ni doublon", async () => {
    const world = await projectWorld(db());
    const project = await world.createProject();
    const reader = await liveCaller(
      await makeUser(db(), { memberships: [{ territoryId: world.lead.id, role: "viewer" }] }),
    );
    const writer = await world.as("leadEditor");
    const first = await subscribe(reader, { projectId: project.id });
    const pending = take(first.iterator, 1);
    await writer.action.create({
      projectId: project.id,
      occurredOn: "2026-01-01",
      kind: "meeting",
      title: "Avant la coupure",
    });
    const [seen] = await pending;
    first.stop();
    // Written while the client is away.
    for (const title of ["Pendant la coupure 1", "Pendant la coupure 2"]) {
      await writer.action.create({ projectId: project.id, occurredOn: "2026-01-02", kind: "workshop", title });
    }
    const resumed = await subscribe(reader, { projectId: project.id, lastEventId: seen?.id ?? null });
    const caughtUp = await take(resumed.iterator, 3, 1500);
    resumed.stop();
    const titles = caughtUp.map((e) => (e.data.op === "written" ? e.data.entry.title : e.data.id));
    expect(titles).toEqual(["Pendant la coupure 1", "Pendant la coupure 2"]);
    const positions = [seen, ...caughtUp].map((e) => decodePosition(e?.id ?? "") as LivePosition);
    for (let i = 1; i < positions.length; i++) {
      expect(comparePositions(positions[i] as LivePosition, positions[i - 1] as LivePosition)).toBeGreaterThan(0);
    }
  });

  it("exige une session et un seul périmètre", async () => {
    const world = await projectWorld(db());
    const anonymous = createCaller(
      await createContextInner({
        db: db(),
        sessionToken: null,
        clientAddress: "127.0.0.1",
        cookie: { set() {}, clear() {} },
        live: hub,
      }),
    );
    expect((await failure(anonymous.timeline.live({ territoryId: world.lead.id }))).code).toBe("UNAUTHORIZED");
    const reader = await liveCaller(await makeUser(db()));
    const both = await failure(reader.timeline.live({ territoryId: world.lead.id, projectId: world.lead.id }));
    expect(both.code).toBe("BAD_REQUEST");
  });
});

/** Issue 13, item 1: what a stream kept after the right was gone, performed as the attacker did. */
describe("direct : les droits vérifiés à chaque envoi", () => {
  const meeting = (projectId: string, title: string) => ({
    projectId,
    occurredOn: "2026-11-22",
    kind: "meeting" as const,
    title,
  });

  it("un membre retiré ne reçoit plus rien du projet réservé, et son flux se ferme", async () => {
    const world = await projectWorld(db());
    const restricted = await world.createProject({ visibility: "partners" });
    const user = await makeUser(db(), { memberships: [{ territoryId: world.partner.id, role: "viewer" }] });
    const watcher = await liveCaller(user);
    const live = await subscribe(watcher, { projectId: restricted.id });
    const writer = await world.as("leadEditor");
    const seen = take(live.iterator, 1);
    await writer.action.create(meeting(restricted.id, "Avant le départ"));
    expect((await seen).length).toBe(1);

    await sql`delete from memberships where user_id = ${user.id}`.execute(db());
    await writer.action.create(meeting(restricted.id, "Après le départ"));
    const after = await take(live.iterator, 1, 1500);
    expect(after).toEqual([]);
    // The stream has ended rather than idling on a right that is gone.
    expect(await live.iterator.next()).toMatchObject({ done: true });
  });

  it("après la déconnexion, le flux ouvert s'arrête", async () => {
    const world = await projectWorld(db());
    const project = await world.createProject();
    const user = await makeUser(db(), { memberships: [{ territoryId: world.lead.id, role: "viewer" }] });
    const { caller, tokenHash } = await liveSession(db(), hub, user);
    const live = await subscribe(caller, { projectId: project.id });
    const pending = take(live.iterator, 1, 1500);
    await deleteSession(db(), tokenHash);
    await (await world.as("leadEditor")).action.create(meeting(project.id, "Après la déconnexion"));
    expect(await pending).toEqual([]);
    expect(await live.iterator.next()).toMatchObject({ done: true });
  });

  it("s'abonner à un projet réservé qu'on ne lit pas répond NOT_FOUND, comme le lire", async () => {
    const world = await projectWorld(db());
    const restricted = await world.createProject({ visibility: "partners" });
    const outsider = await liveCaller(
      await makeUser(db(), { memberships: [{ territoryId: world.outsider.id, role: "admin" }] }),
    );
    const refused = await failure(outsider.timeline.live({ projectId: restricted.id }));
    const read = await failure(outsider.project.get({ id: restricted.id }));
    expect(refused.code).toBe("NOT_FOUND");
    expect(refused.payload).toEqual(read.payload);
  });

  it("un non-partenaire abonné à un territoire n'entend pas les retraits d'un projet réservé", async () => {
    const world = await projectWorld(db());
    const restricted = await world.createProject({ visibility: "partners" });
    const writer = await world.as("leadEditor");
    const action = await writer.action.create(meeting(restricted.id, "Réunion confidentielle"));
    const outsider = await liveCaller(
      await makeUser(db(), { memberships: [{ territoryId: world.outsider.id, role: "admin" }] }),
    );
    const live = await subscribe(outsider, { territoryId: world.lead.id });
    const pending = take(live.iterator, 1, 1500);
    await writer.action.remove({ id: action.id, version: action.version });
    expect(await pending).toEqual([]);
    live.stop();
  });
});
