import { encodeCursor, type Theme, type TimelineKind } from "@trame/core";
import { type Database, insertTimelineEntry, type Kysely } from "@trame/db";
import { beforeAll, describe, expect, it } from "vitest";
import { failure, fieldsOf } from "./support/expect-error.ts";
import { callerFor, makeTerritory, makeUser, type TestUser } from "./support/factories.ts";
import { useTestDb } from "./support/test-db.ts";

const testDb = useTestDb();
const db = () => testDb().db;

async function makeCooperation(database: Kysely<Database>, themes: Theme[] = ["water"]) {
  return database
    .insertInto("cooperations")
    .values({ name: `Coopération ${Math.random()}`, engagement_form: "convention", status: "active", themes })
    .returning(["id", "name"])
    .executeTakeFirstOrThrow();
}

async function makeProject(
  database: Kysely<Database>,
  cooperationId: string,
  partners: string[],
  visibility: "network" | "partners",
  themes: Theme[],
) {
  const project = await database
    .insertInto("projects")
    .values({ cooperation_id: cooperationId, title: `Projet ${Math.random()}`, status: "planned", visibility, themes })
    .returning(["id", "title"])
    .executeTakeFirstOrThrow();
  await database
    .insertInto("project_partners")
    .values(
      partners.map((territoryId, i) => ({
        project_id: project.id,
        territory_id: territoryId,
        role: i === 0 ? "lead" : "partner",
      })),
    )
    .execute();
  return project;
}

const entry = (
  cooperationId: string,
  occurredOn: string,
  territoryIds: string[],
  kind: TimelineKind = "meeting",
  projectId: string | null = null,
) =>
  insertTimelineEntry(db(), {
    cooperationId,
    occurredOn,
    kind,
    title: `Entrée du ${occurredOn}`,
    territoryIds,
    projectId,
  });

