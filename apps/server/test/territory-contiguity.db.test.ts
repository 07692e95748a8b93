import { CONTIGUITY_SOURCE, findTerritoryBySiren } from "@trame/db";
import { beforeAll, describe, expect, it } from "vitest";
import { NEIGHBOURS, STUDY_METROPOLISES } from "../src/seed/seed-data.ts";
import contiguityJson from "../src/territories/data/epci-contiguity.json" with { type: "json" };
import { importContiguity } from "../src/territories/import-contiguity.ts";
import { importTerritories } from "../src/territories/import-territories.ts";
import { callerFor, makeUser } from "./support/factories.ts";
import { snapshot } from "./support/table-snapshot.ts";
import { useTestDb } from "./support/test-db.ts";

const testDb = useTestDb();
const db = () => testDb().db;

const LYON = "200046977";
const BORDEAUX = "243300316";
const pairs = contiguityJson.pairs as unknown as Array<[string, string, number]>;

/** The neighbour set the copied data gives an EPCI: SIREN → km. */
function expectedFor(siren: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const [a, b, km] of pairs) {
    if (a === siren) out.set(b, km);
    if (b === siren) out.set(a, km);
  }
  return out;
}

async function neighboursOf(siren: string) {
  const territory = await findTerritoryBySiren(db(), siren);
  if (!territory) throw new Error(`EPCI ${siren} missing`);
  const caller = await callerFor(db(), await makeUser(db()));
  return { territory, list: await caller.territory.neighbours({ id: territory.id }) };
}

function contiguousBySiren(list: Awaited<ReturnType<typeof neighboursOf>>["list"]): Map<string, number | null> {
  return new Map(list.filter((n) => n.kind === "contiguous").map((n) => [n.territory.siren ?? "", n.lengthKm]));
}

