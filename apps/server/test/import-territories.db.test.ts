import {
  countCommunesWithoutSiren,
  countTerritories,
  findTerritoryBySiren,
  insertTerritory,
  insertTimelineEntry,
  listCommunes,
} from "@trame/db";
import { beforeAll, describe, expect, it } from "vitest";
import { importTerritories } from "../src/territories/import-territories.ts";
import { callerFor, makeUser } from "./support/factories.ts";
import { snapshot } from "./support/table-snapshot.ts";
import { useTestDb } from "./support/test-db.ts";

const testDb = useTestDb();
const db = () => testDb().db;

const EPCI = ["METRO", "MET69", "CU", "CA", "CC"] as const;
const ORLEANS = "244500468";
const BORDEAUX = "243300316";
const MONTESQUIEU = "243301264";

async function countCommunes(): Promise<number> {
  const row = await db()
    .selectFrom("communes")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe("import du référentiel des EPCI", () => {
  let first: { epci: number; communes: number };
  beforeAll(async () => {
    first = await importTerritories(db());
  }, 60_000);

  it("importe les 1 255 EPCI à fiscalité propre et leurs communes membres", async () => {
    expect(first.epci).toBe(1255);
    expect(await countTerritories(db(), EPCI)).toBe(1255);
    expect(first.communes).toBeGreaterThan(34_800);
    expect(await countCommunes()).toBe(first.communes);
    const orphans = await db().selectFrom("communes").select("insee").where("territory_id", "is", null).execute();
    expect(orphans).toEqual([]);
    // Each commune keeps its own SIREN: ProConnect leads an agent of a commune to its EPCI with it.
    const orleansCity = await db()
      .selectFrom("communes")
      .select("siren")
      .where("insee", "=", "45234")
      .executeTakeFirst();
    expect(orleansCity?.siren).toBe("214502346");
    expect(await countCommunesWithoutSiren(db())).toBe(0);
  });

  it("Orléans Métropole est une métropole du Loiret avec ses 22 communes", async () => {
    const orleans = await findTerritoryBySiren(db(), ORLEANS);
    expect(orleans).toMatchObject({ name: "Orléans Métropole", kind: "METRO", departements: ["45"], country: "FR" });
    const communes = await listCommunes(db(), orleans?.id ?? "");
    expect(communes).toHaveLength(22);
    expect(communes[0]).toMatchObject({ insee: "45234", name: "Orléans" });
    // Same vintage for the EPCI and its communes: the communes add up to the EPCI's population.
    expect(communes.reduce((sum, c) => sum + (c.population ?? 0), 0)).toBe(orleans?.population);
  });

  /**
   * As if the previous import had read `listed` (the list has since changed on those fields) and
   * the row held `stored` since.
   */
  async function listWas(
    siren: string,
    listed: { name: string; population: number },
    stored: { name?: string; population: number } = listed,
  ) {
    const { reference } = await db()
      .selectFrom("territories")
      .select("reference")
      .where("siren", "=", siren)
      .executeTakeFirstOrThrow();
    await db()
      .updateTable("territories")
      .set({ ...stored, reference: JSON.stringify({ ...reference, ...listed }) })
      .where("siren", "=", siren)
      .execute();
  }

  it("une importation sans changement de la liste n'écrit rien", async () => {
    const before = await snapshot(db(), { rowVersions: true });
    expect(await importTerritories(db())).toEqual(first);
    const after = await snapshot(db(), { rowVersions: true });
    expect(after.tables.territories).toEqual(before.tables.territories);
    expect(after.tables.communes).toEqual(before.tables.communes);
  });

  it("une nouvelle version de la liste met à jour sur place, sans rien dupliquer", async () => {
    await listWas(ORLEANS, { name: "Ancien nom d'Orléans", population: 1 });
    const before = await findTerritoryBySiren(db(), ORLEANS);
    const bordeauxBefore = await findTerritoryBySiren(db(), BORDEAUX);
    await db().updateTable("communes").set({ name: "Commune altérée" }).where("insee", "=", "45234").execute();
    // An entry written under the old name stores it (timeline entries keep their territories' names).
    const cooperation = await db()
      .insertInto("cooperations")
      .values({ name: "Coopération témoin", engagement_form: "convention", status: "active", themes: ["water"] })
      .returning("id")
      .executeTakeFirstOrThrow();
    const entryId = await insertTimelineEntry(db(), {
      cooperationId: cooperation.id,
      occurredOn: "2025-01-15",
      kind: "meeting",
      title: "Réunion",
      territoryIds: [before?.id ?? ""],
    });

    const second = await importTerritories(db());

    expect(second).toEqual(first);
    expect(await countTerritories(db(), EPCI)).toBe(1255);
    expect(await countCommunes()).toBe(first.communes);
    const after = await findTerritoryBySiren(db(), ORLEANS);
    expect(after).toMatchObject({ id: before?.id, name: "Orléans Métropole" });
    expect(after?.population).toBeGreaterThan(250_000);
    expect(after?.version).toBe((before?.version ?? 0) + 1);
    // A row the list did not change keeps its version: re-running does not rewrite everything.
    expect((await findTerritoryBySiren(db(), BORDEAUX))?.version).toBe(bordeauxBefore?.version);
    const orleansCommune = await db()
      .selectFrom("communes")
      .select("name")
      .where("insee", "=", "45234")
      .executeTakeFirst();
    expect(orleansCommune?.name).toBe("Orléans");
    const entry = await db()
      .selectFrom("timeline_entries")
      .select("territories")
      .where("id", "=", entryId)
      .executeTakeFirstOrThrow();
    expect(entry.territories).toEqual([{ id: before?.id, name: "Orléans Métropole" }]);
  });

  it("la correction d'un administrateur survit à toute réimportation ; le reste suit la liste", async () => {
    const admin = await makeUser(db(), { isInstanceAdmin: true });
    const montesquieu = await findTerritoryBySiren(db(), MONTESQUIEU);
    if (!montesquieu) throw new Error("CC de Montesquieu missing");
    await (await callerFor(db(), admin)).territory.update({
      id: montesquieu.id,
      version: montesquieu.version,
      name: "Communauté de communes de Montesquieu (nom d'usage)",
    });
    await importTerritories(db());
    expect(await findTerritoryBySiren(db(), MONTESQUIEU)).toMatchObject({
      name: "Communauté de communes de Montesquieu (nom d'usage)",
    });

    // The list has since renamed it and changed its population: the name stays the administrator's.
    await listWas(MONTESQUIEU, { name: "Ancien nom", population: 1 }, { population: 1 });
    await importTerritories(db());
    const after = await findTerritoryBySiren(db(), MONTESQUIEU);
    expect(after?.name).toBe("Communauté de communes de Montesquieu (nom d'usage)");
    expect(after?.population).toBe(montesquieu.population);
  });

  it("archive un EPCI disparu de la liste officielle et retire les communes disparues", async () => {
    const merged = await insertTerritory(db(), {
      name: "CC Fusionnée",
      kind: "CC",
      siren: "200099999",
      source: "etalab",
      population: 5000,
    });
    const manual = await insertTerritory(db(), {
      name: "PETR saisi à la main",
      kind: "petr",
      siren: null,
      source: "manual",
      population: null,
    });
    await db()
      .insertInto("communes")
      .values({ insee: "99999", name: "Commune déléguée", population: 10, territory_id: merged.id })
      .execute();

    await importTerritories(db());

    const archived = await db()
      .selectFrom("territories")
      .select(["id", "archived_at"])
      .where("id", "in", [merged.id, manual.id])
      .execute();
    expect(archived.find((t) => t.id === merged.id)?.archived_at).not.toBeNull();
    expect(archived.find((t) => t.id === manual.id)?.archived_at).toBeNull();
    expect(await db().selectFrom("communes").select("insee").where("insee", "=", "99999").execute()).toEqual([]);
  });

  it("la recherche « orleans » place Orléans Métropole en tête et un SIREN trouve son EPCI", async () => {
    const caller = await callerFor(db(), await makeUser(db()));
    const byName = await caller.territory.search({ query: "orleans" });
    expect(byName.items[0]).toMatchObject({ siren: ORLEANS, name: "Orléans Métropole" });
    const accented = await caller.territory.search({ query: "Orléans Métropole" });
    expect(accented.items[0]?.siren).toBe(ORLEANS);
    const bySiren = await caller.territory.search({ query: BORDEAUX });
    expect(bySiren.items.map((t) => t.name)).toEqual(["Bordeaux Métropole"]);
  });

  it("range les départements d'un EPCI du plus au moins peuplé et la recherche par département les suit", async () => {
    // CC des Terres du Val de Loire: most of its population in the Loiret, a few communes in Loir-et-Cher.
    expect((await findTerritoryBySiren(db(), "200070183"))?.departements).toEqual(["45", "41"]);
    const caller = await callerFor(db(), await makeUser(db()));
    const loiret = await caller.territory.search({ query: "", departement: "45", kinds: ["METRO"] });
    expect(loiret.items.map((t) => t.siren)).toEqual([ORLEANS]);
  });
});
