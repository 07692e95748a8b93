import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { failure, fieldsOf } from "./support/expect-error.ts";
import { projectWorld } from "./support/project-fixtures.ts";
import { useTestDb } from "./support/test-db.ts";

const testDb = useTestDb();
const db = () => testDb().db;

const meeting = { occurredOn: "2025-03-12", kind: "meeting" as const, title: "Comité de pilotage du PAT" };

describe("action : journal", () => {
  it("consigne une action sur un projet, avec ses partenaires par défaut, sur leur frise et dans l'audit", async () => {
    const w = await projectWorld(db());
    const project = await w.createProject();
    const editor = await w.as("partnerEditor");
    const notes = "## Relevé\n- <script>alert(1)</script> **tel que saisi**";
    const action = await editor.action.create({ ...meeting, projectId: project.id, notes });
    expect(action).toMatchObject({
      ...meeting,
      notes,
      cooperation: { id: w.cooperation.id },
      project: { id: project.id, title: project.title },
      version: 1,
    });
    expect(action.territories.map((t) => t.id).sort()).toEqual([w.lead.id, w.partner.id].sort());
    const feed = await editor.timeline.territory({ territoryId: w.lead.id, kinds: ["meeting"] });
    expect(feed.items).toEqual([expect.objectContaining({ actionId: action.id, title: meeting.title })]);
    const history = await editor.audit.history({ entityType: "action", entityId: action.id });
    expect(history.map((h) => h.action)).toEqual(["created"]);
  });

  it("consigne une action sur la coopération elle-même, avec ses membres actuels ou les territoires donnés", async () => {
    const w = await projectWorld(db());
    const editor = await w.as("leadEditor");
    const all = await editor.action.create({ ...meeting, kind: "signature", cooperationId: w.cooperation.id });
    expect(all.project).toBeNull();
    expect(all.territories.map((t) => t.id).sort()).toEqual([w.lead.id, w.partner.id].sort());
    const some = await editor.action.create({ ...meeting, cooperationId: w.cooperation.id, territoryIds: [w.lead.id] });
    expect(some.territories.map((t) => t.id)).toEqual([w.lead.id]);
    const partnerFeed = await editor.timeline.territory({ territoryId: w.partner.id, kinds: ["meeting"] });
    expect(partnerFeed.items).toEqual([]);
  });

  it("refuse une date hors bornes, un territoire inconnu et un projet d'une autre coopération, en nommant le champ", async () => {
    const w = await projectWorld(db());
    const project = await w.createProject();
    const editor = await w.as("leadEditor");
    for (const occurredOn of ["3000-01-01", "1940-06-18", "2025-02-30"]) {
      const bad = await failure(editor.action.create({ ...meeting, occurredOn, projectId: project.id }));
      expect(bad.code).toBe("BAD_REQUEST");
      expect(fieldsOf(bad.payload)).toEqual(["occurredOn"]);
    }
    const unknown = await failure(
      editor.action.create({ ...meeting, projectId: project.id, territoryIds: [w.lead.id, randomUUID()] }),
    );
    expect(unknown.code).toBe("NOT_FOUND");
    expect(fieldsOf(unknown.payload)).toEqual(["territoryIds.1"]);
    const other = await (await w.as("leadAdmin")).cooperation.create({
      name: `Autre coopération ${randomUUID().slice(0, 8)}`,
      engagementForm: "entente",
      leadTerritoryId: w.lead.id,
    });
    const outside = await failure(editor.action.create({ ...meeting, projectId: project.id, cooperationId: other.id }));
    expect(outside.code).toBe("BAD_REQUEST");
    expect(outside.payload.fields).toEqual([
      {
        field: "cooperationId",
        message: {
          fr: "Ce projet n'appartient pas à cette coopération",
          en: "This project does not belong to this cooperation",
        },
      },
    ]);
    const detached = await failure(editor.action.create({ ...meeting }));
    expect(fieldsOf(detached.payload)).toEqual(["projectId"]);
    expect((await editor.action.list({ projectId: project.id })).total).toBe(0);
  });

  it("un éditeur d'un territoire non partenaire ne peut pas consigner, ni un lecteur d'un partenaire", async () => {
    const w = await projectWorld(db());
    const project = await w.createProject();
    for (const who of ["outsiderEditor", "partnerViewer"] as const) {
      const caller = await w.as(who);
      expect((await failure(caller.action.create({ ...meeting, projectId: project.id }))).code).toBe("FORBIDDEN");
      const onCooperation = await failure(caller.action.create({ ...meeting, cooperationId: w.cooperation.id }));
      expect(onCooperation.code).toBe("FORBIDDEN");
    }
  });

  it("liste les actions de la plus récente à la plus ancienne, par page, sans celles d'un projet réservé pour les autres", async () => {
    const w = await projectWorld(db());
    const open = await w.createProject();
    const restricted = await w.createProject({ visibility: "partners" });
    const editor = await w.as("leadEditor");
    const dates = ["2025-01-10", "2025-03-05", "2025-02-20"];
    for (const occurredOn of dates) await editor.action.create({ ...meeting, occurredOn, projectId: open.id });
    await editor.action.create({ ...meeting, occurredOn: "2025-04-01", projectId: restricted.id });
    await editor.action.create({ ...meeting, occurredOn: "2025-05-01", cooperationId: w.cooperation.id });

    const page = await editor.action.list({ projectId: open.id, limit: 2 });
    expect(page.total).toBe(3);
    expect(page.items.map((a) => a.occurredOn)).toEqual(["2025-03-05", "2025-02-20"]);
    const next = await editor.action.list({ projectId: open.id, limit: 2, offset: 2 });
    expect(next.items.map((a) => a.occurredOn)).toEqual(["2025-01-10"]);

    const byCooperation = async (who: "leadViewer" | "outsiderEditor") =>
      (await (await w.as(who)).action.list({ cooperationId: w.cooperation.id })).items.map((a) => a.occurredOn);
    expect(await byCooperation("leadViewer")).toEqual([
      "2025-05-01",
      "2025-04-01",
      "2025-03-05",
      "2025-02-20",
      "2025-01-10",
    ]);
    expect(await byCooperation("outsiderEditor")).toEqual(["2025-05-01", "2025-03-05", "2025-02-20", "2025-01-10"]);
    const hidden = await (await w.as("outsiderEditor")).action.list({ projectId: restricted.id });
    expect(hidden).toEqual({ items: [], total: 0 });
  });
});

