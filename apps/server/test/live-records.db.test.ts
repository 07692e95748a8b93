import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveHub, startLiveHub } from "../src/live/live-hub.ts";
import { failure } from "./support/expect-error.ts";
import { makeUser, type TestUser } from "./support/factories.ts";
import { liveSession, takeValues } from "./support/live-session.ts";
import { projectWorld } from "./support/project-fixtures.ts";
import { useTestDb } from "./support/test-db.ts";

const testDb = useTestDb();
const db = () => testDb().db;
let hub: LiveHub;

beforeAll(async () => {
  hub = await startLiveHub(testDb(), { warn() {} });
});
afterAll(() => hub.close());

async function watch(
  user: TestUser,
  subscribe: (caller: Awaited<ReturnType<typeof liveSession>>["caller"]) => unknown,
) {
  const { caller } = await liveSession(db(), hub, user);
  const iterable = (await subscribe(caller)) as AsyncIterable<unknown>;
  const iterator = iterable[Symbol.asyncIterator]();
  return { iterator, stop: () => void iterator.return?.() };
}

describe("co-édition : une page ouverte apprend qu'un collègue a enregistré", () => {
  it("la page d'un projet apprend qui a changé quels champs, et la nouvelle version", async () => {
    const world = await projectWorld(db());
    const project = await world.createProject();
    const reader = await makeUser(db(), { memberships: [{ territoryId: world.partner.id, role: "viewer" }] });
    const live = await watch(reader, (caller) => caller.project.live({ id: project.id }));
    const pending = takeValues(live.iterator, 1);
    const writer = await world.as("leadEditor");
    const saved = await writer.project.update({
      id: project.id,
      version: project.version,
      title: "Cantines en circuit court",
      summary: "Deux cuisines centrales approvisionnées localement",
    });
    const { values } = await pending;
    live.stop();
    const me = await writer.auth.me();
    expect(values).toEqual([
      {
        action: "updated",
        fields: expect.arrayContaining(["title", "summary"]),
        version: saved.version,
        by: { id: me?.id, name: me?.name },
      },
    ]);
    expect((values[0] as { fields: string[] }).fields).not.toContain("themes");
  });

  it("un projet réservé refuse l'abonnement d'un non-partenaire, et un projet qui le devient ferme le flux", async () => {
    const world = await projectWorld(db());
    const outsider = await makeUser(db(), { memberships: [{ territoryId: world.outsider.id, role: "admin" }] });
    const restricted = await world.createProject({ visibility: "partners" });
    const refused = await failure(watch(outsider, (caller) => caller.project.live({ id: restricted.id })));
    expect(refused.code).toBe("NOT_FOUND");

    const open = await world.createProject();
    const live = await watch(outsider, (caller) => caller.project.live({ id: open.id }));
    const pending = takeValues(live.iterator, 1, 2000);
    const writer = await world.as("leadEditor");
    await writer.project.update({ id: open.id, version: open.version, visibility: "partners", title: "Secret" });
    // Visibility is asked again before telling: the outsider hears nothing, and the stream ends.
    expect(await pending).toEqual({ values: [], ended: true });
  });

  it("la page d'une coopération apprend qu'un membre a changé de rôle", async () => {
    const world = await projectWorld(db());
    const reader = await makeUser(db(), { memberships: [{ territoryId: world.outsider.id, role: "viewer" }] });
    const live = await watch(reader, (caller) => caller.cooperation.live({ id: world.cooperation.id }));
    const pending = takeValues(live.iterator, 1);
    const partner = world.cooperation.members.find((m) => m.territory.id === world.partner.id);
    if (!partner) throw new Error("fixture: partner member missing");
    await (await world.as("leadAdmin")).cooperation.updateMember({
      memberId: partner.id,
      version: partner.version,
      role: "associate",
    });
    const { values } = await pending;
    live.stop();
    expect(values).toEqual([expect.objectContaining({ action: "member_updated", fields: ["members"] })]);
  });
});
