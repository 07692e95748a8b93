import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { cooperationWorld, installAuditFailure } from "./support/cooperation-fixtures.ts";
import { failure, fieldsOf } from "./support/expect-error.ts";
import { callerFor } from "./support/factories.ts";
import { useTestDb } from "./support/test-db.ts";

const testDb = useTestDb();
const db = () => testDb().db;

describe("cooperation : création et lecture", () => {
  it("crée une coopération dont le chef de file est le premier membre et dont la forme ouvre l'historique", async () => {
    const { lead, as, createCooperation } = await cooperationWorld(db(), ["leadEditor", "leadViewer"]);
    const created = await createCooperation({ narrativeText: "Un récit commun", engineeringFte: 0.5 }, as.leadEditor);
    expect(created).toMatchObject({
      engagementForm: "contrat_reciprocite",
      formality: "contractual",
      status: "active",
      version: 1,
      archived: false,
      lead: { id: lead.id, name: lead.name },
      memberCount: 1,
      narrative: { text: "Un récit commun", adoptedOn: null },
      engineering: { provider: null, fte: 0.5, kind: "none" },
    });
    expect(created.members).toEqual([
      expect.objectContaining({
        role: "lead",
        joinedOn: "2021-03-15",
        leftOn: null,
        territory: { id: lead.id, name: lead.name, kind: "METRO", siren: lead.siren },
      }),
    ]);
    expect(created.formHistory).toEqual([
      expect.objectContaining({ engagementForm: "contrat_reciprocite", fromOn: "2021-03-15", toOn: null }),
    ]);
    const history = await as.leadViewer.audit.history({ entityType: "cooperation", entityId: created.id });
    expect(history.map((h) => h.action)).toEqual(["created"]);
    expect(history[0]?.after).toMatchObject({ name: created.name, lead: { id: lead.id } });
  });

  it("refuse une création invalide en nommant chaque champ, en français et en anglais", async () => {
    const { lead, as } = await cooperationWorld(db(), []);
    const { code, payload } = await failure(
      as.leadAdmin.cooperation.create({
        name: "  ",
        // @ts-expect-error: a value outside the enum, as a hand-made request could send
        engagementForm: "association",
        leadTerritoryId: lead.id,
        // @ts-expect-error: one theme outside the enum
        themes: ["water", "weather"],
      }),
    );
    expect(code).toBe("BAD_REQUEST");
    expect(fieldsOf(payload).sort()).toEqual(["engagementForm", "name", "themes.1"]);
    const name = payload.fields.find((f) => f.field === "name");
    expect(name?.message).toEqual({ fr: "Ce champ ne peut pas être vide", en: "This field cannot be empty" });
    for (const field of payload.fields) {
      expect(field.message.fr).not.toBe("");
      expect(field.message.en).not.toBe("");
    }
    const dates = await failure(
      as.leadAdmin.cooperation.create({
        ...args(),
        leadTerritoryId: lead.id,
        startedOn: "2024-05-01",
        endedOn: "2024-04-30",
      }),
    );
    expect(dates.payload.fields).toEqual([
      {
        field: "endedOn",
        message: {
          fr: "La date de fin ne peut pas précéder la date de début",
          en: "The end date cannot be before the start date",
        },
      },
    ]);
  });

  it("refuse la création à qui n'est pas éditeur du territoire chef de file", async () => {
    const { as, createCooperation, lead } = await cooperationWorld(db(), ["outsiderAdmin", "leadViewer", "leadEditor"]);
    expect((await failure(as.outsiderAdmin.cooperation.create({ ...args(), leadTerritoryId: lead.id }))).code).toBe(
      "FORBIDDEN",
    );
    expect((await failure(as.leadViewer.cooperation.create({ ...args(), leadTerritoryId: lead.id }))).code).toBe(
      "FORBIDDEN",
    );
    await expect(createCooperation({}, as.leadEditor)).resolves.toBeTruthy();
  });

  it("signale un chef de file ou un prestataire d'ingénierie inconnu sur son champ", async () => {
    const { as, lead } = await cooperationWorld(db(), ["instanceAdmin"]);
    const unknownLead = await failure(
      as.instanceAdmin.cooperation.create({ ...args(), leadTerritoryId: randomUUID() }),
    );
    expect(unknownLead.code).toBe("NOT_FOUND");
    expect(fieldsOf(unknownLead.payload)).toEqual(["leadTerritoryId"]);
    const unknownProvider = await failure(
      as.leadAdmin.cooperation.create({ ...args(), leadTerritoryId: lead.id, engineeringProviderId: randomUUID() }),
    );
    expect(fieldsOf(unknownProvider.payload)).toEqual(["engineeringProviderId"]);
    expect(unknownProvider.payload.message.fr).toBe("Territoire introuvable");
  });

  it("lit le détail : membres actuels et anciens, ingénierie, récit et source", async () => {
    const { lead, neighbour, as, createWithNeighbour } = await cooperationWorld(db(), ["outsiderAdmin"]);
    const withNeighbour = await createWithNeighbour({
      engineeringProviderId: lead.id,
      engineeringKind: "metropolis_staff",
      narrativeAdoptedOn: "2021-06-01",
      sourceUrl: "https://www.bordeaux-metropole.fr/cooperations",
    });
    const member = withNeighbour.members.find((m) => m.territory.id === neighbour.id);
    await as.leadAdmin.cooperation.removeMember({ memberId: member?.id ?? "", version: 1, leftOn: "2024-12-31" });
    const detail = await as.outsiderAdmin.cooperation.get({ id: withNeighbour.id });
    expect(detail.engineering).toEqual({
      provider: { id: lead.id, name: lead.name },
      fte: null,
      kind: "metropolis_staff",
    });
    expect(detail.narrative.adoptedOn).toBe("2021-06-01");
    expect(detail.sourceUrl).toBe("https://www.bordeaux-metropole.fr/cooperations");
    expect(detail.memberCount).toBe(1);
    expect(detail.members.map((m) => [m.territory.id, m.role, m.leftOn])).toEqual([
      [lead.id, "lead", null],
      [neighbour.id, "member", "2024-12-31"],
    ]);
    expect(detail).not.toHaveProperty("external_ref");
  });

  it("répond NOT_FOUND pour un identifiant inconnu et BAD_REQUEST pour un identifiant mal formé", async () => {
    const { as } = await cooperationWorld(db(), ["leadViewer"]);
    expect((await failure(as.leadViewer.cooperation.get({ id: randomUUID() }))).code).toBe("NOT_FOUND");
    const malformed = await failure(as.leadViewer.cooperation.get({ id: "pas-un-uuid" }));
    expect(malformed.code).toBe("BAD_REQUEST");
    expect(fieldsOf(malformed.payload)).toEqual(["id"]);
  });

  it("demande une session pour lire les coopérations", async () => {
    const anonymous = await callerFor(db(), null);
    expect((await failure(anonymous.cooperation.list({}))).code).toBe("UNAUTHORIZED");
  });
});