describe("action : modification et retrait", () => {
  it("modifie une action et réécrit son entrée de frise (date, titre, territoires)", async () => {
    const w = await projectWorld(db());
    const project = await w.createProject();
    const editor = await w.as("leadEditor");
    const action = await editor.action.create({ ...meeting, projectId: project.id });
    const updated = await (await w.as("partnerEditor")).action.update({
      id: action.id,
      version: 1,
      occurredOn: "2025-03-19",
      title: "Comité de pilotage (reporté)",
      territoryIds: [w.partner.id],
    });
    expect(updated).toMatchObject({ version: 2, occurredOn: "2025-03-19", notes: "", kind: "meeting" });
    expect(updated.territories).toEqual([{ id: w.partner.id, name: w.partner.name }]);
    expect((await editor.timeline.territory({ territoryId: w.lead.id, kinds: ["meeting"] })).items).toEqual([]);
    const partnerFeed = await editor.timeline.territory({ territoryId: w.partner.id, kinds: ["meeting"] });
    expect(partnerFeed.items).toEqual([
      expect.objectContaining({ actionId: action.id, occurredOn: "2025-03-19", title: "Comité de pilotage (reporté)" }),
    ]);
    const history = await editor.audit.history({ entityType: "action", entityId: action.id });
    expect(history[0]).toMatchObject({ action: "updated", before: { version: 1 }, after: { version: 2 } });
  });

  it("refuse la modification à un autre territoire, à un lecteur, sur une version périmée ou une date hors bornes", async () => {
    const w = await projectWorld(db());
    const project = await w.createProject();
    const editor = await w.as("leadEditor");
    const action = await editor.action.create({ ...meeting, projectId: project.id });
    for (const who of ["outsiderEditor", "leadViewer"] as const) {
      const refused = await failure((await w.as(who)).action.update({ id: action.id, version: 1, title: "Non" }));
      expect(refused.code).toBe("FORBIDDEN");
    }
    const future = await failure(editor.action.update({ id: action.id, version: 1, occurredOn: "3000-01-01" }));
    expect(fieldsOf(future.payload)).toEqual(["occurredOn"]);
    await editor.action.update({ id: action.id, version: 1, notes: "Relevé de décisions" });
    const stale = await failure(editor.action.update({ id: action.id, version: 1, notes: "Écrase" }));
    expect(stale.code).toBe("CONFLICT");
    expect(stale.payload.current).toMatchObject({ version: 2, notes: "Relevé de décisions" });
  });

  it("retire une action : elle quitte la liste et la frise, l'audit la garde, et un second retrait est introuvable", async () => {
    const w = await projectWorld(db());
    const project = await w.createProject();
    const editor = await w.as("partnerEditor");
    const action = await editor.action.create({ ...meeting, projectId: project.id });
    for (const who of ["outsiderEditor", "partnerViewer"] as const) {
      const refused = await failure((await w.as(who)).action.remove({ id: action.id, version: 1 }));
      expect(refused.code).toBe("FORBIDDEN");
    }
    expect((await failure(editor.action.remove({ id: action.id, version: 9 }))).code).toBe("CONFLICT");
    expect(await editor.action.remove({ id: action.id, version: 1 })).toEqual({ id: action.id });
    expect((await editor.action.list({ projectId: project.id })).total).toBe(0);
    expect((await editor.timeline.project({ projectId: project.id, kinds: ["meeting"] })).items).toEqual([]);
    const history = await editor.audit.history({ entityType: "action", entityId: action.id });
    expect(history[0]).toMatchObject({
      action: "removed",
      before: { id: action.id, title: meeting.title },
      after: null,
    });
    expect((await failure(editor.action.remove({ id: action.id, version: 2 }))).code).toBe("NOT_FOUND");
    const edit = await failure(editor.action.update({ id: action.id, version: 2, title: "Revenue" }));
    expect(edit.code).toBe("NOT_FOUND");
  });
});
