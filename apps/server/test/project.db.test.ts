import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { failure, fieldsOf } from "./support/expect-error.ts";
import { projectWorld } from "./support/project-fixtures.ts";
import { useTestDb } from "./support/test-db.ts";

const testDb = useTestDb();
const db = () => testDb().db;

describe("projet : création et lecture", () => {
  it("crée un projet avec ses partenaires, son premier statut et une entrée sur la frise de chaque partenaire", async () => {
    const w = await projectWorld(db());
    const project = await w.createProject({ engineeringProviderId: w.lead.id, engineeringFte: 0.5, tags: ["PAT"] });
    expect(project).toMatchObject({
      cooperation: { id: w.cooperation.id, name: w.cooperation.name },
      status: "idea",
      budgetCents: 12_000_000,
      lead: { id: w.lead.id, name: w.lead.name },
      partnerCount: 2,
      visibility: "network",
      archived: false,
      version: 1,
      engineering: { provider: { id: w.lead.id, name: w.lead.name }, fte: 0.5, kind: "none" },
      tags: ["PAT"],
    });
    expect(project.partners).toEqual([
      { territory: { id: w.lead.id, name: w.lead.name, kind: "METRO" }, role: "lead" },
      { territory: { id: w.partner.id, name: w.partner.name, kind: "CC" }, role: "partner" },
    ]);
    expect(project.statusHistory).toEqual([expect.objectContaining({ from: null, to: "idea", comment: "" })]);

    const viewer = await w.as("partnerViewer");
    const feed = await viewer.timeline.territory({ territoryId: w.partner.id, kinds: ["project_status"] });
    expect(feed.items).toEqual([
      expect.objectContaining({
        title: project.title,
        project: { id: project.id, title: project.title },
        detail: { from: null, to: "idea", comment: "" },
      }),
    ]);
    const history = await viewer.audit.history({ entityType: "project", entityId: project.id });
    expect(history.map((h) => h.action)).toEqual(["created"]);
    expect(await viewer.project.get({ id: project.id })).toEqual(project);
  });

  it("refuse zéro ou deux chefs de file, un partenaire en double, une fin avant le début et un budget négatif", async () => {
    const w = await projectWorld(db());
    const editor = await w.as("leadEditor");
    const twoLeads = await failure(
      editor.project.create(
        w.projectArgs({
          partners: [
            { territoryId: w.lead.id, role: "lead" },
            { territoryId: w.partner.id, role: "lead" },
          ],
        }),
      ),
    );
    expect(twoLeads.code).toBe("BAD_REQUEST");
    expect(twoLeads.payload.fields).toEqual([
      {
        field: "partners",
        message: { fr: "Un projet a exactement un chef de file", en: "A project has exactly one lead" },
      },
    ]);
    const noLead = await failure(
      editor.project.create(w.projectArgs({ partners: [{ territoryId: w.lead.id, role: "partner" }] })),
    );
    expect(fieldsOf(noLead.payload)).toEqual(["partners"]);
    const duplicate = await failure(
      editor.project.create(
        w.projectArgs({
          partners: [
            { territoryId: w.lead.id, role: "lead" },
            { territoryId: w.lead.id, role: "funder" },
          ],
        }),
      ),
    );
    expect(fieldsOf(duplicate.payload)).toEqual(["partners.1.territoryId"]);
    const invalid = await failure(
      editor.project.create(w.projectArgs({ startedOn: "2025-03-01", endedOn: "2025-02-28", budgetCents: -100 })),
    );
    expect(invalid.code).toBe("BAD_REQUEST");
    expect(fieldsOf(invalid.payload).sort()).toEqual(["budgetCents", "endedOn"]);
  });

  it("signale un partenaire ou une coopération inconnus en nommant le champ", async () => {
    const w = await projectWorld(db());
    const editor = await w.as("leadEditor");
    const unknownPartner = await failure(
      editor.project.create(
        w.projectArgs({
          partners: [
            { territoryId: w.lead.id, role: "lead" },
            { territoryId: randomUUID(), role: "partner" },
          ],
        }),
      ),
    );
    expect(unknownPartner.code).toBe("NOT_FOUND");
    expect(fieldsOf(unknownPartner.payload)).toEqual(["partners.1.territoryId"]);
    const unknownCooperation = await failure(editor.project.create(w.projectArgs({ cooperationId: randomUUID() })));
    expect(unknownCooperation.code).toBe("NOT_FOUND");
    expect(fieldsOf(unknownCooperation.payload)).toEqual(["cooperationId"]);
  });

  it("réserve la création aux éditeurs du chef de file, et refuse une coopération archivée", async () => {
    const w = await projectWorld(db());
    for (const who of ["outsiderEditor", "partnerEditor", "leadViewer"] as const) {
      const refused = await failure((await w.as(who)).project.create(w.projectArgs()));
      expect(refused.code).toBe("FORBIDDEN");
    }
    const leadAdmin = await w.as("leadAdmin");
    await leadAdmin.cooperation.archive({ id: w.cooperation.id, version: w.cooperation.version });
    const archived = await failure((await w.as("leadEditor")).project.create(w.projectArgs()));
    expect(archived.code).toBe("PRECONDITION_FAILED");
  });

  it("filtre la liste par coopération, partenaire, thématique, statut et titre sans tenir compte de la casse", async () => {
    const w = await projectWorld(db());
    const marker = randomUUID().slice(0, 8);
    const water = await w.createProject({ title: `Gestion de l'eau ${marker}`, themes: ["water"] });
    const food = await w.createProject({
      title: `Cantines ${marker}`,
      partners: [{ territoryId: w.lead.id, role: "lead" }],
    });
    const reader = await w.as("outsiderEditor");
    const ids = async (filters: Partial<Parameters<typeof reader.project.list>[0]>) =>
      (await reader.project.list({ cooperationId: w.cooperation.id, ...filters })).items.map((p) => p.id).sort();
    expect(await ids({})).toEqual([water.id, food.id].sort());
    expect(await ids({ territoryId: w.partner.id })).toEqual([water.id]);
    expect(await ids({ theme: "water" })).toEqual([water.id]);
    expect(await ids({ query: `GESTION DE L'EAU ${marker.toUpperCase()}` })).toEqual([water.id]);
    expect(await ids({ query: "100%" })).toEqual([]);
    expect(await ids({ status: "planned" })).toEqual([]);
    const page = await reader.project.list({ cooperationId: w.cooperation.id, limit: 1 });
    expect(page.total).toBe(2);
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ partnerCount: expect.any(Number), lead: { id: w.lead.id } });
    expect(page.items[0]).not.toHaveProperty("statusHistory");
  });

  it("cache un projet réservé aux partenaires aux autres territoires, dans la liste comme en lecture", async () => {
    const w = await projectWorld(db());
    const restricted = await w.createProject({ visibility: "partners" });
    const outsider = await w.as("outsiderEditor");
    const listed = await outsider.project.list({ cooperationId: w.cooperation.id });
    expect(listed.items.map((p) => p.id)).not.toContain(restricted.id);
    expect((await failure(outsider.project.get({ id: restricted.id }))).code).toBe("NOT_FOUND");
    const edit = await failure(outsider.project.update({ id: restricted.id, version: 1, title: "Repris" }));
    expect(edit.code).toBe("NOT_FOUND");
    for (const who of ["partnerViewer", "instanceAdmin"] as const) {
      const reader = await w.as(who);
      expect((await reader.project.get({ id: restricted.id })).id).toBe(restricted.id);
      const list = await reader.project.list({ cooperationId: w.cooperation.id });
      expect(list.items.map((p) => p.id)).toContain(restricted.id);
    }
  });
});

