import { randomUUID } from "node:crypto";
import { sql } from "@trame/db";
import { describe, expect, it } from "vitest";
import { installAuditFailure } from "./support/cooperation-fixtures.ts";
import { failure, fieldsOf } from "./support/expect-error.ts";
import { makeTerritory } from "./support/factories.ts";
import { projectWorld } from "./support/project-fixtures.ts";
import { useTestDb } from "./support/test-db.ts";

const testDb = useTestDb();
const db = () => testDb().db;

describe("projet : partenaires", () => {
  it("les éditeurs du chef de file remplacent la liste des partenaires, audit compris", async () => {
    const w = await projectWorld(db());
    const project = await w.createProject();
    const funder = await makeTerritory(db(), { kind: "departement" });
    await w.joinAsAssociate(funder.id);
    const editor = await w.as("leadEditor");
    const updated = await editor.project.setPartners({
      id: project.id,
      version: 1,
      partners: [
        { territoryId: w.partner.id, role: "lead" },
        { territoryId: w.lead.id, role: "co_owner" },
        { territoryId: funder.id, role: "funder" },
      ],
    });
    expect(updated).toMatchObject({ version: 2, partnerCount: 3, lead: { id: w.partner.id } });
    expect(updated.partners.map((p) => [p.territory.id, p.role])).toContainEqual([funder.id, "funder"]);
    const history = await editor.audit.history({ entityType: "project", entityId: project.id });
    expect(history[0]).toMatchObject({ action: "partners_set", before: { version: 1 }, after: { version: 2 } });
  });

  it("un éditeur d'un partenaire qui n'est pas chef de file ne peut pas changer les partenaires", async () => {
    const w = await projectWorld(db());
    const project = await w.createProject();
    const partners = [{ territoryId: w.partner.id, role: "lead" as const }];
    for (const who of ["partnerEditor", "outsiderEditor", "leadViewer"] as const) {
      const refused = await failure((await w.as(who)).project.setPartners({ id: project.id, version: 1, partners }));
      expect(refused.code).toBe("FORBIDDEN");
    }
  });

  it("refuse zéro ou deux chefs de file et une version périmée", async () => {
    const w = await projectWorld(db());
    const project = await w.createProject();
    const editor = await w.as("leadEditor");
    const twoLeads = await failure(
      editor.project.setPartners({
        id: project.id,
        version: 1,
        partners: [
          { territoryId: w.lead.id, role: "lead" },
          { territoryId: w.partner.id, role: "lead" },
        ],
      }),
    );
    expect(fieldsOf(twoLeads.payload)).toEqual(["partners"]);
    const noLead = await failure(
      editor.project.setPartners({
        id: project.id,
        version: 1,
        partners: [{ territoryId: w.lead.id, role: "partner" }],
      }),
    );
    expect(fieldsOf(noLead.payload)).toEqual(["partners"]);
    await editor.project.update({ id: project.id, version: 1, summary: "Entre-temps" });
    const stale = await failure(
      editor.project.setPartners({ id: project.id, version: 1, partners: [{ territoryId: w.lead.id, role: "lead" }] }),
    );
    expect(stale.code).toBe("CONFLICT");
    expect(stale.payload.current).toMatchObject({ version: 2, partnerCount: 2 });
  });

  it("n'écrit rien quand un partenaire est inconnu : les anciens partenaires restent", async () => {
    const w = await projectWorld(db());
    const project = await w.createProject();
    const editor = await w.as("leadEditor");
    const unknown = await failure(
      editor.project.setPartners({
        id: project.id,
        version: 1,
        partners: [
          { territoryId: w.lead.id, role: "lead" },
          { territoryId: w.outsider.id, role: "partner" },
          { territoryId: randomUUID(), role: "observer" },
        ],
      }),
    );
    expect(unknown.code).toBe("NOT_FOUND");
    expect(fieldsOf(unknown.payload)).toEqual(["partners.2.territoryId"]);
    const stored = await editor.project.get({ id: project.id });
    expect(stored).toMatchObject({ version: 1, partners: project.partners });
  });

  it("annule tout quand l'écriture échoue après le remplacement des partenaires", async () => {
    const w = await projectWorld(db());
    const project = await w.createProject();
    const failAuditOf = await installAuditFailure(db());
    await failAuditOf(project.id);
    const editor = await w.as("leadEditor");
    const partners = [{ territoryId: w.outsider.id, role: "lead" as const }];
    await failure(editor.project.setPartners({ id: project.id, version: 1, partners }));
    const change = { id: project.id, version: 1, status: "planned" as const, changedOn: "2024-03-01" };
    await failure(editor.project.changeStatus(change));
    const stored = await editor.project.get({ id: project.id });
    expect(stored).toMatchObject({ version: 1, status: "idea", partners: project.partners });
    expect(stored.statusHistory).toHaveLength(1);
    const feed = await editor.timeline.project({ projectId: project.id });
    expect(feed.items).toHaveLength(1);
  });

  it("la base elle-même refuse un second chef de file, même hors du service", async () => {
    const w = await projectWorld(db());
    const project = await w.createProject();
    const insertSecondLead = sql`insert into project_partners (project_id, territory_id, role)
      values (${project.id}, ${w.outsider.id}, 'lead')`.execute(db());
    await expect(insertSecondLead).rejects.toMatchObject({ code: "23505" });
  });
});

