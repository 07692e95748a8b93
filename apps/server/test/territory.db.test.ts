import { describe, expect, it } from "vitest";
import { failure, fieldsOf } from "./support/expect-error.ts";
import { callerFor, makeTerritory, makeUser } from "./support/factories.ts";
import { useTestDb } from "./support/test-db.ts";

const testDb = useTestDb();
const db = () => testDb().db;
const admin = async () => callerFor(db(), await makeUser(db(), { isInstanceAdmin: true }));

describe("territoires", () => {
  it("recherche par nom sans accents ni casse, par SIREN, par type et par département", async () => {
    const name = `Communauté de communes du Pays Hérault ${Date.now()}`;
    const target = await makeTerritory(db(), { name, kind: "CC", departements: ["34"] });
    const caller = await callerFor(db(), await makeUser(db()));
    const byName = await caller.territory.search({ query: "PAYS HERAULT" });
    expect(byName.items.map((t) => t.id)).toContain(target.id);
    const bySiren = await caller.territory.search({ query: target.siren ?? "" });
    expect(bySiren.items.map((t) => t.id)).toEqual([target.id]);
    expect(
      (await caller.territory.search({ query: "pays herault", kinds: ["CA"] })).items.map((t) => t.id),
    ).not.toContain(target.id);
    expect(
      (await caller.territory.search({ query: "pays herault", departement: "33" })).items.map((t) => t.id),
    ).not.toContain(target.id);
    // A wildcard typed by the user is a character, not a pattern.
    expect((await caller.territory.search({ query: "%" })).items).toEqual([]);
  });

  it("refuse un SIREN mal formé et un département inconnu en nommant le champ", async () => {
    const caller = await callerFor(db(), await makeUser(db()));
    const bad = await failure(caller.territory.search({ query: "x".repeat(121), departement: "999" }));
    expect(fieldsOf(bad.payload)).toEqual(["query", "departement"]);
    const creator = await admin();
    const siren = await failure(creator.territory.create({ name: "Syndicat", kind: "syndicat_mixte", siren: "12345" }));
    expect(siren.payload.fields[0]).toEqual({
      field: "siren",
      message: { fr: "Un SIREN compte exactement 9 chiffres", en: "A SIREN has exactly 9 digits" },
    });
  });

  it("get renvoie le profil et les communes ; un id inconnu est introuvable", async () => {
    const caller = await callerFor(db(), await makeUser(db()));
    const territory = await makeTerritory(db());
    expect((await caller.territory.get({ id: territory.id })).name).toBe(territory.name);
    const missing = await failure(caller.territory.get({ id: "5f0c7a52-2d3b-4c8e-9a41-0d6f1b2c3d4e" }));
    expect(missing.code).toBe("NOT_FOUND");
    expect(missing.payload.message.fr).toBe("Territoire introuvable");
  });

  it("seule l'administration de l'instance crée et modifie les organismes, avec historique et contrôle de version", async () => {
    const editor = await callerFor(
      db(),
      await makeUser(db(), { memberships: [{ territoryId: (await makeTerritory(db())).id, role: "admin" }] }),
    );
    const input = { name: "PETR du Pays Test", kind: "petr" as const, departements: ["45"] };
    expect((await failure(editor.territory.create(input))).code).toBe("FORBIDDEN");
    const creator = await admin();
    const created = await creator.territory.create(input);
    expect(created).toMatchObject({ kind: "petr", version: 1 });
    const updated = await creator.territory.update({ id: created.id, version: 1, name: "PETR du Pays Test renommé" });
    expect(updated.version).toBe(2);
    const stale = await failure(creator.territory.update({ id: created.id, version: 1, name: "Autre nom" }));
    expect(stale.code).toBe("CONFLICT");
    expect(stale.payload.current).toMatchObject({ name: "PETR du Pays Test renommé", version: 2 });
    const history = await creator.audit.history({ entityType: "territory", entityId: created.id });
    expect(history.map((h) => h.action)).toEqual(["updated", "created"]);
    expect((await failure(editor.territory.update({ id: created.id, version: 2, name: "x" }))).code).toBe("FORBIDDEN");
  });

  it("les EPCI ne se créent pas à la main", async () => {
    const creator = await admin();
    const refused = await failure(creator.territory.create({ name: "CC inventée", kind: "CC" as never }));
    expect(fieldsOf(refused.payload)).toEqual(["kind"]);
  });

  it("gère les liens de voisinage dans les deux sens, avec historique", async () => {
    const [a, b] = [await makeTerritory(db()), await makeTerritory(db())];
    const creator = await admin();
    await creator.territory.setNeighbour({ territoryId: a.id, neighbourId: b.id, kind: "contiguous", source: "IGN" });
    const fromB = await creator.territory.neighbours({ id: b.id });
    expect(fromB).toEqual([
      {
        territory: expect.objectContaining({ id: a.id }),
        kind: "contiguous",
        source: "IGN",
        lengthKm: null,
        recorded: true,
      },
    ]);
    await creator.territory.setNeighbour({ territoryId: b.id, neighbourId: a.id, kind: "functional", source: "SCoT" });
    expect((await creator.territory.neighbours({ id: a.id })).map((n) => n.kind)).toEqual(["functional"]);
    const self = await failure(
      creator.territory.setNeighbour({ territoryId: a.id, neighbourId: a.id, kind: "contiguous" }),
    );
    expect(fieldsOf(self.payload)).toEqual(["neighbourId"]);
    await creator.territory.removeNeighbour({ territoryId: a.id, neighbourId: b.id });
    expect(await creator.territory.neighbours({ id: a.id })).toEqual([]);
    const history = await creator.audit.history({ entityType: "neighbour", entityId: `${a.id}:${b.id}` });
    expect(history.map((h) => h.action)).toEqual(["removed", "updated", "created"]);
    const viewer = await callerFor(db(), await makeUser(db()));
    expect(
      (await failure(viewer.territory.setNeighbour({ territoryId: a.id, neighbourId: b.id, kind: "contiguous" }))).code,
    ).toBe("FORBIDDEN");
  });
});