describe("projet : modification", () => {
  it("un éditeur d'un territoire partenaire modifie le projet, et l'audit garde l'avant et l'après", async () => {
    const w = await projectWorld(db());
    const project = await w.createProject();
    const editor = await w.as("partnerEditor");
    const updated = await editor.project.update({ id: project.id, version: 1, title: "PAT du bassin", budgetCents: 0 });
    expect(updated).toMatchObject({ title: "PAT du bassin", budgetCents: 0, version: 2, summary: project.summary });
    const history = await editor.audit.history({ entityType: "project", entityId: project.id });
    expect(history.map((h) => h.action)).toEqual(["updated", "created"]);
    expect(history[0]?.before).toMatchObject({ title: project.title, version: 1 });
    expect(history[0]?.after).toMatchObject({ title: "PAT du bassin", version: 2 });
  });

  it("un éditeur d'un autre territoire ne peut pas modifier le projet, ni un lecteur d'un partenaire", async () => {
    const w = await projectWorld(db());
    const project = await w.createProject();
    for (const who of ["outsiderEditor", "partnerViewer"] as const) {
      const refused = await failure((await w.as(who)).project.update({ id: project.id, version: 1, title: "Non" }));
      expect(refused.code).toBe("FORBIDDEN");
      expect(refused.payload.message.fr).toBe(
        "Seuls les éditeurs d'un territoire partenaire peuvent modifier ce projet",
      );
    }
    expect((await (await w.as("leadViewer")).project.get({ id: project.id })).version).toBe(1);
  });

  it("refuse une version périmée en renvoyant l'état courant", async () => {
    const w = await projectWorld(db());
    const project = await w.createProject();
    const editor = await w.as("leadEditor");
    await editor.project.update({ id: project.id, version: 1, summary: "Première modification" });
    const stale = await failure(editor.project.update({ id: project.id, version: 1, summary: "Écrase" }));
    expect(stale.code).toBe("CONFLICT");
    expect(stale.payload.current).toMatchObject({ version: 2, summary: "Première modification" });
  });

  it("refuse une date de fin avant le début enregistré, ou un début après la fin enregistrée, en nommant le champ", async () => {
    const w = await projectWorld(db());
    const project = await w.createProject({ startedOn: "2024-01-01", endedOn: "2026-12-31" });
    const editor = await w.as("leadEditor");
    const end = await failure(editor.project.update({ id: project.id, version: 1, endedOn: "2023-12-31" }));
    expect(end.code).toBe("BAD_REQUEST");
    expect(fieldsOf(end.payload)).toEqual(["endedOn"]);
    const start = await failure(editor.project.update({ id: project.id, version: 1, startedOn: "2027-01-01" }));
    expect(fieldsOf(start.payload)).toEqual(["startedOn"]);
    const budget = await failure(editor.project.update({ id: project.id, version: 1, budgetCents: -1 }));
    expect(fieldsOf(budget.payload)).toEqual(["budgetCents"]);
  });
});