describe("voisins de chaque EPCI, par la géométrie", () => {
  beforeAll(async () => {
    await importTerritories(db());
  }, 120_000);

  it("charge les 3 498 paires d'EPCI contiguës", async () => {
    const row = await db()
      .selectFrom("territory_contiguity")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(row.n)).toBe(3498);
  });

  it("la Métropole de Lyon a 13 voisins contigus, avec la longueur de la frontière commune", async () => {
    const { list } = await neighboursOf(LYON);
    const contiguous = contiguousBySiren(list);
    expect(contiguous.size).toBe(13);
    // Values of epci_contiguite_2026.csv, the source of the copy.
    expect(contiguous.get("246900575")).toBe(29.5); // CC de l'Est Lyonnais
    expect(contiguous.get("200077014")).toBe(14.4); // CA Vienne Condrieu
    expect(contiguous.get("243800935")).toBe(1.1); // CC Lyon-Saint-Exupéry en Dauphiné
    expect(list.find((n) => n.territory.siren === "200040574")).toMatchObject({
      territory: { name: "CC Beaujolais Pierres Dorées" },
      kind: "contiguous",
      source: CONTIGUITY_SOURCE,
      lengthKm: 25.4,
      recorded: false,
    });
  });

  it("un échantillon de paires du fichier source se retrouve dans les deux sens", async () => {
    const sample: Array<[string, string, number]> = [
      ["241300375", "241300417", 60.4],
      ["200069102", "200069128", 17.2],
      ["200071678", "200071876", 25.6],
      ["200000438", "244400644", 34.7],
      ["242000503", "242020071", 7.6],
      ["200069102", "244800405", 38.0],
    ];
    for (const [a, b, km] of sample) {
      expect(contiguousBySiren((await neighboursOf(a)).list).get(b)).toBe(km);
      expect(contiguousBySiren((await neighboursOf(b)).list).get(a)).toBe(km);
    }
  });

  it("donne exactement l'ensemble de voisins des données copiées, pour des EPCI pris partout", async () => {
    // Every 300th SIREN of the data, plus an island EPCI with no neighbour (CC de l'Ile de Ré).
    const sirens = [...new Set(pairs.flatMap(([a, b]) => [a, b]))].sort().filter((_, i) => i % 300 === 0);
    for (const siren of [...sirens, "241700624"]) {
      const { list } = await neighboursOf(siren);
      expect(Object.fromEntries(contiguousBySiren(list))).toEqual(Object.fromEntries(expectedFor(siren)));
    }
    expect(expectedFor("241700624").size).toBe(0);
  });

  it("retrouve les 28 paires des quatre métropoles de l'étude, sans voisin contigu de plus", async () => {
    let total = 0;
    for (const metropolis of STUDY_METROPOLISES) {
      const curated = NEIGHBOURS.filter((n) => n.metropolisSiren === metropolis.siren && n.kind === "contiguous");
      const { list } = await neighboursOf(metropolis.siren);
      expect([...contiguousBySiren(list).keys()].sort()).toEqual(curated.map((n) => n.neighbourSiren).sort());
      total += curated.length;
    }
    expect(total).toBe(28);
  });

  it("fusionne les liens saisis par un administrateur : source gardée, longueur ajoutée", async () => {
    const admin = await callerFor(db(), await makeUser(db(), { isInstanceAdmin: true }));
    const { territory: bordeaux } = await neighboursOf(BORDEAUX);
    const jalle = await findTerritoryBySiren(db(), "243301165"); // contiguous
    const orleans = await findTerritoryBySiren(db(), "244500468"); // far away
    if (!jalle || !orleans) throw new Error("EPCI missing");
    await admin.territory.setNeighbour({
      territoryId: bordeaux.id,
      neighbourId: jalle.id,
      kind: "contiguous",
      source: "Saisi par l'administrateur",
    });
    const list = await admin.territory.setNeighbour({
      territoryId: bordeaux.id,
      neighbourId: orleans.id,
      kind: "functional",
      source: "Réseau des métropoles",
    });
    expect(list.filter((n) => n.territory.id === jalle.id)).toEqual([
      expect.objectContaining({ kind: "contiguous", source: "Saisi par l'administrateur", recorded: true }),
    ]);
    expect(list.find((n) => n.territory.id === jalle.id)?.lengthKm).toBe(expectedFor(BORDEAUX).get("243301165"));
    expect(list.find((n) => n.territory.id === orleans.id)).toMatchObject({
      kind: "functional",
      source: "Réseau des métropoles",
      lengthKm: null,
      recorded: true,
    });
    expect(list.filter((n) => n.kind === "contiguous")).toHaveLength(9);
  });

  it("une réimportation des mêmes données n'écrit rien ; une nouvelle version remet la table d'aplomb", async () => {
    const before = await snapshot(db(), { rowVersions: true });
    expect(await importContiguity(db())).toEqual({ pairs: 3498, loaded: false });
    await importTerritories(db());
    const after = await snapshot(db(), { rowVersions: true });
    expect(after.tables.territory_contiguity).toEqual(before.tables.territory_contiguity);
    expect(after.tables.seed_marks).toEqual(before.tables.seed_marks);

    // As if the previous version had another length for one pair and a pair since gone.
    const { territory: lyon } = await neighboursOf(LYON);
    const { territory: bordeaux } = await neighboursOf(BORDEAUX);
    await db().updateTable("territory_contiguity").set({ length_km: 999 }).where("territory_a", "=", lyon.id).execute();
    const [a, b] = [lyon.id, bordeaux.id].sort();
    await db()
      .insertInto("territory_contiguity")
      .values({ territory_a: a ?? "", territory_b: b ?? "", length_km: 1 })
      .execute();
    await db()
      .updateTable("seed_marks")
      .set({ key: "reference:epci-contiguity:old" })
      .where("key", "like", "reference:epci-contiguity:%")
      .execute();

    expect(await importContiguity(db())).toEqual({ pairs: 3498, loaded: true });
    const lyonAfter = contiguousBySiren((await neighboursOf(LYON)).list);
    expect(Object.fromEntries(lyonAfter)).toEqual(Object.fromEntries(expectedFor(LYON)));
    const marks = await db().selectFrom("seed_marks").select("key").where("key", "like", "reference:%").execute();
    expect(marks).toHaveLength(1);
    expect(marks[0]?.key).not.toBe("reference:epci-contiguity:old");
  });
});