describe("cooperation.list", () => {
  it("filtre par territoire membre actuel, forme, statut, thématique et texte sans accents", async () => {
    const { lead, neighbour, as, createCooperation, createWithNeighbour } = await cooperationWorld(db(), [
      "outsiderAdmin",
    ]);
    const token = randomUUID().slice(0, 8);
    const food = await createWithNeighbour({ name: `Projet alimentaire Métropole ${token}`, themes: ["food"] });
    const water = await createCooperation({
      name: `Pôle de l'eau ${token}`,
      engagementForm: "syndicat_mixte",
      status: "emerging",
      themes: ["water"],
    });
    const list = (input: Parameters<typeof as.outsiderAdmin.cooperation.list>[0]) =>
      as.outsiderAdmin.cooperation.list(input).then((r) => r.items.map((i) => i.id));

    expect(await list({ territoryId: lead.id })).toEqual([food.id, water.id]);
    expect(await list({ territoryId: neighbour.id })).toEqual([food.id]);
    expect(await list({ territoryId: lead.id, engagementForm: "syndicat_mixte" })).toEqual([water.id]);
    expect(await list({ territoryId: lead.id, status: "emerging" })).toEqual([water.id]);
    expect(await list({ territoryId: lead.id, theme: "food" })).toEqual([food.id]);
    expect(await list({ query: `METROPOLE ${token}` })).toEqual([food.id]);
    expect(await list({ query: `pole de l eau ${token}` })).toEqual([water.id]);
    expect(await list({ query: `%${token}` })).toEqual([]);

    const page = await as.outsiderAdmin.cooperation.list({ territoryId: lead.id, limit: 1, offset: 1 });
    expect(page.total).toBe(2);
    expect(page.items).toEqual([
      expect.objectContaining({
        id: water.id,
        formality: "statutory",
        lead: { id: lead.id, name: lead.name },
        memberCount: 1,
      }),
    ]);
  });

  it("n'associe plus un territoire sorti de la coopération", async () => {
    const { neighbour, as, createWithNeighbour } = await cooperationWorld(db(), []);
    const created = await createWithNeighbour();
    const member = created.members.find((m) => m.territory.id === neighbour.id);
    await as.leadAdmin.cooperation.removeMember({ memberId: member?.id ?? "", version: 1 });
    expect((await as.leadAdmin.cooperation.list({ territoryId: neighbour.id })).total).toBe(0);
  });

  it("cache les coopérations archivées sauf si on les demande", async () => {
    const { lead, as, createCooperation } = await cooperationWorld(db(), ["leadViewer"]);
    const kept = await createCooperation();
    const archived = await createCooperation();
    await as.leadAdmin.cooperation.archive({ id: archived.id, version: 1 });
    const visible = await as.leadViewer.cooperation.list({ territoryId: lead.id });
    expect(visible.items.map((i) => i.id)).toEqual([kept.id]);
    const all = await as.leadViewer.cooperation.list({ territoryId: lead.id, includeArchived: true });
    expect(all.items.find((i) => i.id === archived.id)?.archived).toBe(true);
    expect(all.total).toBe(2);
  });

  it("refuse des filtres invalides en nommant le champ", async () => {
    const { as } = await cooperationWorld(db(), ["leadViewer"]);
    // @ts-expect-error: a theme outside the enum
    const { code, payload } = await failure(as.leadViewer.cooperation.list({ theme: "weather", limit: 1000 }));
    expect(code).toBe("BAD_REQUEST");
    expect(fieldsOf(payload).sort()).toEqual(["limit", "theme"]);
  });
});

describe("cooperation : tout ou rien", () => {
  it("ne garde aucune écriture d'un changement de forme dont l'inscription à l'historique échoue", async () => {
    const { as, createCooperation } = await cooperationWorld(db(), []);
    const failAuditFor = await installAuditFailure(db());
    const created = await createCooperation();
    await failAuditFor(created.id);
    const { code } = await failure(
      as.leadAdmin.cooperation.changeEngagementForm({
        id: created.id,
        version: 1,
        engagementForm: "pole_metropolitain",
        changedOn: "2024-01-01",
      }),
    );
    expect(code).toBe("INTERNAL_SERVER_ERROR");
    const after = await as.leadAdmin.cooperation.get({ id: created.id });
    expect(after.engagementForm).toBe("contrat_reciprocite");
    expect(after.version).toBe(1);
    expect(after.formHistory).toEqual(created.formHistory);
  });
});

function args() {
  return { name: `Coopération ${randomUUID().slice(0, 8)}`, engagementForm: "informal" as const };
}
