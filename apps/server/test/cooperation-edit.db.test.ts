import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { cooperationWorld } from "./support/cooperation-fixtures.ts";
import { failure, fieldsOf } from "./support/expect-error.ts";
import { useTestDb } from "./support/test-db.ts";

const testDb = useTestDb();
const db = () => testDb().db;

describe("cooperation.update", () => {
  it("un éditeur d'un territoire membre modifie la coopération, et l'historique garde l'avant et l'après", async () => {
    const { neighbour, as, createWithNeighbour } = await cooperationWorld(db(), ["neighbourEditor", "leadViewer"]);
    const created = await createWithNeighbour();
    const updated = await as.neighbourEditor.cooperation.update({
      id: created.id,
      version: created.version,
      name: "Coopération de l'eau du bassin",
      themes: ["water", "water", "biodiversity"],
      engineeringProviderId: neighbour.id,
      engineeringFte: 1.25,
    });
    expect(updated).toMatchObject({
      name: "Coopération de l'eau du bassin",
      themes: ["water", "biodiversity"],
      engineering: { provider: { id: neighbour.id }, fte: 1.25 },
      description: created.description,
      version: created.version + 1,
    });
    const [entry] = await as.leadViewer.audit.history({ entityType: "cooperation", entityId: created.id });
    expect(entry?.action).toBe("updated");
    expect(entry?.before).toMatchObject({ name: created.name, version: created.version });
    expect(entry?.after).toMatchObject({ name: "Coopération de l'eau du bassin", version: created.version + 1 });
  });

  it("un éditeur d'un autre territoire ne peut pas modifier la coopération, même en se citant dans la requête", async () => {
    const { outsider, as, createCooperation } = await cooperationWorld(db(), ["outsiderAdmin"]);
    const created = await createCooperation();
    const { code, payload } = await failure(
      as.outsiderAdmin.cooperation.update({ id: created.id, version: 1, engineeringProviderId: outsider.id }),
    );
    expect(code).toBe("FORBIDDEN");
    expect(payload.message.fr).toMatch(/éditeurs d'un territoire membre/);
    expect((await as.leadAdmin.cooperation.get({ id: created.id })).version).toBe(1);
  });

  it("un lecteur d'un territoire membre ne peut pas modifier la coopération", async () => {
    const { as, createCooperation } = await cooperationWorld(db(), ["leadViewer"]);
    const created = await createCooperation();
    expect((await failure(as.leadViewer.cooperation.update({ id: created.id, version: 1, name: "X" }))).code).toBe(
      "FORBIDDEN",
    );
  });

  it("refuse une version périmée et renvoie l'état actuel, sans écraser la modification du collègue", async () => {
    const { as, createCooperation } = await cooperationWorld(db(), ["leadEditor"]);
    const created = await createCooperation();
    await as.leadEditor.cooperation.update({ id: created.id, version: 1, description: "Version du collègue" });
    const { code, payload } = await failure(
      as.leadAdmin.cooperation.update({ id: created.id, version: 1, description: "Ma version" }),
    );
    expect(code).toBe("CONFLICT");
    expect(payload.current).toMatchObject({ id: created.id, version: 2, description: "Version du collègue" });
    expect((await as.leadAdmin.cooperation.get({ id: created.id })).description).toBe("Version du collègue");
  });

  it("deux modifications simultanées sur la même version : une seule passe, l'autre reçoit CONFLICT", async () => {
    const { as, createCooperation } = await cooperationWorld(db(), ["leadEditor"]);
    const created = await createCooperation();
    const results = await Promise.allSettled([
      as.leadEditor.cooperation.update({ id: created.id, version: 1, description: "Première" }),
      as.leadAdmin.cooperation.update({ id: created.id, version: 1, description: "Seconde" }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const rejected = results.find((r) => r.status === "rejected");
    expect((await failure(Promise.reject(rejected?.reason))).code).toBe("CONFLICT");
    expect((await as.leadAdmin.cooperation.get({ id: created.id })).version).toBe(2);
  });

  it("vérifie l'ordre des dates avec la date déjà enregistrée, et nomme le champ", async () => {
    const { as, createCooperation } = await cooperationWorld(db(), []);
    const created = await createCooperation({ startedOn: "2021-03-15" });
    const { code, payload } = await failure(
      as.leadAdmin.cooperation.update({ id: created.id, version: 1, endedOn: "2020-12-31" }),
    );
    expect(code).toBe("BAD_REQUEST");
    expect(payload.fields).toEqual([
      {
        field: "endedOn",
        message: {
          fr: "La date de fin ne peut pas précéder la date de début",
          en: "The end date cannot be before the start date",
        },
      },
    ]);
    const malformed = await failure(
      as.leadAdmin.cooperation.update({ id: created.id, version: 0, name: "", sourceUrl: "javascript:alert(1)" }),
    );
    expect(fieldsOf(malformed.payload).sort()).toEqual(["name", "sourceUrl", "version"]);
  });

  it("répond NOT_FOUND pour une coopération inconnue et pour un prestataire inconnu", async () => {
    const { as, createCooperation } = await cooperationWorld(db(), []);
    const created = await createCooperation();
    expect((await failure(as.leadAdmin.cooperation.update({ id: randomUUID(), version: 1, name: "X" }))).code).toBe(
      "NOT_FOUND",
    );
    const provider = await failure(
      as.leadAdmin.cooperation.update({ id: created.id, version: 1, engineeringProviderId: randomUUID() }),
    );
    expect(provider.code).toBe("NOT_FOUND");
    expect(fieldsOf(provider.payload)).toEqual(["engineeringProviderId"]);
  });
});

describe("cooperation.changeEngagementForm", () => {
  it("clôt la période en cours à la date du changement et en ouvre une nouvelle", async () => {
    const { as, createCooperation } = await cooperationWorld(db(), ["leadViewer"]);
    const created = await createCooperation({ engagementForm: "informal", startedOn: "2019-01-01" });
    const changed = await as.leadAdmin.cooperation.changeEngagementForm({
      id: created.id,
      version: 1,
      engagementForm: "contrat_reciprocite",
      changedOn: "2021-07-01",
      note: "Signature du contrat",
    });
    const again = await as.leadAdmin.cooperation.changeEngagementForm({
      id: created.id,
      version: changed.version,
      engagementForm: "pole_metropolitain",
      changedOn: "2024-01-01",
    });
    expect(again).toMatchObject({ engagementForm: "pole_metropolitain", formality: "statutory", version: 3 });
    expect(again.formHistory.map((h) => [h.engagementForm, h.fromOn, h.toOn, h.note])).toEqual([
      ["informal", "2019-01-01", "2021-07-01", ""],
      ["contrat_reciprocite", "2021-07-01", "2024-01-01", "Signature du contrat"],
      ["pole_metropolitain", "2024-01-01", null, ""],
    ]);
    expect(again.formHistory[1]?.changedBy).not.toBeNull();
    const history = await as.leadViewer.audit.history({ entityType: "cooperation", entityId: created.id });
    expect(history.map((h) => h.action)).toEqual(["engagement_form_changed", "engagement_form_changed", "created"]);
    expect(history[0]?.before).toMatchObject({ engagementForm: "contrat_reciprocite" });
    expect(history[0]?.after).toMatchObject({ engagementForm: "pole_metropolitain", changedOn: "2024-01-01" });
  });

  it("refuse la même forme, une date antérieure à la forme en cours ou une forme inconnue, en nommant le champ", async () => {
    const { as, createCooperation } = await cooperationWorld(db(), []);
    const created = await createCooperation({ startedOn: "2021-03-15" });
    const change = (engagementForm: "contrat_reciprocite" | "pnr", changedOn: string) =>
      failure(as.leadAdmin.cooperation.changeEngagementForm({ id: created.id, version: 1, engagementForm, changedOn }));
    const same = await change("contrat_reciprocite", "2024-01-01");
    expect(same.code).toBe("BAD_REQUEST");
    expect(same.payload.fields).toEqual([
      {
        field: "engagementForm",
        message: {
          fr: "La coopération a déjà cette forme d'engagement",
          en: "The cooperation already has this engagement form",
        },
      },
    ]);
    const early = await change("pnr", "2021-03-14");
    expect(fieldsOf(early.payload)).toEqual(["changedOn"]);
    expect(early.payload.fields[0]?.message.fr).toContain("2021-03-15");
    const unknown = await failure(
      as.leadAdmin.cooperation.changeEngagementForm({
        id: created.id,
        version: 1,
        // @ts-expect-error: a form outside the enum
        engagementForm: "club",
        changedOn: "2024-02-30",
      }),
    );
    expect(fieldsOf(unknown.payload).sort()).toEqual(["changedOn", "engagementForm"]);
    expect((await as.leadAdmin.cooperation.get({ id: created.id })).formHistory).toHaveLength(1);
  });

  it("est réservé aux administrateurs d'un territoire membre", async () => {
    const { as, createWithNeighbour } = await cooperationWorld(db(), ["leadEditor", "outsiderAdmin", "neighbourAdmin"]);
    const created = await createWithNeighbour();
    const input = { id: created.id, version: 1, engagementForm: "pnr" as const, changedOn: "2024-01-01" };
    expect((await failure(as.leadEditor.cooperation.changeEngagementForm(input))).code).toBe("FORBIDDEN");
    expect((await failure(as.outsiderAdmin.cooperation.changeEngagementForm(input))).code).toBe("FORBIDDEN");
    await expect(as.neighbourAdmin.cooperation.changeEngagementForm(input)).resolves.toMatchObject({ version: 2 });
  });

  it("refuse une version périmée avec l'état actuel", async () => {
    const { as, createCooperation } = await cooperationWorld(db(), ["leadEditor"]);
    const created = await createCooperation();
    await as.leadEditor.cooperation.update({ id: created.id, version: 1, status: "dormant" });
    const { code, payload } = await failure(
      as.leadAdmin.cooperation.changeEngagementForm({
        id: created.id,
        version: 1,
        engagementForm: "pnr",
        changedOn: "2024-01-01",
      }),
    );
    expect(code).toBe("CONFLICT");
    expect(payload.current).toMatchObject({ version: 2, status: "dormant", engagementForm: "contrat_reciprocite" });
  });
});

describe("cooperation.archive", () => {
  it("archive sans supprimer : la coopération reste lisible, son historique aussi, et n'accepte plus de modification", async () => {
    const { neighbour, as, createCooperation } = await cooperationWorld(db(), ["leadEditor", "leadViewer"]);
    const created = await createCooperation();
    const archived = await as.leadAdmin.cooperation.archive({ id: created.id, version: 1 });
    expect(archived).toMatchObject({ archived: true, version: 2 });
    expect(archived.archivedAt).not.toBeNull();
    expect((await as.leadViewer.cooperation.get({ id: created.id })).archived).toBe(true);
    const history = await as.leadViewer.audit.history({ entityType: "cooperation", entityId: created.id });
    expect(history.map((h) => h.action)).toEqual(["archived", "created"]);

    const edit = await failure(as.leadEditor.cooperation.update({ id: created.id, version: 2, name: "Renommée" }));
    expect(edit.code).toBe("PRECONDITION_FAILED");
    expect(edit.payload.message).toEqual({ fr: "Cette coopération est archivée", en: "This cooperation is archived" });
    const add = as.leadAdmin.cooperation.addMember({
      cooperationId: created.id,
      territoryId: neighbour.id,
      role: "member",
    });
    expect((await failure(add)).code).toBe("PRECONDITION_FAILED");
    expect((await failure(as.leadAdmin.cooperation.archive({ id: created.id, version: 2 }))).code).toBe(
      "PRECONDITION_FAILED",
    );
  });

  it("est refusé à un éditeur, à un administrateur d'un autre territoire et sur une version périmée", async () => {
    const { as, createCooperation } = await cooperationWorld(db(), ["leadEditor", "outsiderAdmin"]);
    const created = await createCooperation();
    expect((await failure(as.leadEditor.cooperation.archive({ id: created.id, version: 1 }))).code).toBe("FORBIDDEN");
    expect((await failure(as.outsiderAdmin.cooperation.archive({ id: created.id, version: 1 }))).code).toBe(
      "FORBIDDEN",
    );
    await as.leadEditor.cooperation.update({ id: created.id, version: 1, status: "ended" });
    const stale = await failure(as.leadAdmin.cooperation.archive({ id: created.id, version: 1 }));
    expect(stale.code).toBe("CONFLICT");
    expect(stale.payload.current).toMatchObject({ version: 2, archived: false, status: "ended" });
    expect((await failure(as.leadAdmin.cooperation.archive({ id: "x", version: 1 }))).payload.fields[0]?.field).toBe(
      "id",
    );
  });
});