describe("frises chronologiques", () => {
  let a: string;
  let b: string;
  let c: string;
  let outsider: string;
  let viewer: TestUser;

  beforeAll(async () => {
    [a, b, c, outsider] = (await Promise.all([1, 2, 3, 4].map(() => makeTerritory(db())))).map((t) => t.id) as [
      string,
      string,
      string,
      string,
    ];
    viewer = await makeUser(db(), { memberships: [{ territoryId: outsider, role: "viewer" }] });
  });

  it("une action impliquant trois territoires figure sur la frise de chacun et d'aucun autre", async () => {
    const coop = await makeCooperation(db());
    const id = await entry(coop.id, "2024-03-12", [a, b, c]);
    const caller = await callerFor(db(), viewer);
    for (const territoryId of [a, b, c]) {
      const page = await caller.timeline.territory({ territoryId });
      expect(page.items.map((i) => i.id)).toContain(id);
      const shown = page.items.find((i) => i.id === id);
      expect(shown?.territories.map((t) => t.id).sort()).toEqual([a, b, c].sort());
      expect(shown?.cooperation.name).toBe(coop.name);
    }
    expect((await caller.timeline.territory({ territoryId: outsider })).items).toEqual([]);
    expect((await caller.timeline.cooperation({ cooperationId: coop.id })).items.map((i) => i.id)).toEqual([id]);
  });

  it("un territoire renommé l'est aussitôt sur toutes les entrées qui le montrent, triées par nom", async () => {
    const coop = await makeCooperation(db());
    const [first, second] = [
      await makeTerritory(db(), { name: "Zeta communauté" }),
      await makeTerritory(db(), { name: "Alpha communauté" }),
    ];
    const ids = [
      await entry(coop.id, "2024-05-02", [first.id, second.id]),
      await entry(coop.id, "2024-05-03", [first.id]),
    ];
    const admin = await makeUser(db(), { isInstanceAdmin: true });
    const caller = await callerFor(db(), admin);
    const names = async () =>
      (await caller.timeline.cooperation({ cooperationId: coop.id })).items
        .filter((i) => ids.includes(i.id))
        .map((i) => i.territories.map((t) => t.name));
    expect(await names()).toEqual([["Zeta communauté"], ["Alpha communauté", "Zeta communauté"]]);

    const current = await caller.territory.get({ id: first.id });
    await caller.territory.update({ id: first.id, version: current.version, name: "Beta communauté" });
    expect(await names()).toEqual([["Beta communauté"], ["Alpha communauté", "Beta communauté"]]);
  });

  it("une coopération renommée, un projet renommé ou réservé le sont aussitôt sur leurs entrées", async () => {
    const coop = await makeCooperation(db());
    const project = await makeProject(db(), coop.id, [a, b], "network", ["water"]);
    const id = await entry(coop.id, "2024-06-10", [a, b], "meeting", project.id);
    const outsiderCaller = await callerFor(db(), viewer);
    const shown = async () =>
      (await outsiderCaller.timeline.territory({ territoryId: a })).items.find((i) => i.id === id);
    expect(await shown()).toMatchObject({ cooperation: { name: coop.name }, project: { title: project.title } });

    // Written straight to the tables: the copies on the entries follow whoever writes.
    await db().updateTable("cooperations").set({ name: "Coopération renommée" }).where("id", "=", coop.id).execute();
    await db().updateTable("projects").set({ title: "Projet renommé" }).where("id", "=", project.id).execute();
    expect(await shown()).toMatchObject({
      cooperation: { name: "Coopération renommée" },
      project: { title: "Projet renommé" },
    });
    // Restricted to its partners: the outsider no longer sees it, a partner still does.
    await db().updateTable("projects").set({ visibility: "partners" }).where("id", "=", project.id).execute();
    expect(await shown()).toBeUndefined();
    const partner = await makeUser(db(), { memberships: [{ territoryId: b, role: "viewer" }] });
    const partnerPage = await (await callerFor(db(), partner)).timeline.territory({ territoryId: a });
    expect(partnerPage.items.map((i) => i.id)).toContain(id);
  });

  it("la pagination par curseur ne répète ni ne saute rien pendant que d'autres écrivent", async () => {
    const territory = (await makeTerritory(db())).id;
    const coop = await makeCooperation(db());
    const original = [];
    for (let day = 1; day <= 25; day++)
      original.push(await entry(coop.id, `2023-01-${String(day).padStart(2, "0")}`, [territory]));
    // Same-day entries are ordered by id: the cursor must break ties too.
    for (let i = 0; i < 5; i++) original.push(await entry(coop.id, "2023-01-10", [territory]));

    const caller = await callerFor(db(), viewer);
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await caller.timeline.territory({ territoryId: territory, limit: 7, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((i) => i.id));
      // Others write between pages: a newer entry (above the cursor) and a same-day one.
      await entry(coop.id, "2025-06-01", [territory]);
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor && pages < 20);

    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(original));
    const page1 = await caller.timeline.territory({ territoryId: territory, limit: 100 });
    const dates = page1.items.map((i) => i.occurredOn);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it("filtre par nature, thématique, territoire partenaire et période", async () => {
    const territory = (await makeTerritory(db())).id;
    const partner = (await makeTerritory(db())).id;
    const waterCoop = await makeCooperation(db(), ["water"]);
    const foodCoop = await makeCooperation(db(), ["food"]);
    const meeting = await entry(waterCoop.id, "2022-05-01", [territory], "meeting");
    const signature = await entry(waterCoop.id, "2022-06-22", [territory, partner], "signature");
    const food = await entry(foodCoop.id, "2021-01-15", [territory], "workshop");
    const caller = await callerFor(db(), viewer);
    const ids = async (filters: object) =>
      (await caller.timeline.territory({ territoryId: territory, ...filters })).items.map((i) => i.id);

    expect(await ids({ kinds: ["signature"] })).toEqual([signature]);
    expect(await ids({ themes: ["food"] })).toEqual([food]);
    expect(await ids({ partnerTerritoryId: partner })).toEqual([signature]);
    expect(await ids({ from: "2022-01-01", to: "2022-05-31" })).toEqual([meeting]);
  });

  it("les entrées d'un projet réservé n'atteignent que ses partenaires", async () => {
    const coop = await makeCooperation(db());
    const restricted = await makeProject(db(), coop.id, [a, b], "partners", ["mobility"]);
    const id = await entry(coop.id, "2024-09-01", [a, b], "meeting", restricted.id);
    const partnerUser = await makeUser(db(), { memberships: [{ territoryId: b, role: "viewer" }] });

    const outsiderCaller = await callerFor(db(), viewer);
    expect((await outsiderCaller.timeline.territory({ territoryId: a })).items.map((i) => i.id)).not.toContain(id);
    expect((await outsiderCaller.timeline.project({ projectId: restricted.id })).items).toEqual([]);
    expect((await outsiderCaller.timeline.cooperation({ cooperationId: coop.id })).items).toEqual([]);

    const partnerCaller = await callerFor(db(), partnerUser);
    const seen = await partnerCaller.timeline.territory({ territoryId: a });
    expect(seen.items.find((i) => i.id === id)?.project?.title).toBe(restricted.title);
    const adminCaller = await callerFor(db(), await makeUser(db(), { isInstanceAdmin: true }));
    expect((await adminCaller.timeline.project({ projectId: restricted.id })).items.map((i) => i.id)).toEqual([id]);
  });

  it("refuse un curseur altéré ou une page trop grande en nommant le champ", async () => {
    const caller = await callerFor(db(), viewer);
    const tampered = `${encodeCursor({ occurredOn: "2024-01-01", id: a })}AA`;
    const bad = await failure(caller.timeline.territory({ territoryId: a, cursor: tampered }));
    expect(bad.code).toBe("BAD_REQUEST");
    expect(fieldsOf(bad.payload)).toEqual(["cursor"]);
    expect(bad.payload.fields[0]?.message.fr).toContain("Curseur");
    const tooBig = await failure(caller.timeline.territory({ territoryId: a, limit: 101 }));
    expect(fieldsOf(tooBig.payload)).toEqual(["limit"]);
  });

  it("exige une session", async () => {
    const anonymous = await callerFor(db(), null);
    expect((await failure(anonymous.timeline.territory({ territoryId: a }))).code).toBe("UNAUTHORIZED");
  });
});
