import { randomUUID } from "node:crypto";
import { type Database, type Kysely, sql } from "@trame/db";
import { beforeAll, describe, expect, it } from "vitest";
import { importTerritories } from "../src/territories/import-territories.ts";
import { failure } from "./support/expect-error.ts";
import { callerFor, makeTerritory, makeUser } from "./support/factories.ts";
import { projectWorld } from "./support/project-fixtures.ts";
import { useTestDb } from "./support/test-db.ts";

const testDb = useTestDb();
const db = () => testDb().db;

function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

/** Two territories sharing a boundary, written as the territory import writes it (ordered ids). */
async function touch(db: Kysely<Database>, a: string, b: string, km: number) {
  const [first, second] = a < b ? [a, b] : [b, a];
  await sql`insert into territory_contiguity (territory_a, territory_b, length_km) values (${first}, ${second}, ${km})`.execute(
    db,
  );
}

/**
 * The metropolis (lead) and its partner cooperate: one network project and one partners-only project,
 * each with a recent action, plus an action older than 12 months. The partner and a quiet CC touch
 * the metropolis; the outsider touches nobody.
 */
async function mapWorld() {
  const w = await projectWorld(db());
  const quiet = await makeTerritory(db(), { kind: "CC", name: `CC Sans Coopération ${randomUUID().slice(0, 6)}` });
  await touch(db(), w.lead.id, w.partner.id, 21.4);
  await touch(db(), w.lead.id, quiet.id, 3.2);
  const open = await w.createProject({ themes: ["food"] });
  const restricted = await w.createProject({ themes: ["water"], visibility: "partners" });
  const editor = await w.as("leadEditor");
  const meeting = { kind: "meeting" as const, title: "Comité de pilotage" };
  await editor.action.create({ ...meeting, occurredOn: daysAgo(30), projectId: open.id });
  await editor.action.create({ ...meeting, occurredOn: daysAgo(40), projectId: restricted.id });
  await editor.action.create({ ...meeting, occurredOn: daysAgo(800), projectId: open.id });
  return { ...w, quiet, open, restricted };
}

describe("map : chiffres de coopération par territoire", () => {
  it("chaque voisin contigu et chaque partenaire, avec coopérations, projets et actions des 12 derniers mois", async () => {
    const w = await mapWorld();
    const map = await (await w.as("partnerEditor")).map.territory({ territoryId: w.lead.id });
    expect(map.territory).toMatchObject({ id: w.lead.id, name: w.lead.name, siren: w.lead.siren });
    expect(map.links.map((l) => l.territory.id)).toEqual([w.partner.id, w.quiet.id]);
    expect(map.links[0]).toEqual({
      territory: { id: w.partner.id, siren: w.partner.siren, name: w.partner.name, kind: "CC" },
      contiguous: true,
      lengthKm: 21.4,
      cooperations: 1,
      projects: 2,
      actions: 2, // the action of 800 days ago is out of the last 12 months
    });
    // Where cooperation could start: contiguous, nothing recorded together.
    expect(map.links[1]).toMatchObject({ contiguous: true, lengthKm: 3.2, cooperations: 0, projects: 0, actions: 0 });
  });

  it("un projet réservé aux partenaires ne compte pas pour un lecteur d'un autre territoire (ni ses actions)", async () => {
    const w = await mapWorld();
    const outsider = await w.as("outsiderEditor");
    const seen = await outsider.map.territory({ territoryId: w.lead.id });
    expect(seen.links.find((l) => l.territory.id === w.partner.id)).toMatchObject({
      cooperations: 1,
      projects: 1,
      actions: 1,
    });
    const partnerView = await outsider.map.territory({ territoryId: w.partner.id });
    expect(partnerView.links.find((l) => l.territory.id === w.lead.id)).toMatchObject({ projects: 1, actions: 1 });
    // A member of an unrelated territory (the factory's default user) reads the network's projects only.
    const nobody = await callerFor(db(), await makeUser(db()));
    expect(
      (await nobody.map.territory({ territoryId: w.lead.id })).links.find((l) => l.territory.id === w.partner.id),
    ).toMatchObject({ projects: 1, actions: 1 });
    const admin = await w.as("instanceAdmin");
    expect(
      (await admin.map.territory({ territoryId: w.lead.id })).links.find((l) => l.territory.id === w.partner.id),
    ).toMatchObject({ projects: 2, actions: 2 });
  });

  it("un projet archivé ne compte plus", async () => {
    const w = await mapWorld();
    const lead = await w.as("leadEditor");
    await lead.project.archive({ id: w.open.id, version: (await lead.project.get({ id: w.open.id })).version });
    const map = await lead.map.territory({ territoryId: w.lead.id });
    expect(map.links.find((l) => l.territory.id === w.partner.id)).toMatchObject({ cooperations: 1, projects: 1 });
  });

  it("territoire inconnu : NOT_FOUND ; identifiant invalide : BAD_REQUEST avec le champ", async () => {
    const caller = await callerFor(db(), await makeUser(db()));
    expect((await failure(caller.map.territory({ territoryId: randomUUID() }))).code).toBe("NOT_FOUND");
    const bad = await failure(caller.map.territory({ territoryId: "pas-un-id" }));
    expect(bad.code).toBe("BAD_REQUEST");
    expect(bad.payload.fields.map((f) => f.field)).toEqual(["territoryId"]);
    expect(bad.payload.message.fr).toBeTruthy();
    const anonymous = await callerFor(db(), null);
    expect((await failure(anonymous.map.territory({ territoryId: randomUUID() }))).code).toBe("UNAUTHORIZED");
    // An account with no territory reads none of the network's figures.
    const memberless = await callerFor(db(), await makeUser(db(), { memberships: [] }));
    expect((await failure(memberless.map.national({}))).code).toBe("FORBIDDEN");
  });
});