describe("projet : statut et archivage", () => {
  it("suit le cycle de vie, garde l'historique et l'inscrit sur la frise de chaque partenaire", async () => {
    const w = await projectWorld(db());
    const project = await w.createProject();
    const editor = await w.as("partnerEditor");
    await editor.project.changeStatus({ id: project.id, version: 1, status: "planned", changedOn: "2024-02-01" });
    const started = await editor.project.changeStatus({
      id: project.id,
      version: 2,
      status: "in_progress",
      changedOn: "2024-09-01",
      comment: "Délibérations votées",
    });
    expect(started).toMatchObject({ status: "in_progress", version: 3 });
    expect(started.statusHistory.map((h) => [h.from, h.to])).toEqual([
      [null, "idea"],
      ["idea", "planned"],
      ["planned", "in_progress"],
    ]);
    expect(started.statusHistory[2]).toMatchObject({ changedOn: "2024-09-01", comment: "Délibérations votées" });
    const feed = await editor.timeline.territory({
      territoryId: w.lead.id,
      kinds: ["project_status"],
      to: "2024-12-31",
    });
    expect(feed.items[0]).toMatchObject({
      occurredOn: "2024-09-01",
      detail: { from: "planned", to: "in_progress", comment: "Délibérations votées" },
      territories: expect.arrayContaining([{ id: w.partner.id, name: w.partner.name }]),
    });
    const history = await editor.audit.history({ entityType: "project", entityId: project.id });
    expect(history[0]).toMatchObject({ action: "status_changed", after: { status: "in_progress", version: 3 } });
  });

  it("refuse un passage interdit en indiquant les statuts possibles", async () => {
    const w = await projectWorld(db());
    const project = await w.createProject();
    const editor = await w.as("leadEditor");
    const illegal = await failure(
      editor.project.changeStatus({ id: project.id, version: 1, status: "completed", changedOn: "2024-03-01" }),
    );
    expect(illegal.code).toBe("PRECONDITION_FAILED");
    expect(illegal.payload.allowed).toEqual(["planned", "abandoned"]);
    expect(illegal.payload.message.fr).toBe("Passage de « Idée » à « Achevé » impossible");
    expect((await editor.project.get({ id: project.id })).statusHistory).toHaveLength(1);
  });

  it("refuse le changement de statut à un autre territoire, à un lecteur et sur une version périmée", async () => {
    const w = await projectWorld(db());
    const project = await w.createProject();
    const change = { id: project.id, version: 1, status: "planned" as const, changedOn: "2024-03-01" };
    for (const who of ["outsiderEditor", "leadViewer"] as const) {
      expect((await failure((await w.as(who)).project.changeStatus(change))).code).toBe("FORBIDDEN");
    }
    const editor = await w.as("leadEditor");
    await editor.project.changeStatus(change);
    const stale = await failure(editor.project.changeStatus({ ...change, status: "abandoned" }));
    expect(stale.code).toBe("CONFLICT");
    expect(stale.payload.current).toMatchObject({ status: "planned", version: 2 });
  });

  it("archive le projet : il quitte la liste, reste lisible et n'accepte plus de modification", async () => {
    const w = await projectWorld(db());
    const project = await w.createProject();
    for (const who of ["partnerEditor", "outsiderEditor", "leadViewer"] as const) {
      const refused = await failure((await w.as(who)).project.archive({ id: project.id, version: 1 }));
      expect(refused.code).toBe("FORBIDDEN");
    }
    const editor = await w.as("leadEditor");
    expect((await failure(editor.project.archive({ id: project.id, version: 7 }))).code).toBe("CONFLICT");
    const archived = await editor.project.archive({ id: project.id, version: 1 });
    expect(archived).toMatchObject({ archived: true, version: 2 });
    const listed = async (includeArchived: boolean) =>
      (await editor.project.list({ cooperationId: w.cooperation.id, includeArchived })).items.map((p) => p.id);
    expect(await listed(false)).not.toContain(project.id);
    expect(await listed(true)).toContain(project.id);
    const frozen = await failure(editor.project.update({ id: project.id, version: 2, title: "Rouvert" }));
    expect(frozen.code).toBe("PRECONDITION_FAILED");
    expect(frozen.payload.message.fr).toBe("Ce projet est archivé");
    const history = await editor.audit.history({ entityType: "project", entityId: project.id });
    expect(history[0]?.action).toBe("archived");
  });
});