describe("map : carte d'une coopération", () => {
  it("ses membres avec leur rôle, et les voisins contigus qui n'en sont pas membres", async () => {
    const w = await mapWorld();
    const caller = await w.as("outsiderEditor");
    const map = await caller.map.cooperation({ cooperationId: w.cooperation.id });
    expect(map.cooperation).toEqual({ id: w.cooperation.id, name: w.cooperation.name });
    expect(new Map(map.members.map((m) => [m.id, m.role]))).toEqual(
      new Map([
        [w.lead.id, "lead"],
        [w.partner.id, "member"],
      ]),
    );
    expect(map.neighbours.map((n) => n.id)).toEqual([w.quiet.id]);
    expect((await failure(caller.map.cooperation({ cooperationId: randomUUID() }))).code).toBe("NOT_FOUND");
  });
});

describe("map : carte nationale", () => {
  it("chaque territoire qui coopère avec une métropole, filtré par thème, visibilité respectée", async () => {
    const w = await mapWorld();
    const outsider = await w.as("outsiderEditor");
    const all = await outsider.map.national({});
    expect(all.metropoles.map((m) => m.id)).toContain(w.lead.id);
    expect(all.entries.find((e) => e.siren === w.partner.siren)).toEqual({
      id: w.partner.id,
      siren: w.partner.siren,
      cooperations: 1,
      projects: 1, // the partners-only project is not the outsider's to count
    });
    expect(all.entries.find((e) => e.siren === w.quiet.siren)).toBeUndefined();
    expect(all.entries.find((e) => e.siren === w.outsider.siren)).toBeUndefined();

    const partner = await w.as("partnerViewer");
    expect((await partner.map.national({})).entries.find((e) => e.siren === w.partner.siren)?.projects).toBe(2);
    // The cooperation is about food and water; the restricted project is the water one.
    const water = await partner.map.national({ theme: "water" });
    expect(water.theme).toBe("water");
    expect(water.entries.find((e) => e.siren === w.partner.siren)).toMatchObject({ cooperations: 1, projects: 1 });
    expect((await outsider.map.national({ theme: "water" })).entries.find((e) => e.siren === w.partner.siren)).toEqual({
      id: w.partner.id,
      siren: w.partner.siren,
      cooperations: 1,
      projects: 0,
    });
    const mobility = await outsider.map.national({ theme: "mobility" });
    expect(mobility.entries.find((e) => e.siren === w.partner.siren)).toBeUndefined();
  });

  it("un thème inconnu : BAD_REQUEST avec le champ, en français et en anglais", async () => {
    const caller = await callerFor(db(), await makeUser(db()));
    const bad = await failure(caller.map.national({ theme: "licornes" as "water" }));
    expect(bad.code).toBe("BAD_REQUEST");
    expect(bad.payload.fields.map((f) => f.field)).toEqual(["theme"]);
    expect(bad.payload.message.en).toBeTruthy();
  });
});

describe("map.areas : les régions et départements où zoomer la carte nationale", () => {
  // The real 1,255 EPCI and 109 départements, as the first start imports them (this file's last describe:
  // the figures tested above are read on territories of their own).
  beforeAll(async () => {
    await importTerritories(db());
  }, 120_000);

  it("chaque département avec sa région et les SIREN de ses territoires ; une région réunit ceux de ses départements", async () => {
    const w = await projectWorld(db());
    const areas = await (await w.as("partnerEditor")).map.areas();
    // 96 in metropolitan France and the 5 DROM; the collectivités d'outre-mer have no EPCI, nothing to zoom to.
    expect(areas.departements).toHaveLength(101);
    expect(new Set(areas.departements.map((d) => d.code)).size).toBe(101);
    const gironde = areas.departements.find((d) => d.code === "33");
    expect(gironde).toMatchObject({ name: "Gironde", regionCode: "75" });
    // Bordeaux Métropole is in Gironde, the Eurométropole de Strasbourg is not.
    expect(gironde?.sirens).toContain("243300316");
    expect(gironde?.sirens).not.toContain("246700488");
    const aquitaine = areas.regions.find((r) => r.code === "75");
    expect(aquitaine?.name).toBe("Nouvelle-Aquitaine");
    const fromDepartements = new Set(areas.departements.filter((d) => d.regionCode === "75").flatMap((d) => d.sirens));
    expect(aquitaine?.sirens).toEqual([...fromDepartements].sort());
    expect(areas.regions.find((r) => r.code === "44")?.sirens).toContain("246700488");
    expect(areas.regions).toHaveLength(18);
  });
});
